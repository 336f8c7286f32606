// The exported files in the programs that open them (needs Debian's
// libreoffice-writer-nogui and chromium, installed by test/e2e/setup.sh):
//   - the .docx converts with `libreoffice --headless --convert-to pdf`; the
//     PDF is A4, numbers its pages `- 1 -`, holds every figure, and table 3,
//     which runs over a page break, keeps each row whole on one page and
//     repeats its header rows on the next;
//   - the web page, opened from file:// in Chromium with every request
//     blocked, logs no error, asks for nothing, has the merged cells of the
//     format, and prints (page.pdf) to A4 pages with the same guarantees.
// The report's table 3 figures are made unique (row r, column c: 100·r + c)
// so that every figure can be found in the PDF text and placed on its row.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { reportFigures, slotsOf } from '../../../server/src/engine/cross/figures.ts';
import { exportReport } from '../../../server/src/export/index.ts';
import { getDocument } from '../../../server/src/host/published/pdf/pdfjs-lib.ts';

const root = new URL('../../../', import.meta.url);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** examples/2022-clean-2021-format.md with table 3's figures 100·row + column (row 1 = 一、本年新收). */
function uniqueReport(): { text: string; rows: string[][] } {
  const lines = readFileSync(new URL('examples/2022-clean-2021-format.md', root), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('| （本列数据的勾稽关系'));
  const rows: string[][] = [];
  for (let i = start + 1; i < lines.length && lines[i].startsWith('|'); i++) {
    const cells = lines[i].split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== 8 || !/^\d+$/.test(cells[1])) continue;
    const r = rows.length + 1;
    const figures = cells.slice(1).map((_, c) => String(100 * r + c + 1));
    rows.push(figures);
    lines[i] = `| ${[cells[0], ...figures].join(' | ')} |`;
  }
  assert.equal(rows.length, 25, 'table 3 has 25 rows of figures');
  return { text: lines.join('\n'), rows };
}

interface Word { page: number; text: string; x: number; y: number }

async function pdfWords(data: Uint8Array): Promise<{ words: Word[]; sizes: number[][] }> {
  const doc = await getDocument({ data, verbosity: 0 }).promise;
  const words: Word[] = [];
  const sizes: number[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    sizes.push(page.view.slice(2).map((v) => Math.round(v)));
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      // NFKC: Chromium's PDFs write some characters as Kangxi radicals (⼈ for 人).
      for (const text of item.str.normalize('NFKC').split(/\s+/).filter(Boolean)) words.push({ page: p, text, x: item.transform[4], y: item.transform[5] });
    }
  }
  await doc.destroy();
  return { words, sizes };
}

/** Reading order: page, then top to bottom, then left to right. */
const reading = (a: Word, b: Word) => a.page - b.page || b.y - a.y || a.x - b.x;

/** Each of table 3's rows: all seven figures found once, on one page and one line. Returns the pages the rows are on. */
function checkRows(words: Word[], rows: string[][]): Set<number> {
  const pages = new Set<number>();
  for (const figures of rows) {
    const found = figures.map((f) => {
      const hits = words.filter((w) => w.text === f);
      assert.equal(hits.length, 1, `figure ${f} appears once in the PDF text (found ${hits.length})`);
      return hits[0];
    });
    assert.equal(new Set(found.map((w) => w.page)).size, 1, `row ${figures[0]}… is on one page`);
    const ys = found.map((w) => w.y);
    assert.ok(Math.max(...ys) - Math.min(...ys) < 3, `row ${figures[0]}… is on one line: ${ys.join(', ')}`);
    pages.add(found[0].page);
  }
  return pages;
}

/** Every figure of the report, in template order, found in the PDF text in that order. */
function checkAllFigures(words: Word[], text: string): void {
  const report = analyze(text).report;
  const figures = reportFigures(report);
  const order = slotsOf(report.template).map((s) => figures.get(s.name)?.text).filter((t): t is string => t !== undefined && t !== '');
  assert.ok(order.length >= 190, `${order.length} figures`);
  const tokens = [...words].sort(reading).map((w) => w.text);
  let at = 0;
  for (const f of order) {
    const next = tokens.indexOf(f, at);
    assert.ok(next >= 0, `figure ${f} (after token ${at}) in the PDF text in document order`);
    at = next + 1;
  }
}

