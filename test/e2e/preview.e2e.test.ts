// The Markdown preview of a report in a real VS Code (code-server, the
// packaged extension): VS Code's own preview (Ctrl+K V) shows table 3 in the
// official merged layout, and the cell of the wrong total is marked, with the
// checker's message as its title. The preview is a webview: its document is
// two iframes down. Also the command 导出为网页, run from the palette with
// the report open, writes the page beside it.
//
//   npm run package && node --import tsx --test test/e2e/preview.e2e.test.ts

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assertSetupDone, createWorkspace, E2E_DIR, launchVSCode, makeRunDir, REPO_ROOT, screenshotDir, step, waitFor, type VSCode } from './harness.ts';

const VSIX = resolve(process.env.E2E_VSIX ?? join(REPO_ROOT, 'dist', 'nianbao.vsix'));
const IMAGES = screenshotDir();
const FILE = '2022年度报告.md';
// examples/2022-clean-2021-format.md with one mistake: table 3's （七）总计 total is 92 instead of 29.
const REPORT = readFileSync(join(E2E_DIR, 'fixtures', '2022-wrong-total.md'), 'utf8');

describe('e2e: the Markdown preview of a report', { timeout: 600_000 }, () => {
  let vs: VSCode | undefined;
  let workspace = '';

  before(async () => {
    assertSetupDone();
    assert.ok(existsSync(VSIX), `${VSIX} does not exist: run \`npm run package\` first`);
    const runDir = makeRunDir('preview');
    workspace = createWorkspace(join(runDir, 'ws'), { [FILE]: REPORT });
    vs = await launchVSCode({ workspace, runDir, vsix: VSIX, displayLanguage: 'zh-cn', keyboard: 'windows' });
  });

  after(async () => {
    await vs?.close();
  });

  it('shows table 3 in the official layout with the wrong total outlined and its message as the title', async () => {
    await step(vs, 'preview', async () => {
      await vs!.openFileFromExplorer(FILE);
      await vs!.waitForProblems((c) => c.errors > 0, 'errors from nianbao', 120_000);
      await vs!.focusEditor();
      // Markdown: Open Preview to the Side (Ctrl+K V).
      await vs!.page.keyboard.press('Control+K');
      await vs!.page.keyboard.press('V');
      const doc = vs!.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      const table3 = doc.locator('table.official.t3');
      await table3.waitFor({ state: 'visible', timeout: 60_000 });

      // The merged header and row groups of the official layout.
      assert.equal(await table3.locator('th.note').getAttribute('rowspan'), '3');
      assert.equal(await table3.locator('th', { hasText: '申请人情况' }).getAttribute('colspan'), '7');
      assert.equal(await table3.locator('th', { hasText: '法人或其他组织' }).getAttribute('colspan'), '5');
      assert.equal(await table3.locator('td.grp', { hasText: '三、本年度办理结果' }).getAttribute('rowspan'), '22');

      // The wrong total: outlined, with the checker's message.
      const cell = table3.locator('td[data-cell="t3.results_total.total"]');
      assert.equal((await cell.innerText()).trim(), '92');
      assert.match((await cell.getAttribute('class')) ?? '', /\bnb-finding\b.*\bnb-error\b/);
      const title = (await cell.getAttribute('title')) ?? '';
      assert.match(title, /应为 29/, title);
      assert.match(title, /实为 92/, title);
      const outline = await cell.evaluate((el: { ownerDocument: { defaultView: { getComputedStyle: (e: unknown) => { outlineStyle: string; outlineColor: string } } } }) => {
        const s = el.ownerDocument.defaultView.getComputedStyle(el);
        return `${s.outlineStyle} ${s.outlineColor}`;
      });
      assert.match(outline, /^solid rgb\(229, 20, 0\)$/, outline);
      // Only that one cell is marked (the report has no other finding in its tables).
      assert.equal(await doc.locator('.nb-finding').count(), 1);
      // A group's sum on hover: （三）不予公开.
      assert.match((await table3.locator('td.grp', { hasText: '（三）不予公开' }).getAttribute('title')) ?? '', /（三）不予公开 合计（8 行之和）/);
      await cell.scrollIntoViewIfNeeded();
      await vs!.screenshot(join(IMAGES, 'preview.png'));
    });
  });

  it('exports the report as a web page with 导出为网页', async () => {
    await step(vs, 'export', async () => {
      await vs!.openFileFromExplorer(FILE);
      await vs!.focusEditor();
      await vs!.runCommand('导出为网页');
      // The save dialog (VS Code's simple file dialog in the browser) offers the report's name with .html.
      const input = vs!.page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 20_000 });
      // The dialog shows the folder first and adds the file name a moment later (seen on a busy CI machine): wait for it.
      const offered = await waitFor('the report\'s name in the save dialog', async () => {
        const value = await input.inputValue();
        return /2022年度报告\.html$/.test(value) ? value : undefined;
      }, { timeout: 20_000 });
      assert.match(offered, /\/2022年度报告\.html$/);
      await vs!.page.keyboard.press('Enter');
      const out = join(workspace, '2022年度报告.html');
      await waitFor('the exported page', () => existsSync(out), { timeout: 30_000 });
      const html = readFileSync(out, 'utf8');
      assert.match(html, /<th class="hd" colspan="7">申请人情况<\/th>/);
      assert.match(html, /<td class="fig" data-cell="t3.results_total.total">92<\/td>/);
      const note = await waitFor('the notification', async () => (await vs!.notifications()).find((n) => n.includes('已导出')));
      assert.match(note, /报告有 3 个错误，已照原样导出/);
    });
  });
});
