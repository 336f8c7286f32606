// `check --cache` and `data --cache` (server/src/cli/cache.ts): a re-run
// prints what a run without the cache prints; a stored result is used only
// while the file's bytes, its configuration, its previous-year report and the
// other reports it is compared with (copies, other agencies', a region's units)
// are unchanged; a touched file still hits; a file rewritten with the same size
// and mtime does not; a corrupt or foreign cache file is ignored and written
// anew; --cache-location puts it elsewhere.
//
// That a stored result was used is shown by editing it in the cache file: a
// hit prints the edited message, a miss the real one.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli, scratch } from '../../support/cli.ts';

const CACHE = 'node_modules/.cache/nianbao';
const MARK = '（缓存中的结果）';

interface JsonFile { path: string; diagnostics: { ruleId: string; message: string }[] }

async function check(dir: string, ...args: string[]) {
  const r = await cli(['check', '--format', 'json', '--jobs', '0', '.', ...args], { cwd: dir });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return { text: r.stdout, files: (JSON.parse(r.stdout) as { files: JsonFile[] }).files };
}

/** Appends MARK to every stored message of `file` in the cache: a run that prints it used the cache. */
function tamper(dir: string, file: string, cacheDir = CACHE): void {
  const path = join(dir, cacheDir, 'check.json');
  const data = JSON.parse(readFileSync(path, 'utf8')) as { results: Record<string, { result: { diagnostics: { message: string }[] } }> };
  const key = Object.keys(data.results).find((k) => k.endsWith('/' + file));
  assert.ok(key, `${file} is in the cache`);
  for (const d of data.results[key].result.diagnostics) d.message += MARK;
  writeFileSync(path, JSON.stringify(data));
}

const marked = (files: JsonFile[], name: string) => files.find((f) => f.path.endsWith(name))!.diagnostics.some((d) => d.message.endsWith(MARK));

function seedsDir(): string {
  return scratch({ 'a.md': 'test/fixtures/seeds/000.md', 'b.md': 'test/fixtures/seeds/004.md' });
}

test('a re-run prints what a run without the cache prints, from the stored results', async () => {
  const dir = seedsDir();
  const plain = await check(dir);
  const first = await check(dir, '--cache');
  assert.equal(first.text, plain.text);
  assert.ok(existsSync(join(dir, CACHE, 'check.json')));
  assert.equal((await check(dir, '--cache')).text, plain.text);
  tamper(dir, 'a.md');
  const hit = await check(dir, '--cache');
  assert.ok(marked(hit.files, 'a.md'), 'the stored result of a.md was printed');
  assert.ok(!marked(hit.files, 'b.md'));
  // Without --cache nothing stored is used.
  assert.equal((await check(dir)).text, plain.text);
});

test('a re-run over unchanged files leaves the cache file as it is; a changed file writes it anew', async () => {
  const dir = seedsDir();
  await check(dir, '--cache');
  const file = join(dir, CACHE, 'check.json');
  // Written through a temporary file and a rename: a write gives the cache file another inode.
  const before = statSync(file);
  await check(dir, '--cache');
  const after = statSync(file);
  assert.equal(after.ino, before.ino, 'nothing changed: not written');
  assert.equal(after.mtimeMs, before.mtimeMs);
  writeFileSync(join(dir, 'b.md'), readFileSync(join(dir, 'b.md'), 'utf8') + '\n补充一段。\n');
  await check(dir, '--cache');
  assert.notEqual(statSync(file).ino, before.ino, 'b.md changed: written');
});

test('keyed by content: a touched file still hits; changed bytes, even with the same size and mtime, miss', async () => {
  const dir = seedsDir();
  await check(dir, '--cache');
  tamper(dir, 'a.md');
  const a = join(dir, 'a.md');
  const later = new Date(Date.now() + 60_000);
  utimesSync(a, later, later);
  assert.ok(marked((await check(dir, '--cache')).files, 'a.md'), 'touched, same bytes: stored result');
  // Same length, one character changed, the old mtime put back.
  const before = statSync(a);
  const text = readFileSync(a, 'utf8');
  const i = text.indexOf('年度报告');
  assert.ok(i > 0);
  writeFileSync(a, text.slice(0, i) + '年度報告' + text.slice(i + 4));
  utimesSync(a, before.atime, before.mtime);
  assert.equal(statSync(a).size, before.size);
  assert.equal(statSync(a).mtimeMs, before.mtimeMs);
  const after = await check(dir, '--cache');
  assert.ok(!marked(after.files, 'a.md'), 'changed bytes: checked again');
});

test('a changed configuration misses', async () => {
  const dir = seedsDir();
  const first = await check(dir, '--cache');
  const rule = first.files.find((f) => f.path.endsWith('b.md'))!.diagnostics[0].ruleId;
  tamper(dir, 'b.md');
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { [rule]: 'off' } }));
  const after = await check(dir, '--cache');
  assert.ok(!marked(after.files, 'b.md'));
  assert.ok(!after.files.find((f) => f.path.endsWith('b.md'))!.diagnostics.some((d) => d.ruleId === rule), `${rule} is off now`);
});

