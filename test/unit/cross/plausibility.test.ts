// implausible-change, in-force-count and rate-range: reports written for each
// case with last year's report beside them, and the near misses that must
// stay silent (1 → 6, a table-2 difference the previous figures explain).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { rules } from '../../../server/src/engine/rules/index.ts';
import type { CheckSettings } from '../../../server/src/engine/settings.ts';
import { reportMarkdown, type ReportSpec } from './build.ts';

/** Table 2 (2021 format) rows as written: 规章 and 行政规范性文件 [制发, 废止, 现行有效], 行政处罚 one figure. */
interface T2 { rules?: [number, number, number]; normative?: [number, number, number]; penalties?: number }

function report(spec: ReportSpec & { t2?: T2 }): string {
  let text = reportMarkdown(spec);
  const t2 = spec.t2 ?? {};
  if (t2.rules) text = text.replace('| 规章 | 0 | 0 | 0 |', `| 规章 | ${t2.rules.join(' | ')} |`);
  if (t2.normative) text = text.replace('| 行政规范性文件 | 0 | 0 | 0 |', `| 行政规范性文件 | ${t2.normative.join(' | ')} |`);
  if (t2.penalties !== undefined) text = text.replace('| 行政处罚 | 0 |', `| 行政处罚 | ${t2.penalties} |`);
  return text;
}

function findings(id: string, text: string, previous?: string, checks?: CheckSettings) {
  const a = analyze(text, { previous: previous === undefined ? undefined : analyze(previous).report, checks });
  assert.deepEqual(a.failures, []);
  return a.diagnostics.filter((d) => d.ruleId === id).map((d) => ({ ...d, text: text.slice(d.range.start, d.range.end) }));
}

test('the three rules are registered: warnings and info, never errors', () => {
  const want: Record<string, string> = { 'implausible-change': 'warning', 'in-force-count': 'info', 'rate-range': 'warning' };
  for (const [id, severity] of Object.entries(want)) assert.equal(rules.find((r) => r.id === id)?.severity, severity, id);
});

// implausible-change

