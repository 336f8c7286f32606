import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { reportMarkdown, type T3 } from '../cross/build.ts';
import { diagnosticAt, diagnosticsOf, fixed, lineWith, ruleSuite, textAt } from './helpers.ts';

ruleSuite('total-results');

test('total-results: （七）总计 against the sum of the outcome rows, in the user’s terms', () => {
  const d = diagnosticAt('total-results', 'total-results', lineWith('total-results', '| （七）总计 |'));
  assert.equal(d.message.zh, '（七）总计「自然人」应为 13（各办理结果之和），实为 14');
  assert.equal(d.message.en, '（七）总计 «自然人» should be 13 (the sum of the outcome rows), found 14');
  assert.equal(textAt('total-results', d), '14');
  assert.deepEqual(d.fix!.edits.map((e) => e.newText), ['13']);
  assert.equal(d.related!.length, 21, '2021: 21 outcome rows');
  // One cell breaks three relations; the same fix mends all three.
  const after = analyze(fixed('total-results', d)).diagnostics;
  assert.deepEqual(after.filter((x) => ['total-row', 'total-results', 'balance'].includes(x.ruleId)), []);
});

test('total-results: two totals off, but moving them would break the balance: reported without a fix', () => {
  const ds = diagnosticsOf('total-results-2019', 'total-results');
  assert.deepEqual(ds.map((d) => d.message.zh), ['（七）总计「自然人」应为 13（各办理结果之和），实为 14', '（七）总计「商业企业」应为 3（各办理结果之和），实为 2']);
  assert.ok(ds.every((d) => d.fix === undefined));
  assert.equal(ds[0].related!.length, 19, '2019: 19 outcome rows');
});

// The outcome rows of each format, each given its own figure for 自然人 (1, 2, 3, …) and 1 for 商业企业: every
// row counts in （七）总计, so a relation that left one out, or put it on the other side, would find the total wrong.
const OUTCOME_ROWS_2019 = [
  'disclosed', 'partial', 'withheld.secret', 'withheld.prohibited', 'withheld.security', 'withheld.third_party', 'withheld.internal',
  'withheld.process', 'withheld.enforcement', 'withheld.inquiry', 'unavailable.not_held', 'unavailable.needs_creation', 'unavailable.unclear',
  'not_processed.petition', 'not_processed.repeated', 'not_processed.publication', 'not_processed.mass', 'not_processed.confirm',
];

test('total-results: every outcome row counts in （七）总计 (2019: 19 rows, 2021: 21), each written with a figure of its own', () => {
  // （六）其他处理 is one row in 2019 (the spec's `other`), three in 2021 (1. 不补正, 2. 不缴费, 3.其他 = `other`).
  const t3_2019 = Object.fromEntries([...OUTCOME_ROWS_2019, 'other'].map((id, i) => [id, [i + 1, 1]])) as T3;
  const t3_2021 = Object.fromEntries([...OUTCOME_ROWS_2019, 'other_handling.no_supplement', 'other_handling.no_fee', 'other'].map((id, i) => [id, [i + 1, 1]])) as T3;
  const r2019 = reportMarkdown({ year: 2019, t3: { new: [300, 40], carried_in: [7, 3], ...t3_2019 } });
  const r2021 = reportMarkdown({ year: 2021, t3: { new: [300, 40], carried_in: [7, 3], ...t3_2021 } });
  // 1 + 2 + … + 19 = 190 and 19 × 1; 1 + … + 21 = 231 and 21 × 1.
  assert.ok(r2019.includes('| （六）其他处理 | 19 | 1 | 0 | 0 | 0 | 0 | 20 |\n| （七）总计 | 190 | 19 | 0 | 0 | 0 | 0 | 209 |'));
  assert.ok(r2021.includes('| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 20 | 1 | 0 | 0 | 0 | 0 | 21 |'));
  assert.ok(r2021.includes('| 3.其他 | 21 | 1 | 0 | 0 | 0 | 0 | 22 |\n| （七）总计 | 231 | 21 | 0 | 0 | 0 | 0 | 252 |'));
  assert.deepEqual(analyze(r2019).diagnostics.map((d) => `${d.ruleId}: ${d.message.zh}`), []);
  assert.deepEqual(analyze(r2021).diagnostics.map((d) => `${d.ruleId}: ${d.message.zh}`), []);
  // 2.不缴费 written 21 for 20 (its row total with it): （七）总计 is short by one in 自然人 and in 总计. Raising the
  // totals would break the balance, which holds now (the row may be the wrong figure): no fix.
  const wrong = r2021.replace('不再处理其政府信息公开申请 | 20 | 1 | 0 | 0 | 0 | 0 | 21 |', '不再处理其政府信息公开申请 | 21 | 1 | 0 | 0 | 0 | 0 | 22 |');
  assert.notEqual(wrong, r2021);
  assert.deepEqual(analyze(wrong).diagnostics.map((d) => [d.ruleId, d.message.zh, d.fix?.edits.map((e) => e.newText) ?? null]), [
    ['total-results', '（七）总计「自然人」应为 232（各办理结果之和），实为 231', null],
    ['total-results', '（七）总计「总计」应为 253（各办理结果之和），实为 252', null],
  ]);
});