function checkPages(sizes: number[][], words: Word[], tablePages: Set<number>): void {
  assert.ok(sizes.length >= 3, `${sizes.length} pages`);
  for (const s of sizes) assert.deepEqual(s, [595, 842], 'A4 portrait');
  // Page numbers - N - on every page.
  for (let p = 1; p <= sizes.length; p++) {
    const line = words.filter((w) => w.page === p).sort(reading).map((w) => w.text).join(' ');
    assert.match(line, new RegExp(`- ${p} -`), `page ${p} is numbered`);
  }
  // Table 3 runs over a page break and its header rows come again on the next page.
  assert.ok(tablePages.size >= 2, `table 3 is on pages ${[...tablePages].join(', ')}`);
  for (const p of tablePages) {
    const text = words.filter((w) => w.page === p).sort(reading).map((w) => w.text).join('');
    assert.ok(text.includes('申请人情况') && text.includes('法人或其他组织'), `table 3's header on page ${p}`);
  }
}

describe('exported Word file in LibreOffice', { timeout: 300_000 }, () => {
  it('converts to PDF without error; A4, numbered, every figure, no row split, header repeated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-lo-'));
    const { text, rows } = uniqueReport();
    const out = await exportReport(text, 'docx');
    writeFileSync(join(dir, 'report.docx'), out.data);
    // Its own profile: another LibreOffice running on the machine must not share (or lock) it.
    const r = spawnSync('libreoffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], { encoding: 'utf8', timeout: 240_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /\bError\b/i);
    assert.ok(existsSync(join(dir, 'report.pdf')), `${r.stdout}\n${r.stderr}`);
    const { words, sizes } = await pdfWords(new Uint8Array(readFileSync(join(dir, 'report.pdf'))));
    checkAllFigures(words, text);
    checkPages(sizes, words, checkRows(words, rows));
  });
});

describe('exported web page in Chromium', { timeout: 300_000 }, () => {
  it('from file:// with the network blocked: no console error, no request, the format\'s merged cells; prints to A4 with no row split', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-html-'));
    const { text, rows } = uniqueReport();
    const out = await exportReport(text, 'html');
    const file = join(dir, 'report.html');
    writeFileSync(file, out.data);
    const url = pathToFileURL(file).href;
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ offline: true });
      const requests: string[] = [];
      const problems: string[] = [];
      await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
      const page = await context.newPage();
      page.on('request', (req) => { if (req.url() !== url) requests.push(req.url()); });
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      await page.goto(url, { waitUntil: 'load' });
      assert.equal(await page.title(), '某市交通运输局2022年政府信息公开工作年度报告');

      // Merged cells, table by table: text@rowspan×colspan for every cell that spans.
      const merged = await page.evaluate(() => {
        const d = (globalThis as unknown as { document: { querySelectorAll: (s: string) => ArrayLike<{ textContent: string; rowSpan: number; colSpan: number }> } }).document;
        return ['t2', 't3', 't4'].map((t) => Array.from(d.querySelectorAll(`table.${t} th, table.${t} td`)).filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => `${c.textContent.slice(0, 9)}@${c.rowSpan}×${c.colSpan}`));
      });
      assert.deepEqual(merged[0], [
        '第二十条第（一）项@1×4',
        '第二十条第（五）项@1×4', '本年处理决定数量@1×3', '1318@1×3',
        '第二十条第（六）项@1×4', '本年处理决定数量@1×3', '46@1×3', '3@1×3',
        '第二十条第（八）项@1×4', '本年收费金额（单位@1×3', '12.36@1×3',
      ]);
      assert.deepEqual(merged[1], [
        '（本列数据的勾稽关@3×3', '申请人情况@1×7', '自然人@2×1', '法人或其他组织@1×5', '总计@2×1',
        '一、本年新收政府信@1×3', '二、上年结转政府信@1×3',
        '三、本年度办理结果@22×1', '（一）予以公开@1×2', '（二）部分公开（区@1×2',
        '（三）不予公开@8×1', '（四）无法提供@3×1', '（五）不予处理@5×1', '（六）其他处理@3×1',
        '（七）总计@1×2', '四、结转下年度继续@1×3',
      ]);
      assert.deepEqual(merged[2], ['行政复议@1×5', '行政诉讼@1×10', '结果维持@2×1', '结果纠正@2×1', '其他结果@2×1', '尚未审结@2×1', '总计@2×1', '未经复议直接起诉@1×5', '复议后起诉@1×5']);

      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      assert.deepEqual(requests, [], 'the page asked for nothing');
      assert.deepEqual(problems, [], 'no console errors or warnings');
      const { words, sizes } = await pdfWords(new Uint8Array(pdf));
      checkAllFigures(words, text);
      checkPages(sizes, words, checkRows(words, rows));
    } finally {
      await browser.close();
    }
  });
});
