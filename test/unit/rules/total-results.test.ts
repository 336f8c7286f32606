import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
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
