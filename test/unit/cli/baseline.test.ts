// nianbao check --write-baseline / --baseline: findings recorded by what they
// are, not where (lines moving above them keeps them accepted), only new
// findings reported and counted for the exit status, gone ones counted,
// identical findings counted, SARIF baselineState valid against SARIF 2.1.0,
// and a corrupt baseline an error (exit 2) before anything is checked.
// The example's findings (8, hand-checked): balance, cell-empty,
// section-missing, section-title, table-row-label, total-results, total-review, total-row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import ajvDraft04 from 'ajv-draft-04';
import { cli, scratch } from '../../support/cli.ts';
import { root } from '../../support/engine.ts';

const AjvDraft04 = ajvDraft04.default;
const EXAMPLE = readFileSync(root + 'examples/2022-with-mistakes.md', 'utf8');
const TABLE4 = '| 1 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 1 | 3 | 0 | 0 | 0 | 0 | 0 |';
/** A new mistake that touches none of the accepted ones: 复议后起诉 总计 1 where its parts sum to 0. */
const TABLE4_NEW_MISTAKE = '| 1 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 1 | 3 | 0 | 0 | 0 | 0 | 1 |';

interface Out { files: { path: string; baselined?: number; baselineGone?: number; diagnostics: { ruleId: string; line: number; message: string; subject: string }[] }[]; summary: { errors: number; baselined?: number; baselineGone?: number } }

async function setUp(text = EXAMPLE): Promise<string> {
  const dir = scratch();
  writeFileSync(join(dir, 'r.md'), text);
  const w = await cli(['check', '--write-baseline', 'baseline.json', 'r.md'], { cwd: dir });
  assert.equal(w.code, 0, w.stderr);
  return dir;
}

const json = async (dir: string, ...extra: string[]) => {
  const r = await cli(['check', '--format', 'json', '--baseline', 'baseline.json', ...extra, 'r.md'], { cwd: dir });
  return { ...r, out: JSON.parse(r.stdout) as Out };
};

test('--write-baseline records every finding by rule, subject and covered text, in a file valid against its schema', async () => {
  const dir = scratch();
  writeFileSync(join(dir, 'r.md'), EXAMPLE);
  const w = await cli(['check', '--write-baseline', 'baseline.json', 'r.md'], { cwd: dir });
  assert.equal(w.code, 0, 'everything found is accepted: nothing new');
  assert.match(w.stderr, /已把 8 个问题（1 个文件）记入基线 baseline\.json/);
  const raw = readFileSync(join(dir, 'baseline.json'), 'utf8');
  const doc = JSON.parse(raw) as { version: number; files: Record<string, unknown[]> };
  const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(root + 'schemas/baseline.schema.json', 'utf8')));
  assert.ok(validate(JSON.parse(raw)), JSON.stringify(validate.errors));
  assert.equal(doc.version, 1);
  assert.deepEqual(Object.keys(doc.files), ['r.md']);
  const entries = doc.files['r.md'] as { ruleId: string; subject: string; covered: string; count: number }[];
  assert.deepEqual(entries.map((e) => e.ruleId), ['balance', 'cell-empty', 'section-missing', 'section-title', 'table-row-label', 'total-results', 'total-review', 'total-row']);
  const results = entries.find((e) => e.ruleId === 'total-results')!;
  assert.deepEqual({ ...results, message: undefined }, { ruleId: 'total-results', subject: 't3.results_total.natural_person', covered: '#', count: 1, message: undefined });
  assert.ok(!JSON.stringify(doc).includes('"line"'), 'no line numbers');
});

test('lines added above the accepted findings: still accepted, nothing reported, exit 0', async () => {
  const dir = await setUp();
  writeFileSync(join(dir, 'r.md'), EXAMPLE.replace('## 一、总体情况\n', '## 一、总体情况\n\n本年度新增一段说明。\n\n另起一段。\n'));
  const { code, out, stderr } = await json(dir);
  assert.equal(code, 0, stderr);
  assert.deepEqual(out.files[0].diagnostics, []);
  assert.equal(out.files[0].baselined, 8);
  assert.equal(out.summary.baselined, 8);
  assert.equal(out.summary.baselineGone, 0);
  assert.match(stderr, /基线 baseline\.json：8 个问题已接受、未报告；0 个已接受的问题不再出现/);
});

test('a new mistake: only it is reported, and the exit status follows it', async () => {
  const dir = await setUp();
  writeFileSync(join(dir, 'r.md'), EXAMPLE.replace('## 一、总体情况\n', '## 一、总体情况\n\n新增一段。\n').replace(TABLE4, TABLE4_NEW_MISTAKE));
  const { code, out } = await json(dir);
  assert.equal(code, 1);
  assert.deepEqual(out.files[0].diagnostics.map((d) => `${d.ruleId}@${d.line} ${d.subject}`), ['total-review@73 t4.counts.after_review.total']);
  assert.match(out.files[0].diagnostics[0].message, /复议后起诉「总计」应为 0/);
  assert.equal(out.summary.errors, 1);
  assert.equal(out.summary.baselined, 8);
  // The same file without the baseline: all nine.
  assert.equal(JSON.parse((await cli(['check', '--format', 'json', 'r.md'], { cwd: dir })).stdout).files[0].diagnostics.length, 9);
});

