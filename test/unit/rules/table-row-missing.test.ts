import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import type { Diagnostic } from '../../../server/src/engine/types.ts';
import { diagnosticAt, diagnosticsOf, fixed, fixture, lineWith, ruleSuite } from './helpers.ts';

ruleSuite('table-row-missing');

test('table-row-missing: reported on the row before the gap; the row is inserted there with zeros, in the same layout', () => {
  const one = diagnosticAt('table-row-missing', 'table-row-missing', lineWith('table-row-missing', '| 2.重复申请 |'));
  assert.equal(one.message.zh, '收到和处理政府信息公开申请情况缺少「3.要求提供公开出版物」行');
  assert.equal(one.message.en, 'Requests received and handled: row “3.要求提供公开出版物” is missing');
  assert.equal(one.fix!.edits[0].newText, '\n| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  const three = diagnosticAt('table-row-missing-3col', 'table-row-missing', lineWith('table-row-missing-3col', '2.重复申请 |'));
  assert.equal(three.fix!.edits[0].newText, '\n| | | 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', 'label in the third label column');
  const after = analyze(fixed('table-row-missing-3col', three));
  assert.ok(after.report.tables.find((t) => t.def.id === 't3')!.rows.some((r) => r.row?.id === 'not_processed.publication' && r.match === 'exact'));
});

test('table-row-missing: table 4 without its row of figures; a first row; a whole table 2 block', () => {
  const t4 = diagnosticsOf('table-row-missing', 'table-row-missing').find((d) => d.message.zh.includes('数字行'))!;
  assert.equal(t4.message.zh, '政府信息公开行政复议、行政诉讼情况缺少数字行');
  assert.equal(t4.fix!.edits[0].newText, `\n| ${Array(15).fill('0').join(' | ')} |`);
  const first = diagnosticAt('table-row-missing-2019', 'table-row-missing', lineWith('table-row-missing-2019', '| 规范性文件 |'));
  assert.equal(first.message.zh, '第二十条第（一）项缺少「规章」行');
  assert.equal(first.fix!.edits[0].newText, '| 规章 | 0 | 0 | 0 |\n', 'inserted before the first row present');
  const block = diagnosticAt('table-row-missing-2019', 'table-row-missing', lineWith('table-row-missing-2019', '| 行政事业性收费 |'));
  assert.equal(block.message.zh, '第二十条第（九）项缺少「政府集中采购」行');
  assert.equal(block.fix!.edits[0].newText, '\n| 第二十条第（九）项 | | | |\n| 信息内容 | 采购项目数量 | 采购总金额 | |\n| 政府集中采购 | 0 | 0 | |');
  const after = analyze(fixed('table-row-missing-2019', block));
  assert.ok(after.report.tables.some((t) => t.def.id === 't2.9' && t.rows.length === 1));
});

test('table-row-missing: no fix when zeros would break a sum (the row had figures)', () => {
  const d = diagnosticAt('table-row-missing-figures', 'table-row-missing', lineWith('table-row-missing-figures', '| （四）无法提供 |'));
  assert.equal(d.message.zh, '收到和处理政府信息公开申请情况缺少「1.本机关不掌握相关政府信息」行');
  assert.equal(d.fix, undefined);
});

test('table-row-missing: rows whose figures the other format\'s single row holds, even all zeros, get no insert fix', () => {
  // Found by npm run mutate (table-row-missing.ts: the heading row above holding figures). A 2022 report writes
  // （六）其他处理 as the 2019 format's one row, here of zeros: its three rows are missing, and inserting rows of
  // zeros would hold every sum, but template-mismatch's fix (the other format's rows) is the one to take.
  const clean = fixture('clean-2021').text;
  const text = clean
    .replace('| （六）其他处理 | | | | | | | |\n| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| 3.其他 | 1 | 0 | 0 | 0 | 1 | 0 | 2 |\n', '| （六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n')
    .replace('| （一）予以公开 | 6 | 2 | 0 | 1 | 1 | 0 | 10 |', '| （一）予以公开 | 7 | 2 | 0 | 1 | 2 | 0 | 12 |');
  assert.equal(text.split('\n').length, clean.split('\n').length - 3);
  const ds = analyze(text).diagnostics;
  assert.deepEqual(ds.map((d) => [d.ruleId, d.fix === undefined]), [
    ['table-row-missing', true], ['table-row-missing', true], ['table-row-missing', true], ['template-mismatch', true],
  ]);
  assert.match(ds[3].message.zh, /^「（六）其他处理」一行填了数字，这是2019年版格式（试行）的写法/);
});

test('table-row-missing: a table 2 block with its headers and no row: the row is inserted as wide as the table', () => {
  // Found by npm run mutate (table-row-missing.ts: the inserted row copies the last header row's cells). Table 2 is
  // one Markdown table four columns wide; 第二十条第（五）项 has one column of figures, so its row has two blanks.
  const text = fixture('clean-2021').text.replace('| 行政许可 | 120 | | |\n', '');
  const ds = analyze(text).diagnostics.filter((d) => d.ruleId === 'table-row-missing');
  assert.deepEqual(ds.map((d) => d.message.zh), ['第二十条第（五）项缺少「行政许可」行']);
  assert.equal(text.slice(ds[0].range.start, ds[0].range.end), '| 第二十条第（五）项 | | | |', 'on the block\'s 第二十条 row');
  assert.equal(ds[0].fix!.edits[0].newText, '\n| 行政许可 | 0 | | |');
  const after = analyze(text.slice(0, ds[0].fix!.edits[0].range.start) + ds[0].fix!.edits[0].newText + text.slice(ds[0].fix!.edits[0].range.end));
  assert.deepEqual(after.diagnostics.filter((d) => d.ruleId === 'table-row-missing'), []);
});

// The tests below were written for the survivors of npm run mutate (table-row-missing.ts); each says what a user
// would meet if the rule got it wrong.

const R = 'table-row-missing';
const ofRule = (text: string) => analyze(text).diagnostics.filter((d) => d.ruleId === R);
const lineText = (text: string, d: Diagnostic) => text.slice(d.range.start, d.range.end);
const T4_FIGURES = '| 1 | 1 | 0 | 1 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 1 | 0 | 1 |';

test('table-row-missing: fix titles name the row, the row of figures, or the block', () => {
  const titles = (name: string) => diagnosticsOf(name, R).map((d) => d.fix!.title.zh);
  assert.deepEqual(titles('table-row-missing'), ['插入「行政强制」行（数字为 0）', '插入「3.要求提供公开出版物」行（数字为 0）', '插入数字行（数字为 0）']);
  assert.deepEqual(diagnosticsOf('table-row-missing', R).map((d) => d.fix!.title.en), ['Insert the row “行政强制” (figures 0)', 'Insert the row “3.要求提供公开出版物” (figures 0)', 'Insert the row of figures (figures 0)']);
  const block = diagnosticAt('table-row-missing-2019', R, lineWith('table-row-missing-2019', '| 行政事业性收费 |'));
  assert.deepEqual(block.fix!.title, { zh: '插入第二十条第（九）项（数字为 0）', en: 'Insert Art. 20 (9) (figures 0)' });
});

test('table-row-missing: the second row of a block is inserted after the first', () => {
  const f = fixture('table-row-missing');
  const d = diagnosticAt('table-row-missing', R, lineWith('table-row-missing', '| 行政处罚 | 35 |'));
  const row = '| 行政处罚 | 35 | | |';
  assert.equal(lineText(f.text, d), row);
  assert.deepEqual(d.fix!.edits, [{ range: { start: f.text.indexOf(row) + row.length, end: f.text.indexOf(row) + row.length }, newText: '\n| 行政强制 | 0 | | |' }]);
});

test('table-row-missing: in a CRLF file the finding covers the row without its CR, and the row goes in with CRLF', () => {
  const text = fixture('table-row-missing').text.replace(/\n/g, '\r\n');
  const ds = ofRule(text);
  assert.deepEqual(ds.map((d) => lineText(text, d)), ['| 行政处罚 | 35 | | |', '| 2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', '| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |']);
  assert.deepEqual(ds.map((d) => d.fix!.edits[0].newText), ['\r\n| 行政强制 | 0 | | |', '\r\n| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', `\r\n| ${Array(15).fill('0').join(' | ')} |`]);
});

test('table-row-missing: table 4\'s headers at the very end of the file, without a line break, still give the last header line', () => {
  const clean = fixture('clean-2021').text;
  const text = clean.slice(0, clean.indexOf(T4_FIGURES)).replace(/\n$/, '');
  const ds = ofRule(text);
  assert.equal(ds.length, 1);
  assert.equal(lineText(text, ds[0]), '| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |');
  assert.equal(ds[0].range.end, text.length);
  assert.deepEqual(ds[0].fix!.edits, [{ range: { start: text.length, end: text.length }, newText: `\n| ${Array(15).fill('0').join(' | ')} |` }]);
});

test('table-row-missing: the first row of table 3 missing is reported on the row that follows it (no fix: it had figures)', () => {
  const text = fixture('clean-2021').text.replace('| 一、本年新收政府信息公开申请数量 | 12 | 3 | 0 | 1 | 2 | 0 | 18 |\n', '');
  const ds = ofRule(text);
  assert.deepEqual(ds.map((d) => [d.message.zh, lineText(text, d), d.fix]), [
    ['收到和处理政府信息公开申请情况缺少「一、本年新收政府信息公开申请数量」行', '| 二、上年结转政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |', undefined],
  ]);
});

test('table-row-missing: the first row under a group heading goes right after the heading, figures in the figures\' columns', () => {
  const text = fixture('clean-2021').text.replace('| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n', '');
  const ds = ofRule(text);
  assert.deepEqual(ds.map((d) => [lineText(text, d), d.fix!.edits[0].newText]), [['| （三）不予公开 | | | | | | | |', '\n| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |']]);
});

test('table-row-missing: three label columns, a row after one whose label is in the second column: figures where its figures are', () => {
  // （一）予以公开 has its label in the second column and its figures from the fourth: the new row keeps both.
  const text = fixture('clean-2021-3col').text
    .replace('| | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n', '')
    .replace('| | （七）总计 | | 13 | 3 | 0 | 1 | 2 | 0 | 19 |', '| | （七）总计 | | 12 | 3 | 0 | 1 | 2 | 0 | 18 |')
    .replace('| 一、本年新收政府信息公开申请数量 | | | 12 | 3 | 0 | 1 | 2 | 0 | 18 |', '| 一、本年新收政府信息公开申请数量 | | | 11 | 3 | 0 | 1 | 2 | 0 | 17 |');
  const ds = analyze(text).diagnostics;
  assert.deepEqual(ds.map((d) => [d.ruleId, d.fix?.edits[0].newText]), [[R, '\n| | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |']]);
});

test('table-row-missing: a heading row with only some of the other format\'s figures: no rows of zeros inserted under it', () => {
  const text = fixture('clean-2021').text.replace('| （六）其他处理 | | | | | | | |\n| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| 3.其他 | 1 | 0 | 0 | 0 | 1 | 0 | 2 |\n', '| （六）其他处理 | | | | | | | 2 |\n');
  const ds = ofRule(text);
  assert.equal(ds.length, 3);
  assert.ok(ds.every((d) => d.fix === undefined && lineText(text, d) === '| （六）其他处理 | | | | | | | 2 |'));
});

test('table-row-missing: table 4 whose row of figures has a label: the row is reported missing there, with no row inserted', () => {
  // The labelled row is table-row-label's finding; inserting a row of zeros would leave two rows.
  const clean = fixture('clean-2021').text;
  const text = clean.replace(T4_FIGURES, `| 合计 ${T4_FIGURES}`);
  const ds = analyze(text).diagnostics;
  assert.deepEqual(ds.map((d) => [d.ruleId, d.message.zh, d.fix]), [
    [R, '政府信息公开行政复议、行政诉讼情况缺少数字行', undefined],
    ['table-row-label', '未知行标签「合计」，不属于政府信息公开行政复议、行政诉讼情况', undefined],
  ]);
  assert.equal(lineText(text, ds[0]), `| 合计 ${T4_FIGURES}`);
});

const T2_BLOCK_5 = '| 第二十条第（五）项 | | | |\n| 信息内容 | 本年处理决定数量 | | |\n| 行政许可 | 120 | | |\n';

test('table-row-missing: a whole table 2 block missing goes after the block before it, or before the first block when it is the first', () => {
  const clean = fixture('clean-2021').text;
  const five = clean.replace(T2_BLOCK_5, '');
  const [d5] = ofRule(five);
  assert.equal(lineText(five, d5), '| 行政规范性文件 | 3 | 1 | 25 |');
  assert.deepEqual(d5.fix!.edits, [{ range: { start: d5.range.end, end: d5.range.end }, newText: `\n${T2_BLOCK_5.replace('120', '0').trimEnd()}` }]);
  const one = clean.replace('| 第二十条第（一）项 | | | |\n| --- | --- | --- | --- |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 2 |\n| 行政规范性文件 | 3 | 1 | 25 |\n| 第二十条第（五）项 | | | |\n', '| 第二十条第（五）项 | | | |\n| --- | --- | --- | --- |\n');
  const ds = ofRule(one);
  assert.deepEqual(ds.map((d) => d.message.zh), ['第二十条第（一）项缺少「规章」行', '第二十条第（一）项缺少「行政规范性文件」行']);
  for (const d of ds) {
    assert.equal(lineText(one, d), '| 第二十条第（五）项 | | | |', 'on the first block there is');
    assert.deepEqual(d.fix!.edits, [{ range: { start: d.range.start, end: d.range.start }, newText: '| 第二十条第（一）项 | | | |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 0 | 0 | 0 |\n' }]);
  }
});

test('table-row-missing: table 2 written as one small table per block: what is inserted is as wide as the block\'s table', () => {
  const clean = fixture('clean-2021').text;
  const separate = clean.replace('| 第二十条第（五）项 | | | |\n| 信息内容 | 本年处理决定数量 | | |\n| 行政许可 | 120 | | |\n| 第二十条第（六）项 | | | |\n| 信息内容 | 本年处理决定数量 | | |\n| 行政处罚 | 35 | | |\n| 行政强制 | 2 | | |\n| 第二十条第（八）项 | | | |\n| 信息内容 | 本年收费金额（单位：万元） | | |\n| 行政事业性收费 | 12.5 | | |\n',
    '\n| 第二十条第（五）项 | |\n| --- | --- |\n| 信息内容 | 本年处理决定数量 |\n| 行政许可 | 120 |\n\n| 第二十条第（六）项 | |\n| --- | --- |\n| 信息内容 | 本年处理决定数量 |\n| 行政处罚 | 35 |\n| 行政强制 | 2 |\n\n| 第二十条第（八）项 | |\n| --- | --- |\n| 信息内容 | 本年收费金额（单位：万元） |\n| 行政事业性收费 | 12.5 |\n');
  assert.deepEqual(analyze(separate).diagnostics, []);
  // A block with its headers and no row: the row as wide as the block's own table (two cells), not table 2's first.
  const noRow = separate.replace('| 行政许可 | 120 |\n', '');
  assert.deepEqual(ofRule(noRow).map((d) => d.fix!.edits[0].newText), ['\n| 行政许可 | 0 |']);
  // A whole block missing after a block of two cells: two cells wide.
  const noBlock = separate.replace('| 第二十条第（六）项 | |\n| --- | --- |\n| 信息内容 | 本年处理决定数量 |\n| 行政处罚 | 35 |\n| 行政强制 | 2 |\n\n', '');
  assert.deepEqual(ofRule(noBlock).map((d) => d.fix!.edits[0].newText), Array(2).fill('\n| 第二十条第（六）项 | |\n| 信息内容 | 本年处理决定数量 |\n| 行政处罚 | 0 |\n| 行政强制 | 0 |'));
});

test('table-row-missing: no row is inserted where an unknown label most likely is that row (relabelling it is the fix)', () => {
  const text = fixture('clean-2021').text.replace('| 3.要求提供公开出版物 |', '| 三、要求提供公开出版物 |');
  assert.deepEqual(analyze(text).diagnostics.map((d) => [d.ruleId, d.message.zh, d.fix?.edits.map((e) => e.newText) ?? null]), [
    [R, '收到和处理政府信息公开申请情况缺少「3.要求提供公开出版物」行', null],
    ['table-row-label', '未知行标签「三、要求提供公开出版物」，最接近的规定行为「3.要求提供公开出版物」', ['3.要求提供公开出版物']],
  ]);
});

test('table-row-missing: an unknown label that stands for no missing row, or a row without any label, does not stop the insert', () => {
  // 其中：电话申请 is nearest to no official row; the row whose label was lost cannot be placed (two rows are missing
  // around it, and it is one row).
  const text = fixture('clean-2021').text.replace('| 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n', '| | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| 其中：电话申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n');
  const a = analyze(text);
  assert.deepEqual(a.failures, []);
  assert.deepEqual(a.diagnostics.map((d) => [d.ruleId, d.message.zh, d.fix?.edits.map((e) => e.newText) ?? null]), [
    [R, '收到和处理政府信息公开申请情况缺少「4.无正当理由大量反复申请」行', ['\n| 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |']],
    [R, '收到和处理政府信息公开申请情况缺少「5.要求行政机关确认或重新出具已获取信息」行', ['\n| 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |']],
    ['table-row-label', '未知行标签「其中：电话申请」，不属于收到和处理政府信息公开申请情况', null],
  ]);
});

test('table-row-missing: a missing row next to a row short of cells: zeros are checked against the cells written', () => {
  // 3.要求提供公开出版物 (zeros) is left out, and 2.重复申请 stops after 法律服务机构 (table-shape's finding). Its
  // columns 其他 and 总计 cannot be summed; the others hold with a row of zeros, so the row is offered as zeros.
  const text = fixture('clean-2021').text
    .replace('| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n', '')
    .replace('| 2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', '| 2.重复申请 | 1 | 0 | 0 | 0 | 0 |');
  const a = analyze(text);
  assert.deepEqual(a.failures, []);
  assert.deepEqual(a.diagnostics.map((d) => [d.ruleId, d.message.zh, d.fix?.edits.map((e) => e.newText) ?? null]), [
    ['table-row-missing', '收到和处理政府信息公开申请情况缺少「3.要求提供公开出版物」行', ['\n| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |']],
    ['table-shape', '「2.重复申请」行应有 7 个数值单元格，实有 5 个', null],
  ]);
});

test('table-row-missing: a missing row that held a single 1 gets no row of zeros (a sum would be off by one)', () => {
  // 4.保护第三方合法权益 (1 under 自然人, total 1) is left out: （七）总计 still counts it, so zeros would leave
  // 自然人 and 总计 one short of their totals.
  const text = fixture('clean-2021').text.replace('| 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n', '');
  assert.deepEqual(analyze(text).diagnostics.map((d) => [d.ruleId, d.message.zh, d.fix?.edits.map((e) => e.newText) ?? null]), [
    ['table-row-missing', '收到和处理政府信息公开申请情况缺少「4.保护第三方合法权益」行', null],
  ]);
});

test('table-row-missing: two rows missing, one of which held figures: neither gets zeros (the other counts as zeros too)', () => {
  // 3.危及“三安全一稳定” (zeros) and 4.保护第三方合法权益 (1 under 自然人) are both left out. Rows still missing count as
  // the zeros their own fix would write, so （七）总计 stays one more than its rows whichever is inserted.
  const text = fixture('clean-2021').text.replace('| 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n', '');
  assert.deepEqual(analyze(text).diagnostics.map((d) => [d.ruleId, d.message.zh, d.fix?.edits.map((e) => e.newText) ?? null]), [
    ['table-row-missing', '收到和处理政府信息公开申请情况缺少「3.危及“三安全一稳定”」行', null],
    ['table-row-missing', '收到和处理政府信息公开申请情况缺少「4.保护第三方合法权益」行', null],
  ]);
});

test('table-row-missing: a sum broken elsewhere in the table does not stop the row of zeros, which only its own sums decide', () => {
  // 3.要求提供公开出版物 (zeros) is left out, and 四、结转下年度 is one too many under 自然人 (balance's findings).
  // （七）总计 holds without the row, so zeros keep it holding: the insert is offered; the balance is fixed on its own.
  const text = fixture('clean-2021').text
    .replace('| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n', '')
    .replace('| 四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |', '| 四、结转下年度继续办理 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |');
  assert.deepEqual(analyze(text).diagnostics.map((d) => [d.ruleId, d.message.zh, d.fix?.edits.map((e) => e.newText) ?? null]), [
    ['table-row-missing', '收到和处理政府信息公开申请情况缺少「3.要求提供公开出版物」行', ['\n| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |']],
    ['balance', '四、结转下年度「自然人」应为 1（一＋二＝三（七）＋四），实为 2', ['1']],
    ['balance', '四、结转下年度「总计」应为 2（一＋二＝三（七）＋四），实为 3', ['2']],
  ]);
});

test('table-row-missing: three label columns, a row after one whose label is in the first column: the label stays in the first column', () => {
  // 二 missing (its figures moved into 一, so that zeros hold every sum): placed like 一, label first, figures from the fourth column.
  const text = fixture('clean-2021-3col').text
    .replace('| 二、上年结转政府信息公开申请数量 | | | 2 | 1 | 0 | 0 | 0 | 0 | 3 |\n', '')
    .replace('| 一、本年新收政府信息公开申请数量 | | | 12 | 3 | 0 | 1 | 2 | 0 | 18 |', '| 一、本年新收政府信息公开申请数量 | | | 14 | 4 | 0 | 1 | 2 | 0 | 21 |');
  assert.deepEqual(analyze(text).diagnostics.map((d) => [d.ruleId, d.fix?.edits[0].newText]), [[R, '\n| 二、上年结转政府信息公开申请数量 | | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |']]);
});
