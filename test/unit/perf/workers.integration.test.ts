// `--jobs N`: worker threads give byte-for-byte the output of one thread, in
// file order, and a file that cannot be checked is reported, not lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inThread, runCheck, type CheckArgs, type Runner } from '../../../server/src/cli/check-command.ts';
import { runnerFor } from '../../../server/src/cli/workers.ts';
import { generateCompendium, writeCorpus } from '../../../bench/generate.ts';

function args(dir: string): CheckArgs {
  return { paths: [dir], format: 'json', fix: false, fixFigures: false, lang: 'en', quiet: false, noFail: true };
}

test('--jobs 3 streams the same results as one thread, in file order', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-jobs-'));
  try {
    writeCorpus(dir, 9, 300);
    writeFileSync(join(dir, 'zz-not-utf8.md'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]));
    const outputs: string[] = [];
    const order: string[][] = [];
    for (const runner of [inThread, runnerFor(3)]) {
      let out = '';
      const seen: string[] = [];
      const wrapped: Runner = (paths, options, each, pairAmong) => runner(paths, options, (r) => { seen.push(r.path); each(r); }, pairAmong);
      const { code } = await runCheck(args(dir), { out: (s) => { out += s; }, err: () => {}, color: false }, wrapped);
      assert.equal(code, 0);
      outputs.push(out);
      order.push(seen);
    }
    assert.equal(outputs[1], outputs[0]);
    assert.deepEqual(order[1], [...order[1]].sort());
    assert.equal(order[1].length, 10);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a handful of files: checked in this thread', async () => {
  const results: string[] = [];
  await runnerFor(1)([], { lang: 'en' }, (r) => results.push(r.path));
  await runnerFor(8)([{ path: '/nonexistent/a.md', explicit: true }], { lang: 'en' }, (r) => results.push(r.status));
  assert.deepEqual(results, ['error']);
});

test('a file too big for a worker\'s heap is checked in the main thread, same result', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-heap-'));
  try {
    writeCorpus(dir, 3, 400);
    writeFileSync(join(dir, 'big.md'), generateCompendium(3, 256 * 1024));
    const run = async (runner: typeof inThread) => {
      let out = '';
      await runCheck(args(dir), { out: (s) => { out += s; }, err: () => {}, color: false }, runner);
      return out;
    };
    // 4 MB of old generation cannot hold the engine: every worker runs out of memory.
    assert.equal(await run(runnerFor(2, 4)), await run(inThread));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('workers replaced after their share of files: the same results, in file order', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-recycle-'));
  try {
    writeCorpus(dir, 11, 500);
    const run = async (runner: typeof inThread) => {
      let out = '';
      await runCheck(args(dir), { out: (s) => { out += s; }, err: () => {}, color: false }, runner);
      return out;
    };
    const expected = await run(inThread);
    // Two workers, each replaced after 3 files; then one worker (--jobs 1), replaced after 3 files.
    assert.equal(await run(runnerFor(2, 128, 3)), expected);
    assert.equal(await run(runnerFor(1, 128, 3)), expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('workers pair each report with last year\'s among all the files, every shard', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pairs-'));
  try {
    writeCorpus(dir, 10, 700);
    for (const f of ['2020.md', '2021.md']) copyFileSync(join(import.meta.dirname, '../../fixtures/cross/carryover', f), join(dir, `carryover-${f}`));
    for (const f of ['2021.md', '2022-copied.md']) copyFileSync(join(import.meta.dirname, '../../fixtures/cross/copied', f), join(dir, `copied-${f}`));
    const found: string[] = [];
    for (const index of [1, 2]) {
      const outputs: string[] = [];
      for (const runner of [inThread, runnerFor(2)]) {
        let out = '';
        await runCheck({ ...args(dir), shard: { index, count: 2 } }, { out: (s) => { out += s; }, err: () => {}, color: false }, runner);
        outputs.push(out);
      }
      assert.equal(outputs[1], outputs[0]);
      for (const f of JSON.parse(outputs[1]).files as { path: string; diagnostics: { ruleId: string }[] }[]) {
        for (const d of f.diagnostics) if (d.ruleId === 'carryover' || d.ruleId === 'copied-text') found.push(`${f.path.split('/').pop()} ${d.ruleId}`);
      }
    }
    // The previous-year file may be in the other shard: pairing looks at all the files.
    assert.ok(found.includes('carryover-2021.md carryover'), found.join(', '));
    assert.ok(found.includes('copied-2022-copied.md copied-text'), found.join(', '));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
