import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { CORE_RULES, diagnosticAt, fixed, lineWith, ruleSuite } from './helpers.ts';

ruleSuite('table-missing');

test('table-missing: reported on the section heading; the fix inserts the format’s table with figures 0', () => {
  const d = diagnosticAt('table-missing', 'table-missing', lineWith('table-missing', '## 四、政府信息公开行政复议、行政诉讼情况'));
  assert.equal(d.message.zh, '「四、政府信息公开行政复议、行政诉讼情况」缺少表格（政府信息公开行政复议、行政诉讼情况）');
  assert.equal(d.message.en, '“四、政府信息公开行政复议、行政诉讼情况” has no table (Administrative reconsideration and litigation)');
  assert.equal(d.fix!.changesFigure, true, 'writes figures (zeros): only with --fix-figures');
  const after = analyze(fixed('table-missing', d));
  const t4 = after.report.tables.find((t) => t.def.id === 't4')!;
  assert.equal(t4.cells.size, 15);
  assert.ok([...t4.cells.values()].every((c) => c.value.kind === 'number' && c.value.value === 0));
  const t2 = diagnosticAt('table-missing', 'table-missing', lineWith('table-missing', '## 二、主动公开政府信息情况'));
  assert.equal(t2.message.zh, '「二、主动公开政府信息情况」缺少表格（第二十条主动公开情况）');
  const withT2 = analyze(fixed('table-missing', t2));
  assert.deepEqual(withT2.report.tables.filter((t) => t.def.part === 't2').map((t) => t.def.id), ['t2.1', 't2.5', 't2.6', 't2.8']);
});

test('table-missing: table 3 of the 2019 format is inserted for a 2020 report', () => {
  const d = diagnosticAt('table-missing-2019', 'table-missing', lineWith('table-missing-2019', '**三、收到和处理政府信息公开申请情况**'));
  const after = analyze(fixed('table-missing-2019', d));
  const t3 = after.report.tables.find((t) => t.def.id === 't3')!;
  assert.equal(t3.rows.filter((r) => r.row && !r.row.group).length, 23, '2019: 23 data rows, （六）其他处理 one of them');
  assert.deepEqual(after.diagnostics.filter((x) => (CORE_RULES as readonly string[]).includes(x.ruleId)), [], 'the inserted table raises nothing');
});
