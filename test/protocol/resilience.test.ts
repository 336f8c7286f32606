// A failing rule or a malformed document never stops the server: the error
// is logged, the other rules still report what they must, and every feature
// still gives its answer. The findings and answers expected are written here
// (or are the seeds' hand-checked findings), not taken from the engine.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, DocumentSymbol, Hover, InlayHint, TextEdit } from 'vscode-languageserver-protocol';
import { essence, fileUri, seedFindings, seedText, sorted, TestClient } from './harness.ts';

const SECTIONS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
const SCAFFOLDS = ['年度报告（2019年版格式（试行））', '年度报告（2021年版格式）'];
/** The six sections missing, each reported on the title. */
const allMissing = (range: string) => SECTIONS.map((s) => `section-missing ${range} 缺少「${s}」`);

interface Case {
  name: string;
  text: string;
  /** What is published, in the shape of essence(). */
  diagnostics: string[];
  /** The outline: name and detail of each top-level symbol. */
  symbols: string[];
  /** Completion at line 0, character 1: the labels offered. */
  completion: string[];
  /** Formatting: the new text of each edit. */
  formatting: string[];
}

const titled = (year: number): Pick<Case, 'completion' | 'formatting'> & { symbols: string[] } => ({
  completion: [...SECTIONS, ...SCAFFOLDS],
  formatting: [],
  symbols: [`${year}年政府信息公开工作年度报告 · ${year} 年度 · ${year <= 2020 ? '2019年版格式（试行）' : '2021年版格式'}`],
});

const T3_ROWS_2021 = [
  '二、上年结转政府信息公开申请数量', '（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项',
  '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确',
  '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息',
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他',
  '（七）总计', '四、结转下年度继续办理',
];

const CASES: Case[] = [
  // Not a report: nothing is published and no feature has anything to offer.
  { name: 'binary garbage', text: Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)).toString('latin1'), diagnostics: [], symbols: [], completion: [], formatting: [] },
  { name: 'NUL bytes and lone surrogates', text: '# 2020年政府信息公开工作年度报告\n\0\0\ud800\udfff\ud800 | | |\n|---|\n', diagnostics: allMissing('0:2-0:19'), ...titled(2020) },
  { name: 'a table of pipes only', text: '# 2021年政府信息公开工作年度报告\n\n' + '|'.repeat(5000) + '\n' + '|---'.repeat(500) + '\n', diagnostics: allMissing('0:2-0:19'), ...titled(2021) },
  { name: 'deeply nested lists and quotes', text: '# 2021年政府信息公开工作年度报告\n\n' + '> '.repeat(500) + '- '.repeat(500) + '三、收到和处理政府信息公开申请情况\n', diagnostics: allMissing('0:2-0:19'), ...titled(2021) },
  // Ten thousand section headings and no title: not taken for a report.
  { name: 'ten thousand headings', text: Array.from({ length: 10000 }, (_, i) => `## ${'一二三四五六'[i % 6]}、总体情况`).join('\n'), diagnostics: [], symbols: [], completion: [], formatting: [] },
  {
    name: 'CRLF and a BOM',
    text: '\ufeff# 某局2022年政府信息公开工作年度报告\r\n\r\n## 一、总体情况\r\n\r\n| 一、本年新收政府信息公开申请数量 | 1 |\r\n|---|---|\r\n',
    // The BOM is a character of the text: the title starts at character 3.
    diagnostics: [
      ...allMissing('0:3-0:22').slice(1),
      ...T3_ROWS_2021.map((r) => `table-row-missing 4:0-4:24 收到和处理政府信息公开申请情况缺少「${r}」行`),
      'table-shape 4:0-4:24 「一、本年新收政府信息公开申请数量」行应有 7 个数值单元格，实有 1 个',
    ],
    symbols: ['某局2022年政府信息公开工作年度报告 · 2022 年度 · 2021年版格式'],
    completion: [...SECTIONS, ...SCAFFOLDS],
    formatting: ['| 一、本年新收政府信息公开申请数量 | 1   |', '| -------------------------------- | --- |'],
  },
];

// Every wait here catches a hang, not slowness: the suite runs beside other work (CI, a busy machine), where the
// server's start, the analysis thread's start and a large document take what they take. No assertion is on time.
const HANG_MS = 120_000;

describe('resilience', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ env: { NIANBAO_TEST_THROWING_RULE: '1' } });
  });
  after(() => client.stop());

  it('a rule that throws is logged; the other rules\' diagnostics still arrive', async () => {
    const uri = fileUri('/tmp/nianbao-proto/throwing.md');
    const published = await client.open(uri, seedText('003'), 'markdown', HANG_MS);
    assert.deepEqual(sorted(published.diagnostics.map(essence)), sorted(seedFindings('003')));
    assert.ok(client.logs.some((l) => l.includes('test-throwing-rule') && l.includes('thrown on purpose')), client.logs.join('\n'));
    // Logged once per document, not on every keystroke.
    const v = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    await client.waitForDiagnostics(uri, (p) => p.version === v, HANG_MS);
    assert.equal(client.logs.filter((l) => l.includes('thrown on purpose')).length, 1);
    await client.close(uri);
  });

  for (const c of CASES) {
    it(`survives ${c.name}: its findings, and every feature answers`, async () => {
      const uri = fileUri(`/tmp/nianbao-proto/malformed-${c.name.replace(/\W+/g, '-')}.md`);
      // The larger cases (over 128 KB) go to the analysis thread, which starts on the first.
      const published = await client.open(uri, c.text, 'markdown', HANG_MS);
      assert.deepEqual(published.diagnostics.map(essence).sort(), [...c.diagnostics].sort());
      const pos = { line: 0, character: 1 };
      // The title line is no figure: no hover.
      assert.equal(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos }), null);
      const completion = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: pos });
      assert.deepEqual(completion.map((i) => i.label), c.completion);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(symbols.filter((s) => s.kind === 1).map((s) => `${s.name} · ${s.detail}`), c.symbols);
      const formatting = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
      assert.deepEqual(formatting.map((e) => e.newText), c.formatting);
      assert.deepEqual(await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: pos, end: { line: 99999, character: 0 } } }), []);
      assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: [] } }), []);
      await client.close(uri);
      assert.equal(client.child.exitCode, null, 'the server is still running');
    });
  }

  it('still serves a normal report afterwards', async () => {
    const uri = fileUri('/tmp/nianbao-proto/after.md');
    assert.deepEqual(sorted((await client.open(uri, seedText('000'), 'markdown', HANG_MS)).diagnostics.map(essence)), sorted(seedFindings('000')));
    await client.close(uri);
  });
});
