// Smoke test of the end-to-end harness, with NO extension installed: a real
// VS Code (code-server) in headless Chromium opens a Chinese Markdown file from
// the Explorer, shows its text with real CJK glyphs, and the harness helpers
// (Problems, hover, Ctrl+., Command Palette, editor text) work against VS Code's
// built-in Markdown link validation.
//
//   test/e2e/setup.sh                                      # once
//   node --import tsx --test test/e2e/smoke.e2e.test.ts    # from the repository root

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assertSetupDone, createWorkspace, launchVSCode, makeRunDir, REPO_ROOT, screenshotDir, step, waitFor, type VSCode } from './harness.ts';

const FILE = '年度报告.md';
const HEADING = '某某市人民政府办公室2023年政府信息公开工作年度报告';
const CONTENT = [
  `# ${HEADING}`,
  '',
  '## 一、总体情况',
  '',
  '2023年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。',
  '',
  '详见[附件](./附件一.md)。',
  '',
  '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
  '| --- | --- | --- | --- |',
  '| 规章 | 0 | 0 | 12 |',
  '| 行政规范性文件 | 3 | 1 | 45 |',
  '',
].join('\n');
const SCREENSHOT = join(screenshotDir(), 'e2e-smoke.png');

describe('e2e smoke: VS Code (code-server) without the extension', { timeout: 240_000 }, () => {
  let vs: VSCode | undefined;
  let workspace: string;
  const t0 = Date.now();

  before(async () => {
    assertSetupDone();
    const runDir = makeRunDir('smoke');
    workspace = createWorkspace(join(runDir, 'ws'), { [FILE]: CONTENT });
    vs = await launchVSCode({
      workspace,
      runDir,
      // Built-in Markdown link validation gives a diagnostic, a hover and a quick fix to exercise the helpers.
      settings: { 'markdown.validate.enabled': true },
    });
    process.stderr.write(`[e2e] workbench ready after ${Date.now() - t0} ms\n`);
  });

  after(async () => {
    await vs?.close();
    process.stderr.write(`[e2e] smoke total ${Date.now() - t0} ms\n`);
  });

  it('opens the Chinese Markdown file from the Explorer and shows its text', async () => {
    await step(vs, 'open-file', async () => {
      await vs!.openFileFromExplorer(FILE);
      assert.match(await vs!.activeTabTitle(), new RegExp(FILE.replace('.', '\\.')));
      const lines = await vs!.visibleLines();
      assert.equal(lines[0], `# ${HEADING}`, 'first rendered line is the heading');
      assert.ok(lines.some((l) => l.includes('| 行政规范性文件 | 3 | 1 | 45 |')), `table row rendered; lines: ${JSON.stringify(lines)}`);
      assert.equal(await vs!.readEditorText(), CONTENT, 'the editor holds exactly the file text');
      // Plain Text at first on a busy machine, until the built-in Markdown extension is registered.
      assert.equal(await vs!.waitForLanguageMode('Markdown'), 'Markdown');
    });
  });

  it('renders Chinese with a CJK font (no missing-glyph boxes) and saves a screenshot', async () => {
    await step(vs, 'fonts', async () => {
      const lines = vs!.activeEditor.locator('.view-lines');
      const fonts = await vs!.platformFontsFor(lines);
      const cjk = fonts.filter((f) => /CJK|WenQuanYi|Droid Sans Fallback|Hei|Song|Ming/i.test(f.familyName));
      assert.ok(
        cjk.reduce((n, f) => n + f.glyphCount, 0) >= 20,
        `Chinese glyphs drawn with a CJK font; fonts used: ${JSON.stringify(fonts)} (install fonts-noto-cjk)`,
      );
      const glyphs = await vs!.glyphCheck(lines, CONTENT);
      assert.ok(glyphs.chars >= 30, `enough distinct Han characters to check: ${glyphs.chars}`);
      assert.equal(glyphs.tofu, 0, `no Han character draws as the missing-glyph box: ${JSON.stringify(glyphs)}`);
      assert.equal(glyphs.distinct, glyphs.chars, `every Han character has its own glyph: ${JSON.stringify(glyphs)}`);

      await vs!.hideHover();
      await vs!.screenshot(SCREENSHOT);
      assert.ok(existsSync(SCREENSHOT) && statSync(SCREENSHOT).size > 10_000, 'screenshot written');
      const png = readFileSync(SCREENSHOT);
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
      assert.equal(png.readUInt32BE(16), 1600, 'screenshot width');
      assert.equal(png.readUInt32BE(20), 1000, 'screenshot height');
    });
  });

  it('shows a diagnostic in the status bar, the Problems panel and a hover', async () => {
    await step(vs, 'problems', async () => {
      const count = await vs!.waitForProblems((c) => c.total >= 1, 'the broken-link warning');
      assert.equal(count.warnings, 1, `one warning: ${JSON.stringify(count)}`);
      const rows = await vs!.problemRows();
      assert.ok(rows.some((r) => r.includes(FILE)), `file row in Problems: ${JSON.stringify(rows)}`);
      assert.ok(rows.some((r) => /File does not exist/.test(r) && r.includes('附件一.md')), `marker row: ${JSON.stringify(rows)}`);

      const hover = await vs!.hoverAt(7, '附件一.md');
      assert.match(hover, /File does not exist at path: .*附件一\.md/);
    });
  });

  it('applies a quick fix with Ctrl+. and Enter, and the problem goes away', async () => {
    await step(vs, 'quick-fix', async () => {
      await vs!.goTo(7, 10);
      const fixes = await vs!.pressQuickFix();
      assert.ok(fixes.some((f) => /Exclude '\.\/附件一\.md' from link validation/.test(f)), `quick fixes offered: ${JSON.stringify(fixes)}`);
      assert.match(await vs!.focusedQuickFix(), /^Exclude '\.\/附件一\.md'/, 'the exclude fix is highlighted, so Enter applies it');
      await vs!.page.keyboard.press('Enter');
      await vs!.waitForProblems((c) => c.total === 0, 'no problems after the quick fix');
      // The fix writes the workspace setting, which shows on disk.
      const settings = join(workspace, '.vscode', 'settings.json');
      await waitFor('.vscode/settings.json with the ignored link', () => existsSync(settings) && readFileSync(settings, 'utf8').includes('附件一.md'));
    });
  });

  it('types Chinese, runs "File: Save" from the Command Palette and the file is saved', async () => {
    await step(vs, 'edit-save', async () => {
      const lineCount = CONTENT.split('\n').length;
      await vs!.goTo(lineCount, 1);
      await vs!.page.keyboard.type('二、主动公开政府信息情况');
      assert.match(await vs!.activeTabTitle(), new RegExp(FILE.replace('.', '\\.')));
      await waitFor('dirty tab', () => vs!.page.locator('.tabs-container .tab.active.dirty').isVisible());
      const text = await vs!.readEditorText();
      assert.equal(text, CONTENT + '二、主动公开政府信息情况');
      await vs!.runCommand('File: Save');
      await waitFor('file saved to disk', () => readFileSync(join(workspace, FILE), 'utf8').endsWith('二、主动公开政府信息情况'));
      await waitFor('tab no longer dirty', async () => !(await vs!.page.locator('.tabs-container .tab.active.dirty').isVisible()));
    });
  });
});
