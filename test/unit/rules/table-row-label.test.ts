import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { builtinTemplates } from '../../../server/src/engine/templates/builtin.ts';
import { diagnosticAt, diagnosticsOf, fixed, fixture, lineWith, ruleSuite, textAt } from './helpers.ts';

ruleSuite('table-row-label');

test('table-row-label: a misspelt label (seed 003) is set to the official one', () => {
  const d = diagnosticAt('table-row-label', 'table-row-label', lineWith('table-row-label', '5.属于三类内部事务息'));
  assert.equal(d.message.zh, '行标签「5.属于三类内部事务息」应为「5.属于三类内部事务信息」');
  assert.equal(d.message.en, 'Row label “5.属于三类内部事务息” should be “5.属于三类内部事务信息”');
  assert.equal(textAt('table-row-label', d), '5.属于三类内部事务息');
  assert.deepEqual(d.fix!.edits.map((e) => e.newText), ['5.属于三类内部事务信息']);
  assert.equal(d.fix!.changesFigure, false);
});

test('table-row-label: labels cut short, a group label cut to its numbering, in both layouts', () => {
  for (const name of ['table-row-label', 'table-row-label-3col']) {
    const cut = diagnosticAt(name, 'table-row-label', lineWith(name, '（二）部分公开（区分处理的，只计这'));
    assert.equal(cut.message.zh, '行标签「（二）部分公开（区分处理的，只计这」不完整，应为「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」');
    const six = diagnosticsOf(name, 'table-row-label').find((d) => textAt(name, d) === '(六)')!;
    assert.equal(six.message.zh, '行标签「(六)」不完整，应为「（六）其他处理」');
  }
});

test('table-row-label: a lost label is filled in from its position, in the label column of its neighbours', () => {
  const d = diagnosticsOf('table-row-label-3col', 'table-row-label').find((x) => x.message.zh.startsWith('此行缺少行标签'))!;
  assert.equal(d.message.zh, '此行缺少行标签，按位置应为「2.其他法律行政法规禁止公开」');
  const text = fixed('table-row-label-3col', d);
  assert.ok(text.includes('\n| | | 2.其他法律行政法规禁止公开 | 0 |'), 'written into the third label column');
  const t3 = analyze(text).report.tables.find((t) => t.def.id === 't3')!;
  assert.equal(t3.rows.find((r) => r.row?.id === 'withheld.prohibited')!.match, 'exact');
});

test('table-row-label: an unknown label is reported without a fix', () => {
  const d = diagnosticAt('table-row-label', 'table-row-label', lineWith('table-row-label', '其他主动公开文件'));
  assert.equal(d.message.zh, '未知行标签「其他主动公开文件」，不属于第二十条第（一）项');
  assert.equal(d.fix, undefined);
});

test('table-row-label: half-width brackets, spaces, straight quotes, a listed variant and a bracketed note are accepted', () => {
  assert.deepEqual(diagnosticsOf('table-row-label-ok', 'table-row-label'), []);
  assert.deepEqual(diagnosticsOf('table-row-label-ok-3col', 'table-row-label'), []);
});

test('table-row-label: an official label followed by words of its own is that row, misworded', () => {
  const d = diagnosticAt('table-row-label-trailing', 'table-row-label', lineWith('table-row-label-trailing', '| （一）予以公开的'));
  assert.equal(d.message.zh, '行标签「（一）予以公开的政府信息公开申请事项」应为「（一）予以公开」');
  assert.deepEqual(d.fix!.edits.map((e) => e.newText), ['（一）予以公开']);
  assert.equal(d.fix!.changesFigure, false);
});

