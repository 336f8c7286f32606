// The packaged extension (dist/nianbao.vsix) in a real VS Code (code-server in
// headless Chromium), used the way a user would: open a report with a wrong
// table-3 total from the Explorer, see the problem, hover it, fix it with
// Ctrl+. and Enter, format the tables with Shift+Alt+F, and create a new report
// with the command 新建年度报告.
//
// VS Code runs with display language zh-cn (through a stub language pack, see
// harness.ts) and Windows keybindings, as most users of this extension have.
//
//   npm run package                                            # builds dist/nianbao.vsix
//   test/e2e/setup.sh                                          # once
//   node --import tsx --test test/e2e/extension.e2e.test.ts    # from the repository root

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eastAsianWidth } from 'get-east-asian-width';
import { assertSetupDone, createWorkspace, E2E_DIR, launchVSCode, makeRunDir, REPO_ROOT, screenshotDir, step, waitFor, type VSCode, type ProblemsCount } from './harness.ts';

const VSIX = resolve(process.env.E2E_VSIX ?? join(REPO_ROOT, 'dist', 'nianbao.vsix'));
const IMAGES = screenshotDir();
const FILE = '2022年度报告.md';
// examples/2022-clean-2021-format.md with one mistake: table 3's （七）总计 total is 92 instead of 29.
const REPORT = readFileSync(join(E2E_DIR, 'fixtures', '2022-wrong-total.md'), 'utf8');
const WRONG_ROW = '| （七）总计 | 24 | 4 | 0 | 0 | 1 | 0 | 92 |';
const FIXED_ROW = '| （七）总计 | 24 | 4 | 0 | 0 | 1 | 0 | 29 |';
const TABLE3_HEADER = '| （本列数据的勾稽关系为';

/** Display width: East Asian Wide/Fullwidth count 2 (Ambiguous as narrow or wide). */
function width(text: string, ambiguousAsWide: boolean): number {
  let w = 0;
  for (const ch of text) w += eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide });
  return w;
}

/** The lines of the GFM table starting at the line that starts with `header`. */
function tableAt(text: string, header: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(header));
  assert.ok(start >= 0, `table starting with ${header} not found`);
  const out: string[] = [];
  for (let i = start; i < lines.length && lines[i].trimStart().startsWith('|'); i++) out.push(lines[i]);
  return out;
}

/** Every table row's trimmed cells, and every non-table line, in order: what formatting must not change. */
function contentOf(text: string): string[] {
  return text.split('\n').map((l) => (l.trimStart().startsWith('|') ? l.split('|').map((c) => c.trim()).join('|').replace(/-+/g, '-') : l));
}

/** Display columns of the pipes of a table row. */
function pipeColumns(row: string, ambiguousAsWide: boolean): number[] {
  const cols: number[] = [];
  let w = 0;
  for (const ch of row) {
    if (ch === '|') cols.push(w);
    w += eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide });
  }
  return cols;
}

