// Region roll-up: test/fixtures/cross/rollup (a county and its three
// departments, declared in its .nianbaorc.json; the county's 行政处罚 is 15
// where the units add up to 14) and rollup-missing (a fourth unit named that
// has no report); `nianbao rollup` against the hand sums written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { reportFigures } from '../../../server/src/engine/cross/figures.ts';
import { rules } from '../../../server/src/engine/rules/index.ts';
import { cli, scratch } from '../../support/cli.ts';
import { root } from '../../support/engine.ts';
import { reportMarkdown } from './build.ts';

const CROSS = 'test/fixtures/cross';
interface JsonFile { path: string; diagnostics: { ruleId: string; line: number; message: string; severity: string }[] }
const run = async (...args: string[]) => (JSON.parse((await cli(['check', '--format', 'json', ...args])).stdout) as { files: JsonFile[] }).files;
const of = (files: JsonFile[], name: string, id: string) => files.find((f) => f.path.endsWith(name))!.diagnostics.filter((d) => d.ruleId === id);

test('rollup-mismatch warns, rollup-incomplete informs', () => {
  assert.equal(rules.find((r) => r.id === 'rollup-mismatch')?.severity, 'warning');
  assert.equal(rules.find((r) => r.id === 'rollup-incomplete')?.severity, 'info');
});

for (const jobs of ['0', '2']) {
  test(`the region with one wrong cell: exactly that cell, with both figures (--jobs ${jobs})`, async () => {
    const files = await run('--jobs', jobs, `${CROSS}/rollup`);
    assert.equal(files.length, 4);
    const county = of(files, 'county.md', 'rollup-mismatch');
    assert.deepEqual(county.map((d) => [d.line, d.message]), [
      [21, '表二 第二十条第（六）项 行政处罚「本年处理决定数量」为 15，3 个下属单位的报告合计为 14（某县教育局 0 ＋ 某县财政局 0 ＋ 某县卫生健康局 14）'],
    ]);
    assert.deepEqual(of(files, 'county.md', 'rollup-incomplete'), []);
    for (const unit of ['education.md', 'health.md', 'finance.md']) assert.deepEqual(of(files, unit, 'rollup-mismatch'), [], unit);
  });
}

test('a unit without a report: not judged, said once, naming it', async () => {
  const files = await run('--jobs', '0', `${CROSS}/rollup-missing`);
  const county = files.find((f) => f.path.endsWith('county.md'))!;
  assert.deepEqual(county.diagnostics.filter((d) => d.ruleId.startsWith('rollup')).map((d) => [d.ruleId, d.severity, d.message]), [
    ['rollup-incomplete', 'info', '配置文件所列的下属单位中，没有找到 某县民政局 的2022年度报告：本报告表二至表四未与下属单位之和比较（不判断）'],
  ]);
});

test('without the configuration, or checked alone, the region is not compared', async () => {
  const dir = scratch({ 'county.md': `${CROSS}/rollup/county.md`, 'education.md': `${CROSS}/rollup/units/education.md` });
  const files = await run('--jobs', '0', dir);
  assert.deepEqual(files.flatMap((f) => f.diagnostics.filter((d) => d.ruleId.startsWith('rollup'))), []);
});

/** The hand sums of the three units (make.ts), by figure name. */
const HAND_SUM: Record<string, number> = {
  't2.1.normative.issued': 6, 't2.1.normative.repealed': 3, 't2.1.normative.in_force': 41,
  't2.1.rules.in_force': 0, 't2.6.penalties.decisions': 14, 't2.6.enforcement.decisions': 0,
  't3.new.natural_person': 40, 't3.new.commercial': 10, 't3.new.total': 50,
  't3.carried_in.natural_person': 3, 't3.carried_in.commercial': 2, 't3.carried_in.total': 5,
  't3.disclosed.total': 29, 't3.partial.total': 3, 't3.withheld.third_party.total': 2, 't3.unavailable.not_held.total': 6,
  't3.not_processed.repeated.total': 3, 't3.other_handling.other.total': 2,
  't3.results_total.natural_person': 36, 't3.results_total.commercial': 9, 't3.results_total.total': 45,
  't3.carry_over.natural_person': 7, 't3.carry_over.commercial': 3, 't3.carry_over.total': 10,
  't4.counts.review.upheld': 1, 't4.counts.review.corrected': 1, 't4.counts.review.total': 2,
  't4.counts.direct.upheld': 1, 't4.counts.direct.pending': 1, 't4.counts.direct.total': 2, 't4.counts.after_review.total': 0,
};

