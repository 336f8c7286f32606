// The review page in a real browser: `nianbao review` on the fixture batch
// (test/fixtures/review: five agencies, 2021 and 2022, with and without
// mistakes), opened from file:// in Debian's Chromium through playwright-core
// with every request but the page's own file refused. No console errors, no
// requests, the overview equals `check --format json` on the same files,
// sorting a column reorders the rows, filtering hides rows, and every
// finding of the JSON is on the page once. Then a batch with a PDF and a web
// page (--published): the same counts as check, each finding placed in its source. Saves review-*.png where test/support/screenshots.ts says (docs/images/ under npm run screenshots).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { cliProcess, scratch } from '../../support/cli.ts';
import { root } from '../../support/engine.ts';
import { screenshotDir } from '../../support/screenshots.ts';

const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const BATCH = 'test/fixtures/review';

interface JsonFile { path: string; status: string; agency: string | null; diagnostics: { ruleId: string; severity: string; line: number; column: number }[] }

test('review page from file:// with the network blocked: counts equal check --format json, sorting, filtering, every finding once', { timeout: 180_000 }, async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: install the Debian package chromium`);
  const out = join(mkdtempSync(join(tmpdir(), 'nianbao-review-')), 'review.html');
  const built = cliProcess(['review', BATCH, '-o', out]);
  assert.equal(built.code, 0, built.stderr);
  const json = JSON.parse(cliProcess(['check', '--format', 'json', BATCH]).stdout) as { files: JsonFile[]; summary: { errors: number; warnings: number; checked: number } };
  const checked = json.files.filter((f) => f.status === 'checked');
  const expected = {
    reports: String(checked.length),
    agencies: String(new Set(checked.map((f) => f.agency ?? f.path)).size),
    errors: String(json.summary.errors),
    warnings: String(json.summary.warnings),
    clean: `${(Math.round((checked.filter((f) => !f.diagnostics.some((d) => d.severity === 'error')).length / checked.length) * 1000) / 10).toFixed(1)}%`,
  };

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], env: { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN:zh' } });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN' });
    const requests: string[] = [];
    const page = await context.newPage();
    const pageUrl = pathToFileURL(out).href;
    await context.route('**/*', (route) => (route.request().url() === pageUrl ? route.continue() : (requests.push(route.request().url()), route.abort())));
    page.on('request', (r) => { if (r.url() !== pageUrl) requests.push(r.url()); });
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(pageUrl, { waitUntil: 'load' });

    // The overview equals check's JSON.
    const card = (id: string) => page.locator(`#ov-${id} .n`).innerText();
    assert.deepEqual({ reports: await card('reports'), agencies: await card('agencies'), errors: await card('errors'), warnings: await card('warnings'), clean: await card('clean') }, expected);
    assert.equal(await card('years'), '2021、2022');

    // Every finding of the JSON once, under its own report, and nothing else.
    let total = 0;
    for (const f of checked) {
      const seen = new Map<string, number>();
      for (const d of f.diagnostics) {
        const key = `li.finding[data-rule="${d.ruleId}"][data-line="${d.line}"][data-column="${d.column}"]`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      for (const [key, n] of seen) assert.equal(await page.locator(`details.report[data-path="${f.path}"] ${key}`).count(), n, `${f.path} ${key}`);
      total += f.diagnostics.length;
    }
    assert.equal(await page.locator('li.finding').count(), total);
    assert.ok(total >= 9);

    // Sorting: 错误 ascending puts reports with no errors first; again, descending, the worst (卫生健康委员会 2022, 4) first.
    const rows = page.locator('#reports tbody tr');
    const firstAgencies = async () => (await rows.locator('td:first-child').allInnerTexts());
    const before = await firstAgencies();
    const errorsHead = page.locator('#reports th', { hasText: '错误' });
    await errorsHead.click();
    assert.equal(await errorsHead.getAttribute('aria-sort'), 'ascending');
    const asc = (await rows.locator('td:nth-child(4)').allInnerTexts()).map(Number);
    assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
    await errorsHead.click();
    const desc = (await rows.locator('td:nth-child(4)').allInnerTexts()).map(Number);
    assert.deepEqual(desc, [...asc].sort((a, b) => b - a));
    assert.deepEqual((await rows.first().locator('td').allInnerTexts()).slice(0, 4), ['某市卫生健康委员会', '2022', '2021年版', '4']);
    assert.notDeepEqual(await firstAgencies(), before);
    // 公开率 ascending: 卫生健康委员会 2022's unreliable 66.7% first (marked, still sorted by its value); the empty rate ('—', 财政局 2022) last.
    const openHead = page.locator('#reports th', { hasText: /^公开率$/ });
    await openHead.click();
    const opens = await rows.locator('td:nth-child(7)').allInnerTexts();
    assert.equal(opens[0], '66.7%');
    assert.equal(opens[opens.length - 1], '—');

    // Filtering by text and by errors.
    await page.fill('#filter', '教育');
    assert.equal(await page.locator('#reports tbody tr:not([hidden])').count(), 2);
    assert.match(await page.locator('#shown').innerText(), /显示 2 \/ 9 份/);
    await page.fill('#filter', '');
    await page.check('#only-errors');
    assert.equal(await page.locator('#reports tbody tr:not([hidden])').count(), checked.filter((f) => f.diagnostics.some((d) => d.severity === 'error')).length);
    await page.uncheck('#only-errors');

    // The charts are inline SVG and drew their Chinese labels.
    assert.equal(await page.locator('figure.chart svg').count(), 4);
    assert.ok((await page.locator('#chart-heatmap svg text', { hasText: '某市卫生健康委员会' }).count()) > 0);

    // Screenshots for the README and docs/review.md.
    await openHead.click();
    await page.locator('#reports th', { hasText: '机关' }).click();
    await page.screenshot({ path: join(screenshotDir(), 'review-overview.png') });
    await page.locator('#chart-heatmap').screenshot({ path: join(screenshotDir(), 'review-heatmap.png') });
    // The reports are laid out only when on screen (content-visibility: auto); for an element's picture, all of them now.
    await page.addStyleTag({ content: 'details.report{content-visibility:visible}' });
    // Its figures that changed from last year are folded; a click shows them (figure, last year, this year, change).
    const health = page.locator('details.report[data-path="test/fixtures/review/2022/health.md"]');
    const figures = health.locator('details.figures table.figures');
    assert.equal(await figures.isVisible(), false);
    await health.locator('details.figures > summary').click();
    assert.equal(await figures.isVisible(), true);
    assert.deepEqual(await figures.locator('tr').first().locator('th').allInnerTexts(), ['数字', '上年', '本年', '与上年相比']);
    await health.screenshot({ path: join(screenshotDir(), 'review-findings.png') });

    assert.deepEqual(problems, []);
    assert.deepEqual(requests, []);
  } finally {
    await browser.close();
  }
});