test('table-row-label: a numbering written without its 、 or . is still that row, and the label is set right', () => {
  // Found by npm run mutate (labels.ts, the numbering's trailing 、/. stripped before comparing).
  const clean = fixture('clean-2021').text;
  for (const [official, written] of [['1.属于国家秘密', '1属于国家秘密'], ['一、本年新收政府信息公开申请数量', '一本年新收政府信息公开申请数量']]) {
    const text = clean.replace(`| ${official} |`, `| ${written} |`);
    assert.notEqual(text, clean);
    const a = analyze(text);
    assert.deepEqual(a.diagnostics.map((d) => [d.ruleId, d.message.zh, d.fix?.edits.map((e) => e.newText)]), [
      ['table-row-label', `行标签「${written}」应为「${official}」`, [official]],
    ]);
  }
});

test('table-row-label: a label of two characters after its numbering, one of them off, is that row: （七）合计', () => {
  // Found by npm run mutate (labels.ts: bodies of two characters are compared, shorter ones are not).
  const clean = fixture('clean-2021').text;
  const text = clean.replace('| （七）总计 |', '| （七）合计 |');
  assert.notEqual(text, clean);
  assert.deepEqual(analyze(text).diagnostics.map((d) => [d.ruleId, d.message.zh, d.fix?.edits.map((e) => e.newText)]), [
    ['table-row-label', '行标签「（七）合计」应为「（七）总计」', ['（七）总计']],
  ]);
});

test('table-row-label: an unknown label is relabelled only if the row\'s own sum holds once it is that row', () => {
  // Found by npm run mutate (nearest.ts: the relations a relabelled row completes, its own row's included, must hold).
  // 一、予以公开 (unknown: the numbering is not （一）) is nearest to （一）予以公开; its 总计 is 11 for figures of 10.
  // （七）总计 and 四 are moved so that only the row's own sum tells: relabelled, it would break total-row.
  const clean = fixture('clean-2021').text;
  const ok = clean.replace('| （一）予以公开 | 6 | 2 | 0 | 1 | 1 | 0 | 10 |', '| 一、予以公开 | 6 | 2 | 0 | 1 | 1 | 0 | 10 |');
  const label = (text: string) => analyze(text).diagnostics.filter((d) => d.ruleId === 'table-row-label').map((d) => [d.message.zh, d.fix?.edits.map((e) => e.newText) ?? null]);
  assert.deepEqual(label(ok), [['未知行标签「一、予以公开」，最接近的规定行为「（一）予以公开」', ['（一）予以公开']]]);
  const off = ok.replace('| 一、予以公开 | 6 | 2 | 0 | 1 | 1 | 0 | 10 |', '| 一、予以公开 | 6 | 2 | 0 | 1 | 1 | 0 | 11 |')
    .replace('| （七）总计 | 13 | 3 | 0 | 1 | 2 | 0 | 19 |', '| （七）总计 | 13 | 3 | 0 | 1 | 2 | 0 | 20 |')
    .replace('| 四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |', '| 四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | 1 |');
  assert.equal(off.split('\n').filter((l, i) => l !== ok.split('\n')[i]).length, 3);
  assert.deepEqual(label(off), [['未知行标签「一、予以公开」，最接近的规定行为「（一）予以公开」', null]]);
});

test('table-row-label: with one format loaded (no other to tell its labels from), the same findings and no failure', () => {
  // Found by npm run mutate (table-row-label.ts: a report has no other template when only one is loaded).
  const f = fixture('table-row-label');
  const only2021 = analyze(f.text, { templates: [builtinTemplates.find((t) => t.id === '2021')!] });
  assert.deepEqual(only2021.failures, []);
  const messages = (ds: readonly { ruleId: string; message: { zh: string } }[]) => ds.filter((d) => d.ruleId === 'table-row-label').map((d) => d.message.zh);
  assert.deepEqual(messages(only2021.diagnostics), messages(analyze(f.text).diagnostics));
  assert.equal(messages(only2021.diagnostics).length, 7);
});