test('implausible-change: 行政处罚 from 12 to 130, new applications from 125 to 24', () => {
  // Before: new 125, results 121 (予以公开 120 + 其他 1), carried over 6. Now: new 24, results 26, none carried over.
  const before = report({ year: 2021, t2: { penalties: 12 }, t3: { new: [100, 25], carried_in: [1, 1], disclosed: [100, 20], other: [1, 0] } });
  const now = report({ year: 2022, t2: { penalties: 130 }, t3: { new: [19, 5], carried_in: [1, 1], disclosed: [20, 6] } });
  const f = findings('implausible-change', now, before);
  // 予以公开 120 → 26 and （七）总计 121 → 26 are more than a fifth; 结转 6 → 0 is below the floor of 20.
  assert.deepEqual(f.map((d) => d.text), ['130', '24']);
  assert.equal(f[0].message.zh, '表二 第二十条第（六）项 行政处罚「本年处理决定数量」为 130，2021年度报告为 12（为上一年度的 11 倍）：增长超过 5 倍，请核对是否填错或统计口径有变化');
  assert.match(f[1].message.zh, /^表三 一、本年新收「总计」为 24，2021年度报告为 125（为上一年度的 19%）：不足上一年度的 1\/5/);
  assert.match(f[1].message.en, /less than 1\/5 of last year's/);
});

test('implausible-change: 1 → 6 and 4 → 19 are below the floor; another year, or no last year, is not compared', () => {
  const before = report({ year: 2021, t2: { penalties: 1, rules: [4, 0, 4] } });
  assert.deepEqual(findings('implausible-change', report({ year: 2022, t2: { penalties: 6, rules: [15, 0, 19] } }), before).map((d) => d.text), []);
  const big = report({ year: 2022, t2: { penalties: 130 } });
  assert.deepEqual(findings('implausible-change', big, report({ year: 2020, t2: { penalties: 12 } })), []);
  assert.deepEqual(findings('implausible-change', big), []);
});

test('implausible-change: the factor and the floor are settings', () => {
  const before = report({ year: 2021, t2: { penalties: 1 } });
  const now = report({ year: 2022, t2: { penalties: 6 } });
  assert.deepEqual(findings('implausible-change', now, before, { change: { factor: 3, minFigure: 5 } }).map((d) => d.text), ['6']);
  assert.deepEqual(findings('implausible-change', now, before, { change: { factor: 10, minFigure: 5 } }), []);
});

test('implausible-change: exactly five-fold either way is not reported; the floor is met by the larger figure, 20 itself', () => {
  // 20 → 100 and 100 → 20 are five-fold, not more.
  const even = findings('implausible-change', report({ year: 2022, t2: { penalties: 100, rules: [0, 0, 20] } }), report({ year: 2021, t2: { penalties: 20, rules: [0, 0, 100] } }));
  assert.deepEqual(even.map((d) => d.text), []);
  // 3 → 20: the larger figure is the floor itself; 100 → 6. Ratios under 10 keep one decimal.
  const f = findings('implausible-change', report({ year: 2022, t2: { penalties: 20, rules: [0, 0, 6] } }), report({ year: 2021, t2: { penalties: 3, rules: [0, 0, 100] } }));
  assert.deepEqual(f.map((d) => [d.text, d.message.zh, d.message.en]), [
    ['6', '表二 第二十条第（一）项 规章「现行有效件数」为 6，2021年度报告为 100（为上一年度的 6%）：不足上一年度的 1/5，请核对是否填错或统计口径有变化',
      "Table 2 Art. 20 (1) 规章 «现行有效件数» is 6 against 100 in the 2021 report (6% of it): less than 1/5 of last year's; check for a typing mistake or a change in what was counted"],
    ['20', '表二 第二十条第（六）项 行政处罚「本年处理决定数量」为 20，2021年度报告为 3（为上一年度的 6.7 倍）：增长超过 5 倍，请核对是否填错或统计口径有变化',
      "Table 2 Art. 20 (6) 行政处罚 «本年处理决定数量» is 20 against 3 in the 2021 report (6.7 times of it): more than 5 times last year's; check for a typing mistake or a change in what was counted"],
  ]);
});

test('implausible-change: from or to 0 — no ratio against a 0 of last year', () => {
  const f = findings('implausible-change', report({ year: 2022, t2: { penalties: 25, rules: [0, 0, 0] } }), report({ year: 2021, t2: { penalties: 0, rules: [0, 0, 25] } }));
  assert.deepEqual(f.map((d) => [d.text, d.message.zh, d.message.en]), [
    ['0', '表二 第二十条第（一）项 规章「现行有效件数」为 0，2021年度报告为 25（为上一年度的 0%）：不足上一年度的 1/5，请核对是否填错或统计口径有变化',
      "Table 2 Art. 20 (1) 规章 «现行有效件数» is 0 against 25 in the 2021 report (0% of it): less than 1/5 of last year's; check for a typing mistake or a change in what was counted"],
    ['25', '表二 第二十条第（六）项 行政处罚「本年处理决定数量」为 25，2021年度报告为 0：增长超过 5 倍，请核对是否填错或统计口径有变化',
      "Table 2 Art. 20 (6) 行政处罚 «本年处理决定数量» is 25 against 0 in the 2021 report: more than 5 times last year's; check for a typing mistake or a change in what was counted"],
  ]);
});

test('implausible-change: a factor below 2 still gives the growth in times', () => {
  const f = findings('implausible-change', report({ year: 2022, t2: { penalties: 35 } }), report({ year: 2021, t2: { penalties: 20 } }), { change: { factor: 1.5 } });
  assert.deepEqual(f.map((d) => [d.text, d.message.zh, d.message.en]), [
    ['35', '表二 第二十条第（六）项 行政处罚「本年处理决定数量」为 35，2021年度报告为 20（为上一年度的 1.8 倍）：增长超过 1.5 倍，请核对是否填错或统计口径有变化',
      "Table 2 Art. 20 (6) 行政处罚 «本年处理决定数量» is 35 against 20 in the 2021 report (1.8 times of it): more than 1.5 times last year's; check for a typing mistake or a change in what was counted"],
  ]);
});

test('implausible-change: a negative amount (money may be signed) is not compared, this year\'s or last year\'s', () => {
  const fee = (year: number, amount: string) => reportMarkdown({ year }).replace('| 行政事业性收费 | 0 |', `| 行政事业性收费 | ${amount} |`);
  assert.deepEqual(findings('implausible-change', fee(2022, '-30'), fee(2021, '100')), []);
  assert.deepEqual(findings('implausible-change', fee(2022, '100'), fee(2021, '-30')), []);
  // The same figures without the sign: 30 against 100 is within five-fold, 100 against 0.5 is not.
  assert.deepEqual(findings('implausible-change', fee(2022, '100'), fee(2021, '0.5')).map((d) => d.text), ['100']);
});

test('implausible-change: table 4\'s 总计 are compared, its outcomes are not', () => {
  // 行政复议 维持 20 → 1 (below a fifth, 20 at the floor) is not judged; its 总计 25 → 2 is.
  const f = findings('implausible-change', report({ year: 2022, t4: { review: [1, 0, 0, 1] } }), report({ year: 2021, t4: { review: [20, 0, 0, 5] } }));
  assert.deepEqual(f.map((d) => [d.text, d.message.zh]), [
    ['2', '表四「行政复议·总计」为 2，2021年度报告为 25（为上一年度的 8%）：不足上一年度的 1/5，请核对是否填错或统计口径有变化'],
  ]);
});

test('implausible-change: 2019 format: 上一年项目数量 and 本年增/减 are not compared, 处理决定数量 is', () => {
  const before = reportMarkdown({ year: 2019 }).replace('| 行政许可 | 0 | 0 | 0 |', '| 行政许可 | 3 | 0 | 2 |');
  const now = reportMarkdown({ year: 2020 }).replace('| 行政许可 | 0 | 0 | 0 |', '| 行政许可 | 30 | 27 | 30 |');
  const f = findings('implausible-change', now, before);
  assert.deepEqual(f.map((d) => [now.slice(0, d.range.start).split('\n').pop(), d.text, d.message.zh]), [
    ['| 行政许可 | 30 | 27 | ', '30', '表二 第二十条第（五）项 行政许可「处理决定数量」为 30，2019年度报告为 2（为上一年度的 15 倍）：增长超过 5 倍，请核对是否填错或统计口径有变化'],
  ]);
});

test('implausible-change: last year\'s report without table 2: its other tables are compared', () => {
  const last = reportMarkdown({ year: 2021 }).replace(/二、主动公开政府信息情况\n\n(\|.*\n)+/, '二、主动公开政府信息情况\n\n本年度主动公开情况见门户网站。\n');
  assert.ok(!last.includes('| 行政处罚 |'), 'table 2 is gone');
  const now = report({ year: 2022, t2: { penalties: 130 }, t3: { new: [2, 0], carried_in: [0, 0], disclosed: [2, 0] } });
  // 行政处罚 130 has nothing to be compared with; 一、本年新收 25 → 2 and （七）总计 22 → 2 do.
  assert.deepEqual(findings('implausible-change', now, last).map((d) => d.message.zh.split('，')[0]), ['表三 一、本年新收「总计」为 2', '表三 （七）总计「总计」为 2']);
});

// in-force-count

test('in-force-count: 现行有效 ≠ last year + 制发 − 废止, as information that names repeal and expiry', () => {
  const before = report({ year: 2021, t2: { rules: [2, 0, 10], normative: [5, 1, 40] } });
  const now = report({ year: 2022, t2: { rules: [3, 1, 12], normative: [6, 2, 40] } });
  const a = analyze(now, { previous: analyze(before).report });
  const f = a.diagnostics.filter((d) => d.ruleId === 'in-force-count');
  // 规章 10 + 3 − 1 = 12 ✓; 行政规范性文件 40 + 6 − 2 = 44 ≠ 40.
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'info');
  assert.equal(now.slice(f[0].range.start, f[0].range.end), '40');
  assert.equal(f[0].message.zh, '行政规范性文件现行有效件数为 40，而2021年度现行有效 40 ＋ 本年制发 6 − 本年废止 2 ＝ 44；有效期届满自然失效、修改等也会使件数变化，如属此情况建议在报告中说明');
});

