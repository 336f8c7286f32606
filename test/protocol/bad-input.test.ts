// Bad input through the real stdio server: invalid JSON-RPC, unknown methods,
// requests for documents never opened, positions out of range, and bad
// documents (empty, binary-looking, NUL bytes, lone surrogates, a table row
// of 100,000 columns, 10,000 nested blockquotes or list items, 1 MB lines, a
// 50 MB document, an engine failure). Each is answered (an error, an empty
// result, or diagnostics whose ranges lie inside the document), loses no
// text when formatted, and leaves the server serving: a hover still answers
// and a normal report opened afterwards still gets its diagnostics. What each
// answer and each document's findings must be is written here (or is a seed's
// hand-checked findings). The engine may throw only on the planted fault: a
// throw on any other input fails the test. Figures are printed with the prefix
// "bad-input:" for docs/reliability.md.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ENGINE_FAULT_MARK } from '../../server/src/lsp/test-hooks.ts';
import { cleanReport, essence, fileUri, rssKb, seedFindings, seedText, sorted, TestClient } from './harness.ts';

const TITLE = '# 某市某局2021年政府信息公开工作年度报告\n\n';
const FORMAT = { tabSize: 2, insertSpaces: true };
const ALL = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };
const MB = 1024 * 1024;

function seedReport(): string {
  return seedText('003');
}

/** Every diagnostic (and related location) lies inside the document. */
function assertInside(text: string, diagnostics: Diagnostic[]): void {
  const doc = TextDocument.create('file:///x.md', 'markdown', 1, text);
  const inside = (p: { line: number; character: number }) => doc.offsetAt(p) >= 0 && p.line < doc.lineCount && p.character >= 0 && doc.positionAt(doc.offsetAt(p)).character === p.character;
  for (const d of diagnostics) {
    assert.ok(inside(d.range.start) && inside(d.range.end), `${d.code} ${JSON.stringify(d.range)} outside the document`);
    assert.ok(doc.offsetAt(d.range.start) <= doc.offsetAt(d.range.end), `${d.code}: range ends before it starts`);
    for (const r of d.relatedInformation ?? []) assert.ok(inside(r.location.range.start) && inside(r.location.range.end), `${d.code}: related range outside`);
  }
}

/** Formatting may move whitespace, pipes, dashes and colons of delimiter rows; nothing else may change. */
function assertNothingLost(before: string, edits: TextEdit[]): void {
  const doc = TextDocument.create('file:///x.md', 'markdown', 1, before);
  const after = TextDocument.applyEdits(doc, edits);
  const core = (s: string) => s.replace(/[\s|:\-]/g, '');
  assert.equal(core(after), core(before), 'formatting changed text other than the table layout');
}

// ---- A raw JSON-RPC peer on the same pipes, for messages the typed connection will not send. ----

interface Frame { id?: unknown; result?: unknown; error?: { code: number; message: string }; method?: string }

/** Collects every message the server writes (alongside the harness's own reader). */
function frames(client: TestClient): Frame[] {
  const out: Frame[] = [];
  let buf = Buffer.alloc(0);
  client.child.stdout!.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const h = buf.indexOf('\r\n\r\n');
      if (h < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, h).toString('ascii'))?.[1]);
      if (buf.length < h + 4 + len) return;
      out.push(JSON.parse(buf.subarray(h + 4, h + 4 + len).toString('utf8')) as Frame);
      buf = buf.subarray(h + 4 + len);
    }
  });
  return out;
}

function writeRaw(client: TestClient, bytes: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => client.child.stdin!.write(bytes, (e) => (e ? reject(e) : resolve())));
}

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

function bytesFrame(body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
}

const UTF16_BODY = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/nianbao-proto/utf16.md', languageId: 'markdown', version: 1, text: '# 某局2023年政府信息公开工作年度报告' } } });

