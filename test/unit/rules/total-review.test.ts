import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { reportMarkdown } from '../cross/build.ts';
import { diagnosticAt, diagnosticsOf, lineWith, ruleSuite, textAt } from './helpers.ts';

ruleSuite('total-review');

test('total-review: each of the three totals of table 4', () => {
  const line = lineWith('total-review', '| 1 | 1 | 0 | 1 | 4 |');
  const d = diagnosticAt('total-review', 'total-review', line, '行政复议');
  assert.equal(d.message.zh, '行政复议「总计」应为 3（结果维持＋结果纠正＋其他结果＋尚未审结），实为 4');
  assert.equal(d.message.en, '行政复议 «总计» should be 3 (upheld + corrected + other + pending), found 4');
  assert.equal(textAt('total-review', d), '4');
  assert.deepEqual(d.fix!.edits.map((e) => e.newText), ['3']);
  assert.equal(diagnosticAt('total-review', 'total-review', line, '复议后起诉').message.zh, '复议后起诉「总计」应为 1（结果维持＋结果纠正＋其他结果＋尚未审结），实为 2');
  assert.deepEqual(diagnosticsOf('total-review-2019', 'total-review').map((x) => x.message.zh), ['未经复议直接起诉「总计」应为 2（结果维持＋结果纠正＋其他结果＋尚未审结），实为 1']);
});

test('total-review: two wrong totals of table 4, one too small for its parts: each gets its own fix (no cell is blamed for both)', () => {
  // Found by npm run mutate (relations.ts, the search for one cell that explains every failure: the failing
  // relations' common cells). 行政复议 writes 1 for 3 + 3 (only its 总计 could be the culprit of that relation
  // alone), 未经复议直接起诉 writes 9 for 1 + 1 + 1. No cell takes part in both, so there is no culprit.
  const base = reportMarkdown({ t4: { review: [3, 3, 0, 0], direct: [1, 1, 1, 0] } });
  const text = base.replace('| 3 | 3 | 0 | 0 | 6 | 1 | 1 | 1 | 0 | 3 |', '| 3 | 3 | 0 | 0 | 1 | 1 | 1 | 1 | 0 | 9 |');
  assert.notEqual(text, base);
  const ds = analyze(text).diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(ds.map((d) => [d.ruleId, d.message.zh, d.fix?.edits.map((e) => e.newText) ?? null]), [
    ['total-review', '行政复议「总计」应为 6（结果维持＋结果纠正＋其他结果＋尚未审结），实为 1', ['6']],
    ['total-review', '未经复议直接起诉「总计」应为 3（结果维持＋结果纠正＋其他结果＋尚未审结），实为 9', ['3']],
  ]);
});

test('total-review: every result column counts in its total, in both formats', () => {
  // Each of the twelve result cells has a figure of its own: a relation that left one out, or put it on the
  // side of 总计, would find that total wrong.
  for (const year of [2019, 2021]) {
    const text = reportMarkdown({ year, t4: { review: [1, 2, 3, 4], direct: [5, 6, 7, 8], after: [9, 10, 11, 12] } });
    assert.ok(text.includes('| 1 | 2 | 3 | 4 | 10 | 5 | 6 | 7 | 8 | 26 | 9 | 10 | 11 | 12 | 42 |'));
    assert.deepEqual(analyze(text).diagnostics.map((d) => `${d.ruleId}: ${d.message.zh}`), [], `${year}`);
    // 其他结果 of 未经复议直接起诉 written 8 for 7: its total is the finding, whatever the other totals.
    const wrong = text.replace('| 5 | 6 | 7 | 8 | 26 |', '| 5 | 6 | 8 | 8 | 26 |');
    assert.deepEqual(analyze(wrong).diagnostics.map((d) => [d.ruleId, d.message.zh, d.fix?.edits.map((e) => e.newText) ?? null]), [
      ['total-review', '未经复议直接起诉「总计」应为 27（结果维持＋结果纠正＋其他结果＋尚未审结），实为 26', ['27']],
    ], `${year}`);
    // All three totals off by one (11 for 10, 25 for 26, 41 for 42): each total is its own finding and fix.
    const three = text.replace('| 1 | 2 | 3 | 4 | 10 | 5 | 6 | 7 | 8 | 26 | 9 | 10 | 11 | 12 | 42 |', '| 1 | 2 | 3 | 4 | 11 | 5 | 6 | 7 | 8 | 25 | 9 | 10 | 11 | 12 | 41 |');
    assert.deepEqual(analyze(three).diagnostics.map((d) => [d.ruleId, d.message.zh, d.fix?.edits.map((e) => e.newText) ?? null]), [
      ['total-review', '行政复议「总计」应为 10（结果维持＋结果纠正＋其他结果＋尚未审结），实为 11', ['10']],
      ['total-review', '未经复议直接起诉「总计」应为 26（结果维持＋结果纠正＋其他结果＋尚未审结），实为 25', ['26']],
      ['total-review', '复议后起诉「总计」应为 42（结果维持＋结果纠正＋其他结果＋尚未审结），实为 41', ['42']],
    ], `${year}`);
  }
});
