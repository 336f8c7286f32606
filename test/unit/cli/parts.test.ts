// The bundled CLI ships in parts (esbuild.mjs): `check` runs from
// dist/cli.cjs and dist/worker.cjs alone, and the other parts are loaded only
// by what needs them: dist/import.cjs by `import`, dist/server.cjs by `lsp`,
// dist/lib/ajv.cjs by a .nianbaorc.json, dist/lib/iconv-lite.cjs by a file
// that is not UTF-8, dist/lib/xmlbuilder2.cjs by `--format junit`,
// dist/lib/echarts.cjs by `review`, dist/lib/exceljs.cjs by `data --format xlsx`,
// dist/lib/remark.cjs by a report with a block the direct block scan does not
// read (a fenced code block here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { root } from '../../support/engine.ts';

const DIST = join(root, 'dist');

/** test/run.mjs builds the bundles before the unit suite; run alone, the tests say so instead of skipping. */
function needDist(): void {
  assert.ok(existsSync(join(DIST, 'cli.cjs')), 'dist/cli.cjs is missing: run `node esbuild.mjs` (node test/run.mjs unit does it first)');
}
const REPORT = readFileSync(join(root, 'examples/2022-with-mistakes.md'), 'utf8');

/** A dist/ folder holding only the named files of the real one. */
function partialDist(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-parts-'));
  for (const f of files) {
    mkdirSync(join(dir, 'dist', f, '..'), { recursive: true });
    copyFileSync(join(DIST, f), join(dir, 'dist', f));
  }
  return dir;
}

function run(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [join(dir, 'dist/cli.cjs'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('check needs only dist/cli.cjs and dist/worker.cjs', { timeout: 120_000 }, () => {
  needDist();
  const dir = partialDist(['cli.cjs', 'worker.cjs']);
  try {
    mkdirSync(join(dir, 'reports'));
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, 'reports', `r${i}.md`), REPORT);
    const one = run(dir, ['check', '--format', 'json', 'reports/r0.md']);
    assert.equal(one.code, 1, one.stderr);
    assert.ok(JSON.parse(one.stdout).summary.errors > 0);
    // Five files and two jobs: worker threads, and the same findings in every file.
    const many = run(dir, ['check', '--format', 'json', '--jobs', '2', '--summary', 'reports']);
    assert.equal(many.code, 1, many.stderr);
    const files = JSON.parse(many.stdout).files as { diagnostics: { fingerprint: string }[] }[];
    assert.equal(files.length, 5);
    // The same findings; only the fingerprints differ, as they include the file's path.
    // The five files are copies of one report: copy-identical names the other four, so it differs by file.
    const findings = (f: (typeof files)[0]) => JSON.stringify(f.diagnostics.filter((d) => (d as { ruleId?: string }).ruleId !== 'copy-identical').map(({ fingerprint: _, ...d }) => d));
    assert.ok(files.every((f) => findings(f) === findings(files[0])));
    // The parts check does not need are not there, and their commands say so.
    const imported = run(dir, ['import', 'reports/r0.md']);
    assert.equal(imported.code, 2);
    assert.match(imported.stderr, /import\.cjs/);
    const junit = run(dir, ['check', '--format', 'junit', 'reports/r0.md']);
    assert.equal(junit.code, 2);
    assert.match(junit.stderr, /xmlbuilder2\.cjs/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a report with a code block loads remark from dist/lib/remark.cjs; one the direct scan reads whole does not', { timeout: 120_000 }, () => {
  needDist();
  const without = partialDist(['cli.cjs', 'worker.cjs']);
  const withRemark = partialDist(['cli.cjs', 'worker.cjs', 'lib/remark.cjs']);
  // The example with a fenced code block appended: the scan declines that unit, remark parses it.
  const fenced = REPORT + '\n```\n附注：代码块\n```\n';
  try {
    for (const dir of [without, withRemark]) writeFileSync(join(dir, 'fenced.md'), fenced);
    const missing = run(without, ['check', '--format', 'json', 'fenced.md']);
    assert.equal(missing.code, 2);
    assert.match(missing.stdout + missing.stderr, /remark\.cjs/);
    const ok = run(withRemark, ['check', '--format', 'json', 'fenced.md']);
    assert.equal(ok.code, 1, ok.stderr);
    assert.ok(JSON.parse(ok.stdout).summary.errors > 0);
  } finally {
    rmSync(without, { recursive: true, force: true });
    rmSync(withRemark, { recursive: true, force: true });
  }
});

test('a .nianbaorc.json, a GB18030 file and --format junit load their libraries from dist/lib', { timeout: 120_000 }, () => {
  needDist();
  const dir = partialDist(['cli.cjs', 'worker.cjs', 'lib/ajv.cjs', 'lib/iconv-lite.cjs', 'lib/xmlbuilder2.cjs']);
  try {
    writeFileSync(join(dir, 'gbk.md'), iconv.encode(REPORT, 'gb18030'));
    const gbk = run(dir, ['check', '--format', 'json', 'gbk.md']);
    assert.equal(gbk.code, 1, gbk.stderr);
    assert.ok(JSON.parse(gbk.stdout).summary.errors > 0);
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { 'total-row': 'sometimes' } }));
    const bad = run(dir, ['check', 'gbk.md']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /\.nianbaorc\.json/);
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { 'total-row': 'off' } }));
    assert.equal(run(dir, ['check', 'gbk.md']).code, 1);
    const junit = run(dir, ['check', '--format', 'junit', 'gbk.md']);
    assert.equal(junit.code, 1, junit.stderr);
    assert.match(junit.stdout, /^<\?xml[^]*<failure /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('review draws its charts with dist/lib/echarts.cjs and data --format xlsx writes with dist/lib/exceljs.cjs; neither is loaded otherwise', { timeout: 120_000 }, () => {
  needDist();
  const without = partialDist(['cli.cjs', 'worker.cjs']);
  const withLibs = partialDist(['cli.cjs', 'worker.cjs', 'lib/echarts.cjs', 'lib/exceljs.cjs']);
  try {
    for (const dir of [without, withLibs]) writeFileSync(join(dir, 'r.md'), REPORT);
    // Without the libraries: the page and the workbook cannot be written, and the error names the missing part.
    const page = run(without, ['review', 'r.md', '-o', 'review.html']);
    assert.equal(page.code, 2);
    assert.match(page.stderr, /echarts\.cjs/);
    const book = run(without, ['data', '--format', 'xlsx', '-o', 'data.xlsx', 'r.md']);
    assert.equal(book.code, 2);
    assert.match(book.stderr, /exceljs\.cjs/);
    // With them: both are written.
    const ok = run(withLibs, ['review', 'r.md', '-o', 'review.html']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(readFileSync(join(withLibs, 'review.html'), 'utf8'), /<figure class="chart" id="chart-per-rule"><h3>Findings per rule<\/h3><svg /);
    assert.equal(run(withLibs, ['data', '--format', 'xlsx', '-o', 'data.xlsx', 'r.md']).code, 0);
    assert.deepEqual([...readFileSync(join(withLibs, 'data.xlsx')).subarray(0, 2)], [0x50, 0x4b], 'a zip (xlsx)');
  } finally {
    rmSync(without, { recursive: true, force: true });
    rmSync(withLibs, { recursive: true, force: true });
  }
});
