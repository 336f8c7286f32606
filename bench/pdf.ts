// PDF import + check: a 5-page report, and linearity in pages (5, 10, 20 in
// `npm run bench`). The reports are WPS-like PDFs (test/fixtures/pdf/write-wps.ts)
// of the 2021 fixture with narrative added until they reach the page count.
// Measures importReport() + analyze() in this process (warm: median of RUNS
// after one run) and a cold `node dist/cli.cjs check FILE.pdf` (the bundle as
// built; median of COLD).
//
// `npm run bench` runs it as its step `pdf` (bench/run.ts: a row for the
// 5-page report, a row for linearity). Alone, it prints a Markdown table:
//
//   node esbuild.mjs --production && node --import tsx bench/pdf.ts [PAGES,…] [RUNS] [COLD]
//
// Needs Debian's fonts-arphic-uming (the CJK face the WPS-like PDFs embed;
// test/e2e/setup.sh installs it): without it `benchPdf` returns undefined.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyze } from '../server/src/engine/analyze.ts';
import { importReport } from '../server/src/host/published/index.ts';
import { official2021, toDocument } from '../test/fixtures/pdf/model.ts';
import { fontFromCollection, toWpsPdf } from '../test/fixtures/pdf/write-wps.ts';
import { compare, median, type Command } from './measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const UMING = '/usr/share/fonts/truetype/arphic/uming.ttc';
const SENTENCE = '我局坚持以公开为常态、不公开为例外，围绕重点领域信息公开，及时发布政策文件和解读材料，全年办理政府信息公开申请十四件，按时答复率百分之百。';

export interface PdfRow {
  pages: number;
  bytes: number;
  /** importReport() + analyze() in one process, median of the warm runs, ms. */
  warm: number;
  /** `nianbao check FILE.pdf` as a new process, median, ms. */
  cold: number;
}

export interface PdfBench {
  rows: PdfRow[];
  commands: Command[];
}

const pageCount = (bytes: Uint8Array) => (Buffer.from(bytes).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

/** A WPS-like PDF of the 2021 fixture with at least `pages` pages (narrative paragraphs added). */
async function pdfOf(pages: number, font: Uint8Array, dir: string): Promise<{ file: string; pages: number }> {
  for (let paras = Math.max(0, (pages - 3) * 6); ; paras += 3) {
    const spec = official2021(`bench-${pages}`);
    spec.text.overview = [...spec.text.overview, ...Array<string>(paras).fill(SENTENCE)];
    const bytes = await toWpsPdf(toDocument(spec), font);
    const n = pageCount(bytes);
    if (n >= pages) {
      const file = join(dir, `report-${n}p.pdf`);
      writeFileSync(file, bytes);
      return { file, pages: n };
    }
  }
}

/**
 * Each page count's PDF, imported and checked `runs` times warm (after one
 * run) and `coldRuns` times as a new `nianbao check` process.
 */
export async function benchPdf(pageCounts: number[], runs: number, coldRuns: number, log: (s: string) => void): Promise<PdfBench | undefined> {
  if (!existsSync(UMING)) return undefined;
  const font = fontFromCollection(new Uint8Array(readFileSync(UMING)), 0);
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-pdf-'));
  const cli = join(ROOT, 'dist/cli.cjs');
  const rows: PdfRow[] = [];
  const commands: Command[] = [];
  try {
    for (const want of pageCounts) {
      const { file, pages } = await pdfOf(want, font, dir);
      const bytes = readFileSync(file);
      const warm: number[] = [];
      for (let k = 0; k <= runs; k++) {
        const t = performance.now();
        const r = await importReport(bytes, { fileName: file });
        analyze(r.markdown);
        if (k > 0) warm.push(performance.now() - t);
      }
      log(`  ${pages} pages, in process: ${warm.map((x) => x.toFixed(0)).join(' ')} ms; median ${median(warm).toFixed(0)} ms`);
      const cmd: Command = { label: `nianbao check ${pages}-page.pdf`, argv: [process.execPath, cli, 'check', '--no-fail', file] };
      commands.push({ ...cmd, argv: [process.execPath, cli, 'check', '--no-fail', `report-${pages}p.pdf`] });
      const c = compare([cmd], coldRuns, log);
      rows.push({ pages, bytes: bytes.length, warm: median(warm), cold: c.wall[0] * 1000 });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, commands };
}

/** The rows as a Markdown table (bench/pdf.ts alone). */
export function pdfTable(b: PdfBench): string {
  const base = b.rows[0];
  return [
    '| pages | size | import + check (warm, median) | per page | time vs first row | pages vs first row | cold `nianbao check FILE.pdf` (median) |',
    '|---|---|---|---|---|---|---|',
    ...b.rows.map((r) => `| ${r.pages} | ${(r.bytes / 1024).toFixed(0)} KB | ${r.warm.toFixed(0)} ms | ${(r.warm / r.pages).toFixed(1)} ms | ${(r.warm / base.warm).toFixed(2)}× | ${(r.pages / base.pages).toFixed(2)}× | ${r.cold.toFixed(0)} ms |`),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [pagesArg, runsArg, coldArg] = process.argv.slice(2);
  const pages = pagesArg ? pagesArg.split(',').map(Number) : [5, 10, 20];
  const b = await benchPdf(pages, Number(runsArg ?? 5), Number(coldArg ?? 3), (s) => process.stderr.write(s + '\n'));
  if (!b) {
    console.error(`${UMING} is missing: apt-get install fonts-arphic-uming`);
    process.exit(2);
  }
  console.log(`CPU: ${cpus()[0].model}, ${cpus().length} logical cores; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; load average at the end ${loadavg().map((x) => x.toFixed(2)).join(', ')}`);
  console.log(pdfTable(b));
}