test('review --published of a batch with a PDF and a web page: counts equal check --published --format json, every finding once, placed in its source', { timeout: 180_000 }, async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: install the Debian package chromium`);
  const dir = scratch();
  cpSync(join(root, 'test/fixtures/review/2022/education.md'), join(dir, 'education.md'));
  cpSync(join(root, 'test/fixtures/pdf/arith.wps.pdf'), join(dir, 'arith.wps.pdf'));
  cpSync(join(root, 'test/fixtures/pdf/forms/typo.html'), join(dir, 'typo.html'));
  const out = join(mkdtempSync(join(tmpdir(), 'nianbao-review-')), 'review.html');
  const built = cliProcess(['review', '--published', '.', '-o', out], { cwd: dir });
  assert.equal(built.code, 0, built.stderr);
  const json = JSON.parse(cliProcess(['check', '--published', '--format', 'json', '.'], { cwd: dir }).stdout) as { files: (JsonFile & { form?: string; diagnostics: { source?: { page?: number } }[] })[]; summary: { errors: number; warnings: number } };
  const checked = json.files.filter((f) => f.status === 'checked');
  // Written by hand (test/unit/review/published.test.ts says why): the PDF and the page are checked too.
  assert.deepEqual(checked.map((f) => f.form ?? 'markdown').sort(), ['html', 'markdown', 'pdf']);
  assert.deepEqual([json.summary.errors, json.summary.warnings], [2, 3]);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN' });
    const pageUrl = pathToFileURL(out).href;
    const requests: string[] = [];
    await context.route('**/*', (route) => (route.request().url() === pageUrl ? route.continue() : (requests.push(route.request().url()), route.abort())));
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(pageUrl, { waitUntil: 'load' });
    const card = (id: string) => page.locator(`#ov-${id} .n`).innerText();
    assert.deepEqual({ reports: await card('reports'), errors: await card('errors'), warnings: await card('warnings') }, { reports: String(checked.length), errors: String(json.summary.errors), warnings: String(json.summary.warnings) });
    let total = 0;
    for (const f of checked) {
      for (const d of f.diagnostics) {
        const page_ = d.source?.page !== undefined ? `[data-page="${d.source.page}"]` : '';
        const found = page.locator(`details.report[data-path="${f.path}"] li.finding[data-rule="${d.ruleId}"][data-line="${d.line}"][data-column="${d.column}"]${page_}`);
        assert.ok((await found.count()) >= 1, `${f.path} ${d.ruleId} ${d.line}:${d.column}`);
      }
      total += f.diagnostics.length;
    }
    assert.equal(await page.locator('li.finding').count(), total);
    // The PDF's findings say their page, as check's text output does.
    const pdf = page.locator('details.report[data-path$="arith.wps.pdf"]');
    await page.addStyleTag({ content: 'details.report{content-visibility:visible}' });
    assert.deepEqual(await pdf.locator('li.finding .at').allInnerTexts(), Array(3).fill('第 2 页 表三 （三）4.保护第三方合法权益「自然人」'));
    await pdf.screenshot({ path: join(screenshotDir(), 'review-published.png') });
    assert.deepEqual(problems, []);
    assert.deepEqual(requests, []);
  } finally {
    await browser.close();
  }
});
