// Indicators against values computed by hand from the seeds' tables (line
// numbers of test/fixtures/seeds/NNN.md in the comments), division by zero,
// unreliable tables, the change from last year, and exact rounding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { computeIndicators, formatIndicator, formatQuantity, percent, type Indicator } from '../../../server/src/engine/indicators.ts';
import { decimalSubtract } from '../../../server/src/engine/decimal.ts';
import { fixture } from '../../support/engine.ts';

function indicators(id: string): Record<string, Indicator> {
  const a = analyze(fixture(`test/fixtures/seeds/${id}.md`));
  return Object.fromEntries(computeIndicators(a.report).map((i) => [i.id, i]));
}

const ratio = (numerator: number, denominator: number) => ({ kind: 'ratio', numerator, denominator });
const num = (value: number) => ({ kind: 'number', value });

test('seed 001 (2021 format, clean): 1 application, disclosed; table 2 figures', () => {
  const i = indicators('001');
  // line 59: 一、本年新收 总计 1; line 60: 二、上年结转 总计 0
  assert.deepEqual(i.applications.value, num(1));
  assert.equal(i.applications.status, 'ok');
  // line 62: （一）予以公开 总计 1; line 87: （七）总计 1; line 63: 部分公开 0; lines 65–72: 不予公开 all 0
  assert.deepEqual(i.disclosure_rate.value, ratio(1, 1));
  assert.deepEqual(i.open_rate.value, ratio(1, 1));
  assert.deepEqual(i.withheld_rate.value, ratio(0, 1));
  assert.equal(formatIndicator(i.open_rate, 'zh'), '100.0%');
  assert.equal(formatIndicator(i.withheld_rate, 'zh'), '0.0%');
  // line 96: table 4 all 0 → no cases, rates empty (not 0 %, not NaN)
  assert.deepEqual(i.review_cases.value, num(0));
  assert.equal(i.review_correction_rate.status, 'empty');
  assert.equal(i.review_correction_rate.value, undefined);
  assert.equal(formatIndicator(i.review_correction_rate, 'zh'), '—');
  assert.equal(i.litigation_correction_rate.status, 'empty');
  // lines 40–51: 规章 制发 0; 行政规范性文件 制发 1, 现行有效 3; 行政许可 565; 行政处罚 51; 行政强制 2; 收费 0 万元
  assert.deepEqual(i.rules_issued.value, num(0));
  assert.deepEqual(i.normative_issued.value, num(1));
  assert.deepEqual(i.normative_in_force.value, num(3));
  assert.deepEqual(i.licensing_decisions.value, num(565));
  assert.deepEqual(i.penalty_decisions.value, num(51));
  assert.deepEqual(i.enforcement_decisions.value, num(2));
  assert.deepEqual(i.fees_amount.value, num(0));
  assert.ok(Object.values(i).every((x) => x.problems === undefined));
});

test('seed 000 (broken table 3): its rates are unreliable, what cannot be read is missing; table 2 and 4 stay ok', () => {
  const i = indicators('000');
  // line 104: （七）总计 总计 3; line 82: 予以公开 总计 blank, its parts 1+0+0+0+0+0 = 1
  assert.deepEqual(i.disclosure_rate.value, ratio(1, 3));
  assert.equal(i.disclosure_rate.status, 'unreliable');
  assert.equal(formatIndicator(i.disclosure_rate, 'zh'), '33.3%');
  // line 83: 部分公开 0 (总计 blank, parts all 0)
  assert.deepEqual(i.open_rate.value, ratio(1, 3));
  assert.equal(i.open_rate.status, 'unreliable');
  // line 79: 一、本年新收 has blanks in 法律服务机构, 其他, 总计: the total cannot be read
  assert.equal(i.applications.status, 'missing');
  assert.equal(i.applications.value, undefined);
  // line 86: 2.其他法律行政法规禁止公开 其他 and 总计 blank
  assert.equal(i.withheld_rate.status, 'missing');
  // three balance failures (line 79) and 18 blank cells (lines 79 ×3, 80 ×2, 82, 83, 86 ×2, 87, 88 ×3, 89 ×3, 90 ×2)
  assert.deepEqual(i.open_rate.problems?.map((p) => p.zh), ['表三：3 处勾稽关系不成立，18 个单元格为空或不是数字']);
  // Table 4 (line 113) is complete and adds up: its indicators are not touched by table 3.
  assert.equal(i.review_cases.status, 'ok');
  assert.equal(i.review_correction_rate.status, 'empty');
  // 2019 format, lines 56–65: 规章 新制作 0; 规范性文件 新制作 2, 对外公开总数量 2; 行政许可 处理决定 10; 行政处罚 12; 行政强制 0
  assert.deepEqual(i.rules_issued.value, num(0));
  assert.deepEqual(i.normative_issued.value, num(2));
  assert.deepEqual(i.normative_in_force.value, num(2));
  assert.deepEqual(i.licensing_decisions.value, num(10));
  assert.deepEqual(i.penalty_decisions.value, num(12));
  assert.deepEqual(i.enforcement_decisions.value, num(0));
  // The 2019 format has no 收费金额 column.
  assert.equal(i.fees_amount.status, 'absent');
});

