// `npm run bench:parser`: what the parser guard buys, as ratios. Each family
// of adversarial Markdown (test/unit/fuzz/adversarial.ts) is analysed at n and
// 2n characters: a ratio near 2 is linear, near 4 quadratic. And the guard's
// own cost on a 40 KB report, which it scans on every keystroke. Medians of a
// few runs; a benchmark, not a test: it prints and never fails on time
// (docs/reliability.md keeps the figures of the last run).
//
//   npm run bench:parser                  every family, 16,000 characters and twice that
//   npm run bench:parser -- --runs 5 --only nesting
import { cpus, loadavg } from 'node:os';
import { analyze } from '../server/src/engine/analyze.ts';
import { guardText } from '../server/src/engine/parse/guard.ts';
import { FAMILIES } from '../test/unit/fuzz/adversarial.ts';
import { generateReport } from './generate.ts';
import { median } from './measure.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const RUNS = Number(opt('--runs', '3'));
const ONLY = opt('--only', '');
const SIZE = 16_000;

function time(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

console.log(`# Parser guard benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log();
console.log('| family | bounded by | n | t(n) ms | t(2n) ms | t(2n) / t(n) |');
console.log('|---|---|---|---|---|---|');
let worst = 0;
for (const [name, family] of Object.entries(FAMILIES)) {
  if (ONLY && !family.why.includes(ONLY) && !name.includes(ONLY)) continue;
  const n = family.size ?? SIZE;
  const small = family.build(n);
  const large = family.build(2 * n);
  analyze(small); // warm-up
  const t1 = median(Array.from({ length: RUNS }, () => time(() => analyze(small))));
  const t2 = median(Array.from({ length: RUNS }, () => time(() => analyze(large))));
  const ratio = t2 / Math.max(t1, 1);
  worst = Math.max(worst, ratio);
  console.log(`| ${name} | ${family.why} | ${small.length} | ${t1.toFixed(0)} | ${t2.toFixed(0)} | ${ratio.toFixed(2)} |`);
}
console.log();
const report = generateReport(11, { bytes: 40 * 1024 }).text;
for (let i = 0; i < 100; i++) guardText(report);
const guard = median(Array.from({ length: 300 }, () => time(() => guardText(report))));
console.log(`Largest ratio: ${worst.toFixed(2)} (2 is linear, 4 quadratic). The guard on a ${Buffer.byteLength(report)}-byte report: median ${(guard * 1000).toFixed(0)} µs.`);