test('cross-year findings follow the previous-year report: this year unchanged, last year edited', async () => {
  const dir = scratch({ '2020.md': 'test/fixtures/cross/carryover/2020.md', '2021.md': 'test/fixtures/cross/carryover/2021.md' });
  const carry = (files: JsonFile[]) => files.find((f) => f.path.endsWith('2021.md'))!.diagnostics.filter((d) => d.ruleId === 'carryover');
  assert.equal(carry((await check(dir, '--cache')).files).length, 2);
  assert.equal(carry((await check(dir, '--cache')).files).length, 2);
  // Last year's 结转下年度 now matches this year's 上年结转 (商业企业 1, 总计 4).
  const last = join(dir, '2020.md');
  const text = readFileSync(last, 'utf8');
  const row = '| 四、结转下年度继续办理 | 3 | 2 | 0 | 0 | 0 | 0 | 5 |';
  assert.ok(text.includes(row));
  writeFileSync(last, text.replace(row, '| 四、结转下年度继续办理 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |'));
  assert.deepEqual(carry((await check(dir, '--cache')).files), []);
});

test('cross-agency findings follow the other reports: another agency\'s 五 rewritten, a unit\'s figure corrected', async () => {
  // test/fixtures/cross/shared: 教育局 and 财政局 share two paragraphs (7 and 五 at 74), 卫生健康委员会 none.
  const dir = scratch({ 'education.md': 'test/fixtures/cross/shared/education.md', 'finance.md': 'test/fixtures/cross/shared/finance.md', 'health.md': 'test/fixtures/cross/shared/health.md' });
  const shared = (files: JsonFile[]) => files.find((f) => f.path.endsWith('education.md'))!.diagnostics.filter((d) => d.ruleId === 'shared-text').length;
  const plain = await check(dir);
  assert.equal(shared(plain.files), 2);
  assert.equal((await check(dir, '--cache')).text, plain.text);
  tamper(dir, 'education.md');
  assert.ok(marked((await check(dir, '--cache')).files, 'education.md'), 'unchanged: from the cache');
  // 财政局 writes its own 五: 教育局's file is unchanged, but what it is compared with is not.
  const finance = join(dir, 'finance.md');
  const five = '一是政务公开工作机制还不够健全，个别科室对主动公开的时限把握不严，信息发布存在滞后现象；二是政策解读形式较为单一，图解、视频等解读产品数量偏少。';
  const text = readFileSync(finance, 'utf8');
  assert.ok(text.includes(five));
  writeFileSync(finance, text.replace(five, '预算公开的说明还不够通俗，部分专项资金分配结果公开不及时；下一步将编写预算解读材料，资金下达后及时公开分配结果。'));
  const after = await check(dir, '--cache');
  assert.ok(!marked(after.files, 'education.md'));
  assert.equal(shared(after.files), 1);

  // test/fixtures/cross/rollup: the county's 行政处罚 is 15 where its units add up to 14 (卫生健康局 14).
  const region = scratch({ '.nianbaorc.json': 'test/fixtures/cross/rollup/.nianbaorc.json', 'county.md': 'test/fixtures/cross/rollup/county.md', 'units/education.md': 'test/fixtures/cross/rollup/units/education.md', 'units/finance.md': 'test/fixtures/cross/rollup/units/finance.md', 'units/health.md': 'test/fixtures/cross/rollup/units/health.md' });
  const mismatches = (files: JsonFile[]) => files.find((f) => f.path.endsWith('county.md'))!.diagnostics.filter((d) => d.ruleId === 'rollup-mismatch').length;
  assert.equal(mismatches((await check(region, '--cache')).files), 1);
  const unit = join(region, 'units/health.md');
  const cells = readFileSync(unit, 'utf8');
  assert.ok(cells.includes('| 行政处罚 | 14 |  |  |'));
  writeFileSync(unit, cells.replace('| 行政处罚 | 14 |  |  |', '| 行政处罚 | 15 |  |  |'));
  assert.equal(mismatches((await check(region, '--cache')).files), 0);
});

