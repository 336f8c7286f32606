import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
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
