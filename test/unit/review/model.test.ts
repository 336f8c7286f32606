// The review page's model for the fixture batch (test/fixtures/review/make.ts
// says what each report holds; the counts below are worked out from it), the
// HTML it becomes (self-contained, every finding once, escaped), and the
// charts rendered to SVG by ECharts at build time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectReview } from '../../../server/src/review/collect.ts';
import { buildModel, type ReviewReport } from '../../../server/src/review/model.ts';
import { chartsOf, renderCharts } from '../../../server/src/review/charts.ts';
import { pageHtml } from '../../../server/src/review/html.ts';

const BATCH = 'test/fixtures/review';
const quiet = { err: () => {} };

test('page model of the fixture batch: overview, rows, per rule, heatmap, by agency, by year', async () => {
  const { reports, unreadable } = await collectReview({ paths: [BATCH], lang: 'zh' }, quiet);
  assert.deepEqual(unreadable, []);
  const m = buildModel(reports, unreadable, 'zh');
  // 9 reports of 5 agencies; errors: 财政局 2021 section-missing 1, 卫生健康委员会 2022 total-results 2 + balance 2,
  // 交通运输局 2022 carryover 2 = 7; warnings: 交通运输局 2022 copied-text, 市场监督管理局 text-table-mismatch = 2.
  assert.deepEqual(m.overview, { reports: 9, agencies: 5, years: [2021, 2022], errors: 7, warnings: 2, infos: 0, clean: 6, cleanShare: { kind: 'ratio', numerator: 6, denominator: 9 }, unreadable: 0 });
  // Rows by agency (pinyin order of 某市…: 财政 交通 教育 市场 卫生), then year.
  assert.deepEqual(m.rows.map((r) => `${r.agency.text} ${r.year.text}`), [
    '某市财政局 2021', '某市财政局 2022', '某市交通运输局 2021', '某市交通运输局 2022', '某市教育局 2021', '某市教育局 2022',
    '某市市场监督管理局 2022', '某市卫生健康委员会 2021', '某市卫生健康委员会 2022']);
  const row = (agency: string, year: string) => m.rows.find((r) => r.agency.text === agency && r.year.text === year)!;
  // 教育局 2022: 16 applications; 公开率 (9+1+2)/16 = 75.0%; change +4 and 75% − 10/12 = −8.3 points.
  const edu = row('某市教育局', '2022');
  assert.deepEqual(edu.indicators.slice(0, 2).map((c) => [c.text, c.status]), [['16', 'ok'], ['75.0%', 'ok']]);
  assert.equal(edu.indicators[1].sort, 0.75);
  assert.deepEqual(edu.changes.map((c) => c.text), ['+4', '−8.3 个百分点']);
  // 卫生健康委员会 2022: its table 3 is wrong: values kept, marked unreliable, with why.
  const health = row('某市卫生健康委员会', '2022');
  assert.equal(health.indicators[1].status, 'unreliable');
  assert.match(health.indicators[1].title!, /表三：4 处勾稽关系不成立/);
  assert.equal(health.errors.sort, 4);
  // 财政局 2022: no applications: the rates are '—' and sort last (''), not 0.
  const fin = row('某市财政局', '2022');
  assert.deepEqual(fin.indicators.slice(1, 4).map((c) => [c.text, c.sort, c.status]), [['—', '', 'empty'], ['—', '', 'empty'], ['—', '', 'empty']]);
  // Findings per rule, most first (ties by id).
  assert.deepEqual(m.perRule, [
    { ruleId: 'balance', findings: 2, reports: 1 }, { ruleId: 'carryover', findings: 2, reports: 1 }, { ruleId: 'total-results', findings: 2, reports: 1 },
    { ruleId: 'copied-text', findings: 1, reports: 1 }, { ruleId: 'section-missing', findings: 1, reports: 1 }, { ruleId: 'text-table-mismatch', findings: 1, reports: 1 }]);
  // Heatmap: agencies with findings, most first; [rule index, agency index, count].
  assert.deepEqual(m.heatmap.agencies, ['某市卫生健康委员会', '某市交通运输局', '某市财政局', '某市市场监督管理局']);
  assert.deepEqual(m.heatmap.counts, [[0, 0, 2], [2, 0, 2], [1, 1, 2], [3, 1, 1], [4, 2, 1], [5, 3, 1]]);
  // By agency, latest year: 卫生健康委员会's 2022 open rate is unreliable, so not plotted; its review rate (1 of 2) is.
  const hi = m.byAgency.agencies.indexOf('某市卫生健康委员会');
  assert.equal(m.byAgency.rates.open_rate[hi], null);
  assert.equal(m.byAgency.rates.review_correction_rate[hi], 50);
  assert.equal(m.byAgency.rates.open_rate[m.byAgency.agencies.indexOf('某市教育局')], 75);
  // By year, all reliable reports pooled: (予以公开 + 部分公开) / （七）总计.
  // 2021: 财政 3/4, 交通 7/7, 教育 10/12, 卫生 26/33 → 46/56 = 82.1%.
  // 2022: 财政 0/0, 交通 7/8, 教育 12/16, 市场 38/52 (卫生健康委员会 unreliable, left out) → 57/76 = 75.0%.
  assert.deepEqual(m.byYear!.years, [2021, 2022]);
  assert.deepEqual(m.byYear!.rates.open_rate, [82.1, 75]);
  assert.deepEqual(m.byYear!.reports, [4, 5]);
  // Applications of reliable reports: 2021 4 + 9 + 12 + 34 = 59; 2022 0 + 10 + 16 + 52 = 78 (卫生健康委员会 unreliable).
  assert.deepEqual(m.byYear!.applications, [59, 78]);
  // 交通运输局 2022 was compared with 2021: its copied-text and carryover findings, and the previous path.
  const transport = m.reports.find((r) => r.path.endsWith('2022/transport.md'))!;
  assert.equal(transport.previous, `${BATCH}/2021/transport.md`);
  assert.deepEqual(transport.findings.map((f) => f.ruleId).sort(), ['carryover', 'carryover', 'copied-text']);
  // Its figures against 2021 (make.ts: 新收 [6,3] → [5,3], 结转 [0,0] → [2,0], 予以公开 [4,1] → [4,2], 部分公开 [1,1] → [1,0],
  // 没有现成信息需要另行制作 [0,0] → [1,0]; （七）总计 [5,2] → [6,2]; carry-over [1,1] both years; tables 2 and 4 the same):
  // 200 figures compared (10 + 25 × 7 + 15), these 12 changed, in template order.
  assert.equal(transport.figures!.compared, 200);
  assert.deepEqual(transport.figures!.changed.map((f) => `${f.name} ${f.last}→${f.this} ${f.change}`), [
    't3.new.natural_person 6→5 -1', 't3.new.total 9→8 -1',
    't3.carried_in.natural_person 0→2 2', 't3.carried_in.total 0→2 2',
    't3.disclosed.commercial 1→2 1', 't3.disclosed.total 5→6 1',
    't3.partial.commercial 1→0 -1', 't3.partial.total 2→1 -1',
    't3.unavailable.needs_creation.natural_person 0→1 1', 't3.unavailable.needs_creation.total 0→1 1',
    't3.results_total.natural_person 5→6 1', 't3.results_total.total 7→8 1']);
  assert.equal(transport.figures!.changed[0].label, '表三 一、本年新收「自然人」');
  // Reports without last year's in the batch have no comparison.
  assert.equal(m.reports.find((r) => r.path.endsWith('2022/market.md'))!.figures, undefined);
});