test('in-force-count: counts that add up, a 2019-format last year, or none, give nothing', () => {
  const now = report({ year: 2022, t2: { rules: [3, 1, 12], normative: [6, 2, 44] } });
  assert.deepEqual(findings('in-force-count', now, report({ year: 2021, t2: { rules: [2, 0, 10], normative: [5, 1, 40] } })), []);
  // 2020's table 2 counts 对外公开总数量, not 现行有效: not the same figure.
  assert.deepEqual(findings('in-force-count', report({ year: 2021, t2: { rules: [3, 1, 99] } }), report({ year: 2020 })), []);
  assert.deepEqual(findings('in-force-count', now), []);
});

// rate-range

test('rate-range: a share over 100 % or below 0 % in the text', () => {
  const text = report({ overview: ['全年依申请公开率达到105%，按时办结率为100%，行政复议纠错率为-2%。'] });
  const f = findings('rate-range', text);
  assert.deepEqual(f.map((d) => d.text), ['依申请公开率达到105%', '纠错率为-2%']);
  assert.match(f[0].message.zh, /依申请公开率写为 105%：比率应在 0～100% 之间/);
});

test('rate-range: growth rates and shares within 0–100 % are not judged', () => {
  const text = report({ overview: ['申请数量同比增长率为150%，增长120%；主动公开率100％，满意率99.5%。'] });
  assert.deepEqual(findings('rate-range', text), []);
});

