// The review page of a large batch: `nianbao review` on N generated reports
// (bench/generate.ts; default 1,000), against `nianbao check --format json
// --jobs 0` on the same files (the same reading and analysis, in one thread),
// alternately, median of RUNS. Then the page's size, and its first render in
// Chromium from file:// (first contentful paint and the load event, median
// of 5 fresh pages) and the time a click on a column header takes to sort
// every row. Prints a Markdown section for docs/performance.md.
//
//   node esbuild.mjs --production && node --import tsx bench/review.ts [N] [RUNS]
import { mkdtempSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { writeCorpus } from './generate.ts';
import { compare, median } from './measure.ts';

const N = Number(process.argv[2] ?? 1000);
const RUNS = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-review-'));
const corpus = join(dir, 'reports');
writeCorpus(corpus, N);
const page = join(dir, 'review.html');
const node = process.execPath;
const load0 = loadavg()[0];

const timed = compare([
  { label: 'check --format json --jobs 0', argv: [node, 'dist/cli.cjs', 'check', '--format', 'json', '--jobs', '0', '--no-fail', corpus] },
  { label: 'review -o page.html', argv: [node, 'dist/cli.cjs', 'review', corpus, '-o', page] },
], RUNS, (s) => process.stderr.write(s + '\n'));
const [check, review] = timed.wall;
const size = statSync(page).size;

const browser = await chromium.launch({ executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const fcp: number[] = [];
const loaded: number[] = [];
const sorts: number[] = [];
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  const p = await context.newPage();
  await p.goto(pathToFileURL(page).href, { waitUntil: 'load' });
  // Run in the page (a string: this file is compiled without the DOM's types).
  const t = (await p.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { fcp: paint ? paint.startTime : NaN, load: nav.loadEventEnd };
  })()`)) as { fcp: number; load: number };
  fcp.push(t.fcp);
  loaded.push(t.load);
  // Sorting every row by 错误 (a click, the rows moved, the next frame drawn).
  sorts.push((await p.evaluate(`new Promise((done) => {
    const th = document.querySelectorAll('#reports th')[3];
    const t0 = performance.now();
    th.click();
    requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
  })`)) as number);
  await context.close();
}
await browser.close();

const ms = (s: number) => `${Math.round(s * 1000)} ms`;
const load1 = loadavg()[0];
const out = `### Review page (\`bench/review.ts\`)

\`node --import tsx bench/review.ts ${N} ${RUNS}\`: ${N} generated reports (bench/generate.ts).
Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB,
Node ${process.version}, load average ${load0.toFixed(1)} at the start and ${load1.toFixed(1)} at the end (shared machine: read the ratio).

| | wall (median of ${RUNS}) | CPU | peak RSS |
|---|---|---|---|
| \`check --format json --jobs 0\` | ${ms(check)} | ${timed.cpu[0] !== undefined ? ms(timed.cpu[0]!) : '—'} | ${timed.rss[0] !== undefined ? `${Math.round(timed.rss[0]!)} MB` : '—'} |
| \`review -o page.html\` | ${ms(review)} | ${timed.cpu[1] !== undefined ? ms(timed.cpu[1]!) : '—'} | ${timed.rss[1] !== undefined ? `${Math.round(timed.rss[1]!)} MB` : '—'} |
| review ÷ check | ${(review / check).toFixed(2)}× | ${timed.cpu[0] && timed.cpu[1] ? (timed.cpu[1]! / timed.cpu[0]!).toFixed(2) + '×' : '—'} | |

The page: ${(size / 1024 / 1024).toFixed(2)} MB for ${N} reports (${(size / N / 1024).toFixed(1)} KB per report).
In Chromium from file:// (median of 5 fresh pages): first contentful paint ${Math.round(median(fcp))} ms, load event ${Math.round(median(loaded))} ms;
a click on 错误 sorts the ${N} rows and draws the next frame in ${Math.round(median(sorts))} ms.
`;
process.stdout.write(out);
