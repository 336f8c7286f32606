import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { diagnosticAt, lineWith, ruleSuite, textAt } from './helpers.ts';
import { reportMarkdown } from '../cross/build.ts';

ruleSuite('total-row');

test('total-row: each row total states the relation, the expected and the found value', () => {
  const d = diagnosticAt('total-row', 'total-row', lineWith('total-row', '| （一）予以公开 |'));
  assert.equal(d.message.zh, '（一）予以公开「总计」应为 10（六类申请人之和），实为 11');
  assert.equal(d.message.en, '（一）予以公开 «总计» should be 10 (the sum of the six applicant columns), found 11');
  assert.equal(textAt('total-row', d), '11');
  assert.deepEqual(d.fix!.edits.map((e) => e.newText), ['10']);
  assert.equal(d.related!.length, 6, 'the six applicant cells are related');
  assert.deepEqual(d.related!.map((r) => r.message.zh), ['（一）予以公开「自然人」 = 6', '（一）予以公开「商业企业」 = 2', '（一）予以公开「科研机构」 = 0', '（一）予以公开「社会公益组织」 = 1', '（一）予以公开「法律服务机构」 = 1', '（一）予以公开「其他」 = 0'], 'each part with its figure as written');
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

test('total-row: a cell that would explain every failure only as a negative figure is not the culprit', () => {
  // Found by npm run mutate (relations.ts: a culprit's agreed value must be ≥ 0). 一、本年新收 has no 自然人, yet
  // （一）予以公开 counts one; 四、结转下年度「总计」is 0 for a row of 1. Row 四's total and column 自然人's balance
  // both fail, and only 四「自然人」 takes part in both, but it would have to be −1: each failure is reported on its own.
  const base = reportMarkdown({ t3: { new: [1, 1], carried_in: [0, 0], disclosed: [1, 0] }, t4: {} });
  const text = base
    .replace('| 一、本年新收政府信息公开申请数量 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |', '| 一、本年新收政府信息公开申请数量 | 0 | 1 | 0 | 0 | 0 | 0 | 1 |')
    .replace('| 四、结转下年度继续办理 | 0 | 1 | 0 | 0 | 0 | 0 | 1 |', '| 四、结转下年度继续办理 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |');
  assert.equal(text.split('\n').filter((l, i) => l !== base.split('\n')[i]).length, 2);
  const row = text.split('\n').find((l) => l.startsWith('| 四、结转下年度继续办理'))!;
  const totalAt = text.indexOf(row) + row.lastIndexOf('0');
  const ds = analyze(text).diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(ds.map((d) => [d.ruleId, d.message.zh, d.fix ?? null]), [
    ['balance', '「自然人」列不满足 一＋二＝三（七）＋四：左边为 0，右边为 1', null],
    // Set to 1, the total would break column 总计's balance, which holds now: no fix.
    ['total-row', '四、结转下年度「总计」应为 1（六类申请人之和），实为 0', null],
  ]);
  assert.equal(ds[1].range.start, totalAt, 'on the total, not on 「自然人」');
});

test('total-row: all six applicant columns count in the row total, in both formats', () => {
  // 科研机构, 社会公益组织, 法律服务机构 and 其他 given 1, 2, 3, 4 in 一、本年新收 and again in 四、结转下年度 (the columns
  // still balance): a relation that left a column out, or put it on the side of 总计, would find these totals wrong.
  for (const year of [2019, 2021]) {
    const base = reportMarkdown({ year });
    const text = base
      .replace('| 一、本年新收政府信息公开申请数量 | 20 | 5 | 0 | 0 | 0 | 0 | 25 |', '| 一、本年新收政府信息公开申请数量 | 20 | 5 | 1 | 2 | 3 | 4 | 35 |')
      .replace('| 四、结转下年度继续办理 | 3 | 2 | 0 | 0 | 0 | 0 | 5 |', '| 四、结转下年度继续办理 | 3 | 2 | 1 | 2 | 3 | 4 | 15 |');
    assert.equal(text.split('\n').filter((l, i) => l !== base.split('\n')[i]).length, 2);
    assert.deepEqual(analyze(text).diagnostics.map((d) => `${d.ruleId}: ${d.message.zh}`), [], `${year}`);
    // 法律服务机构 written 4 in 一、本年新收: its row total and its column both fail, and that one cell explains both.
    const wrong = text.replace('| 20 | 5 | 1 | 2 | 3 | 4 | 35 |', '| 20 | 5 | 1 | 2 | 4 | 4 | 35 |');
    assert.deepEqual(analyze(wrong).diagnostics.map((d) => [d.ruleId, d.message.zh, d.fix?.edits.map((e) => e.newText) ?? null]), [
      ['balance', '一、本年新收「法律服务机构」应为 3（使「法律服务机构」列 一＋二＝三（七）＋四 成立），实为 4', ['3']],
      ['total-row', '一、本年新收「法律服务机构」应为 3（使一、本年新收「总计」等于六类申请人之和），实为 4', ['3']],
    ], `${year}`);
  }
});