test('nianbao rollup writes the hand sums in the official layout, lists the units, and the result checks clean', async () => {
  const dir = scratch();
  const out = join(dir, 'county-draft.md');
  const r = await cli(['rollup', `${CROSS}/rollup/units`, '-o', out, '--agency', '某县人民政府']);
  assert.equal(r.code, 0, r.stderr);
  const text = readFileSync(out, 'utf8');
  assert.match(text, /^# 某县人民政府2022年政府信息公开工作年度报告\n/);
  for (const unit of ['某县教育局（test/fixtures/cross/rollup/units/education.md）', '某县卫生健康局（test/fixtures/cross/rollup/units/health.md）', '某县财政局（test/fixtures/cross/rollup/units/finance.md）']) {
    assert.ok(text.includes(`> - ${unit}`), unit);
  }
  const figures = reportFigures(analyze(text).report);
  for (const [name, value] of Object.entries(HAND_SUM)) assert.equal(figures.get(name)?.value, value, name);
  const checked = JSON.parse((await cli(['check', '--format', 'json', out])).stdout) as { files: JsonFile[] };
  assert.deepEqual(checked.files[0].diagnostics.map((d) => `${d.ruleId}: ${d.message}`), []);
  // The county's own report differs from the draft in the one wrong cell only.
  const county = reportFigures(analyze(readFileSync(join(root, CROSS, 'rollup/county.md'), 'utf8')).report);
  const differ = [...figures].filter(([name, f]) => county.get(name)?.value !== f.value).map(([name]) => name);
  assert.deepEqual(differ, ['t2.6.penalties.decisions']);
});

test('nianbao rollup: units of different years are a usage error naming them', async () => {
  const dir = scratch();
  writeFileSync(join(dir, 'a.md'), reportMarkdown({ agency: '甲局', year: 2022 }));
  writeFileSync(join(dir, 'b.md'), reportMarkdown({ agency: '乙局', year: 2021 }));
  const r = await cli(['rollup', dir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /年度和格式必须相同[\s\S]*a\.md: 2022年度[\s\S]*b\.md: 2021年度/);
  assert.equal(r.stdout, '');
});

// In process, through analyze() with the units as the host gives them: every unit writes 1 in 行政复议「结果维持」
// and its 总计 (tables 2 and 3 all zeros), the region 5.
const ROW_OF_ONE = '| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
const unitOf = (agency: string, text = reportMarkdown({ agency, t3: {}, t4: { review: [1, 0, 0, 0] } })) => ({ path: `${agency}.md`, report: analyze(text).report });
const mismatches = (region: string, units: ReturnType<typeof unitOf>[], missing: string[] = []) =>
  analyze(region, { rollup: { units, missing } }).diagnostics.filter((d) => d.ruleId.startsWith('rollup')).map((d) => [d.ruleId, d.message.zh, d.message.en]);

test('up to six units are named with their figures in the message; seven or more are counted only', () => {
  const region = reportMarkdown({ agency: '某区人民政府', t3: {}, t4: { review: [5, 0, 0, 0] } });
  const six = ['甲', '乙', '丙', '丁', '戊', '己'].map((n) => unitOf(`某区${n}局`));
  const listed = '某区甲局 1 ＋ 某区乙局 1 ＋ 某区丙局 1 ＋ 某区丁局 1 ＋ 某区戊局 1 ＋ 某区己局 1';
  const listedEn = '某区甲局 1 + 某区乙局 1 + 某区丙局 1 + 某区丁局 1 + 某区戊局 1 + 某区己局 1';
  assert.deepEqual(mismatches(region, six), [
    ['rollup-mismatch', `表四「行政复议·结果维持」为 5，6 个下属单位的报告合计为 6（${listed}）`, `Table 4 «行政复议·结果维持» is 5, but the 6 units' reports add up to 6 (${listedEn})`],
    ['rollup-mismatch', `表四「行政复议·总计」为 5，6 个下属单位的报告合计为 6（${listed}）`, `Table 4 «行政复议·总计» is 5, but the 6 units' reports add up to 6 (${listedEn})`],
  ]);
  assert.deepEqual(mismatches(region, [...six, unitOf('某区庚局')]), [
    ['rollup-mismatch', '表四「行政复议·结果维持」为 5，7 个下属单位的报告合计为 7', "Table 4 «行政复议·结果维持» is 5, but the 7 units' reports add up to 7"],
    ['rollup-mismatch', '表四「行政复议·总计」为 5，7 个下属单位的报告合计为 7', "Table 4 «行政复议·总计» is 5, but the 7 units' reports add up to 7"],
  ]);
});

test('a figure that a unit leaves blank, or the region does, is not compared; the others are', () => {
  // 乙局 leaves 行政复议「结果维持」 blank (its own cell-empty): that figure has no sum, so the region's 3 is not
  // judged, while 总计 (1 + 1) is. The region leaves 未经复议直接起诉「结果维持」 blank, which the units give (0 + 0).
  const b = reportMarkdown({ agency: '某区乙局', t3: {}, t4: { review: [1, 0, 0, 0] } }).replace(ROW_OF_ONE, '|  | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  const region = reportMarkdown({ agency: '某区人民政府', t3: {}, t4: { review: [1, 0, 0, 0] } }).replace(ROW_OF_ONE, '| 3 | 0 | 0 | 0 | 3 |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  assert.ok(b.includes('|  | 0 | 0 | 0 | 1 |') && region.includes('| 3 | 0 | 0 | 0 | 3 |  |'));
  assert.deepEqual(mismatches(region, [unitOf('某区甲局'), unitOf('某区乙局', b)]), [
    ['rollup-mismatch', '表四「行政复议·总计」为 3，2 个下属单位的报告合计为 2（某区甲局 1 ＋ 某区乙局 1）', "Table 4 «行政复议·总计» is 3, but the 2 units' reports add up to 2 (某区甲局 1 + 某区乙局 1)"],
  ]);
});

test('a region of one unit is compared too; a unit whose report names no agency is named by its file', () => {
  // The unit's title is only 2021年政府信息公开工作年度报告: no agency is read from it.
  const nameless = reportMarkdown({ agency: '', t3: {}, t4: { review: [1, 0, 0, 0] } });
  assert.ok(nameless.startsWith('# 2021年政府信息公开工作年度报告\n'));
  const units = [{ path: 'units/nameless.md', report: analyze(nameless).report }];
  const region = reportMarkdown({ agency: '某区人民政府', t3: {}, t4: { review: [5, 0, 0, 0] } });
  assert.deepEqual(mismatches(region, units), [
    ['rollup-mismatch', '表四「行政复议·结果维持」为 5，1 个下属单位的报告合计为 1（units/nameless.md 1）', "Table 4 «行政复议·结果维持» is 5, but the 1 units' reports add up to 1 (units/nameless.md 1)"],
    ['rollup-mismatch', '表四「行政复议·总计」为 5，1 个下属单位的报告合计为 1（units/nameless.md 1）', "Table 4 «行政复议·总计» is 5, but the 1 units' reports add up to 1 (units/nameless.md 1)"],
  ]);
});

test('rollup-incomplete names every unit missing, in both languages, on the title (the start of the text when there is none)', () => {
  const region = reportMarkdown({ agency: '某区人民政府', t3: {}, t4: { review: [5, 0, 0, 0] } });
  const found = [unitOf('某区甲局')];
  const zh = '配置文件所列的下属单位中，没有找到 某区乙局、某区丙局 的2021年度报告：本报告表二至表四未与下属单位之和比较（不判断）';
  const en = "No 2021 report found for 某区乙局, 某区丙局 among the units the configuration lists: tables 2–4 are not compared with the units' sum (not judged)";
  // The region's 5 is not compared with 甲局's 1: with units missing there is no sum to compare with.
  assert.deepEqual(mismatches(region, found, ['某区乙局', '某区丙局']), [['rollup-incomplete', zh, en]]);
  const title = '某区人民政府2021年政府信息公开工作年度报告';
  const on = (text: string) => analyze(text, { rollup: { units: found, missing: ['某区乙局', '某区丙局'] } }).diagnostics.find((d) => d.ruleId === 'rollup-incomplete')!.range;
  assert.deepEqual(on(region), { start: region.indexOf(title), end: region.indexOf(title) + title.length });
  // Without its title the report still gives its year (统计期限为2021年…).
  const untitled = region.slice(region.indexOf('\n本报告根据') + 1);
  assert.deepEqual(mismatches(untitled, found, ['某区乙局', '某区丙局']), [['rollup-incomplete', zh, en]]);
  assert.deepEqual(on(untitled), { start: 0, end: 0 });
});
