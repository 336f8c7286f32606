import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { CORE_RULES, diagnosticAt, fixed, fixture, lineWith, ruleSuite } from './helpers.ts';

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

test('table-missing: in a CRLF file the inserted table has CRLF line breaks only', () => {
  // Found by npm run mutate (table-missing.ts: the file's line break, read from its text).
  const text = fixture('table-missing').text.replace(/\n/g, '\r\n');
  const ds = analyze(text).diagnostics.filter((d) => d.ruleId === 'table-missing');
  assert.equal(ds.length, 2);
  for (const d of ds) {
    const inserted = d.fix!.edits[0].newText;
    assert.ok(inserted.startsWith('\r\n\r\n| '), 'a blank line, then the table');
    assert.ok(inserted.endsWith('|\r\n'));
    assert.doesNotMatch(inserted, /[^\r]\n/, 'no bare LF');
  }
});

test('table-missing: a section given twice without its table is reported once, on its first heading', () => {
  // Found by npm run mutate (table-missing.ts: the section is the first one of its kind). The second heading is
  // section-duplicate's finding; the table goes under the first.
  const f = fixture('table-missing');
  const heading = '## 四、政府信息公开行政复议、行政诉讼情况';
  const text = f.text.replace('## 六、其他需要报告的事项', `${heading}\n\n本年度无案件。\n\n## 六、其他需要报告的事项`);
  const first = text.indexOf(heading);
  assert.ok(text.indexOf(heading, first + 1) > first);
  const ds = analyze(text).diagnostics.filter((d) => d.ruleId === 'table-missing' && d.message.zh.startsWith('「四、'));
  assert.equal(ds.length, 1);
  assert.equal(ds[0].range.start, first);
  assert.equal(ds[0].fix!.edits[0].range.start, first + heading.length);
});
