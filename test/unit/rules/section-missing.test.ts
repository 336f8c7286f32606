import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { applyEdits } from '../../../server/src/engine/fixes.ts';
import { diagnosticAt, fixed, lineWith, ruleSuite, textAt } from './helpers.ts';

ruleSuite('section-missing');

test('section-missing: points at the next section present and inserts the missing one before it', () => {
  const d = diagnosticAt('section-missing', 'section-missing', lineWith('section-missing', '## 六、其他需要报告的事项'));
  assert.equal(d.message.zh, '缺少「五、存在的主要问题及改进情况」');
  assert.equal(d.message.en, 'Missing section “五、存在的主要问题及改进情况”');
  assert.equal(textAt('section-missing', d), '## 六、其他需要报告的事项');
  assert.equal(d.fix!.changesFigure, false, 'a section without a table changes no figure');
  // The inserted heading takes the report's heading style (## here).
  assert.equal(d.fix!.edits[0].newText, '## 五、存在的主要问题及改进情况\n\n（待补充）\n\n');
  const after = analyze(fixed('section-missing', d));
  assert.deepEqual(after.report.sections.map((s) => s.def?.id), ['overview', 'proactive', 'requests', 'review', 'problems', 'other']);
});

test('section-missing: a missing section with a table is inserted with the table (a figure change), in bold style', () => {
  const d = diagnosticAt('section-missing-2019', 'section-missing', lineWith('section-missing-2019', '**五、存在的主要问题及改进情况**'));
  assert.equal(d.message.zh, '缺少「四、政府信息公开行政复议、行政诉讼情况」');
  assert.equal(d.fix!.changesFigure, true);
  assert.ok(d.fix!.edits[0].newText.startsWith('**四、政府信息公开行政复议、行政诉讼情况**\n\n| 行政复议 |'));
  const after = analyze(fixed('section-missing-2019', d));
  assert.ok(after.report.tables.some((t) => t.def.id === 't4' && t.rows.length === 1), 'table 4 read from the inserted text');
});

test('section-missing: the last section missing is reported on the title and appended at the end', () => {
  const d = diagnosticAt('section-missing-2019', 'section-missing', 1);
  assert.equal(d.message.zh, '缺少「六、其他需要报告的事项」');
  const text = fixed('section-missing-2019', d);
  assert.ok(text.endsWith('\n\n**六、其他需要报告的事项**\n\n（待补充）\n\n') || text.endsWith('\n**六、其他需要报告的事项**\n\n（待补充）\n\n'));
});

test('section-missing: the inserted section starts its own block, even right after a table', () => {
  const text = [
    '# 某县司法局2022年政府信息公开工作年度报告',
    '',
    '| 第二十条第（一）项 | | | |',
    '| --- | --- | --- | --- |',
    '## 二、主动公开政府信息情况',
    '',
    '（表二）',
    '',
  ].join('\n');
  const d = analyze(text).diagnostics.find((x) => x.ruleId === 'section-missing' && x.message.zh === '缺少「一、总体情况」')!;
  assert.equal(d.fix!.edits[0].newText, '\n## 一、总体情况\n\n（待补充）\n\n', 'a blank line first: a line right after a table would be a table row');
  const after = analyze(applyEdits(text, d.fix!.edits));
  assert.ok(after.report.sections.some((s) => s.def?.id === 'overview'));
});

test('section-missing: with the sections out of order, the fix adds no section-order finding', () => {
  const text = ['# 某县司法局2022年政府信息公开工作年度报告', '', '## 三、收到和处理政府信息公开申请情况', '', '（表三）', '', '## 四、政府信息公开行政复议、行政诉讼情况', '', '（表四）', '',
    '## 五、存在的主要问题及改进情况', '', '无。', '', '## 二、主动公开政府信息情况', '', '（表二）', '', '## 六、其他需要报告的事项', '', '无。', ''].join('\n');
  const before = analyze(text).diagnostics;
  const d = before.find((x) => x.ruleId === 'section-missing')!;
  assert.equal(d.message.zh, '缺少「一、总体情况」');
  assert.equal(textAtRange(text, d.range), '## 三、收到和处理政府信息公开申请情况', 'goes first, not before the misplaced 二');
  const after = analyze(applyEdits(text, d.fix!.edits)).diagnostics;
  assert.deepEqual(after.filter((x) => x.ruleId === 'section-order').map((x) => x.message.zh), before.filter((x) => x.ruleId === 'section-order').map((x) => x.message.zh));
});

function textAtRange(text: string, r: { start: number; end: number }): string {
  return text.slice(r.start, r.end);
}
