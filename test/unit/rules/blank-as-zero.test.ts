import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { applyEdits } from '../../../server/src/engine/fixes.ts';
import { diagnosticAt, diagnosticsOf, fixture, lineWith, ruleSuite, textAt } from './helpers.ts';
import { reportMarkdown } from '../cross/build.ts';

ruleSuite('blank-as-zero');

test('blank-as-zero: one finding per table, with the number of blanks read as 0', () => {
  const t3 = diagnosticAt('blank-as-zero', 'blank-as-zero', lineWith('blank-as-zero', '| 一、本年新收'));
  assert.equal(t3.message.zh, '收到和处理政府信息公开申请情况表没有填写 0，142 个空格按 0 计算勾稽关系（格式要求没有的填 0）');
  assert.equal(t3.message.en, 'Table «Requests received and handled» writes no 0 and leaves 142 cells blank: the blanks are read as 0 for the sums (the format asks for 0)');
  assert.equal(textAt('blank-as-zero', t3).trim(), '', 'points at the first blank cell');
  assert.equal(t3.related!.length, 141, 'the other blanks are related locations');
  const t2 = diagnosticAt('blank-as-zero', 'blank-as-zero', lineWith('blank-as-zero', '| 规章 |'));
  assert.match(t2.message.zh, /^主动公开政府信息情况表没有填写 0，2 个空格/);
  const t4 = diagnosticAt('blank-as-zero', 'blank-as-zero', lineWith('blank-as-zero', '| 1 | 1 | | 1 | 3 |'));
  assert.match(t4.message.zh, /^政府信息公开行政复议、行政诉讼情况表没有填写 0，7 个空格/);
  assert.equal(diagnosticsOf('blank-as-zero', 'blank-as-zero').length, 3);
  assert.deepEqual(diagnosticsOf('blank-as-zero', 'cell-empty'), [], 'no blank is reported on its own');
});

test('blank-as-zero: the relations are judged with the blanks as 0', () => {
  const row = diagnosticAt('blank-as-zero', 'total-row', lineWith('blank-as-zero', '| （一）予以公开 |'));
  assert.equal(row.message.zh, '（一）予以公开「自然人」应为 6（使（一）予以公开「总计」等于六类申请人之和），实为 7');
  assert.ok(row.related!.some((r) => r.message.zh === '（一）予以公开「科研机构」 空（按 0 计算）'), 'a blank term says it was read as 0');
  // A blank that hides a lost figure is the culprit: the message says it was blank, the fix writes the figure padded like a cell.
  const lost = diagnosticAt('blank-as-zero-2019', 'total-row', lineWith('blank-as-zero-2019', '| 1.本机关不掌握相关政府信息 |'));
  assert.equal(lost.message.zh, '（四）1.不掌握「自然人」应为 3（使（四）1.不掌握「总计」等于六类申请人之和），实为 空（按 0 计算）');
  assert.equal(lost.message.en.endsWith('found blank (read as 0)'), true);
  assert.deepEqual(lost.fix!.edits.map((e) => e.newText), [' 3 ']);
});

test('blank-as-zero: a table with no figure at all follows the rest of the report', () => {
  // 2019 fixture: table 4 is blank throughout, tables 2 and 3 write no zero → its 15 blanks are 0 too.
  const t4 = diagnosticAt('blank-as-zero-2019', 'blank-as-zero', lineWith('blank-as-zero-2019', '|  |  |'));
  assert.match(t4.message.zh, /15 个空格/);
  assert.deepEqual(diagnosticsOf('blank-as-zero-2019', 'cell-empty'), []);
  // The same blank table in a report that writes its zeros is a form not filled in: every blank is reported.
  assert.equal(diagnosticsOf('cell-empty-unfilled', 'cell-empty').length, 15);
  assert.deepEqual(diagnosticsOf('cell-empty-unfilled', 'blank-as-zero'), []);
});

test('blank-as-zero: a table that writes zeros and leaves blanks keeps one cell-empty per blank', () => {
  assert.deepEqual(diagnosticsOf('cell-empty', 'blank-as-zero'), []);
  assert.equal(diagnosticsOf('cell-empty', 'cell-empty').length, 7);
});

test('blank-as-zero: blankCells "each" reports every blank and judges no relation through one', () => {
  const text = fixture('blank-as-zero').text;
  const a = analyze(text, { blankCells: 'each' });
  assert.deepEqual(a.diagnostics.filter((d) => d.ruleId === 'blank-as-zero'), []);
  assert.equal(a.diagnostics.filter((d) => d.ruleId === 'cell-empty').length, 2 + 142 + 7);
  // Row （一） has two blanks: its total-row is not judged; the 自然人 column has none, so total-results still is.
  assert.deepEqual(a.diagnostics.filter((d) => d.ruleId === 'total-row').map((d) => d.message.zh), []);
});