test('findings in context: the table row with the wrong cell marked, the relation written out, the contradicting sentence', async () => {
  const { reports } = await collectReview({ paths: [BATCH], lang: 'zh' }, quiet);
  const health = reports.find((r) => r.path.endsWith('2022/health.md'))!;
  const f = health.findings.find((x) => x.ruleId === 'total-results' && x.message.includes('「自然人」'))!;
  assert.equal(f.message, '（七）总计「自然人」应为 16（各办理结果之和），实为 17');
  assert.equal(f.context?.kind, 'row');
  if (f.context?.kind !== 'row') return;
  assert.equal(f.context.label, '（七）总计');
  assert.deepEqual(f.context.cells.map((c) => (c.marked ? `[${c.text}]` : c.text)), ['[17]', '4', '0', '0', '0', '0', '21']);
  assert.deepEqual(f.context.headers.slice(0, 2), ['自然人', '商业企业']);
  // 予以公开 9 + 部分公开 2 + 1.本机关不掌握 4 + 2.重复申请 1 = 16.
  assert.ok(f.relations!.some((r) => r.startsWith('（七）总计「自然人」 = 9 + 2 + ') && r.endsWith('= 16 ≠ 17 ✗')), f.relations!.join('\n'));
  const market = reports.find((r) => r.path.endsWith('market.md'))!;
  const mismatch = market.findings.find((x) => x.ruleId === 'text-table-mismatch')!;
  assert.equal(mismatch.context?.kind, 'text');
  if (mismatch.context?.kind !== 'text') return;
  assert.equal(mismatch.context.marked, '50');
  assert.equal(mismatch.context.before, '2022年，本局全年新收政府信息公开申请');
  assert.equal(mismatch.context.after, '件，办结52件。');
});