test('table-row-label: beside a row\'s own label, an unknown label is only ever given a group label', () => {
  // Found by npm run mutate (table-row-label.ts: the suggestions beside a row's label are the group rows).
  // The group column of 1.属于国家秘密 holds the label of a row that is missing (2.没有现成信息需要另行制作): writing that
  // label there would make two labels of one row; table-row-missing inserts the row instead.
  const clean = fixture('clean-2021-3col').text;
  const text = clean.replace('| | （三）不予公开 | 1.属于国家秘密 |', '| | 没有现成信息需要另行制作 | 1.属于国家秘密 |')
    .replace('| | | 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n', '');
  assert.equal(text.split('\n').length, clean.split('\n').length - 1);
  assert.deepEqual(analyze(text).diagnostics.map((d) => [d.ruleId, d.message.zh, d.fix?.edits.map((e) => e.newText) ?? null]), [
    ['table-row-label', '未知行标签「没有现成信息需要另行制作」，不属于收到和处理政府信息公开申请情况', null],
    ['table-row-missing', '收到和处理政府信息公开申请情况缺少「2.没有现成信息需要另行制作」行', ['\n| | | 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |']],
  ]);
});

test('a row that lost its label, with a word among its figures before a blank: the word is the cell\'s problem, not a label', () => {
  // Found by npm run mutate (table-row-label.ts: where a row's figures start, for the scan of its label columns,
  // is its first written figure, not its first blank). 见附件 is cell-invalid's finding.
  const text = fixture('clean-2021').text.replace('| （一）予以公开 | 6 | 2 | 0 | 1 | 1 | 0 | 10 |', '| | 6 | 见附件 | | 1 | 1 | 0 | 10 |');
  const a = analyze(text);
  assert.deepEqual(a.diagnostics.map((d) => [d.ruleId, text.slice(d.range.start, d.range.end), d.message.zh]), [
    ['table-row-label', ' ', '此行缺少行标签，按位置应为「（一）予以公开」'],
    ['cell-invalid', '见附件', '（一）予以公开「商业企业」「见附件」不是数字'],
    ['cell-empty', ' ', '（一）予以公开「科研机构」为空，应填写数字（按勾稽关系应为 0）'],
  ]);
});

// Which unknown labels are given the nearest official row, and when that is offered as a fix (rules/nearest.ts).
// Written for the survivors of npm run mutate; the clean 2022 report with one row changed each time.
const PUBLICATION = '| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
const labelFindings = (text: string) => analyze(text).diagnostics.filter((d) => d.ruleId === 'table-row-label').map((d) => [d.message.zh, d.fix?.edits.map((e) => e.newText) ?? null]);

test('table-row-label: a label that shares half its characters with a missing row is taken for it (规定 for 规章); less is not (章程)', () => {
  const clean = fixture('clean-2021').text;
  assert.deepEqual(labelFindings(clean.replace('| 规章 | 0 | 0 | 2 |', '| 规定 | 0 | 0 | 2 |')), [['未知行标签「规定」，最接近的规定行为「规章」', ['规章']]]);
  assert.deepEqual(labelFindings(clean.replace('| 规章 | 0 | 0 | 2 |', '| 章程 | 0 | 0 | 2 |')), [['未知行标签「章程」，不属于第二十条第（一）项', null]]);
});

test('table-row-label: an unknown label is relabelled only when its row has every figure, each a number', () => {
  const clean = fixture('clean-2021').text;
  const suggestion = '未知行标签「三、要求提供公开出版物」，最接近的规定行为「3.要求提供公开出版物」';
  assert.deepEqual(labelFindings(clean.replace(PUBLICATION, '| 三、要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |')), [[suggestion, ['3.要求提供公开出版物']]]);
  for (const row of ['| 三、要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 三、要求提供公开出版物 | 0 | | 0 | 0 | 0 | 0 | 0 |', '| 三、要求提供公开出版物 | 0 | 见附件 | 0 | 0 | 0 | 0 | 0 |']) {
    assert.deepEqual(labelFindings(clean.replace(PUBLICATION, row)), [[suggestion, null]], row);
  }
});

test('table-row-label: two unknown labels that both look like one missing row: neither is relabelled', () => {
  const text = fixture('clean-2021').text.replace(PUBLICATION, '| 三、要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| （3）要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  assert.deepEqual(labelFindings(text), [
    ['未知行标签「三、要求提供公开出版物」，最接近的规定行为「3.要求提供公开出版物」', null],
    ['未知行标签「（3）要求提供公开出版物」，最接近的规定行为「3.要求提供公开出版物」', null],
  ]);
});