test('seeds 002, 003, 004: no applications → every application rate is empty, not 0 %', () => {
  for (const id of ['002', '003', '004']) {
    const i = indicators(id);
    assert.deepEqual(i.applications.value, num(0), id);
    for (const r of ['disclosure_rate', 'open_rate', 'withheld_rate', 'review_correction_rate', 'litigation_correction_rate']) {
      assert.equal(i[r].status, 'empty', `${id} ${r}`);
      assert.equal(i[r].value, undefined, `${id} ${r}`);
    }
    assert.doesNotMatch(JSON.stringify(i), /NaN|null/);
  }
  // 002 lines 18–27: 规范性文件 148 made, 233 published in total; 行政许可 6; 行政处罚 9
  const s2 = indicators('002');
  assert.deepEqual([s2.normative_issued.value, s2.normative_in_force.value, s2.licensing_decisions.value, s2.penalty_decisions.value], [num(148), num(233), num(6), num(9)]);
  // 003 lines 38–46: 规章 22; 规范性文件 54 made, 34 in total; 行政许可 32; 行政处罚 4
  const s3 = indicators('003');
  assert.deepEqual([s3.rules_issued.value, s3.normative_issued.value, s3.normative_in_force.value, s3.licensing_decisions.value, s3.penalty_decisions.value], [num(22), num(54), num(34), num(32), num(4)]);
});

test('change from last year: counts subtract, rates in percentage points, exactly', () => {
  const last = fixture('test/fixtures/seeds/001.md');
  // The same agency a year on: 3 new applications, 2 disclosed, 1 not held (（四）1.), results total 3.
  const next = last
    .replace('2021年政府信息公开工作年度报告', '2022年政府信息公开工作年度报告')
    .replace('| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', '| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |')
    .replace('| (一)予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', '| (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |')
    .replace('| 1.本机关不掌握相关政府信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 1.本机关不掌握相关政府信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |')
    .replace('| (七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', '| (七)总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |')
    .replace('| 行政许可 | 565 | | |', '| 行政许可 | 600 | | |');
  const a = analyze(next);
  assert.equal(a.report.year, 2022);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId), []);
  const i = Object.fromEntries(computeIndicators(a.report, analyze(last).report).map((x) => [x.id, x]));
  assert.deepEqual(i.applications.change, { status: 'ok', value: num(2) });
  assert.deepEqual(i.licensing_decisions.change, { status: 'ok', value: num(35) });
  // 2/3 − 1/1 = −1/3
  assert.deepEqual(i.disclosure_rate.change, { status: 'ok', value: ratio(-1, 3) });
  assert.equal(formatQuantity(i.disclosure_rate.change!.value!, 'zh', true), '−33.3 个百分点');
  assert.equal(formatQuantity(i.applications.change!.value!, 'en', true), '+2');
  // No reviews either year: no change.
  assert.deepEqual(i.review_correction_rate.change, { status: 'none' });
});

test('change against an unreliable year is marked unreliable; across formats only where the columns mean the same', () => {
  const broken = analyze(fixture('test/fixtures/seeds/000.md')).report; // 2020, 2019 format, table 3 broken
  const clean = analyze(fixture('test/fixtures/seeds/001.md')).report; // 2021, 2021 format
  const i = Object.fromEntries(computeIndicators(clean, broken).map((x) => [x.id, x]));
  // 1/1 − 1/3 = 2/3, but 2020's figure was unreliable
  assert.deepEqual(i.open_rate.change, { status: 'unreliable', value: ratio(2, 3) });
  // 行政许可: 565 − 10
  assert.deepEqual(i.licensing_decisions.change, { status: 'ok', value: num(555) });
  // 对外公开总数量 (2019) is not 现行有效件数 (2021)
  assert.deepEqual(i.normative_in_force.change, { status: 'none' });
  assert.deepEqual(i.applications.change, { status: 'none' });
});

test('percentages round half up from the exact fraction; decimal amounts subtract exactly', () => {
  assert.equal(percent({ numerator: 2, denominator: 3 }), '66.7');
  assert.equal(percent({ numerator: 1, denominator: 3 }), '33.3');
  assert.equal(percent({ numerator: 1, denominator: 8 }), '12.5');
  assert.equal(percent({ numerator: 1, denominator: 16 }), '6.3');
  assert.equal(percent({ numerator: -1, denominator: 16 }), '-6.3');
  assert.equal(percent({ numerator: 1, denominator: 3 }, 2), '33.33');
  assert.equal(decimalSubtract(4068.208, 3000.1), 1068.108);
  assert.equal(decimalSubtract(0.1, -0.2), 0.3);
  assert.equal(decimalSubtract(2105.015, 2105.015), 0);
});
