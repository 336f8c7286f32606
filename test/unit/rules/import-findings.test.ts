// The import findings: content the import could not place (import-unplaced,
// read from the paragraph the importer writes, so the editor and `check` on a
// published form both report it) and rows that came short (import-short-row,
// from the import's account).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { importReport } from '../../../server/src/host/published/index.ts';
import { fixture, lineOf, ROOT } from './helpers.ts';

test('import-unplaced: each paragraph of unplaced content is one finding, with the row it followed and the reason', async () => {
  // Seed 004 as scraped: the eight item labels under （三）不予公开 were lost in copying.
  const raw = readFileSync(`${ROOT}/test/fixtures/seeds-raw/004_8e2ae5a13d6d1592.txt`);
  const { markdown, account } = await importReport(raw, { fileName: '004.txt' });
  assert.equal(account.unplaced.length, 1);
  const found = analyze(markdown).diagnostics.filter((d) => d.ruleId === 'import-unplaced');
  assert.equal(found.length, 1);
  const d = found[0];
  assert.equal(d.severity, 'warning');
  assert.ok(markdown.slice(d.range.start, d.range.end).startsWith('> 未能放入表格的内容：'), 'points at the paragraph');
  assert.match(d.message.zh, /^导入时未能放入表格的内容（在「\(三\)不予公开」之后）：0 0 0 0 0 0 0 0 ／ 0 0 0 0 0 0 0 0——「\(三\)不予公开」是分组行，不填数字；其后 16 个数没有行标签/);
  assert.match(d.message.en, /^the import could not place this in a table cell \(after “\(三\)不予公开”\): 0 0 0/);
});

test('import-unplaced: Markdown escapes written by the importer are read back; other quotes are not findings', () => {
  const text = fixture('clean-2021').text + '\n> 未能放入表格的内容：（在「第二十条第（八）项」之后）\\*注：单位万元——表头中的文字，对应不到本表的任何一列\n\n> 未能放入表格的内容，见附件。\n';
  const found = analyze(text).diagnostics.filter((d) => d.ruleId === 'import-unplaced');
  assert.deepEqual(found.map((d) => d.message.zh), ['导入时未能放入表格的内容（在「第二十条第（八）项」之后）：*注：单位万元——表头中的文字，对应不到本表的任何一列']);
  assert.deepEqual(analyze(fixture('clean-2021').text).diagnostics.filter((d) => d.ruleId === 'import-unplaced'), []);
});

test('import-short-row: a short row of the account is reported at its row; none without an account', () => {
  const f = fixture('clean-2021');
  const imported = { shortRows: [{ part: 't3', row: '一、本年新收政府信息公开申请数量', found: 4, expected: 7 }, { part: 't4', row: '行政复议', found: 3, expected: 15 }] };
  const found = analyze(f.text, { imported }).diagnostics.filter((d) => d.ruleId === 'import-short-row');
  assert.equal(found.length, 2);
  const [row, table] = found;
  assert.equal(row.message.zh, '「一、本年新收政府信息公开申请数量」在来源中只有 4 个数，按格式应有 7 个：已按顺序放入前 4 格，其余留空；哪一格缺数无法确定，请对照原件');
  assert.equal(lineOf(f.text, row.range.start), f.text.split('\n').findIndex((l) => l.startsWith('| 一、本年新收')) + 1, 'at the row');
  // Table 4 has no row labels: the finding goes to the table.
  assert.equal(lineOf(f.text, table.range.start), f.text.split('\n').findIndex((l) => l.startsWith('| 行政复议 |')) + 1);
  assert.deepEqual(analyze(f.text).diagnostics.filter((d) => d.ruleId === 'import-short-row'), []);
});

