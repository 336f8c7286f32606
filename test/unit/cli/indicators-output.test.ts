// The indicators in `check --format json` and `nianbao data` (CSV and JSON)
// for the review batch (test/fixtures/review/make.ts says what each report
// holds); the expected values are worked out by hand from make.ts's figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from '../../support/cli.ts';

const BATCH = 'test/fixtures/review';
interface Ind { id: string; status: string; value?: { kind: string; value?: number; numerator?: number; denominator?: number }; change?: { status: string; value?: unknown }; problems?: { zh: string }[] }
const get = (list: Ind[], id: string) => list.find((i) => i.id === id)!;

test('check --format json: each checked file carries its indicators, with the change from last year when it is in the batch', async () => {
  const r = await cli(['check', '--format', 'json', '--jobs', '0', BATCH]);
  assert.equal(r.code, 1, r.stderr);
  const files = JSON.parse(r.stdout).files as { path: string; indicators: Ind[] }[];
  const file = (p: string) => files.find((f) => f.path === `${BATCH}/${p}`)!.indicators;
  // 教育局 2022: new 14 + 2 = 16, nothing carried in; disclosed 9 + 1 = 10 of 16 decided.
  const edu = file('2022/education.md');
  assert.deepEqual(get(edu, 'applications').value, { kind: 'number', value: 16 });
  assert.deepEqual(get(edu, 'disclosure_rate').value, { kind: 'ratio', numerator: 10, denominator: 16 });
  // 2021: 12 applications, 9 of 12 disclosed: 16 − 12 = 4; 10/16 − 9/12 = −1/8.
  assert.deepEqual(get(edu, 'applications').change, { status: 'ok', value: { kind: 'number', value: 4 } });
  assert.deepEqual(get(edu, 'disclosure_rate').change, { status: 'ok', value: { kind: 'ratio', numerator: -1, denominator: 8 } });
  // 卫生健康委员会 2022: （七）总计 is wrong, so its table 3 rates are unreliable; table 4 (1 corrected of 2) is not.
  const health = file('2022/health.md');
  assert.equal(get(health, 'open_rate').status, 'unreliable');
  assert.match(get(health, 'open_rate').problems![0].zh, /表三：4 处勾稽关系不成立/);
  assert.deepEqual(get(health, 'review_correction_rate'), { id: 'review_correction_rate', kind: 'rate', status: 'ok', value: { kind: 'ratio', numerator: 1, denominator: 2 }, change: { status: 'ok', value: { kind: 'ratio', numerator: 1, denominator: 6 } } });
  // 财政局 2022: no applications: the rates are empty, with no value.
  const fin = file('2022/finance.md');
  assert.deepEqual(get(fin, 'open_rate').status, 'empty');
  assert.equal(get(fin, 'open_rate').value, undefined);
  // 市场监督管理局 2022 (no 2021 report in the batch): review 1 corrected of 5; lawsuits (1 + 0) of (3 + 1).
  const market = file('2022/market.md');
  assert.deepEqual(get(market, 'review_correction_rate').value, { kind: 'ratio', numerator: 1, denominator: 5 });
  assert.deepEqual(get(market, 'litigation_correction_rate').value, { kind: 'ratio', numerator: 1, denominator: 4 });
  assert.equal(get(market, 'applications').change, undefined);
});

test('data: indicator columns in the CSV (rates as fractions of 1, status, change) and the same indicators in JSON', async () => {
  const r = await cli(['data', BATCH]);
  assert.equal(r.code, 0, r.stderr);
  const rows = r.stdout.slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
  const head = rows[0];
  const row = (p: string) => rows.find((x) => x[head.indexOf('path')] === `${BATCH}/${p}`)!;
  const v = (p: string, c: string) => row(p)[head.indexOf(c)];
  // 教育局 2022: (9 + 1 + 2 + 0) / 16 = 0.75; 2021 (8 + 1 + 1 + 0) / 12 = 10/12: change −1/12.
  assert.equal(v('2022/education.md', 'indicator.open_rate'), '0.750000');
  assert.equal(v('2022/education.md', 'indicator.open_rate.status'), 'ok');
  assert.equal(v('2022/education.md', 'indicator.open_rate.change'), '-0.083333');
  assert.equal(v('2022/education.md', 'indicator.applications'), '16');
  assert.equal(v('2022/health.md', 'indicator.open_rate.status'), 'unreliable');
  assert.equal(v('2022/finance.md', 'indicator.open_rate'), '');
  assert.equal(v('2022/finance.md', 'indicator.open_rate.status'), 'empty');
  const json = JSON.parse((await cli(['data', '--format', 'json', BATCH])).stdout) as { reports: { path: string; indicators: Ind[] }[] };
  const edu = json.reports.find((x) => x.path === `${BATCH}/2022/education.md`)!;
  assert.deepEqual(get(edu.indicators, 'open_rate').value, { kind: 'ratio', numerator: 12, denominator: 16 });
});
