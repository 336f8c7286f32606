// publish-date with deadlines from the configuration: per kind of agency
// (department, county, city, government) and per path glob, the 条例's as
// defaults; the "checks" of .nianbaorc.json resolved for one file; and
// `nianbao check` honouring a folder's config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { agencyKind } from '../../../server/src/engine/rules/publish-date.ts';
import type { CheckSettings } from '../../../server/src/engine/settings.ts';
import { resolveChecks } from '../../../server/src/host/checks.ts';
import { cli, scratch } from '../../support/cli.ts';
import { reportMarkdown } from './build.ts';

const late = (agency: string, signed: string, checks?: CheckSettings) =>
  analyze(reportMarkdown({ agency, year: 2021, signed }), { checks }).diagnostics.filter((d) => d.ruleId === 'publish-date');

test('agency kinds: department, county, city, government', () => {
  const kind = (agency: string) => agencyKind(analyze(reportMarkdown({ agency })).report);
  assert.equal(kind('某市财政局'), 'department');
  assert.equal(kind('某县人民政府办公室'), 'department');
  assert.equal(kind('某县人民政府'), 'county');
  assert.equal(kind('某市某区人民政府'), 'county');
  assert.equal(kind('某市人民政府'), 'city');
  assert.equal(kind('某自治州人民政府'), 'city');
  assert.equal(kind('某省人民政府'), 'government');
  assert.equal(kind('某自治区人民政府'), 'government');
  assert.equal(kind('某镇人民政府'), 'government');
});

test('deadlines by kind: departments by 28 February, counties by 20 February; the law\'s otherwise', () => {
  const checks: CheckSettings = { deadlines: { department: { month: 2, day: 28 }, county: { month: 2, day: 20 } } };
  // Without settings a department is late after 31 January.
  assert.equal(late('某市财政局', '2022年2月10日').length, 1);
  assert.deepEqual(late('某市财政局', '2022年2月10日', checks), []);
  const dept = late('某市财政局', '2022年3月1日', checks);
  assert.equal(dept.length, 1);
  assert.equal(dept[0].message.zh, '落款日期 2022年3月1日 晚于规定期限 2022年2月28日（配置文件为部门设定）');
  const county = late('某县人民政府', '2022年2月21日', checks);
  assert.equal(county.length, 1);
  assert.match(county[0].message.zh, /晚于规定期限 2022年2月20日（配置文件为县（区）人民政府设定）/);
  // The city keeps the law's 31 March.
  assert.deepEqual(late('某市人民政府', '2022年3月30日', checks), []);
  const city = late('某市人民政府', '2022年4月1日', checks);
  assert.match(city[0].message.zh, /晚于法定期限 2022年3月31日（《条例》第四十九条/);
});

test('government\'s deadline applies to counties and cities that have none of their own; a path\'s wins over all', () => {
  const checks: CheckSettings = { deadlines: { government: { month: 3, day: 15 } } };
  assert.equal(late('某县人民政府', '2022年3月20日', checks).length, 1);
  const path: CheckSettings = { deadlines: { government: { month: 3, day: 15 }, due: { month: 4, day: 30 } } };
  assert.deepEqual(late('某县人民政府', '2022年3月20日', path), []);
  assert.match(late('某市财政局', '2022年5月3日', path)[0].message.zh, /规定期限 2022年4月30日（配置文件为此路径设定）/);
});

test('government\'s deadline is a people\'s government\'s: a city without its own takes it, a department keeps 31 January', () => {
  // Found by npm run mutate (publish-date.ts: the fallback to government\'s deadline is for counties and cities only).
  const checks: CheckSettings = { deadlines: { government: { month: 3, day: 15 } } };
  assert.match(late('某市人民政府', '2022年3月20日', checks)[0]?.message.zh ?? '', /晚于规定期限 2022年3月15日/);
  assert.deepEqual(late('某市人民政府', '2022年3月10日', checks), []);
  assert.match(late('某市财政局', '2022年2月10日', checks)[0]?.message.zh ?? '', /晚于法定期限 2022年1月31日/);
});