test('import-short-row: the row is found whatever spaces the source put in its label; a table not in the report puts the finding at the start', () => {
  // Found by npm run mutate (import-short-row.ts: spaces ignored when matching the label; the fallback range).
  const f = fixture('clean-2021');
  const spaced = { shortRows: [{ part: 't3', row: '一、本年新收 政府信息 公开申请数量', found: 4, expected: 7 }] };
  const [row] = analyze(f.text, { imported: spaced }).diagnostics.filter((d) => d.ruleId === 'import-short-row');
  assert.equal(lineOf(f.text, row.range.start), f.text.split('\n').findIndex((l) => l.startsWith('| 一、本年新收')) + 1, 'at the row');
  // And spaces in the table's label, none in the account's.
  const spacedCell = f.text.replace('| 一、本年新收政府信息公开申请数量 |', '| 一、本年新收 政府信息公开申请数量 |');
  assert.notEqual(spacedCell, f.text);
  const plain = { shortRows: [{ part: 't3', row: '一、本年新收政府信息公开申请数量', found: 4, expected: 7 }] };
  const [again] = analyze(spacedCell, { imported: plain }).diagnostics.filter((d) => d.ruleId === 'import-short-row');
  assert.equal(lineOf(spacedCell, again.range.start), spacedCell.split('\n').findIndex((l) => l.startsWith('| 一、本年新收')) + 1, 'at the row');
  const noTable4 = f.text.slice(0, f.text.indexOf('四、政府信息公开行政复议'));
  assert.ok(!noTable4.includes('| 行政复议 |'));
  const lost = analyze(noTable4, { imported: { shortRows: [{ part: 't4', row: '行政复议', found: 3, expected: 15 }] } }).diagnostics.filter((d) => d.ruleId === 'import-short-row');
  assert.deepEqual(lost.map((d) => [d.range.start, d.range.end]), [[0, 0]]);
});

test('import-unplaced: a paragraph without the row it followed, first in the text, last without a line break, or right after a line', () => {
  // Found by npm run mutate (import-unplaced.ts: the optional 「在…之后」, the first and last lines, the step to the next line).
  const only = '> 未能放入表格的内容：12 34——表头之前的数字';
  const first = analyze(only + '\n').diagnostics.filter((d) => d.ruleId === 'import-unplaced');
  assert.deepEqual(first.map((d) => [d.range, d.message.zh, d.message.en]), [[{ start: 0, end: only.length },
    '导入时未能放入表格的内容：12 34——表头之前的数字', 'the import could not place this in a table cell: 12 34 — 表头之前的数字']]);
  const clean = fixture('clean-2021').text;
  const last = clean + '\n' + only;
  assert.deepEqual(analyze(last).diagnostics.filter((d) => d.ruleId === 'import-unplaced').map((d) => [d.range, d.message.zh]),
    [[{ start: last.length - only.length, end: last.length }, '导入时未能放入表格的内容：12 34——表头之前的数字']]);
  const right = clean + '正文一行\n> 未能放入表格的内容：5——多出的数\n';
  assert.deepEqual(analyze(right).diagnostics.filter((d) => d.ruleId === 'import-unplaced').map((d) => d.message.zh), ['导入时未能放入表格的内容：5——多出的数']);
});

test('import-unplaced: CRLF line ends are not part of the finding', () => {
  // Found by npm run mutate (import-unplaced.ts: the carriage return left out of the line).
  const text = (fixture('clean-2021').text + '\n> 未能放入表格的内容：（在「行政许可」之后）5——多出的数\n').replace(/\n/g, '\r\n');
  const found = analyze(text).diagnostics.filter((d) => d.ruleId === 'import-unplaced');
  assert.deepEqual(found.map((d) => [text.slice(d.range.start, d.range.end), d.message.zh, d.message.en]), [[
    '> 未能放入表格的内容：（在「行政许可」之后）5——多出的数', '导入时未能放入表格的内容（在「行政许可」之后）：5——多出的数',
    'the import could not place this in a table cell (after “行政许可”): 5 — 多出的数']]);
});

test('import-short-row: the English message counts figures in the singular and the plural', () => {
  // Found by npm run mutate (import-short-row.ts: “figure” or “figures”).
  const f = fixture('clean-2021');
  const imported = { shortRows: [{ part: 't3', row: '一、本年新收政府信息公开申请数量', found: 1, expected: 7 }, { part: 't3', row: '二、上年结转政府信息公开申请数量', found: 2, expected: 7 }] };
  assert.deepEqual(analyze(f.text, { imported }).diagnostics.filter((d) => d.ruleId === 'import-short-row').map((d) => d.message.en), [
    '“一、本年新收政府信息公开申请数量” has 1 figure in the source for 7 columns: they were put in the first 1 cells in order and the rest left blank; which cell lacks a figure is unknown, compare with the original',
    '“二、上年结转政府信息公开申请数量” has 2 figures in the source for 7 columns: they were put in the first 2 cells in order and the rest left blank; which cell lacks a figure is unknown, compare with the original',
  ]);
});
