// The pictures of docs/export.md: examples/2022-with-mistakes.md exported to
// Word, converted by LibreOffice, pages rendered to PNG by pdftoppm (poppler),
// or by Chromium where pdftoppm is missing; and the web page as Chromium shows
// it. Run by hand when the export's look changes:
//   node --import tsx test/support/export-pictures.ts
// Needs libreoffice-writer-nogui and chromium (test/e2e/setup.sh), poppler-utils for pdftoppm.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { exportReport } from '../../server/src/export/index.ts';

const root = new URL('../../', import.meta.url).pathname;
const images = join(root, 'docs/images');
const source = join(root, 'examples/2022-with-mistakes.md');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-pictures-'));
const text = readFileSync(source, 'utf8');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const docx = await exportReport(text, 'docx');
writeFileSync(join(dir, 'report.docx'), docx.data);
const lo = spawnSync('libreoffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], { encoding: 'utf8' });
if (lo.status !== 0) throw new Error(lo.stderr);
const pdf = join(dir, 'report.pdf');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
try {
  if (spawnSync('pdftoppm', ['-v']).status === 0) {
    // Pages 1–3 at 70 dpi: about 580 × 820 pixels each.
    const r = spawnSync('pdftoppm', ['-r', '70', '-f', '1', '-l', '3', '-png', pdf, join(dir, 'page')]);
    if (r.status !== 0) throw new Error(String(r.stderr));
    for (let p = 1; p <= 3; p++) renameSync(join(dir, `page-${p}.png`), join(images, `export-word-${p}.png`));
  } else throw new Error('pdftoppm (poppler-utils) is needed for the Word pictures');
  const html = await exportReport(text, 'html');
  writeFileSync(join(dir, 'report.html'), html.data);
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 }, locale: 'zh-CN' });
  await page.goto(pathToFileURL(join(dir, 'report.html')).href);
  await page.locator('table.t3').screenshot({ path: join(images, 'export-html-table3.png') });
} finally {
  await browser.close();
}
for (const f of ['export-word-1.png', 'export-word-2.png', 'export-word-3.png', 'export-html-table3.png']) if (!existsSync(join(images, f))) throw new Error(`missing ${f}`);
console.log(`wrote docs/images/export-word-{1,2,3}.png and export-html-table3.png (${docx.errors} errors in the report, exported as written)`);