test('resolveChecks picks the first matching glob for the file\'s due date; kinds are kept', () => {
  const checks = { change: { minFigure: 10 }, deadlines: { county: '02-20', files: { 'depts/**': '02-28', '**': '03-10' } } };
  const base = '/r';
  assert.deepEqual(resolveChecks(checks, base, '/r/depts/a/2021.md').deadlines, { county: { month: 2, day: 20 }, due: { month: 2, day: 28 } });
  assert.deepEqual(resolveChecks(checks, base, '/r/counties/2021.md').deadlines, { county: { month: 2, day: 20 }, due: { month: 3, day: 10 } });
  assert.deepEqual(resolveChecks(checks, base, undefined).deadlines, { county: { month: 2, day: 20 } });
  assert.deepEqual(resolveChecks(checks, base, '/r/a.md').change, { minFigure: 10 });
  assert.deepEqual(resolveChecks(undefined, base, '/r/a.md'), {});
});

test('nianbao check and nianbao data read the deadlines and thresholds of .nianbaorc.json', async () => {
  const dir = scratch();
  mkdirSync(join(dir, 'depts'));
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ checks: { deadlines: { files: { 'depts/**': '02-28' } }, problems: { minChars: 200 } } }));
  writeFileSync(join(dir, 'depts', 'a.md'), reportMarkdown({ agency: '某市财政局', year: 2021, signed: '2022年2月20日' }));
  writeFileSync(join(dir, 'b.md'), reportMarkdown({ agency: '某市教育局', year: 2021, signed: '2022年2月20日' }));
  const r = await cli(['check', '--format', 'json', '--jobs', '0', dir]);
  const { files } = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { ruleId: string; message: string }[] }[] };
  const of = (name: string, id: string) => files.find((f) => f.path.endsWith(name))!.diagnostics.filter((d) => d.ruleId === id);
  assert.deepEqual(of('a.md', 'publish-date'), []);
  assert.equal(of('b.md', 'publish-date').length, 1);
  // build.ts's section 五 is well under 200 characters.
  assert.equal(of('a.md', 'problems-section').length, 1);
  // nianbao data counts by the same settings: a.md's deadline is 28 February, b.md's the default 31 January.
  const data = JSON.parse((await cli(['data', '--format', 'json', dir])).stdout) as { reports: { path: string; rules: Record<string, number> }[] };
  const counts = (name: string) => data.reports.find((x) => x.path.endsWith(name))!.rules;
  assert.equal(counts('a.md')['publish-date'], 0);
  assert.equal(counts('b.md')['publish-date'], 1);
  assert.equal(counts('a.md')['problems-section'], 1);
  assert.equal(counts('b.md')['problems-section'], 1);
  const bad = scratch();
  writeFileSync(join(bad, '.nianbaorc.json'), JSON.stringify({ checks: { deadlines: { county: 'soon' } } }));
  writeFileSync(join(bad, 'c.md'), reportMarkdown({}));
  const e = await cli(['check', bad]);
  assert.equal(e.code, 2);
  assert.match(e.stdout + e.stderr, /checks\/deadlines\/county/);
});

test('reportDates: dates inside tables are neither publication nor signature dates, whichever of several tables holds them', async () => {
  const { reportDates } = await import('../../../server/src/engine/rules/publish-date.ts');
  // Two small tables under 六 (after the last section starts, where a bare date line is the signature): the first
  // holds a 发布时间 row, the second a row that is only a date. Then the signature.
  const base = reportMarkdown({ agency: '某市财政局', year: 2021, signed: '2022年1月20日', other: ['本年度未收取信息处理费。'] });
  const tables = '| 事项 | 内容 |\n|---|---|\n| 发布时间：2022年3月1日 | 门户网站 |\n\n说明文字一段。\n\n| 日期 |\n|---|\n| 2022年4月2日 |\n\n';
  const text = base.replace('本年度未收取信息处理费。\n', `本年度未收取信息处理费。\n\n${tables}`);
  assert.notEqual(text, base);
  const found = reportDates(analyze(text).report).map((d) => [d.kind, text.slice(d.start, d.end)]);
  assert.deepEqual(found, [['signed', '2022年1月20日']]);
  // The same lines outside tables are read: the 发布时间 line and the bare date.
  const plain = base.replace('本年度未收取信息处理费。\n', '本年度未收取信息处理费。\n\n发布时间：2022年3月1日\n\n2022年4月2日\n\n');
  assert.deepEqual(reportDates(analyze(plain).report).map((d) => [d.kind, plain.slice(d.start, d.end)]), [['published', '2022年3月1日'], ['signed', '2022年4月2日'], ['signed', '2022年1月20日']]);
});
