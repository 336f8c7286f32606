import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { diagnosticAt, fixture, lineWith, ruleSuite, textAt } from './helpers.ts';

ruleSuite('table-shape');

test('table-shape: a row with a value cell too many or too few', () => {
  const extra = diagnosticAt('table-shape', 'table-shape', lineWith('table-shape', '| （一）予以公开 |'));
  assert.equal(extra.message.zh, '「（一）予以公开」行应有 7 个数值单元格，实有 8 个');
  assert.equal(extra.message.en, 'Row “（一）予以公开” should have 7 value cells, found 8');
  const short = diagnosticAt('table-shape', 'table-shape', lineWith('table-shape', '| 4.保护第三方合法权益 |'));
  assert.equal(short.message.zh, '「4.保护第三方合法权益」行应有 7 个数值单元格，实有 6 个');
  assert.equal(short.fix, undefined, 'which figure is missing cannot be known');
});

test('table-shape: a row given twice', () => {
  const first = lineWith('table-shape', '| 2.重复申请 |');
  const d = diagnosticAt('table-shape', 'table-shape', lineWith('table-shape', '| 2.重复申请 |', first + 1));
  assert.equal(d.message.zh, '「2.重复申请」行重复出现');
});

test('table-shape: table 2 headers cut short or unknown are set to the format’s column', () => {
  const cut = diagnosticAt('table-shape', 'table-shape', lineWith('table-shape', '本年处理决定数 |'));
  assert.equal(cut.message.zh, '表头「本年处理决定数」应为「本年处理决定数量」');
  assert.equal(textAt('table-shape', cut), '本年处理决定数');
  assert.deepEqual(cut.fix!.edits.map((e) => e.newText), ['本年处理决定数量']);
  assert.equal(cut.fix!.changesFigure, false);
  const unknown = diagnosticAt('table-shape', 'table-shape', lineWith('table-shape', '| 有效件数 |'));
  assert.equal(unknown.message.zh, '表头「有效件数」应为「现行有效件数」', 'the column at that position');
});

test('table-shape: another block’s headers after a lost 第二十条 row are not wrong headers of the block above', () => {
  const text = [
    '# 某县司法局2022年政府信息公开工作年度报告',
    '',
    '| 第二十条第（一）项 | | | |',
    '| --- | --- | --- | --- |',
    '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '| 规章 | 0 | 0 | 0 |',
    '| 行政规范性文件 | 3 | 1 | 25 |',
    '| 信息内容 | 本年处理决定数量 | | |',
    '| 行政许可 | 120 | | |',
    '',
  ].join('\n');
  assert.deepEqual(analyze(text).diagnostics.filter((d) => d.ruleId === 'table-shape').map((d) => d.message.zh), []);
});

// Written for the survivors of npm run mutate (table-shape.ts); the clean 2022 report with one thing changed each time.
const shapeFindings = (text: string) => analyze(text).diagnostics.filter((d) => d.ruleId === 'table-shape').map((d) => [text.slice(d.range.start, d.range.end), d.message.zh, d.fix?.edits.map((e) => e.newText) ?? null]);

test('table-shape: headers of tables 3 and 4 misspelt or cut short are set to the format\'s column', () => {
  const clean = fixture('clean-2021').text;
  assert.deepEqual(shapeFindings(clean.replace('| 科研机构 |', '| 科研机购 |')), [['科研机购', '表头「科研机购」应为「科研机构」', ['科研机构']]]);
  assert.deepEqual(shapeFindings(clean.replace('| 法律服务机构 |', '| 法律服务 |')), [['法律服务', '表头「法律服务」应为「法律服务机构」', ['法律服务机构']]]);
  assert.deepEqual(shapeFindings(clean.replace('| 尚未审结 | 总计 | 结果维持 |', '| 尚未审决 | 总计 | 结果维持 |')), [['尚未审决', '表头「尚未审决」应为「尚未审结」', ['尚未审结']]]);
});

test('table-shape: a block\'s only header replaced by another table\'s column name is set to the block\'s column', () => {
  // 总计 is a column of tables 3 and 4, not of a table 2 block: it is this block's wrong header, and the block has one column.
  const text = fixture('clean-2021').text.replace('| 信息内容 | 本年处理决定数量 | | |\n| 行政许可', '| 信息内容 | 总计 | | |\n| 行政许可');
  assert.deepEqual(shapeFindings(text), [['总计', '表头「总计」应为「本年处理决定数量」', ['本年处理决定数量']]]);
});