describe('e2e: the nianbao extension in VS Code', { timeout: 600_000 }, () => {
  let vs: VSCode | undefined;
  let initial: ProblemsCount;
  let wrongLine = 0;
  const t0 = Date.now();

  before(async () => {
    assertSetupDone();
    assert.ok(existsSync(VSIX), `${VSIX} does not exist: run \`npm run package\` first`);
    const runDir = makeRunDir('ext');
    const workspace = createWorkspace(join(runDir, 'ws'), { [FILE]: REPORT });
    vs = await launchVSCode({ workspace, runDir, vsix: VSIX, displayLanguage: 'zh-cn', keyboard: 'windows' });
    process.stderr.write(`[e2e] workbench with the extension ready after ${Date.now() - t0} ms\n`);
  });

  after(async () => {
    await vs?.close();
    process.stderr.write(`[e2e] extension e2e total ${Date.now() - t0} ms\n`);
  });

  it('reports the wrong table-3 total in the Problems count and panel', async () => {
    await step(vs, 'problems', async () => {
      await vs!.openFileFromExplorer(FILE);
      assert.equal(await vs!.readEditorText(), REPORT, 'the editor shows the report');
      wrongLine = (await vs!.findText(WRONG_ROW)).line;
      // The language server starts and checks the report; diagnostics arrive asynchronously.
      initial = await vs!.waitForProblems((c) => c.errors > 0, 'errors from nianbao', 120_000);
      const rows = await vs!.problemRows();
      const errors = rows.filter((r) => r.startsWith('Error:'));
      assert.ok(errors.length >= 1, `error rows in the Problems panel: ${JSON.stringify(rows)}`);
      assert.ok(
        errors.some((r) => r.includes('应为 29') && r.includes('实为 92') && r.includes(`at line ${wrongLine} `)),
        `a Chinese message about the total on line ${wrongLine}: ${JSON.stringify(errors)}`,
      );
      assert.ok(errors.every((r) => r.includes(`at line ${wrongLine} `)), `only the wrong total is reported: ${JSON.stringify(errors)}`);
      await vs!.screenshot(join(IMAGES, 'e2e-problems.png'));
    });
  });

  it('explains the wrong total in a hover', async () => {
    await step(vs, 'hover', async () => {
      const hover = await vs!.hoverAt(wrongLine, '92');
      assert.match(hover, /应为 29/, `hover: ${hover}`);
      assert.match(hover, /实为 92/, `hover: ${hover}`);
      await vs!.screenshot(join(IMAGES, 'e2e-hover.png'));
      await vs!.hideHover();
    });
  });

  it('fixes it with Ctrl+. and Enter, and the Problems count drops', async () => {
    await step(vs, 'quick-fix', async () => {
      const line = (await vs!.readEditorText()).split('\n')[wrongLine - 1];
      await vs!.goTo(wrongLine, line.lastIndexOf('92') + 1);
      const fixes = await vs!.pressQuickFix();
      assert.ok(fixes.some((f) => /改为 29/.test(f)), `quick fixes offered: ${JSON.stringify(fixes)}`);
      assert.match(await vs!.focusedQuickFix(), /改为 29/, 'Enter applies the fix that sets 29');
      await vs!.screenshot(join(IMAGES, 'e2e-quickfix.png'));
      await vs!.page.keyboard.press('Enter');

      const after = await vs!.waitForProblems((c) => c.errors === 0, 'no errors after the quick fix', 60_000);
      assert.ok(after.total < initial.total, `problems dropped from ${initial.total} to ${after.total}`);
      const text = await vs!.readEditorText();
      assert.equal(text.split('\n')[wrongLine - 1], FIXED_ROW, 'the total now reads 29');
      assert.equal(text, REPORT.replace(WRONG_ROW, FIXED_ROW), 'nothing else changed');
    });
  });

  it('aligns the tables with Format Document (Shift+Alt+F)', async () => {
    await step(vs, 'format', async () => {
      const before = await vs!.readEditorText();
      const table3Line = before.split('\n').findIndex((l) => l.startsWith(TABLE3_HEADER)) + 1;
      await vs!.goTo(table3Line + 3, 1);
      const formatted = await vs!.formatDocument();
      assert.notEqual(formatted, before, 'formatting changed the document');
      assert.deepEqual(contentOf(formatted), contentOf(before), 'only whitespace and dashes inside tables changed');

      const table = tableAt(formatted, TABLE3_HEADER);
      assert.ok(table.length >= 30, `table 3 has its rows: ${table.length}`);
      const aligned = [false, true].some((wide) => {
        const cols = JSON.stringify(pipeColumns(table[0], wide));
        return table.every((row) => JSON.stringify(pipeColumns(row, wide)) === cols) && new Set(table.map((r) => width(r, wide))).size === 1;
      });
      assert.ok(aligned, `table 3 rows have their pipes in the same display columns:\n${table.join('\n')}`);
      assert.match(table[1], /^\| -+ \| -+: \|/, 'the delimiter row keeps the right-alignment markers');
      await vs!.screenshot(join(IMAGES, 'e2e-format.png'));
    });
  });

  it('creates a new report with the command 新建年度报告', async () => {
    await step(vs, 'new-report', async () => {
      const tabsBefore = (await vs!.tabTitles()).length;
      await vs!.runCommand('新建年度报告');
      await vs!.waitForQuickInput(/报告年度/);
      await vs!.answerInputBox('2023');
      await vs!.waitForQuickInput(/格式/);
      const formats = await vs!.quickPickItems();
      assert.ok(formats.length >= 2, `report formats offered: ${JSON.stringify(formats)}`);
      assert.match(formats[0], /2021年版格式/, `the 2021 format comes first for 2023: ${JSON.stringify(formats)}`);
      assert.match(formats[0], /2023/, `and says it is the one in force for 2023: ${JSON.stringify(formats)}`);
      await vs!.page.keyboard.press('Enter');

      await waitFor('a new editor tab', async () => (await vs!.tabTitles()).length === tabsBefore + 1, { timeout: 30_000 });
      const text = await waitFor('the new report in the editor', async () => {
        const t = await vs!.readEditorText().catch(() => '');
        return t.includes('2023年政府信息公开工作年度报告') ? t : undefined;
      }, { timeout: 30_000, interval: 500 });
      assert.match(text.split('\n')[0], /^# .*2023年政府信息公开工作年度报告$/, 'title line for 2023');
      for (const section of ['## 一、总体情况', '## 二、主动公开政府信息情况', '## 三、收到和处理政府信息公开申请情况', '## 四、政府信息公开行政复议、行政诉讼情况']) {
        assert.ok(text.includes(section), `the new report has ${section}`);
      }
      assert.ok(text.includes(TABLE3_HEADER), 'the new report has table 3');
      assert.equal(await vs!.waitForLanguageMode('Markdown', 15_000), 'Markdown', 'the new report is Markdown');
      await vs!.screenshot(join(IMAGES, 'e2e-new-report.png'));
    });
  });
});

describe('e2e: the nianbao extension in Restricted Mode', { timeout: 300_000 }, () => {
  let vs: VSCode | undefined;

  before(async () => {
    assertSetupDone();
    assert.ok(existsSync(VSIX), `${VSIX} does not exist: run \`npm run package\` first`);
    const runDir = makeRunDir('restricted');
    const workspace = createWorkspace(join(runDir, 'ws'), { [FILE]: REPORT });
    // Workspace trust on: VS Code asks whether to trust the folder; the user says no.
    vs = await launchVSCode({ workspace, runDir, vsix: VSIX, displayLanguage: 'zh-cn', disableWorkspaceTrust: false, answerTrust: false });
  });

  after(async () => {
    await vs?.close();
  });

  it('still checks the report in an untrusted folder (capabilities.untrustedWorkspaces)', async () => {
    await step(vs, 'restricted', async () => {
      assert.ok(await vs!.isRestrictedMode(), 'the window is in Restricted Mode');
      await vs!.openFileFromExplorer(FILE);
      const count = await vs!.waitForProblems((c) => c.errors > 0, 'errors from nianbao in Restricted Mode', 120_000);
      assert.ok(count.errors >= 1);
      const wrongLine = (await vs!.findText(WRONG_ROW)).line;
      assert.match(await vs!.hoverAt(wrongLine, '92'), /应为 29/);
    });
  });
});
