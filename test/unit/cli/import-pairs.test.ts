// An imported Markdown report beside the published file it came from
// (docs/rules/copy-identical.md): one report, not two published copies.
// copy-identical is silent between them, copy-differs names what the edited
// import changed, and next year's report is paired with the published file.
//
// The published 2021 report is the committed typo.wps.pdf (某市文化和旅游局):
// 二、上年结转 总计 1, 四、结转下年度继续办理 社会公益组织 1 and 总计 2;
// years/2022.wps.pdf is that agency's 2022 report with the same figures
// (published-previous.test.ts), so paired with the 2021 PDF it gets carryover
// on 社会公益组织 (0 against 1) and 总计 (1 against 2).
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { importSources } from '../../../server/src/host/import-pairs.ts';
import { cli, scratch } from '../../support/cli.ts';
import { root } from '../../support/engine.ts';

const FX = join(root, 'test/fixtures/pdf');
interface OutFile { path: string; diagnostics: { ruleId: string; message: string }[] }
const check = async (dir: string, ...args: string[]) => (JSON.parse((await cli(['check', '--published', '--format', 'json', ...args, '.'], { cwd: dir })).stdout) as { files: OutFile[] }).files;
const found = (files: OutFile[], name: string, prefix: string) => files.find((f) => f.path === name)!.diagnostics.filter((d) => d.ruleId.startsWith(prefix)).map((d) => `${d.ruleId} ${d.message}`);

/** A folder with the published 2021 PDF and its import beside it, as `nianbao import` writes it. */
async function imported(): Promise<string> {
  const dir = scratch();
  cpSync(join(FX, 'typo.wps.pdf'), join(dir, '文旅-2021.pdf'));
  const r = await cli(['import', '文旅-2021.pdf', '-o', '文旅-2021.md'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  return dir;
}

const ROW4 = '| 四、结转下年度继续办理 | 1 | 0 | 0 | 1 | 0 | 0 | 2 |';
/** The import edited: 四、结转下年度继续办理 社会公益组织 1 → 0 (and its 总计 2 → 1). */
function edit(dir: string): void {
  const md = readFileSync(join(dir, '文旅-2021.md'), 'utf8');
  assert.ok(md.includes(ROW4));
  writeFileSync(join(dir, '文旅-2021.md'), md.replace(ROW4, '| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |'));
}

describe('an imported report beside its published source', () => {
  it('X.md identical to X.pdf: no copy-identical, no copy-differs; the same text under another name is a copy', async () => {
    const dir = await imported();
    // Control: a name that is not the source's stem is a second copy, and copy-identical says so.
    cpSync(join(dir, '文旅-2021.md'), join(dir, 'portal.md'));
    const files = await check(dir);
    assert.deepEqual(files.map((f) => f.path).sort(), ['portal.md', '文旅-2021.md', '文旅-2021.pdf']);
    assert.deepEqual(found(files, '文旅-2021.md', 'copy-'), ['copy-identical 与 portal.md 是同一份报告（同一机关、同一年度），内容相同']);
    assert.deepEqual(found(files, '文旅-2021.pdf', 'copy-'), ['copy-identical 与 portal.md 是同一份报告（同一机关、同一年度），内容相同']);
    assert.deepEqual(found(files, 'portal.md', 'copy-'), [
      'copy-identical 与 文旅-2021.md 是同一份报告（同一机关、同一年度），内容相同',
      'copy-identical 与 文旅-2021.pdf 是同一份报告（同一机关、同一年度），内容相同',
    ]);
  });

  describe('X.md edited, with the agency\'s 2022.pdf', async () => {
    const dir = await imported();
    edit(dir);
    cpSync(join(FX, 'years/2022.wps.pdf'), join(dir, '文旅-2022.pdf'));
    const files = await check(dir);

    it('copy-differs names each changed figure, on both sides, as import and source', () => {
      assert.deepEqual(found(files, '文旅-2021.md', 'copy-'), [
        'copy-differs 表三 四、结转下年度「社会公益组织」此处为 0，导入来源 文旅-2021.pdf 中为 1（导入稿与其来源不一致）',
        'copy-differs 表三 四、结转下年度「总计」此处为 1，导入来源 文旅-2021.pdf 中为 2（导入稿与其来源不一致）',
      ]);
      assert.deepEqual(found(files, '文旅-2021.pdf', 'copy-'), [
        'copy-differs 表三 四、结转下年度「社会公益组织」此处为 1，导入稿 文旅-2021.md 中为 0（导入稿与其来源不一致）',
        'copy-differs 表三 四、结转下年度「总计」此处为 2，导入稿 文旅-2021.md 中为 1（导入稿与其来源不一致）',
      ]);
    });

    it('the 2022 report is paired with the published 2021 PDF (against the edited import, whose 结转下年度 was changed to match, there would be no carryover finding)', async () => {
      assert.deepEqual(found(files, '文旅-2022.pdf', 'carryover'), [
        'carryover 二、上年结转「社会公益组织」为 0，而2021年度报告的四、结转下年度继续办理「社会公益组织」为 1',
        'carryover 二、上年结转「总计」为 1，而2021年度报告的四、结转下年度继续办理「总计」为 2',
      ]);
      assert.equal(found(files, '文旅-2022.pdf', 'copied-text').length, 3);
      const d = JSON.parse((await cli(['data', '--published', '--format', 'json', '.'], { cwd: dir })).stdout) as { reports: { path: string; previous: string | null }[] };
      assert.deepEqual(Object.fromEntries(d.reports.map((x) => [x.path, x.previous])), { '文旅-2021.md': null, '文旅-2021.pdf': null, '文旅-2022.pdf': '文旅-2021.pdf' });
    });
  });
});

describe('importSources: which Markdown files are imports of a published file beside them, by name', () => {
  it('X.md and "X (2).md" beside X.pdf/X.docx/X.HTML/.htm/.txt; not in another folder, not another stem, not a published file', () => {
    const paths = ['a/X.pdf', 'a/X.docx', 'a/X.md', 'a/X (2).md', 'a/Y.md', 'b/X.md', 'a/Z.HTML', 'a/Z (3).MD', 'a/W.htm', 'a/W.md', 'a/V.txt', 'a/V.md', 'a/U (2).pdf', 'a/U (2).md', 'a/T.md', 'a/T.doc'];
    assert.deepEqual(Object.fromEntries(importSources(paths)), {
      'a/X.md': ['a/X.pdf', 'a/X.docx'],
      'a/X (2).md': ['a/X.pdf', 'a/X.docx'],
      'a/Z (3).MD': ['a/Z.HTML'],
      'a/W.md': ['a/W.htm'],
      'a/V.md': ['a/V.txt'],
      'a/U (2).md': ['a/U (2).pdf'],
    });
  });
});
