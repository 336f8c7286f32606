// Completion, hover, symbols, folding, formatting and inlay hints over the
// real stdio server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, DocumentSymbol, FoldingRange, Hover, InlayHint, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { splitRow } from '../../server/src/lsp/table-format.ts';
import { displayWidth } from '../../server/src/lsp/text-width.ts';
import { cleanReport, fileUri, fixture, TestClient } from './harness.ts';

const ROW_NEW = '| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';

/** A 2021 report whose 一、本年新收 row says 3 + 1 = 5. */
async function wrongTotal(): Promise<string> {
  return (await cleanReport('2021', 2023)).replace(ROW_NEW, '| 一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 5 |');
}

function lineOf(text: string, prefix: string): number {
  const i = text.split('\n').findIndex((l) => l.startsWith(prefix));
  assert.ok(i >= 0, `no line starting with ${prefix}`);
  return i;
}

const ALL = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };

describe('language features', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  it('completion at a line start offers the six sections and the report scaffolds', async () => {
    const uri = fileUri('/tmp/nianbao-proto/f-complete.md');
    const text = await cleanReport('2021', 2023);
    await client.open(uri, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } });
    const labels = items.map((i) => i.label);
    for (const l of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) assert.ok(labels.includes(l), l);
    assert.ok(labels.some((l) => l.includes('2019年版格式')) && labels.some((l) => l.includes('2021年版格式')), labels.join(', '));
    const table3 = items.find((i) => i.label === '三、收到和处理政府信息公开申请情况')!;
    const body = (table3.textEdit as TextEdit).newText;
    assert.equal(table3.insertTextFormat, 2, 'snippet');
    assert.ok(body.startsWith('## 三、收到和处理政府信息公开申请情况\n\n|'));
    assert.ok(body.includes('${1:0}') && body.includes('$0'), 'tab stops in the figures');
    assert.ok(body.includes('（六）其他处理') && body.includes('1.申请人无正当理由逾期不补正'), 'the 2021 rows, as the document is a 2021 report');
    const overview = items.find((i) => i.label === '一、总体情况')!;
    assert.ok(!(overview.textEdit as TextEdit).newText.includes('|'), 'no table for 一');
    await client.close(uri);
  });

  it('completion in the first cell of a table row offers that table\'s row labels', async () => {
    const uri = fileUri('/tmp/nianbao-proto/f-labels.md');
    const text = await cleanReport('2021', 2023);
    await client.open(uri, text);
    const line = lineOf(text, '| 2.重复申请');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 4 } });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('2.重复申请') && labels.includes('四、结转下年度继续办理'), labels.join(', '));
    assert.ok(!labels.includes('行政许可'), 'not the labels of table 2');
    const edit = items[0].textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line, character: 2 }, end: { line, character: 4 } });
    // In table 2, table 2's labels.
    const t2 = lineOf(text, '| 行政许可');
    const t2labels = (await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: t2, character: 2 } })).map((i) => i.label);
    assert.ok(t2labels.includes('行政许可') && t2labels.includes('第二十条第（一）项') && !t2labels.includes('2.重复申请'), t2labels.join(', '));
    // Not in later cells.
    const later = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: text.split('\n')[line].length - 2 } });
    assert.deepEqual(later, []);
    await client.close(uri);
  });

  it('an empty Markdown file is offered the report scaffold, which is a clean report', async () => {
    const uri = fileUri('/tmp/nianbao-proto/f-empty.md');
    await client.open(uri, '');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(items.length, 2, items.map((i) => i.label).join(', '));
    assert.ok(items.every((i) => (i.textEdit as TextEdit).newText.startsWith('# ${1:（机关名称）}')));
    await client.close(uri);
  });

  it('hover on a total writes the relations out with values', async () => {
    const uri = fileUri('/tmp/nianbao-proto/f-hover.md');
    const text = await wrongTotal();
    await client.open(uri, text);
    const line = lineOf(text, '| 一、本年新收');
    const character = text.split('\n')[line].lastIndexOf('5');
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    const value = (h.contents as { value: string }).value;
    assert.match(value, /一、本年新收「总计」 = 3 \+ 1 \+ 0 \+ 0 \+ 0 \+ 0 = 4 ≠ 5 ✗/);
    const ok = lineOf(text, '| 二、上年结转');
    const h2 = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: ok, character: text.split('\n')[ok].length - 3 } });
    assert.match((h2.contents as { value: string }).value, /二、上年结转「总计」 = 0 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 0 ✓/);
    // A section title: the format's requirement.
    const s = lineOf(text, '## 三、');
    const h3 = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: s, character: 6 } });
    assert.match((h3.contents as { value: string }).value, /\*\*三、收到和处理政府信息公开申请情况\*\*[\s\S]*一＋二＝三（七）＋四/);
    // Plain text: nothing.
    const none = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } });
    assert.equal(none, null);
    await client.close(uri);
  });

  it('document symbols: sections with their tables, ⚠ on sections with errors; folding per section', async () => {
    const uri = fileUri('/tmp/nianbao-proto/f-symbols.md');
    const text = await wrongTotal();
    await client.open(uri, text);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const sections = symbols.filter((s) => /^[一二三四五六]、/.test(s.name));
    assert.equal(sections.length, 6);
    const three = sections.find((s) => s.name.startsWith('三、'))!;
    assert.match(three.detail ?? '', /⚠/);
    assert.equal(three.children?.length, 1);
    assert.equal(sections.find((s) => s.name.startsWith('一、'))!.detail, undefined);
    assert.equal(sections.find((s) => s.name.startsWith('二、'))!.children?.length, 1);
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.equal(folds.length, 6);
    assert.equal(folds[2].startLine, lineOf(text, '## 三、'));
    assert.equal(folds[2].endLine, lineOf(text, '## 四、') - 2, 'up to the last non-blank line');
    await client.close(uri);
  });

  it('inlay hints: = n ✓ on totals that hold, 应为 n on those that do not', async () => {
    const uri = fileUri('/tmp/nianbao-proto/f-hints.md');
    const text = await wrongTotal();
    await client.open(uri, text);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: ALL });
    const line = lineOf(text, '| 一、本年新收');
    const onRow = hints.filter((h) => h.position.line === line);
    assert.deepEqual(onRow.map((h) => h.label), ['应为 4']);
    assert.equal(onRow[0].position.character, text.split('\n')[line].lastIndexOf('5') + 1, 'right after the figure');
    const carry = hints.filter((h) => h.position.line === lineOf(text, '| 四、结转下年度'));
    assert.ok(carry.some((h) => h.label === '应为 3'), JSON.stringify(carry.map((h) => h.label)));
    assert.ok(hints.some((h) => h.label === '= 0 ✓'));
    // Table 4: its three totals.
    const t4 = hints.filter((h) => h.position.line === lineOf(text, '| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'));
    assert.equal(t4.length, 3);
    // A range outside the tables: none.
    assert.deepEqual(await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } } }), []);
    await client.close(uri);
  });

  it('inlay hints blame the one cell that explains every failure, not the totals it breaks', async () => {
    const uri = fileUri('/tmp/nianbao-proto/f-culprit.md');
    const text = (await cleanReport('2021', 2023))
      .replace(ROW_NEW, '| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |')
      .replace('| （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |')
      .replace('| （七）总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| （七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 30 |');
    await client.open(uri, text);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: ALL });
    const wrong = hints.filter((h) => !String(h.label).endsWith('✓'));
    // 30 breaks the row total, the results total and the balance: one hint, on it; none on 四's 总计 (which would have to be -27).
    assert.deepEqual(wrong.map((h) => [h.position.line, h.label]), [[lineOf(text, '| （七）总计'), '应为 3']]);
    await client.close(uri);
  });

  it('formatting aligns tables by display width and never changes a cell', async () => {
    const uri = fileUri('/tmp/nianbao-proto/f-format.md');
    const text = readFileSync(fixture('seeds-raw/003_4ec1c1e093af1759.txt'), 'utf8');
    await client.open(uri, text);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.ok(edits.length > 0);
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    const formatted = TextDocument.applyEdits(doc, edits);
    const before = text.split('\n');
    const afterLines = formatted.split('\n');
    assert.equal(afterLines.length, before.length, 'line for line');
    for (let i = 0; i < before.length; i++) {
      if (before[i] === afterLines[i]) continue;
      const a = splitRow(before[i]);
      const b = splitRow(afterLines[i]);
      if (/^\s*\|?\s*:?-{3,}/.test(before[i])) continue; // the delimiter row only gets dashes
      assert.deepEqual(b.slice(0, a.length), a, `cells of line ${i + 1}`);
      assert.ok(b.slice(a.length).every((c) => c === ''), `only empty cells added on line ${i + 1}`);
    }
    // Aligned: in each table, every row has its pipes at the same display columns.
    const pipes = (line: string) => { const out: number[] = []; let w = 0; for (const ch of line) { if (ch === '|') out.push(w); w += displayWidth(ch); } return out; };
    const t3 = afterLines.findIndex((l) => l.includes('勾稽关系'));
    const header = pipes(afterLines[t3]);
    for (let i = t3 + 1; afterLines[i]?.startsWith('|'); i++) assert.deepEqual(pipes(afterLines[i]).slice(0, header.length), header, `line ${i + 1}`);
    // Formatting twice changes nothing more.
    await client.applyEdits(uri, edits);
    const again = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(again, []);
    await client.close(uri);
  });

  it('range formatting touches only the tables in the range', async () => {
    const uri = fileUri('/tmp/nianbao-proto/f-range.md');
    const text = '# t\n\n| a | 表头 |\n|---|---|\n| 一二三 | 1 |\n\ntext\n\n| x | y |\n|-|-|\n| 长长的 | 2 |\n';
    await client.open(uri, text);
    const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } }, options: { tabSize: 2, insertSpaces: true } });
    assert.ok(edits.length > 0);
    assert.ok(edits.every((e) => e.range.start.line >= 8), JSON.stringify(edits));
    await client.close(uri);
  });
});
