// didChange after didChange through the real stdio server, on the largest
// seed report (000): 100 single-character edits, each awaited, after 10
// warm-up edits. Each edit is answered by a publication of its own version,
// and after the last (the text is the seed again) the findings are the seed's
// hand-checked ones. The time from each didChange to its publication is
// printed (median and spread) for reading, never asserted: a busy machine is
// not a bug. `npm run bench` measures it as the benchmark's keystroke latency.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { essence, fileUri, seedFindings, seedText, sorted, TestClient } from './harness.ts';

const RUNS = 100;
const WARMUP = 10;

function quantile(ordered: number[], q: number): number {
  return ordered[Math.min(ordered.length - 1, Math.floor(q * ordered.length))];
}

describe('latency', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  it(`didChange → publishDiagnostics on the largest seed, ${WARMUP + RUNS} edits: each version published, the seed's findings at the end`, async () => {
    const text = seedText('000');
    const uri = fileUri('/tmp/nianbao-proto/latency.md');
    await client.open(uri, text);
    // Edit the end of a prose line: insert a character, then delete it, alternately.
    const lines = text.split('\n');
    const line = lines.findIndex((l, i) => i > 2 && l.length > 20 && !l.includes('|'));
    const end = lines[line].length;
    const times: number[] = [];
    let last: string[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const insert = i % 2 === 0;
      const change = insert
        ? { range: { start: { line, character: end }, end: { line, character: end } }, text: '字' }
        : { range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: '' };
      const t0 = performance.now();
      const v = await client.change(uri, [change]);
      const published = await client.waitForDiagnostics(uri, (p) => p.version === v);
      if (i >= WARMUP) times.push(performance.now() - t0);
      last = published.diagnostics.map(essence);
    }
    assert.equal((WARMUP + RUNS) % 2, 0, 'an even number of edits ends on the seed as it was');
    assert.equal(client.text(uri), text);
    assert.deepEqual(sorted(last), sorted(seedFindings('000')));
    const ordered = [...times].sort((a, b) => a - b);
    const median = (ordered[RUNS / 2 - 1] + ordered[RUNS / 2]) / 2;
    console.log(`didChange→publishDiagnostics on seeds/000.md (${Buffer.byteLength(text)} bytes), measured under whatever load the machine has: median ${median.toFixed(1)} ms, p90 ${quantile(ordered, 0.9).toFixed(1)} ms, min ${ordered[0].toFixed(1)} ms, max ${ordered[RUNS - 1].toFixed(1)} ms (n=${RUNS})`);
    await client.close(uri);
  });
});
