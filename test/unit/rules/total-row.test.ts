import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticAt, lineWith, ruleSuite, textAt } from './helpers.ts';

ruleSuite('total-row');

test('total-row: each row total states the relation, the expected and the found value', () => {
  const d = diagnosticAt('total-row', 'total-row', lineWith('total-row', '| （一）予以公开 |'));
  assert.equal(d.message.zh, '（一）予以公开「总计」应为 10（六类申请人之和），实为 11');
  assert.equal(d.message.en, '（一）予以公开 «总计» should be 10 (the sum of the six applicant columns), found 11');
  assert.equal(textAt('total-row', d), '11');
  assert.deepEqual(d.fix!.edits.map((e) => e.newText), ['10']);
  assert.equal(d.related!.length, 6, 'the six applicant cells are related');
  const e = diagnosticAt('total-row', 'total-row', lineWith('total-row', '| （二）部分公开'));
  assert.equal(e.message.zh, '（二）部分公开「总计」应为 1（六类申请人之和），实为 0');
});

test('total-row: when one applicant cell explains every failure, it is the finding', () => {
  const d = diagnosticAt('total-results', 'total-row', lineWith('total-results', '| （七）总计 |'));
  assert.equal(d.message.zh, '（七）总计「自然人」应为 13（使（七）总计「总计」等于六类申请人之和），实为 14');
  assert.equal(d.message.en, '（七）总计 «自然人» should be 13 (so that （七）总计 «总计» equals the sum of the six applicant columns), found 14');
});

test('total-row: a total that should be 0 says so, with 0 as the fix (an expected 0 is a value like any other)', () => {
  const line = lineWith('total-row-zero', '| 2.没有现成信息需要另行制作 |');
  const d = diagnosticAt('total-row-zero', 'total-row', line);
  assert.equal(d.message.zh, '（四）2.需另行制作「总计」应为 0（六类申请人之和），实为 2');
  assert.deepEqual(d.fix!.edits.map((e) => e.newText), ['0']);
  const r = diagnosticAt('total-row-zero', 'total-results', line);
  assert.equal(r.message.zh, '（四）2.需另行制作「总计」应为 0（使（七）总计「总计」等于各办理结果之和），实为 2');
  assert.deepEqual(r.fix!.edits.map((e) => e.newText), ['0']);
});