test('blank-as-zero: the fix writes 0 in every blank of the table and nothing else changes', () => {
  const text = fixture('blank-as-zero').text;
  const t3 = diagnosticAt('blank-as-zero', 'blank-as-zero', lineWith('blank-as-zero', '| 一、本年新收'));
  assert.equal(t3.fix!.changesFigure, true, 'writes figures: only with --fix-figures');
  const out = applyEdits(text, t3.fix!.edits);
  const line = (t: string, s: string) => t.split('\n').find((l) => l.startsWith(s));
  assert.equal(line(out, '| 一、本年新收'), '| 一、本年新收政府信息公开申请数量 | 12 | 3 | 0 | 1 | 2 | 0 | 18 |');
  assert.equal(line(out, '| 规章 |'), line(text, '| 规章 |'), 'table 2 is another finding');
  const after = analyze(out).diagnostics;
  assert.deepEqual(after.filter((d) => d.ruleId === 'blank-as-zero').length, 2);
  assert.deepEqual(after.filter((d) => d.ruleId === 'total-row').map((d) => d.message.zh), ['（一）予以公开「自然人」应为 6（使（一）予以公开「总计」等于六类申请人之和），实为 7']);
});

test('blank-as-zero: one blank in a table that writes no 0: "1 cell", in the message and the fix; "cells" for more', () => {
  // Found by npm run mutate (blank-as-zero.ts: the English singular).
  const base = reportMarkdown({ t4: { review: [1, 1, 1, 1], direct: [1, 1, 1, 1], after: [1, 1, 1, 0] } });
  const text = base.replace('| 1 | 1 | 1 | 0 | 3 |', '| 1 | 1 | 1 |  | 3 |');
  assert.notEqual(text, base);
  const ds = analyze(text).diagnostics;
  assert.deepEqual(ds.map((d) => [d.ruleId, d.message.zh, d.message.en, d.fix?.title.zh, d.fix?.title.en, d.fix?.edits.map((e) => e.newText)]), [[
    'blank-as-zero',
    '政府信息公开行政复议、行政诉讼情况表没有填写 0，1 个空格按 0 计算勾稽关系（格式要求没有的填 0）',
    'Table «Administrative reconsideration and litigation» writes no 0 and leaves 1 cell blank: the blanks are read as 0 for the sums (the format asks for 0)',
    '在 1 个空格中填入 0',
    'Write 0 in the 1 blank cell',
    [' 0 '],
  ]]);
  // And the plural, in the fixture's table 3.
  const many = diagnosticAt('blank-as-zero', 'blank-as-zero', lineWith('blank-as-zero', '| 一、本年新收'));
  assert.deepEqual([many.fix!.title.zh, many.fix!.title.en], ['在 142 个空格中填入 0', 'Write 0 in the 142 blank cells']);
});

test('blank-as-zero: the finding is on the first blank of the document, whatever order table 2\'s blocks are written in', () => {
  // Found by npm run mutate (blank-as-zero.ts: the blanks sorted by place; the tables come in the format's order).
  const base = fixture('blank-as-zero').text;
  const first = '| 规章 | | | 2 |\n| 行政规范性文件 | 3 | 1 | 25 |\n';
  const fifth = '| 第二十条第（五）项 | | | |\n| 信息内容 | 本年处理决定数量 | | |\n| 行政许可 | 120 | | |\n';
  assert.ok(base.includes(`| 第二十条第（一）项 | | | |\n| --- | --- | --- | --- |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n${first}${fifth}`));
  // （五） written first, its 行政许可 figure left blank: three blanks in table 2, the first of them 行政许可's.
  const text = base.replace(
    `| 第二十条第（一）项 | | | |\n| --- | --- | --- | --- |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n${first}${fifth}`,
    `| 第二十条第（五）项 | | | |\n| --- | --- | --- | --- |\n| 信息内容 | 本年处理决定数量 | | |\n| 行政许可 |  | | |\n| 第二十条第（一）项 | | | |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n${first}`,
  );
  const t2 = analyze(text).diagnostics.filter((d) => d.ruleId === 'blank-as-zero' && d.message.zh.startsWith('主动公开'));
  assert.equal(t2.length, 1);
  assert.match(t2[0].message.zh, /3 个空格/);
  const lineOf = (offset: number) => text.slice(text.lastIndexOf('\n', offset - 1) + 1, text.indexOf('\n', offset));
  assert.equal(lineOf(t2[0].range.start), '| 行政许可 |  | | |');
  assert.deepEqual(t2[0].related!.map((r) => lineOf(r.range.start)), ['| 规章 | | | 2 |', '| 规章 | | | 2 |']);
  assert.deepEqual(t2[0].fix!.edits.map((e) => lineOf(e.range.start)), ['| 行政许可 |  | | |', '| 规章 | | | 2 |', '| 规章 | | | 2 |']);
});
