import assert from 'node:assert/strict';
import { test } from 'node:test';
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
