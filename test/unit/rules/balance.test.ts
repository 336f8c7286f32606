import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { diagnosticAt, diagnosticsOf, fixed, lineWith, ruleSuite, textAt } from './helpers.ts';

ruleSuite('balance');

test('balance: 四、结转下年度 is the cell the relation sets, per column', () => {
  const line = lineWith('balance', '| 四、结转下年度继续办理 |');
  const d = diagnosticAt('balance', 'balance', line, '「自然人」');
  assert.equal(d.message.zh, '四、结转下年度「自然人」应为 1（一＋二＝三（七）＋四），实为 2');
  assert.equal(d.message.en, '四、结转下年度 «自然人» should be 1 (1 + 2 = 3(7) + 4), found 2');
  assert.equal(textAt('balance', d), '2');
  assert.deepEqual(d.fix!.edits.map((e) => e.newText), ['1']);
  assert.equal(diagnosticAt('balance', 'balance', line, '「总计」').message.zh, '四、结转下年度「总计」应为 2（一＋二＝三（七）＋四），实为 3');
});

test('balance: when no count can balance a column, both sides are stated; a fix that would break the row total is not offered', () => {
  const ds = diagnosticsOf('balance-2019', 'balance');
  assert.deepEqual(ds.map((d) => d.message.zh), ['「社会公益组织」列不满足 一＋二＝三（七）＋四：左边为 0，右边为 1', '四、结转下年度「总计」应为 1（一＋二＝三（七）＋四），实为 2']);
  assert.equal(ds[0].message.en, 'column «社会公益组织» breaks 1 + 2 = 3(7) + 4: left side 0, right side 1');
  assert.ok(ds.every((d) => d.fix === undefined));
});

test('balance: a culprit cell outside 四 is named with the relation it restores', () => {
  const d = diagnosticAt('total-results', 'balance', lineWith('total-results', '| （七）总计 |'));
  assert.equal(d.message.zh, '（七）总计「自然人」应为 13（使「自然人」列 一＋二＝三（七）＋四 成立），实为 14');
});

test('balance: two wrong figures whose relations disagree about one cell: no fix for that cell, until the other is fixed', () => {
  // 四、结转下年度: 自然人 2 (the column asks 1) and 总计 4, which the row wants to be 3 and the column 2.
  const line = lineWith('balance-disagree', '| 四、结转下年度继续办理 |');
  const ds = [...diagnosticsOf('balance-disagree', 'balance'), ...diagnosticsOf('balance-disagree', 'total-row')];
  assert.deepEqual(ds.map((d) => [d.message.zh, d.fix?.edits.map((e) => e.newText) ?? null]), [
    ['四、结转下年度「自然人」应为 1（一＋二＝三（七）＋四），实为 2', ['1']],
    ['四、结转下年度「总计」应为 2（一＋二＝三（七）＋四），实为 4', null],
    ['四、结转下年度「总计」应为 3（六类申请人之和），实为 4', null],
  ]);
  // With 自然人 fixed, both relations ask 2 for the total: the one fix that satisfies both is offered.
  const text = fixed('balance-disagree', ds[0]);
  const after = analyze(text).diagnostics.filter((d) => ['balance', 'total-row'].includes(d.ruleId));
  assert.deepEqual(after.map((d) => [d.ruleId, d.message.zh, d.fix?.edits.map((e) => e.newText)]), [
    ['balance', '四、结转下年度「总计」应为 2（一＋二＝三（七）＋四），实为 4', ['2']],
    ['total-row', '四、结转下年度「总计」应为 2（六类申请人之和），实为 4', ['2']],
  ]);
  assert.equal(line, 64);
});
