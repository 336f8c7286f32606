// Time from a didChange to its publishDiagnostics through the real stdio
// server, on the largest seed report: 100 single-character edits, each awaited,
// after 10 warm-up edits. Prints the median (and spread); asserts a generous
// bound so that only a gross regression fails the suite.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileUri, fixture, TestClient } from './harness.ts';

const RUNS = 100;
const WARMUP = 10;
const MEDIAN_BOUND_MS = 2000;

function largestSeed(): string {
  const files = ['seeds', 'seeds-raw'].flatMap((d) => {
    try {
      return readdirSync(fixture(d)).filter((f) => /^\d.*\.(md|txt)$/.test(f)).map((f) => join(fixture(d), f));
    } catch {
      return [];
    }
  });
  assert.ok(files.length > 0, 'no seed fixtures');
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

describe('latency', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  it(`didChange → publishDiagnostics on the largest seed, median of ${RUNS}`, async () => {
    const seed = largestSeed();
    const text = readFileSync(seed, 'utf8');
    const uri = fileUri('/tmp/nianbao-proto/latency.md');
    await client.open(uri, text);
    // Edit the end of a prose line: insert a character, then delete it, alternately.
    const lines = text.split('\n');
    const line = lines.findIndex((l, i) => i > 2 && l.length > 20 && !l.includes('|'));
    const end = lines[line].length;
    const times: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const insert = i % 2 === 0;
      const change = insert
        ? { range: { start: { line, character: end }, end: { line, character: end } }, text: '字' }
        : { range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: '' };
      const t0 = performance.now();
      const v = await client.change(uri, [change]);
      await client.waitForDiagnostics(uri, (p) => p.version === v);
      if (i >= WARMUP) times.push(performance.now() - t0);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = (sorted[RUNS / 2 - 1] + sorted[RUNS / 2]) / 2;
    console.log(`didChange→publishDiagnostics on ${seed.split('/').slice(-2).join('/')} (${Buffer.byteLength(text)} bytes): median ${median.toFixed(1)} ms, p90 ${quantile(sorted, 0.9).toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms, max ${sorted[RUNS - 1].toFixed(1)} ms (n=${RUNS})`);
    assert.ok(median < MEDIAN_BOUND_MS, `median ${median.toFixed(1)} ms exceeds ${MEDIAN_BOUND_MS} ms`);
    await client.close(uri);
  });
});
