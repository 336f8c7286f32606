import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { builtinTemplates } from '../../../server/src/engine/templates/builtin.ts';
import { diagnosticAt, diagnosticsOf, fixture, lineWith, ruleSuite, textAt } from './helpers.ts';

ruleSuite('template-mismatch');

test('template-mismatch: 2019 columns and rows in a 2022 report', () => {
  const line = lineWith('template-mismatch', '| 信息内容 | 本年新制作数量');
  const d = diagnosticAt('template-mismatch', 'template-mismatch', line, '本年新制作数量');
  assert.equal(d.message.zh, '「本年新制作数量」是2019年版格式（试行）的标签；2022年度报告应使用2021年版格式');
  assert.equal(d.message.en, '“本年新制作数量” belongs to the 2019 format (trial); this report should use the 2021 format');
  assert.equal(textAt('template-mismatch', d), '本年新制作数量');
  assert.equal(d.fix, undefined, 'the table must be redone by hand');
  diagnosticAt('template-mismatch', 'template-mismatch', lineWith('template-mismatch', '| 其他对外管理服务事项 |'));
});

test('template-mismatch: （六）其他处理 filled as one row in a 2021-format year', () => {
  const d = diagnosticAt('template-mismatch', 'template-mismatch', lineWith('template-mismatch', '| （六）其他处理 |'));
  assert.ok(d.message.zh.startsWith('「（六）其他处理」一行填了数字，这是2019年版格式（试行）的写法；2022年度报告应使用2021年版格式，分「1.申请人无正当理由逾期不补正'));
  assert.equal(d.message.en, '“（六）其他处理” carries figures as in the 2019 format (trial); this report should use the 2021 format, with the figures in its sub-rows');
});

test('template-mismatch: 2021 labels in a 2020 report; their rows are not also unknown labels or blank cells', () => {
  const ds = diagnosticsOf('template-mismatch-2019', 'template-mismatch');
  assert.deepEqual(ds.map((d) => textAt('template-mismatch-2019', d)), ['本年制发件数', '本年废止件数', '现行有效件数', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他']);
  assert.deepEqual(diagnosticsOf('template-mismatch-2019', 'table-row-label'), []);
  assert.deepEqual(diagnosticsOf('template-mismatch-2019', 'cell-empty'), []);
});

test('template-mismatch: labels both formats accept (规范性文件, 行政规范性文件, 本年增减) are not findings', () => {
  assert.deepEqual(diagnosticsOf('template-mismatch-ok', 'template-mismatch'), []);
});

test('template-mismatch: a report without a year is “本报告”; a group row with some figures is reported like a full one', () => {
  // Found by npm run mutate (template-mismatch.ts: the text without a year; a row with figures in some cells).
  const clean = fixture('clean-2021').text;
  const noYear = clean.replace(/2022年/g, '').replace('| 行政许可 | 120 | | |', '| 行政许可 | 120 | | |\n| 本年新制作数量 | 1 | | |');
  assert.equal(analyze(noYear).report.year, undefined);
  assert.deepEqual(analyze(noYear).diagnostics.filter((d) => d.ruleId === 'template-mismatch').map((d) => d.message.zh),
    ['「本年新制作数量」是2019年版格式（试行）的标签；本报告应使用2021年版格式']);
  const some = fixture('template-mismatch').text.replace('| （六）其他处理 | 1 | 0 | 0 | 0 | 1 | 0 | 2 |', '| （六）其他处理 | 1 | | | | 1 | | 2 |');
  const rows = analyze(some).diagnostics.filter((d) => d.ruleId === 'template-mismatch' && d.message.zh.includes('一行填了数字'));
  assert.deepEqual(rows.map((d) => some.slice(d.range.start, d.range.end)), ['（六）其他处理']);
});

test('template-mismatch: a group row of both formats filled, a table that is no report table, one format only: none is a finding', () => {
  // Found by npm run mutate (template-mismatch.ts: the other format's row looked up by id; non-report tables left
  // alone; no other format at all).
  const clean = fixture('clean-2021').text;
  const group = clean.replace('| （三）不予公开 | | | | | | | |', '| （三）不予公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |');
  assert.notEqual(group, clean);
  assert.deepEqual(analyze(group).diagnostics.filter((d) => d.ruleId === 'template-mismatch'), [], '（三）不予公开 is a group row in 2019 too');
  const extra = clean.replace('2022年度本局未收取信息处理费。', '2022年度本局未收取信息处理费。\n\n| 项目 | 说明 |\n| --- | --- |\n| 本年新制作数量 | 见附件 |\n');
  assert.notEqual(extra, clean);
  assert.deepEqual(analyze(extra).diagnostics.filter((d) => d.ruleId === 'template-mismatch'), [], 'a table of section 六, not a report table');
  const only = analyze(fixture('template-mismatch').text, { templates: [builtinTemplates.find((t) => t.id === '2021')!] });
  assert.deepEqual(only.failures, []);
  assert.deepEqual(only.diagnostics.filter((d) => d.ruleId === 'template-mismatch'), []);
});