test('table-row-label: no relabel whose figures would break a column\'s sum (the row\'s own sum holding)', () => {
  // 1 + 0 + … = 1 along the row, but （七）总计 does not count the row: relabelled, total-results would fire.
  const text = fixture('clean-2021').text.replace(PUBLICATION, '| 三、要求提供公开出版物 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |');
  assert.deepEqual(labelFindings(text), [['未知行标签「三、要求提供公开出版物」，最接近的规定行为「3.要求提供公开出版物」', null]]);
});

test('table-row-label: a sum that cannot be checked yet (a blank cell in another of its rows) does not stop a relabel', () => {
  const text = fixture('clean-2021').text.replace(PUBLICATION, '| 三、要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |')
    .replace('| 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 4.无正当理由大量反复申请 | 0 | 0 | | 0 | 0 | 0 | 0 |');
  assert.deepEqual(labelFindings(text), [['未知行标签「三、要求提供公开出版物」，最接近的规定行为「3.要求提供公开出版物」', ['3.要求提供公开出版物']]]);
});

test('table-row-label: of two unknown labels, the one whose row sum fails gets no fix; the other is still relabelled', () => {
  // Once the first is left out, the column sums through both rows cannot be checked: they do not stop the second.
  const text = fixture('clean-2021').text.replace(PUBLICATION, '| 三、要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 1 |')
    .replace('| 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 四、无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  assert.deepEqual(labelFindings(text), [
    ['未知行标签「三、要求提供公开出版物」，最接近的规定行为「3.要求提供公开出版物」', null],
    ['未知行标签「四、无正当理由大量反复申请」，最接近的规定行为「4.无正当理由大量反复申请」', ['4.无正当理由大量反复申请']],
  ]);
});