async function answerTo(seen: Frame[], id: string, timeoutMs = 10000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const f = seen.find((x) => x.id === id);
    if (f) return f;
    if (Date.now() > deadline) throw new Error(`no answer to ${id}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The server answers a hover, over the raw pipe, within a few tries (after a stream error it may need to resynchronise). */
async function stillAnswers(client: TestClient, seen: Frame[], tag: string): Promise<void> {
  for (let k = 0; k < 5; k++) {
    const id = `${tag}-alive-${k}`;
    await writeRaw(client, frame(JSON.stringify({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///tmp/nianbao-proto/none.md' }, position: { line: 0, character: 0 } } })));
    try {
      const f = await answerTo(seen, id, 2000);
      assert.equal(f.result, null);
      return;
    } catch {
      // The stream was out of step; the next message finds it again.
    }
  }
  assert.fail(`the server stopped answering after ${tag}`);
}

let tried = 0;

describe('invalid messages', () => {
  let client: TestClient;
  let seen: Frame[];
  before(async () => {
    client = await TestClient.start();
    seen = frames(client);
  });
  after(async () => {
    assert.equal(client.child.exitCode, null, 'the server is still running');
    assert.ok(!client.logs.some((l) => /uncaught|unhandled rejection/.test(l)), client.logs.join('\n'));
    await client.stop();
  });

  const raw: [string, string | Buffer][] = [
    ['malformed JSON', frame('{"jsonrpc":"2.0","id":"x",')],
    ['not JSON at all', frame('\u0000\u0001 binary \ufffd')],
    ['a JSON array (batch)', frame('[{"jsonrpc":"2.0","id":"b1","method":"shutdown"}]')],
    ['a JSON number', frame('42')],
    ['JSON null', frame('null')],
    ['an id without a method', frame('{"jsonrpc":"2.0","id":"m1"}')],
    ['an object as id', frame('{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover","params":{}}')],
    ['a response to nothing', frame('{"jsonrpc":"2.0","id":424242,"result":{}}')],
    ['a header without Content-Length', 'Content-Type: nothing\r\n\r\n'],
    ['a garbage header line', 'garbage\r\n\r\n'],
    ['a Content-Length shorter than the body', 'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","method":"initialized"}'],
    ['a Content-Length counting characters, not UTF-8 bytes', `Content-Length: ${UTF16_BODY.length}\r\n\r\n${UTF16_BODY}`],
    ['a Content-Length longer than the body', 'Content-Length: 400\r\n\r\n{"jsonrpc":"2.0","method":"initialized"}'],
    ['invalid UTF-8 in a body', bytesFrame(Buffer.concat([Buffer.from('{"jsonrpc":"2.0","id":"u8","method":"nianbao/templates","params":{"s":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0xa0, 0xa0, 0xa0, 0xa0, 0xa0]), Buffer.from('"}}')]))],
    ['a zero Content-Length', 'Content-Length: 0\r\n\r\n'],
    ['a huge Content-Length header value', 'Content-Length: 99999999999999999999999\r\n\r\n{}'],
  ];
  for (const [name, bytes] of raw) {
    it(`survives ${name}`, async () => {
      tried++;
      await writeRaw(client, bytes);
      await stillAnswers(client, seen, name.replace(/\W+/g, '-'));
    });
  }

  it('answers requests with invalid params with an error or an empty result', async () => {
    // [method, params, what the answer must be: an error code, or the result as JSON]
    const bad: [string, unknown, { error: number } | { result: string }][] = [
      // null params reach vscode-languageserver's handler, which reads params.workDoneToken: InternalError (InvalidParams would be the better code).
      ['textDocument/hover', null, { error: -32603 }],
      ['textDocument/hover', { textDocument: 5, position: 'a' }, { result: 'null' }],
      ['textDocument/hover', { textDocument: { uri: 'file:///tmp/x.md' } }, { result: 'null' }],
      ['textDocument/codeAction', { textDocument: { uri: 'file:///tmp/x.md' }, range: null, context: null }, { result: '[]' }],
      ['textDocument/formatting', {}, { result: '[]' }],
      ['textDocument/completion', { position: { line: -1, character: -1 } }, { result: '[]' }],
      ['nianbao/fixAll', null, { result: 'null' }],
      ['nianbao/newReport', { year: 'abc' }, { error: 1 }],
      ['nianbao/newReport', { year: 1e308, template: 7 }, { error: 1 }],
      ['nianbao/nextYearReport', {}, { error: 1 }],
      ['nianbao/templates', [1, 2, 3], { result: JSON.stringify([{ id: '2019', name: '2019年版格式（试行）', to: 2020 }, { id: '2021', name: '2021年版格式', from: 2021 }]) }],
      ['shutdownx', {}, { error: -32601 }],
    ];
    for (const [i, [method, params, want]] of bad.entries()) {
      tried++;
      const id = `p${i}`;
      await writeRaw(client, frame(JSON.stringify({ jsonrpc: '2.0', id, method, params })));
      const f = await answerTo(seen, id);
      const got = f.error !== undefined ? { error: f.error.code } : { result: JSON.stringify(f.result) };
      assert.deepEqual(got, want, `${method} ${JSON.stringify(params)}: ${JSON.stringify(f)}`);
    }
    // Notifications with invalid params: nothing to answer, nothing to break.
    for (const [method, params] of [
      ['textDocument/didOpen', { textDocument: { uri: 5 } }],
      ['textDocument/didOpen', null],
      ['textDocument/didChange', { textDocument: { uri: 'file:///tmp/nianbao-proto/never.md', version: 2 }, contentChanges: [{ text: 'x' }] }],
      ['textDocument/didChange', { textDocument: null, contentChanges: 'x' }],
      ['textDocument/didClose', { textDocument: { uri: 'file:///tmp/nianbao-proto/never.md' } }],
      ['workspace/didChangeConfiguration', { settings: { nianbao: { rules: 'all', files: 7, maxFileSize: -1, inlayHints: {} } } }],
      ['workspace/didChangeWatchedFiles', { changes: 'none' }],
      ['$/cancelRequest', { id: null }],
      ['$/setTrace', { value: 'loud' }],
      ['no/such/notification', { a: 1 }],
    ] as const) {
      tried++;
      await writeRaw(client, frame(JSON.stringify({ jsonrpc: '2.0', method, params })));
    }
    await stillAnswers(client, seen, 'params');
  });

  it('an unknown method is answered with MethodNotFound', async () => {
    tried++;
    await assert.rejects(client.request('nianbao/doesNotExist', {}), (e: { code?: number }) => e.code === -32601);
  });

  it('requests for documents never opened get empty results', async () => {
    const uri = fileUri('/tmp/nianbao-proto/never-opened.md');
    const td = { textDocument: { uri } };
    const pos = { line: 3, character: 4 };
    const answers: [string, unknown, (r: unknown) => boolean][] = [
      ['textDocument/hover', { ...td, position: pos }, (r) => r === null],
      ['textDocument/completion', { ...td, position: pos }, (r) => Array.isArray(r) && r.length === 0],
      ['textDocument/codeAction', { ...td, range: { start: pos, end: pos }, context: { diagnostics: [] } }, (r) => Array.isArray(r) && r.length === 0],
      ['textDocument/formatting', { ...td, options: FORMAT }, (r) => Array.isArray(r) && r.length === 0],
      ['textDocument/rangeFormatting', { ...td, range: ALL, options: FORMAT }, (r) => Array.isArray(r) && r.length === 0],
      ['textDocument/documentSymbol', td, (r) => Array.isArray(r) && r.length === 0],
      ['textDocument/foldingRange', td, (r) => Array.isArray(r) && r.length === 0],
      ['textDocument/inlayHint', { ...td, range: ALL }, (r) => Array.isArray(r) && r.length === 0],
      ['nianbao/fixAll', { uri }, (r) => (r as { edits: unknown[] }).edits.length === 0],
    ];
    for (const [method, params, ok] of answers) {
      tried++;
      const r = await client.request(method, params);
      assert.ok(ok(r), `${method}: ${JSON.stringify(r)}`);
    }
    tried++;
    await assert.rejects(client.request('nianbao/nextYearReport', { uri }), /未打开|not open/);
  });

  it('positions and ranges out of range are answered, never crash, and edits stay inside the document', async () => {
    const uri = fileUri('/tmp/nianbao-proto/out-of-range.md');
    const text = seedReport();
    await client.open(uri, text);
    const positions = [
      { line: 1e6, character: 0 }, { line: 0, character: 1e6 }, { line: -1, character: -5 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 }, { line: 3, character: 0.5 }, { line: 3, character: 99999 },
    ];
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    for (const p of positions) {
      for (const range of [{ start: p, end: p }, { start: p, end: { line: 0, character: 0 } }, { start: { line: 0, character: 0 }, end: p }]) {
        tried += 6;
        await client.request('textDocument/hover', { textDocument: { uri }, position: p });
        await client.request('textDocument/completion', { textDocument: { uri }, position: p });
        await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
        await client.request('textDocument/inlayHint', { textDocument: { uri }, range });
        const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range, options: FORMAT });
        for (const e of edits) assert.ok(doc.offsetAt(e.range.end) <= text.length && e.range.end.line < doc.lineCount, JSON.stringify(e.range));
        assertNothingLost(text, edits);
        await client.request('textDocument/foldingRange', { textDocument: { uri } });
      }
    }
    // A didChange whose range lies past the end is applied at the end, as the client's copy does.
    tried++;
    const v = await client.change(uri, [{ range: { start: { line: 1e6, character: 0 }, end: { line: 1e6 + 1, character: 5 } }, text: '\n尾注\n' }]);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === v);
    assert.ok(client.text(uri).endsWith('\n尾注\n'));
    // The seed's own findings: the footnote changes none of them.
    assert.deepEqual(sorted(p.diagnostics.map(essence)), sorted(seedFindings('003')));
    await client.close(uri);
  });
});

describe('bad documents', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ env: { NIANBAO_TEST_ENGINE_FAULT: '1' } });
  });
  after(async () => {
    assert.equal(client.child.exitCode, null, 'the server is still running');
    await client.stop();
  });

  const table = (cols: number) => '| 一、本年新收政府信息公开申请数量 |' + ' 1 |'.repeat(cols) + '\n|' + '---|'.repeat(cols + 1) + '\n';
  /** TITLE alone: a 2021 report with its six sections missing, each reported on the title. */
  const SIX_MISSING = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']
    .map((s) => `section-missing 0:2-0:23 缺少「${s}」`);
  /** What must be published: every finding, or the count per rule and some findings that must be among them. */
  type Expect = string[] | { counts: Record<string, number>; including: string[] };
  const cases: { name: string; text: () => string; expect: Expect | 'planted fault'; timeoutMs?: number }[] = [
    // Not reports: nothing is published.
    { name: 'an empty document', text: () => '', expect: [] },
    { name: 'only whitespace and line breaks', text: () => ' \n\r\n\t\n'.repeat(1000), expect: [] },
    { name: 'binary-looking text', text: () => Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + (i >> 7)) % 256)).toString('latin1'), expect: [] },
    {
      name: 'NUL bytes in a report',
      text: () => seedReport().replace(/\| (\d+) \|/g, '| $1\0 |').replace('年度', '年\0度'),
      // Every other figure carries a NUL: not a number, also in a row's first figure column (the row is still read by its
      // label); table 4's figure row has no label, so its first cell is taken as one and the row is the wrong shape.
      // The seed's own label findings stay.
      expect: {
        counts: { 'cell-empty': 6, 'cell-invalid': 99, 'publish-date': 1, 'table-row-label': 4, 'table-row-missing': 2, 'table-shape': 1 },
        including: [
          'cell-invalid 37:7-37:10 规章「本年新制作数量」「22\0」不是数字',
          'cell-invalid 37:18-37:21 规章「对外公开总数量」「22\0」不是数字',
          'cell-invalid 89:20-89:22 （七）总计「商业企业」「0\0」不是数字',
          'cell-invalid 69:26-69:28 （三）1.国家秘密「自然人」「0\0」不是数字',
          'table-shape 98:0-98:69 「0\0」行应有 15 个数值单元格，实有 14 个',
          ...seedFindings('003').filter((e) => e.startsWith('table-row-label') || e.startsWith('publish-date')),
        ],
      },
    },
    {
      name: 'lone surrogates, a BOM and mixed line ends',
      text: () => '\ufeff' + seedReport().replace(/\n/g, (_, i: number) => (i % 3 ? '\r\n' : '\n')).replace(/一/g, '\ud800一\udfff'),
      // 一 wrapped in lone surrogates is no longer 一: the heading 一、总体情况 and the labels with 一 are not the official ones.
      expect: {
        counts: { 'publish-date': 1, 'section-missing': 1, 'table-row-label': 7, 'table-row-missing': 3, 'table-shape': 3 },
        including: [
          'section-missing 32:0-32:12 缺少「一、总体情况」',
          'table-shape 40:9-40:18 表头「上\ud800一\udfff年项目数量」应为「上一年项目数量」',
          'table-row-label 73:6-73:17 行标签「5.属于三类内部事务息」应为「5.属于三类内部事务信息」',
          'publish-date 112:0-112:10 落款日期 2022年1月15日 比报告年度 2020 晚两年以上，不可能是本报告的日期：报告年度或日期有误（本报告应于 2021年1月31日 前发布）',
        ],
      },
    },
    // The parser's bounds make these cheap and inert: what is left is the title, and the six sections missing.
    { name: 'a table row of 100,000 columns', text: () => TITLE + table(100000), expect: SIX_MISSING, timeoutMs: 120000 },
    { name: '10,000 nested blockquotes', text: () => TITLE + '> '.repeat(10000) + '三、收到和处理政府信息公开申请情况\n', expect: SIX_MISSING },
    { name: '10,000 nested blockquotes without spaces', text: () => TITLE + '>'.repeat(10000) + ' ' + table(7), expect: SIX_MISSING },
    { name: '10,000 nested list items', text: () => TITLE + '- '.repeat(10000) + '（一）予以公开\n', expect: SIX_MISSING },
    { name: '10,000 nested ordered list items', text: () => TITLE + '1. '.repeat(10000) + table(3), expect: SIX_MISSING },
    // Mixed container nesting (alternating quotes and list items, footnotes among them) overflowed the stack before the guard bounded it.
    { name: '10,000 alternating quotes and lists', text: () => TITLE + '> - '.repeat(5000) + '**四、**\n', expect: SIX_MISSING, timeoutMs: 120000 },
    { name: '10,000 alternating lists, footnotes and quotes', text: () => TITLE + '- [^a]: > 1. '.repeat(2500) + '三、收到和处理政府信息公开申请情况\n', expect: SIX_MISSING, timeoutMs: 120000 },
    // 公开 written 174,763 times in a row is a doubled word: one finding for the whole run (doubled-word), not one per pair.
    { name: 'a 1 MB line of Chinese text', text: () => TITLE + '公开'.repeat(Math.ceil(MB / 6)) + '\n', expect: [...SIX_MISSING, `doubled-word 2:0-2:${2 * Math.ceil(MB / 6)} 「公开」连续重复了 ${Math.ceil(MB / 6)} 次（公开公开…）：应为「公开」`], timeoutMs: 60000 },
    { name: 'a 1 MB line without spaces', text: () => TITLE + 'x'.repeat(MB) + '\n', expect: SIX_MISSING, timeoutMs: 60000 },
    { name: 'a 1 MB number in a table cell', text: () => seedReport().replace(/\| \d+ \|/, `| ${'9'.repeat(MB)} |`), expect: seedFindings('003'), timeoutMs: 60000 },
    { name: 'an engine failure (stack overflow)', text: () => seedReport() + '\n' + ENGINE_FAULT_MARK + '\n', expect: 'planted fault' },
  ];

  // The report opened after each bad one: seed 000, with its hand-checked findings.
  const normal = seedText('000');
  const normalExpected = sorted(seedFindings('000'));

  for (const [n, c] of cases.entries()) {
    it(`${c.name}: answered, and the server still serves`, { timeout: (c.timeoutMs ?? 30000) + 30000 }, async (t) => {
      tried++;
      const text = c.text();
      const uri = fileUri(`/tmp/nianbao-proto/bad-${n}.md`);
      const t0 = performance.now();
      const published = await client.open(uri, text, 'markdown', c.timeoutMs ?? 30000);
      // Closed whatever happens below: a document left open would be compared with the next ones (copy-differs).
      t.after(() => client.close(uri));
      const ms = performance.now() - t0;
      assertInside(text, published.diagnostics);
      const failed = published.diagnostics.some((d) => d.code === 'check-failed');
      if (c.expect === 'planted fault') {
        assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity]), [['check-failed', 3]]);
        assert.match(published.diagnostics[0].message, /^未检查/);
        assert.ok(client.logs.some((l) => l.includes('analysis of') && l.includes('engine fault on purpose')), 'the error is logged');
      } else {
        // Only the planted fault may make the engine throw: anything else is an engine defect, and this test fails on it.
        assert.ok(!failed, `the engine threw on "${c.name}": ${client.logs.filter((l) => l.includes('analysis of')).at(-1)?.split('\n').slice(0, 3).join(' ') ?? ''}`);
        const got = published.diagnostics.map(essence);
        if (Array.isArray(c.expect)) assert.deepEqual(sorted(got), sorted(c.expect));
        else {
          const counts: Record<string, number> = {};
          for (const d of published.diagnostics) counts[String(d.code)] = (counts[String(d.code)] ?? 0) + 1;
          assert.deepEqual(counts, c.expect.counts);
          for (const e of c.expect.including) assert.ok(got.includes(e), `missing: ${e}`);
        }
      }
      // Every feature answers on it, and formatting loses nothing.
      const pos = { line: 0, character: 1 };
      await client.request('textDocument/hover', { textDocument: { uri }, position: pos });
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 5000 } });
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('textDocument/inlayHint', { textDocument: { uri }, range: ALL });
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: published.diagnostics } });
      assertNothingLost(text, await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: FORMAT }));
      // A normal report still gets its diagnostics.
      const okUri = fileUri(`/tmp/nianbao-proto/bad-${n}-then-normal.md`);
      assert.deepEqual(sorted((await client.open(okUri, normal)).diagnostics.map(essence)), normalExpected);
      await client.close(okUri);
      console.log(`bad-input: ${c.name} (${Buffer.byteLength(text)} bytes): ${published.diagnostics.length} diagnostic(s) in ${ms.toFixed(0)} ms`);
    });
  }

  it('a 50 MB document gets one notice "文件过大，未检查" instead of an analysis, and memory stays bounded', { timeout: 120000 }, async () => {
    tried++;
    const unit = seedReport();
    const text = unit.repeat(Math.ceil((50 * MB) / Buffer.byteLength(unit)));
    assert.ok(Buffer.byteLength(text) >= 50 * MB);
    const uri = fileUri('/tmp/nianbao-proto/bad-50mb.md');
    const t0 = performance.now();
    const published = await client.open(uri, text, 'markdown', 60000);
    const ms = performance.now() - t0;
    assert.equal(published.diagnostics.length, 1);
    const [d] = published.diagnostics;
    assert.equal(d.code, 'file-too-large');
    assert.equal(d.severity, 3, 'information');
    assert.match(d.message, /^文件过大，未检查/);
    assert.ok(d.message.includes(String(Buffer.byteLength(text))) && d.message.includes('10485760'), d.message);
    // Editing it stays cheap, and every feature answers with nothing.
    const v = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# ' }]);
    assert.equal((await client.waitForDiagnostics(uri, (p) => p.version === v, 60000)).diagnostics[0].code, 'file-too-large');
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 3 } }), null);
    assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri }, options: FORMAT }), []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    const rss = rssKb(client.child.pid!);
    console.log(`bad-input: a 50 MB document (${Buffer.byteLength(text)} bytes): notice in ${ms.toFixed(0)} ms; server RSS ${rss === undefined ? '?' : (rss / 1024).toFixed(0)} MB`);
    if (rss !== undefined) assert.ok(rss < 1536 * 1024, `server RSS ${(rss / 1024).toFixed(0)} MB with a 50 MB document open`);
    // Cut down below the limit, it is checked as usual.
    const small = await client.replaceAll(uri, normal);
    assert.deepEqual(sorted((await client.waitForDiagnostics(uri, (p) => p.version === small, 30000)).diagnostics.map(essence)), normalExpected);
    await client.close(uri);
  });

  it('the limit is the setting nianbao.maxFileSize (and English when the client is)', async () => {
    tried++;
    const en = await TestClient.start({ locale: 'en', settings: { maxFileSize: 4096 } });
    try {
      const uri = fileUri('/tmp/nianbao-proto/limit.md');
      const report = await cleanReport('2021', 2023);
      assert.ok(Buffer.byteLength(report) > 4096);
      const first = await en.open(uri, report);
      assert.deepEqual(first.diagnostics.map((d) => d.code), ['file-too-large']);
      assert.match(first.diagnostics[0].message, /^File too large, not checked: \d+ bytes, over the limit of 4096 bytes/);
      en.settings = { maxFileSize: 10 * MB };
      const next = en.waitForDiagnostics(uri, (p) => p.diagnostics.every((d) => d.code !== 'file-too-large'));
      await en.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual((await next).diagnostics.map(essence), [], 'a clean report, checked');
      await en.close(uri);
    } finally {
      await en.stop();
    }
  });

  after(() => console.log(`bad-input: ${tried} bad inputs tried through the server, 0 crashes, 0 engine failures but the planted one`));
});
