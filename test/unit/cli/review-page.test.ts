// A review page nianbao wrote into the folder it reviews (`nianbao review
// --published 年报 -o 年报/审阅.html`) is not a report: check, review and data
// on the folder leave it out as they leave out files that are not reports
// (check says so on its skipped line and in its summary), and named on the
// command line it is refused with the reason. A web page nianbao exported is
// the report in its official layout and is still read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, scratch } from '../../support/cli.ts';
import { root } from '../../support/engine.ts';
import { isNianbaoReviewPage } from '../../../server/src/host/form.ts';

interface OutFile { path: string; status: string; form?: string; reason?: string; diagnostics: { ruleId: string }[] }

/** education.md (某市教育局 2022, no findings) and typo.html (某市文化和旅游局 2021, one mistyped row label), the page written beside them. */
async function folderWithPage(): Promise<string> {
  const dir = scratch();
  cpSync(join(root, 'test/fixtures/review/2022/education.md'), join(dir, 'education.md'));
  cpSync(join(root, 'test/fixtures/pdf/forms/typo.html'), join(dir, 'typo.html'));
  const r = await cli(['review', '--published', '.', '-o', '审阅.html'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /2 份报告，2 个机关，0 个错误，1 个警告/);
  return dir;
}

test('check --published on a folder skips the review page saved in it, with the reason, and counts it as skipped', async () => {
  const dir = await folderWithPage();
  const json = await cli(['check', '--published', '--format', 'json', '.'], { cwd: dir });
  const files = (JSON.parse(json.stdout) as { files: OutFile[] }).files;
  assert.deepEqual(files.map((f) => [f.path, f.status, f.reason ?? '', f.diagnostics.map((d) => d.ruleId)]), [
    ['education.md', 'checked', '', []],
    ['typo.html', 'checked', '', ['table-row-label']],
    ['审阅.html', 'skipped', '不是年报：这是 nianbao review 生成的审阅页 (not a report: a review page written by nianbao review)', []],
  ]);
  const text = await cli(['check', '--published', '.'], { cwd: dir });
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stderr, /审阅\.html: 已跳过（不是年报：这是 nianbao review 生成的审阅页/);
  assert.match(text.stdout, /2 个报告，1 个问题（0 个错误，1 个警告）；跳过 1 个非年报文件/);
});

test('check names the review page: refused with the reason (exit 2), not a page of findings', async () => {
  const dir = await folderWithPage();
  const r = await cli(['check', '审阅.html'], { cwd: dir });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /审阅\.html: 不是年报：这是 nianbao review 生成的审阅页/);
  assert.doesNotMatch(r.stdout, /section-missing/);
});

test('review into another page and data leave the earlier page out; an exported web page is still a report', async () => {
  const dir = await folderWithPage();
  const again = await cli(['review', '--published', '.', '-o', 'again.html'], { cwd: dir });
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /2 份报告，2 个机关，0 个错误，1 个警告/);
  const data = await cli(['data', '--published', '--format', 'csv', '.'], { cwd: dir });
  assert.equal(data.code, 0, data.stderr);
  assert.deepEqual(data.stdout.split('\n').filter((l) => /\.(md|html)/.test(l)).map((l) => l.split(',')[0]), ['education.md', 'typo.html']);
  // What tells the two apart: the page's head (the review page's generator and no report format).
  assert.equal(isNianbaoReviewPage(readFileSync(join(dir, '审阅.html'))), true);
  const exported = await cli(['export', '--to', 'html', '-o', '-', 'education.md'], { cwd: dir });
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(exported.stdout, /<meta name="generator" content="nianbao">/);
  assert.equal(isNianbaoReviewPage(Buffer.from(exported.stdout)), false);
  assert.equal(isNianbaoReviewPage(readFileSync(join(dir, 'typo.html'))), false);
});
