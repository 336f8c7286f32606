// 导入并检查 (Import and Check) in a real VS Code (code-server in headless
// Chromium), used as a reviewer would: right-click a published report in the
// Explorer, choose 导入并检查, and read the Markdown written beside it and its
// Problems.
//
// - `2021年报.pdf` is test/fixtures/pdf/arith.wps.pdf (a WPS-like PDF whose
//   table 3 has one leaf cell off by one); a file `2021年报.md` is already
//   there, so the import must go to `2021年报 (2).md` and leave it alone.
// - `typo.docx` is test/fixtures/pdf/forms/typo.docx (a Word file with the
//   row label 5.属于三类内部事务息); nothing is in its way: `typo.md`.
//
//   npm run package && node --import tsx --test test/e2e/import-check.e2e.test.ts

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assertSetupDone, createWorkspace, launchVSCode, makeRunDir, REPO_ROOT, screenshotDir, step, waitFor, type VSCode } from './harness.ts';

const VSIX = resolve(process.env.E2E_VSIX ?? join(REPO_ROOT, 'dist', 'nianbao.vsix'));
const IMAGES = screenshotDir();
const PDF_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'pdf');
const IN_THE_WAY = '这是已有的文件，导入不能覆盖它。\n';

/** A GFM delimiter row written with or without spaces (`|---|` or `| --- |`) is the same row. */
const sameDelimiters = (text: string) => text.split('\n').map((l) => (/^\|[\s\-:|]+\|$/.test(l) ? l.replace(/\s+/g, '') : l)).join('\n');

/** The file's text once it exists and is not empty. */
function written(path: string): Promise<string> {
  return waitFor(`${path} written`, async () => (existsSync(path) ? readFileSync(path, 'utf8') || undefined : undefined), { timeout: 60_000, interval: 500 });
}

describe('e2e: 导入并检查 on published reports in the Explorer', { timeout: 600_000 }, () => {
  let vs: VSCode | undefined;
  let workspace = '';

  before(async () => {
    assertSetupDone();
    assert.ok(existsSync(VSIX), `${VSIX} does not exist: run \`npm run package\` first`);
    const runDir = makeRunDir('import');
    workspace = createWorkspace(join(runDir, 'ws'), {
      '2021年报.pdf': readFileSync(join(PDF_FIXTURES, 'arith.wps.pdf')),
      '2021年报.md': IN_THE_WAY,
      'typo.docx': readFileSync(join(PDF_FIXTURES, 'forms', 'typo.docx')),
    });
    vs = await launchVSCode({ workspace, runDir, vsix: VSIX, displayLanguage: 'zh-cn', keyboard: 'windows' });
  });

  after(async () => {
    await vs?.close();
  });

  it('imports a PDF beside it under a free name, opens it and shows the wrong cell in Problems', async () => {
    await step(vs, 'import-pdf', async () => {
      await vs!.explorerContextCommand('2021年报.pdf', '导入并检查');
      // The notice says what was placed; an information toast hides itself after a while, so it is read first.
      const note = await waitFor('the import notice', async () => (await vs!.notifications()).find((n) => n.includes('已将 2021年报.pdf 导入为 2021年报 (2).md')), { timeout: 60_000, interval: 250 });
      assert.match(note, /放入 200 个单元格/);
      const target = join(workspace, '2021年报 (2).md');
      const text = await written(target);
      assert.equal(readFileSync(join(workspace, '2021年报.md'), 'utf8'), IN_THE_WAY, 'the file in the way is untouched');
      // Cell by cell the Markdown the PDF was printed from (only the spacing of the delimiter rows may differ).
      assert.equal(sameDelimiters(text), sameDelimiters(readFileSync(join(PDF_FIXTURES, 'src', 'arith.md'), 'utf8')));
      await waitFor('the imported report in the active tab', async () => (await vs!.activeTabTitle()).includes('2021年报 (2).md'), { timeout: 30_000 });
      assert.equal(await vs!.readEditorText(), text, 'the editor shows what was written');

      // Row （三）4.保护第三方合法权益 of table 3 is line 40: 自然人 2 where 1 makes both the row total and the results total hold.
      await vs!.waitForProblems((c) => c.errors === 2, 'two errors from nianbao', 120_000);
      const all = await vs!.allProblemRows();
      const errors = all.filter((r) => r.label.startsWith('Error:'));
      const rows = errors.map((r) => r.label);
      assert.equal(rows.length, 2, `error rows: ${JSON.stringify(all)}`);
      assert.ok(rows.every((r) => r.includes('at line 40 ')), `both on line 40: ${JSON.stringify(rows)}`);
      assert.ok(rows.some((r) => r.includes('（三）4.保护第三方合法权益「自然人」应为 1（使（七）总计「自然人」等于各办理结果之和），实为 2')), `total-results: ${JSON.stringify(rows)}`);
      assert.ok(rows.some((r) => r.includes('（三）4.保护第三方合法权益「自然人」应为 1（使（三）4.保护第三方合法权益「总计」等于六类申请人之和），实为 2')), `total-row: ${JSON.stringify(rows)}`);
      // The rule ids, as the panel draws each row: message, source and code (`nianbao(total-row)`, the parentheses are CSS), position.
      const drawn = errors.map((r) => r.text);
      assert.ok(drawn.some((r) => /应为 1（使（七）总计.*nianbao\W*total-results\W*\[Ln 40, Col 17\]/.test(r)), `total-results drawn with its rule id: ${JSON.stringify(drawn)}`);
      assert.ok(drawn.some((r) => /等于六类申请人之和.*nianbao\W*total-row\W*\[Ln 40, Col 17\]/.test(r)), `total-row drawn with its rule id: ${JSON.stringify(drawn)}`);
      await vs!.screenshot(join(IMAGES, 'e2e-import-check.png'));
    });
  });

  it('imports a Word file beside it and shows the mistyped row label', async () => {
    await step(vs, 'import-docx', async () => {
      await vs!.clearNotifications();
      await vs!.explorerContextCommand('typo.docx', '导入并检查');
      const text = await written(join(workspace, 'typo.md'));
      assert.ok(text.includes('\n| 5.属于三类内部事务息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n'), 'the mistyped row, as written in the Word file');
      await waitFor('typo.md in the active tab', async () => (await vs!.activeTabTitle()).includes('typo.md'), { timeout: 30_000 });
      const line = text.split('\n').findIndex((l) => l.startsWith('| 5.属于三类内部事务息 ')) + 1;
      const row = await waitFor('the row-label warning in Problems', async () => (await vs!.allProblemRows()).find((r) => r.label.startsWith('Warning:') && r.label.includes('行标签「5.属于三类内部事务息」应为「5.属于三类内部事务信息」')), { timeout: 120_000, interval: 2000 });
      assert.ok(row.label.includes(`at line ${line} `), `on line ${line}: ${row.label}`);
      assert.match(row.text, /nianbao\W*table-row-label\W*\[Ln \d+, Col 3\]/, `rule id shown: ${row.text}`);
    });
  });
});