test('in-force-count: a blank figure on either side, or a report of two years before, is not compared', () => {
  // Found by npm run mutate (in-force-count.ts: each figure must be there; only last year's report is compared).
  // 行政规范性文件 40 + 6 − 2 = 44 ≠ 40 throughout: only the blank or the year keeps it from being reported.
  const before = (normative: string) => report({ year: 2021 }).replace('| 行政规范性文件 | 0 | 0 | 0 |', `| 行政规范性文件 | ${normative} |`);
  const now = (normative: string) => report({ year: 2022 }).replace('| 行政规范性文件 | 0 | 0 | 0 |', `| 行政规范性文件 | ${normative} |`);
  assert.deepEqual(findings('in-force-count', now('6 | 2 | 40'), before('5 | 1 | 40')).map((d) => d.text), ['40'], 'both complete: reported');
  assert.deepEqual(findings('in-force-count', now('6 | 2 | '), before('5 | 1 | 40')), [], 'this year\'s 现行有效 blank');
  assert.deepEqual(findings('in-force-count', now(' | 2 | 40'), before('5 | 1 | 40')), [], '制发 blank');
  assert.deepEqual(findings('in-force-count', now('6 |  | 40'), before('5 | 1 | 40')), [], '废止 blank');
  assert.deepEqual(findings('in-force-count', now('6 | 2 | 40'), before('5 | 1 | ')), [], 'last year\'s 现行有效 blank');
  assert.deepEqual(findings('in-force-count', now('6 | 2 | 40'), report({ year: 2020 }).replace('| 行政规范性文件 | 0 | 0 | 0 |', '| 行政规范性文件 | 5 | 1 | 40 |')), [], 'a 2020 report beside a 2022 one');
});

test('rate-range: 0 % and 100 % are shares, 100.5 % is not; a rate that opens the paragraph is read', () => {
  // Found by npm run mutate (rate-range.ts: both bounds inclusive; the pattern searched from the paragraph's first character).
  const text = report({ overview: ['按时办结率为100.5%，行政复议纠错率为0%，答复率为100%。'] });
  assert.deepEqual(findings('rate-range', text).map((d) => d.text), ['按时办结率为100.5%']);
});

test('rate-range: a minus of any kind, with spaces, is a sign: −2 % is reported as written, − 0 % is 0 %', () => {
  // Found by npm run mutate (rate-range.ts: the figure is read without its spaces and with U+2212 as a minus).
  const text = report({ overview: ['行政复议纠错率为 − 2 %，被纠错率为 − 0 %。'] });
  const f = findings('rate-range', text);
  assert.deepEqual(f.map((d) => d.text), ['纠错率为 − 2 %']);
  assert.equal(f[0].message.zh, '纠错率写为 −2%：比率应在 0～100% 之间，请核对数字或计算方法');
  assert.equal(f[0].message.en, 'The 纠错率 (a share) is written −2 %: a share lies between 0 and 100 %; check the figures or how it was computed');
});