test('the page: self-contained, every finding once, overview figures, text escaped; English with --lang en', async () => {
  const { reports, unreadable } = await collectReview({ paths: [BATCH], lang: 'zh' }, quiet);
  const m = buildModel(reports, unreadable, 'zh');
  const html = pageHtml(m, await renderCharts(m), '0.0.0-test');
  assert.doesNotMatch(html, /\b(?:src|href)="(?:https?:)?\/\//, 'nothing fetched');
  assert.doesNotMatch(html, /<link\b/);
  // 7 errors and 2 warnings, each once.
  assert.equal((html.match(/<li class="finding"/g) ?? []).length, 9);
  assert.match(html, /id="ov-errors"><div class="n" data-n="7">/);
  assert.match(html, /id="ov-clean"><div class="n" data-n="66.7%">/);
  // The sentence that contradicts table 3 is shown with the cell it was compared with.
  assert.match(html, /<blockquote>2022年，本局全年新收政府信息公开申请<mark>50<\/mark>件，办结52件。<\/blockquote><ul class="related"><li>一、本年新收「总计」= 52<\/li><\/ul>/);
  // Four charts, each an inline SVG drawn by ECharts; two years → the chart over the years.
  assert.equal((html.match(/<figure class="chart"/g) ?? []).length, 4);
  assert.equal((html.match(/<svg /g) ?? []).length, 4);
  assert.match(html, /id="chart-by-year"/);
  // Each report compared with last year's lists its changed figures: figure, last year, this year, change.
  assert.match(html, /<summary>表格数字：12 个有变化或无法比较（共比较 200 个）<\/summary>/);
  assert.match(html, /<tr data-figure="t3\.carried_in\.natural_person"><td title="t3\.carried_in\.natural_person">表三 二、上年结转「自然人」<\/td><td class="num">0<\/td><td class="num">2<\/td><td class="num up">\+2<\/td><\/tr>/);
  assert.match(html, /<tr data-figure="t3\.new\.total">.*?<td class="num">9<\/td><td class="num">8<\/td><td class="num down">−1<\/td><\/tr>/);
  assert.equal((html.match(/<tr data-figure=/g) ?? []).length, (m.reports.reduce((n, r) => n + (r.figures?.changed.length ?? 0), 0)));
  // Text from a report is escaped.
  const evil: ReviewReport = { path: 'x.md', agency: '<script>alert(1)</script>', template: '2021', findings: [], indicators: [] };
  const escaped = pageHtml(buildModel([evil], [], 'zh'), [], 'v');
  assert.ok(!escaped.includes('<script>alert(1)'));
  assert.ok(escaped.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  const en = buildModel(reports, unreadable, 'en');
  const page = pageHtml(en, chartsOf(en, () => '<svg></svg>'), 'v');
  assert.match(page, /<html lang="en">/);
  assert.match(page, /Reports with no errors/);
  assert.match(page, /<span class="sev error">Error<\/span>/);
});

test('progress: a counter per file when asked for (a terminal), cleared at the end', async () => {
  const seen: string[] = [];
  await collectReview({ paths: [`${BATCH}/2021`], lang: 'zh' }, { err: () => {}, progress: (s) => seen.push(s) });
  assert.equal(seen.at(-1), '');
  assert.equal(seen.at(-2), '已分析 4/4');
  assert.ok(seen.every((s) => s === '' || /^已分析 [1-4]\/4$/.test(s)));
});

test('one year only: no chart over the years; an empty batch still writes a page', async () => {
  const { reports } = await collectReview({ paths: [`${BATCH}/2022`], lang: 'zh' }, quiet);
  const m = buildModel(reports, [], 'zh');
  assert.equal(m.byYear, undefined);
  assert.deepEqual(chartsOf(m, () => '<svg></svg>').map((c) => c.id), ['per-rule', 'heatmap', 'by-agency']);
  const empty = buildModel([], [{ path: 'nope.md', reason: 'no such file' }], 'zh');
  assert.equal(empty.overview.cleanShare, undefined);
  assert.match(pageHtml(empty, [], 'v'), /没有找到报告/);
});