test('accepted findings that were corrected are counted as gone', async () => {
  const dir = await setUp();
  writeFileSync(join(dir, 'r.md'), EXAMPLE.replace('5.属于三类内部事务息', '5.属于三类内部事务信息').replace('## 五、存在问题及改进情况', '## 五、存在的主要问题及改进情况'));
  const { code, out, stderr } = await json(dir);
  assert.equal(code, 0);
  assert.deepEqual(out.files[0].diagnostics, []);
  assert.equal(out.summary.baselined, 6);
  assert.equal(out.summary.baselineGone, 2);
  assert.match(stderr, /6 个问题已接受、未报告；2 个已接受的问题不再出现（可用 --write-baseline 更新基线）/);
});

test('identical findings are counted: one more of the same kind is new', async () => {
  // Without sections 五 and 六: two section-missing findings alike in rule, subject and covered text.
  const cut = EXAMPLE.slice(0, EXAMPLE.indexOf('## 五、'));
  const dir = await setUp(cut);
  const doc = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'));
  assert.equal(doc.files['r.md'].find((e: { ruleId: string }) => e.ruleId === 'section-missing').count, 2);
  // Section 四 removed too: a third section-missing, new.
  writeFileSync(join(dir, 'r.md'), cut.slice(0, cut.indexOf('## 四、')));
  const { out } = await json(dir);
  assert.deepEqual(out.files[0].diagnostics.filter((d) => d.ruleId === 'section-missing').length, 1);
  assert.match(out.files[0].diagnostics.find((d) => d.ruleId === 'section-missing')!.message, /缺少/);
});

test('SARIF with a baseline: partialFingerprints, baselineState new/unchanged/absent, valid SARIF 2.1.0', async () => {
  const dir = await setUp();
  writeFileSync(join(dir, 'r.md'), EXAMPLE.replace('5.属于三类内部事务息', '5.属于三类内部事务信息').replace(TABLE4, TABLE4_NEW_MISTAKE));
  const r = await cli(['check', '--format', 'sarif', '--baseline', 'baseline.json', 'r.md'], { cwd: dir });
  assert.equal(r.code, 1);
  interface Result { ruleId: string; baselineState?: string; partialFingerprints?: Record<string, string>; suppressions?: { kind: string }[] }
  const log = JSON.parse(r.stdout) as { runs: { results: Result[] }[] };
  const schema = JSON.parse(readFileSync(root + 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', 'utf8'));
  const validate = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5)));
  const results = log.runs[0].results;
  const by = (state: string) => results.filter((x) => x.baselineState === state).map((x) => x.ruleId).sort();
  assert.deepEqual(by('new'), ['total-review']);
  assert.deepEqual(by('unchanged'), ['balance', 'cell-empty', 'section-missing', 'section-title', 'total-results', 'total-review', 'total-row']);
  assert.deepEqual(by('absent'), ['table-row-label']);
  assert.equal(results.length, 9);
  assert.ok(results.every((x) => /^[0-9a-f]{64}$/.test(x.partialFingerprints?.['nianbaoFinding/v1'] ?? '')));
  assert.ok(results.filter((x) => x.baselineState === 'unchanged').every((x) => x.suppressions?.[0].kind === 'external'));
  // The two total-review results differ in what they concern, so in their partial fingerprints.
  const reviews = results.filter((x) => x.ruleId === 'total-review').map((x) => x.partialFingerprints!['nianbaoFinding/v1']);
  assert.notEqual(reviews[0], reviews[1]);
  // Without a baseline: no baselineState, partialFingerprints all the same.
  const plain = JSON.parse((await cli(['check', '--format', 'sarif', 'r.md'], { cwd: dir })).stdout) as { runs: { results: Result[] }[] };
  assert.ok(plain.runs[0].results.every((x) => x.baselineState === undefined && x.partialFingerprints !== undefined));
});

test('a corrupt, foreign-version or missing baseline: a clear error naming the file, exit 2, nothing checked', async () => {
  const dir = await setUp();
  writeFileSync(join(dir, 'broken.json'), '{"version": 1, "files": {"r.md": [');
  let r = await cli(['check', '--baseline', 'broken.json', 'r.md'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /broken\.json: 无法读取基线/);
  assert.equal(r.stdout, '');
  writeFileSync(join(dir, 'v2.json'), JSON.stringify({ version: 2, files: {} }));
  r = await cli(['check', '--baseline', 'v2.json', 'r.md'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /v2\.json: 不是有效的 nianbao 基线.*基线格式版本 2，本程序读取版本 1/);
  writeFileSync(join(dir, 'shape.json'), JSON.stringify({ version: 1, files: { 'r.md': [{ ruleId: 'total-row', subject: 't3', covered: '#', count: 0 }] } }));
  r = await cli(['check', '--baseline', 'shape.json', 'r.md'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /shape\.json: 不是有效的 nianbao 基线.*\/files\/r\.md\/0\/count/);
  r = await cli(['check', '--baseline', 'nosuch.json', 'r.md'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nosuch\.json: 无法读取基线.*文件不存在/);
  assert.equal((await cli(['check', '--baseline', 'baseline.json', '--write-baseline', 'b2.json', 'r.md'], { cwd: dir })).code, 2);
});

test('the baseline is found from any working directory: paths are relative to the baseline file', async () => {
  const dir = await setUp();
  const r = await cli(['check', '--format', 'json', '--baseline', join(dir, 'baseline.json'), join(dir, 'r.md')]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as Out).summary.baselined, 8);
});