test('table-row-label: an unknown label whose nearest official row is already in the table is given no suggestion', () => {
  const text = fixture('clean-2021').text.replace('| （一）予以公开 | 6 | 2 | 0 | 1 | 1 | 0 | 10 |', '| （一）予以公开 | 6 | 2 | 0 | 1 | 1 | 0 | 10 |\n| 一、予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  assert.deepEqual(labelFindings(text), [['未知行标签「一、予以公开」，不属于收到和处理政府信息公开申请情况', null]]);
});

// Three label columns (clean 2022 report, seed 003's layout), written for the survivors of npm run mutate (table-row-label.ts).
const SECRET_3COL = '| | （三）不予公开 | 1.属于国家秘密 |';
const PROHIBITED_3COL = '| | | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
const labelDiagnostics = (text: string) => analyze(text).diagnostics.filter((d) => d.ruleId === 'table-row-label').map((d) => [text.slice(d.range.start, d.range.end), d.message.zh, d.fix ? { edits: d.fix.edits.map((e) => e.newText), changesFigure: d.fix.changesFigure } : null]);

test('table-row-label: a group label cut short in the first of three label columns, on a row of its own, is set right', () => {
  const text = fixture('clean-2021-3col').text.replace(SECRET_3COL, '| 三、本年度办理结 | （三）不予公开 | | | | | | | | |\n| | | 1.属于国家秘密 |');
  assert.deepEqual(labelDiagnostics(text), [['三、本年度办理结', '行标签「三、本年度办理结」应为「三、本年度办理结果」', { edits: ['三、本年度办理结果'], changesFigure: false }]]);
});

test('table-row-label: an unknown group label beside a row\'s label is set to the nearest group label', () => {
  const text = fixture('clean-2021-3col').text.replace(SECRET_3COL, '| | 三、不予公开 | 1.属于国家秘密 |');
  assert.deepEqual(labelDiagnostics(text), [['三、不予公开', '未知行标签「三、不予公开」，最接近的规定行为「（三）不予公开」', { edits: ['（三）不予公开'], changesFigure: false }]]);
});

test('table-row-label: an unknown label taken for a group row is relabelled only if the row holds no figure', () => {
  const clean = fixture('clean-2021').text;
  const message = '未知行标签「三、不予公开」，最接近的规定行为「（三）不予公开」';
  assert.deepEqual(labelDiagnostics(clean.replace('| （三）不予公开 | | | | | | | |', '| 三、不予公开 | | | | | | | |')), [['三、不予公开', message, { edits: ['（三）不予公开'], changesFigure: false }]]);
  assert.deepEqual(labelDiagnostics(clean.replace('| （三）不予公开 | | | | | | | |', '| 三、不予公开 | 1 | | | | | | |')), [['三、不予公开', message, null]]);
});

test('table-row-label: a relabel is a label fix, not a figure change', () => {
  const text = fixture('clean-2021').text.replace(PUBLICATION, '| 三、要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  assert.deepEqual(labelDiagnostics(text), [['三、要求提供公开出版物', '未知行标签「三、要求提供公开出版物」，最接近的规定行为「3.要求提供公开出版物」', { edits: ['3.要求提供公开出版物'], changesFigure: false }]]);
});

test('table-row-label: a lost label over a stray figure in its own label column is written there, as a figure change', () => {
  const text = fixture('clean-2021-3col').text.replace(PROHIBITED_3COL, '| | | 5 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  assert.deepEqual(labelDiagnostics(text), [[' ', '此行缺少行标签，按位置应为「2.其他法律行政法规禁止公开」', { edits: ['2.其他法律行政法规禁止公开'], changesFigure: true }]]);
  const d = analyze(text).diagnostics.find((x) => x.ruleId === 'table-row-label')!;
  assert.equal(text.slice(d.fix!.edits[0].range.start, d.fix!.edits[0].range.end), '5');
});

test('table-row-label: a lost label with a stray figure in an earlier label column gets no fix (the figure would still hide it)', () => {
  const clean = fixture('clean-2021-3col').text;
  for (const row of ['| 5 | | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| | 5 | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |']) {
    const text = clean.replace(PROHIBITED_3COL, row);
    assert.deepEqual(labelDiagnostics(text).map(([, message, fix]) => [message, fix]), [['此行缺少行标签，按位置应为「2.其他法律行政法规禁止公开」', null]], row);
  }
});

test('table-row-label: a row label of the other format is template-mismatch\'s finding, not an unknown label', () => {
  const text = fixture('clean-2021').text.replace('| 行政许可 | 120 | | |', '| 行政许可 | 120 | | |\n| 其他对外管理服务事项 | 0 | | |');
  assert.deepEqual(analyze(text).diagnostics.map((d) => [d.ruleId, d.message.zh]), [['template-mismatch', '「其他对外管理服务事项」是2019年版格式（试行）的标签；2022年度报告应使用2021年版格式']]);
});

test('table-row-label: beside a row\'s label, a label of another table is unknown here; one of the other format is template-mismatch\'s', () => {
  const clean = fixture('clean-2021-3col').text;
  const another = clean.replace(SECRET_3COL, '| | 行政处罚 | 1.属于国家秘密 |');
  assert.deepEqual(analyze(another).diagnostics.map((d) => [d.ruleId, d.message.zh]), [['table-row-label', '未知行标签「行政处罚」，不属于收到和处理政府信息公开申请情况']]);
  const other = clean.replace(SECRET_3COL, '| | 其他对外管理服务事项 | 1.属于国家秘密 |');
  assert.deepEqual(analyze(other).diagnostics.map((d) => [d.ruleId, d.message.zh]), [['template-mismatch', '「其他对外管理服务事项」是2019年版格式（试行）的标签；2022年度报告应使用2021年版格式']]);
});

test('table-row-label: words written after a row\'s own label, in a label column of their own, are a note, not a label', () => {
  const text = fixture('clean-2021-3col').text.replace('| | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | |', '| | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 含答复 |');
  assert.deepEqual(analyze(text).diagnostics, []);
});