test('table-shape: two unknown headers in one row: neither is given the column at its position', () => {
  const text = fixture('clean-2021').text.replace('| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '| 信息内容 | 本年制发件数 | 甲 | 乙 |');
  assert.deepEqual(shapeFindings(text), [
    ['甲', '表头「甲」不属于第二十条第（一）项（应为：本年制发件数、本年废止件数、现行有效件数）', null],
    ['乙', '表头「乙」不属于第二十条第（一）项（应为：本年制发件数、本年废止件数、现行有效件数）', null],
  ]);
});

test('table-shape: an empty row inside table 2 is no header and no failure', () => {
  const a = analyze(fixture('clean-2021').text.replace('| 行政许可 | 120 | | |\n', '| | | | |\n| 行政许可 | 120 | | |\n'));
  assert.deepEqual(a.failures, []);
  assert.deepEqual(a.diagnostics, []);
});

test('table-shape: a row given twice is reported on its label', () => {
  const d = diagnosticAt('table-shape', 'table-shape', lineWith('table-shape', '| 2.重复申请 |', lineWith('table-shape', '| 2.重复申请 |') + 1));
  assert.equal(textAt('table-shape', d), '2.重复申请');
});

test('table-shape: a row of the wrong width with an unknown label is named by its label', () => {
  const text = fixture('clean-2021').text.replace('| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 三、要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 |');
  assert.deepEqual(shapeFindings(text).map(([, message]) => message), ['「三、要求提供公开出版物」行应有 7 个数值单元格，实有 6 个']);
});

test('table-shape: a header too many in a block\'s header row is reported, beside the block\'s own header', () => {
  // 本年处理决定数量 is also the column of the block above: it does not make the row that block's header.
  const text = fixture('clean-2021').text.replace('| 信息内容 | 本年处理决定数量 | | |\n| 行政处罚', '| 信息内容 | 本年处理决定数量 | 甲 | |\n| 行政处罚');
  assert.deepEqual(shapeFindings(text), [['甲', '表头「甲」不属于第二十条第（六）项（应为：本年处理决定数量）', null]]);
});

test('table-shape: headers of the other format are template-mismatch\'s finding, not wrong headers', () => {
  const text = fixture('clean-2021').text.replace('| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |');
  assert.deepEqual(shapeFindings(text), []);
  assert.deepEqual(analyze(text).diagnostics.map((d) => d.ruleId), ['template-mismatch', 'template-mismatch', 'template-mismatch']);
});

test('table-shape: rows of the wrong width without a label name what they are: table 4\'s row of figures, a row without any label', () => {
  const clean = fixture('clean-2021').text;
  const t4 = clean.replace('| 1 | 1 | 0 | 1 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 1 | 0 | 1 |', '| 1 | 1 | 0 | 1 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 1 | 0 |');
  assert.deepEqual(shapeFindings(t4).map(([, message]) => message), ['「政府信息公开行政复议、行政诉讼情况」行应有 15 个数值单元格，实有 14 个']);
  // A row that lost its label and cannot be placed (two rows are missing around it).
  const lost = clean.replace('| 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n', '| | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n');
  assert.deepEqual(shapeFindings(lost).map(([, message]) => message), ['无标签的行应有 7 个数值单元格，实有 8 个']);
});

test('table-shape: a block with its header row and no data row: an unknown header there is still judged', () => {
  const text = fixture('clean-2021').text.replace('| 信息内容 | 本年处理决定数量 | | |\n| 行政许可 | 120 | | |\n', '| 信息内容 | 甲 | | |\n');
  assert.deepEqual(shapeFindings(text), [['甲', '表头「甲」应为「本年处理决定数量」', ['本年处理决定数量']]]);
});

test('table-shape: an unknown header where another header of the row names that column is not given it', () => {
  // 本年废止件数 is written in the last column: 甲 in its place is not 本年废止件数, and nothing says which column it is.
  const text = fixture('clean-2021').text.replace('| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '| 信息内容 | 本年制发件数 | 甲 | 本年废止件数 |');
  assert.deepEqual(shapeFindings(text), [['甲', '表头「甲」不属于第二十条第（一）项（应为：本年制发件数、本年废止件数、现行有效件数）', null]]);
});

test('table-shape: a row that starts with 信息内容 but holds a row label and figures is a data row, not judged as headers', () => {
  // Its unknown label 信息内容 is table-row-label's finding; its figures are no headers.
  const text = fixture('clean-2021').text.replace('| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 2 |', '| 信息内容 | 规章 | 0 | 0 | 2 |');
  assert.deepEqual(shapeFindings(text), []);
  assert.deepEqual(analyze(text).diagnostics.map((d) => d.message.zh), ['未知行标签「信息内容」，不属于第二十条第（一）项']);
});

test('table-shape: a 第二十条 row whose merged cell is repeated across the row (as Word conversions write it) is no header row', () => {
  const clean = readFileSync('examples/2022-clean-2021-format.md', 'utf8');
  const repeated = clean.replace('| 第二十条第（一）项 | | | |', '| 第二十条第（一）项 | 第二十条第（一）项 | 第二十条第（一）项 | 第二十条第（一）项 |')
    .replace('| 第二十条第（五）项 | | | |', '| 第二十条第（五）项 | 第二十条第（五）项 | | |');
  assert.notEqual(repeated, clean);
  assert.deepEqual(analyze(repeated).diagnostics.filter((d) => d.ruleId === 'table-shape').map((d) => d.message.zh), []);
});
