// PDF import + check: a 5-page report, and linearity in pages (5, 10, 20).
// The reports are WPS-like PDFs (test/fixtures/pdf/write-wps.ts) of the 2021
// fixture with narrative added until they reach the page count. Prints the
// median of 5 in-process runs (warm) and of 3 cold CLI runs
// (`node dist/cli.cjs import FILE --check`, the bundle as built).
//
//   node esbuild.mjs --production && node --import tsx bench/pdf.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../server/src/engine/analyze.ts';
import { importReport } from '../server/src/host/published/index.ts';
import { official2021, toDocument } from '../test/fixtures/pdf/model.ts';
import { fontFromCollection, toWpsPdf } from '../test/fixtures/pdf/write-wps.ts';

const font = fontFromCollection(new Uint8Array(readFileSync('/usr/share/fonts/truetype/arphic/uming.ttc')), 0);
const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-pdf-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const SENTENCE = '我局坚持以公开为常态、不公开为例外，围绕重点领域信息公开，及时发布政策文件和解读材料，全年办理政府信息公开申请十四件，按时答复率百分之百。';

async function pdfOf(pages: number): Promise<{ file: string; pages: number }> {
  // Paragraphs are added until the page count is reached.
  for (let paras = 0; ; paras += 2) {
    const spec = official2021(`bench-${pages}`);
    spec.text.overview = [...spec.text.overview, ...Array(paras).fill(SENTENCE)];
    const bytes = await toWpsPdf(toDocument(spec), font);
    const n = (Buffer.from(bytes).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    if (n >= pages) {
      const file = join(dir, `report-${n}p.pdf`);
      writeFileSync(file, bytes);
      return { file, pages: n };
    }
  }
}

const rows: string[] = [];
let base: number | undefined;
for (const want of [5, 10, 20]) {
  const { file, pages } = await pdfOf(want);
  const bytes = readFileSync(file);
  const warm: number[] = [];
  for (let k = 0; k < 6; k++) {
    const t = performance.now();
    const r = await importReport(bytes, { fileName: file });
    analyze(r.markdown);
    if (k > 0) warm.push(performance.now() - t);
  }
  const cold: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    try { execFileSync(process.execPath, ['dist/cli.cjs', 'import', file, '--check'], { stdio: 'ignore' }); } catch { /* exit 1: findings */ }
    cold.push(performance.now() - t);
  }
  const w = median(warm);
  base ??= w / pages;
  rows.push(`| ${pages} | ${(bytes.length / 1024).toFixed(0)} KB | ${w.toFixed(0)} ms | ${(w / pages).toFixed(1)} ms | ${((w / pages) / base).toFixed(2)}× | ${median(cold).toFixed(0)} ms |`);
}
console.log(`CPU: ${cpus()[0].model}, ${cpus().length} logical cores; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; load average at the end ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(', ')}`);
console.log('| pages | size | import + check (warm, median of 5) | per page | per page vs 5 pages | cold CLI `import --check` (median of 3) |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