test('the pairing is stored and reused while no file changes: a stored pairing edited to call b.md a copy of a.md is used; a changed file pairs again', async () => {
  const dir = seedsDir();
  const plain = await check(dir, '--cache');
  const a = () => plain.files.find((f) => f.path.endsWith('a.md'))!;
  assert.deepEqual(a().diagnostics.filter((d) => d.ruleId.startsWith('copy-')), []);
  const path = join(dir, CACHE, 'check.json');
  const data = JSON.parse(readFileSync(path, 'utf8')) as { batch: { key: string; result: { related: Record<string, { copies: string[]; peers: string[] }> } } };
  assert.match(data.batch.key, /^[0-9a-f]{64}$/);
  const aPath = Object.keys({ 'a.md': 0, ...data.batch.result.related }).find((k) => k.endsWith('a.md'))!;
  data.batch.result.related[aPath] = { copies: ['b.md'], peers: [] };
  writeFileSync(path, JSON.stringify(data));
  // a.md's key names its copies: it is checked again, with b.md (another agency's report) taken as a copy.
  const reused = await check(dir, '--cache');
  const copies = reused.files.find((f) => f.path.endsWith('a.md'))!.diagnostics.filter((d) => d.ruleId === 'copy-differs');
  assert.equal(copies.length, 1);
  assert.match(copies[0].message, /^与 b\.md 同一机关、同一年度，但内容大部分不同/);
  // b.md's bytes change: the pairing is computed again, and a.md has no copy.
  writeFileSync(join(dir, 'b.md'), readFileSync(join(dir, 'b.md'), 'utf8') + '\n补充一段。\n');
  const again = await check(dir, '--cache');
  assert.deepEqual(again.files.find((f) => f.path.endsWith('a.md'))!.diagnostics.filter((d) => d.ruleId.startsWith('copy-')), []);
  assert.notEqual((JSON.parse(readFileSync(path, 'utf8')) as { batch: { key: string } }).batch.key, data.batch.key);
});

test('a corrupt or foreign cache file is ignored and written anew', async () => {
  for (const content of ['{"format": "nianbao-cache", "schema": 1, "command": "check", "files": {', '{"version":"8.57.0","files":{}}', '\u0000\u0001binary', 'null', '[]']) {
    const dir = seedsDir();
    const plain = await check(dir);
    const file = join(dir, CACHE, 'check.json');
    await check(dir, '--cache');
    writeFileSync(file, content);
    assert.equal((await check(dir, '--cache')).text, plain.text, `with ${JSON.stringify(content)}`);
    const rewritten = JSON.parse(readFileSync(file, 'utf8')) as { format: string; results: Record<string, unknown> };
    assert.equal(rewritten.format, 'nianbao-cache');
    assert.equal(Object.keys(rewritten.results).length, 2);
  }
});

test('--cache-location puts the cache where it says', async () => {
  const dir = seedsDir();
  const r = await cli(['check', '--format', 'json', '--jobs', '0', '.', '--cache', '--cache-location', 'ci-cache'], { cwd: dir });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  assert.ok(existsSync(join(dir, 'ci-cache/check.json')));
  assert.ok(!existsSync(join(dir, CACHE)));
  tamper(dir, 'a.md', 'ci-cache');
  const again = await cli(['check', '--format', 'json', '--jobs', '0', '.', '--cache', '--cache-location', 'ci-cache'], { cwd: dir });
  assert.ok(marked((JSON.parse(again.stdout) as { files: JsonFile[] }).files, 'a.md'));
});

test('with worker threads (--jobs 2) the cached run prints the same, in file order', async () => {
  const dir = scratch({ 'a.md': 'test/fixtures/seeds/000.md', 'b.md': 'test/fixtures/seeds/001.md', 'c.md': 'test/fixtures/seeds/002.md', 'd.md': 'test/fixtures/seeds/003.md', 'e.md': 'test/fixtures/seeds/004.md' });
  const plain = (await cli(['check', '--format', 'json', '--jobs', '0', '.'], { cwd: dir })).stdout;
  assert.equal((await cli(['check', '--format', 'json', '--jobs', '2', '.', '--cache'], { cwd: dir })).stdout, plain);
  // Two files changed, three stored: results still in file order.
  for (const f of ['b.md', 'd.md']) writeFileSync(join(dir, f), readFileSync(join(dir, f), 'utf8') + '\n补充说明。\n');
  const mixed = (await cli(['check', '--format', 'json', '--jobs', '2', '.', '--cache'], { cwd: dir })).stdout;
  assert.equal(mixed, (await cli(['check', '--format', 'json', '--jobs', '0', '.'], { cwd: dir })).stdout);
});

test('data --cache: the same CSV again, from the stored records; a changed file is read again', async () => {
  const dir = seedsDir();
  const plain = (await cli(['data', '.', '--format', 'json'], { cwd: dir })).stdout;
  assert.equal((await cli(['data', '.', '--format', 'json', '--cache'], { cwd: dir })).stdout, plain);
  const path = join(dir, CACHE, 'data.json');
  const data = JSON.parse(readFileSync(path, 'utf8')) as { results: Record<string, { result: { record?: { title: string } } }> };
  const key = Object.keys(data.results).find((k) => k.endsWith('/a.md'))!;
  data.results[key].result.record!.title += MARK;
  writeFileSync(path, JSON.stringify(data));
  assert.ok((await cli(['data', '.', '--format', 'json', '--cache'], { cwd: dir })).stdout.includes(MARK));
  writeFileSync(join(dir, 'a.md'), readFileSync(join(dir, 'a.md'), 'utf8') + '\n补充说明。\n');
  const after = (await cli(['data', '.', '--format', 'json', '--cache'], { cwd: dir })).stdout;
  assert.ok(!after.includes(MARK));
  assert.equal(after, (await cli(['data', '.', '--format', 'json'], { cwd: dir })).stdout);
});
