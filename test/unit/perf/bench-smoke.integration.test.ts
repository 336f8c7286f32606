// The benchmark script works: `bench/run.ts --smoke` runs every comparison of
// docs/performance.md on tiny inputs and writes the results table. The figures
// of a smoke run mean nothing; only that each step ran is checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = new URL('../../../', import.meta.url).pathname;

test('bench/run.ts --smoke runs every measure and writes the report', { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  const out = join(dir, 'performance.md');
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke', '--out', out], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, r.stderr);
    const doc = readFileSync(out, 'utf8');
    for (const measure of ['`nianbao check` on 12 reports', 'one 32 KB compendium', '2× the size', 'didChange → publishDiagnostics', 'server RSS with 4 open reports', 'cold `nianbao check one.md`', 'initialize → first diagnostics', 'CLI peak RSS on 16 reports', '`--jobs 2` vs `--jobs 1`', 'reports per second per core', 'in one document vs as 4 files', 'in one document vs as 64 files', 'MB compendium is analysed', '`check --cache` re-run over 16 unchanged reports', '`nianbao review` builds the page of 12 reports', 'the review page of 12 reports in Chromium', 'PDF import + check of a 3-page report', 'pages: linear in pages']) {
      assert.ok(doc.includes(measure), `missing: ${measure}`);
    }
    // Cold start and --jobs 2 are measured against markdownlint-cli2 and the bare parse in the same run.
    assert.match(doc, /cold `nianbao check one\.md`[^\n]*bare parse: \d+ ms[^\n]*markdownlint-cli2: \d+ ms/);
    assert.ok(doc.includes('`--jobs 2` on 16 reports against one-process tools on the same files'));
    assert.match(doc, /markdownlint-cli2: [\d.]+ s/);
    assert.match(doc, /bare parse: [\d.]+ s/);
    // setup.sh installs fonts-arphic-uming, so the PDF step runs rather than saying why it did not.
    assert.match(doc, /\| PDF import \+ check of a 3-page report \(WPS-like, \d+ KB\)[^|]*\| \d+ ms \|/);
    assert.ok(doc.includes("--shard ${{ matrix.shard }}/4"), "GitHub Actions matrix example");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
