// The review page of a large batch: `nianbao review` on N generated reports
// (bench/generate.ts; 1,000 in `npm run bench`), against `nianbao check
// --format json --jobs 0` on the same files (the same reading and analysis,
// in one thread), alternately, median of RUNS. Then the page's size, and its
// first render in Chromium from file:// (first contentful paint and the load
// event, median of 5 fresh pages) and the time a click on a column header
// takes to sort every row.
//
// `npm run bench` runs it as its step `review` (bench/run.ts: a row of the
// results table each for the build, the page and its render). Alone, it
// prints a Markdown section:
//
//   node esbuild.mjs --production && node --import tsx bench/review.ts [N] [RUNS]
import { mkdtempSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { writeCorpus } from './generate.ts';
import { compare, median, type Command, type Compared } from './measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';

export interface ReviewBench {
  reports: number;
  runs: number;
  /** The commands timed: check, then review. */
  commands: Command[];
  /** Medians: [check, review]. */
  timed: Compared;
  /** The page's size in bytes. */
  size: number;
  /** In Chromium, medians of 5 fresh pages, ms: first contentful paint, load event, a sort of every row by 错误. */
  render: { fcp: number; load: number; sort: number; pages: number };
}

/** Opens the page `pages` times in fresh contexts (network refused) and measures its first render and a sort. */
async function firstRender(page: string, pages: number): Promise<ReviewBench['render']> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const fcp: number[] = [];
  const loaded: number[] = [];
  const sorts: number[] = [];
  try {
    for (let i = 0; i < pages; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
      const p = await context.newPage();
      await p.goto(pathToFileURL(page).href, { waitUntil: 'load' });
      // Run in the page (a string: this file is compiled without the DOM's types).
      // The paint entry can come after the load event (headless Chromium): wait for it (buffered), at most 10 s.
      const t = (await p.evaluate(`new Promise((done) => {
        const nav = performance.getEntriesByType('navigation')[0];
        const finish = (paint) => done({ fcp: paint ? paint.startTime : NaN, load: nav.loadEventEnd });
        new PerformanceObserver((list) => {
          const paint = list.getEntries().find((e) => e.name === 'first-contentful-paint');
          if (paint) finish(paint);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => finish(performance.getEntriesByName('first-contentful-paint')[0]), 10000);
      })`)) as { fcp: number; load: number };
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
  } finally {
    await browser.close();
  }
  return { fcp: median(fcp), load: median(loaded), sort: median(sorts), pages };
}

/** `review` against `check` on the reports in `corpus` (N of them), then the page in Chromium. */
export async function benchReview(corpus: string, reports: number, runs: number, log: (s: string) => void, pages = 5): Promise<ReviewBench> {
  const page = join(mkdtempSync(join(tmpdir(), 'nianbao-bench-review-')), 'review.html');
  const node = process.execPath;
  const cli = join(ROOT, 'dist/cli.cjs');
  const commands: Command[] = [
    { label: 'check --format json --jobs 0', argv: [node, cli, 'check', '--format', 'json', '--jobs', '0', '--no-fail', corpus] },
    { label: 'review -o page.html', argv: [node, cli, 'review', corpus, '-o', page] },
  ];
  const timed = compare(commands, runs, log);
  const size = statSync(page).size;
  const render = await firstRender(page, pages);
  log(`  review page: ${(size / 2 ** 20).toFixed(2)} MB; Chromium (median of ${pages}): first contentful paint ${Math.round(render.fcp)} ms, load event ${Math.round(render.load)} ms, sort ${Math.round(render.sort)} ms`);
  return { reports, runs, commands, timed, size, render };
}

/** The page's size, as the results say it: 4.22 MB (4.3 KB per report). */
export function pageSize(b: ReviewBench): string {
  return `${(b.size / 2 ** 20).toFixed(2)} MB (${(b.size / b.reports / 1024).toFixed(1)} KB per report)`;
}

async function standalone(): Promise<void> {
  const N = Number(process.argv[2] ?? 1000);
  const RUNS = Number(process.argv[3] ?? 3);
  const corpus = join(mkdtempSync(join(tmpdir(), 'nianbao-bench-review-')), 'reports');
  writeCorpus(corpus, N);
  const load0 = loadavg()[0];
  const b = await benchReview(corpus, N, RUNS, (s) => process.stderr.write(s + '\n'));
  const [check, review] = b.timed.wall;
  const { cpu, rss } = b.timed;
  const ms = (s: number) => `${Math.round(s * 1000)} ms`;
  const load1 = loadavg()[0];
  process.stdout.write(`### Review page (\`bench/review.ts\`)

\`node --import tsx bench/review.ts ${N} ${RUNS}\`: ${N} generated reports (bench/generate.ts).
Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB,
Node ${process.version}, load average ${load0.toFixed(1)} at the start and ${load1.toFixed(1)} at the end (shared machine: read the ratio).

| | wall (median of ${RUNS}) | CPU | peak RSS |
|---|---|---|---|
| \`check --format json --jobs 0\` | ${ms(check)} | ${cpu[0] !== undefined ? ms(cpu[0]!) : '—'} | ${rss[0] !== undefined ? `${Math.round(rss[0]!)} MB` : '—'} |
| \`review -o page.html\` | ${ms(review)} | ${cpu[1] !== undefined ? ms(cpu[1]!) : '—'} | ${rss[1] !== undefined ? `${Math.round(rss[1]!)} MB` : '—'} |
| review ÷ check | ${(review / check).toFixed(2)}× | ${cpu[0] && cpu[1] ? (cpu[1]! / cpu[0]!).toFixed(2) + '×' : '—'} | |

The page: ${pageSize(b)}.
In Chromium from file:// (median of ${b.render.pages} fresh pages): first contentful paint ${Math.round(b.render.fcp)} ms, load event ${Math.round(b.render.load)} ms;
a click on 错误 sorts the ${N} rows and draws the next frame in ${Math.round(b.render.sort)} ms.
`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  standalone().catch((e) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
    process.exit(1);
  });
}
