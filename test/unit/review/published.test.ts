// The review page reads what `check` reads: a batch with a published PDF and
// a web page besides a Markdown report (test/fixtures/pdf: arith, a leaf cell
// of table 3 that breaks the row total and the results total; typo, a
// mistyped row label; both 某市文化和旅游局 2021, so two copies of one report
// that differ in that cell: copy-differs on each), each imported in memory and
// each finding placed in its source (the PDF's page, the web page's table and
// row); --published for directories, the note when a directory holds only
// published reports, and the page never read back as a report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectReview } from '../../../server/src/review/collect.ts';
import { buildModel } from '../../../server/src/review/model.ts';
import { pageHtml } from '../../../server/src/review/html.ts';
import { cli, scratch } from '../../support/cli.ts';
import { root } from '../../support/engine.ts';

const quiet = { err: () => {} };

/** education.md (某市教育局 2022, no findings), arith.wps.pdf and typo.html. */
function batch(): string {
  const dir = scratch();
  cpSync(join(root, 'test/fixtures/review/2022/education.md'), join(dir, 'education.md'));
  cpSync(join(root, 'test/fixtures/pdf/arith.wps.pdf'), join(dir, 'arith.wps.pdf'));
  cpSync(join(root, 'test/fixtures/pdf/forms/typo.html'), join(dir, 'typo.html'));
  return dir;
}

test('a PDF and a web page in the batch: imported, counted as check counts them, each finding placed in its source', async () => {
  const dir = batch();
  const { reports, unreadable } = await collectReview({ paths: [dir], lang: 'zh', published: () => true }, quiet);
  assert.deepEqual(unreadable, []);
  const m = buildModel(reports, unreadable, 'zh');
  // 3 reports of 2 agencies; errors: arith total-results + total-row = 2; warnings: typo table-row-label, and
  // copy-differs on each copy (the cell is 2 in the PDF, 1 on the page) = 3; no error: education and typo.
  assert.deepEqual(m.overview, { reports: 3, agencies: 2, years: [2021, 2022], errors: 2, warnings: 3, infos: 0, clean: 2, cleanShare: { kind: 'ratio', numerator: 2, denominator: 3 }, unreadable: 0 });
  const by = (name: string) => m.reports.find((r) => r.path.endsWith(name))!;
  assert.equal(by('arith.wps.pdf').form, 'pdf');
  assert.equal(by('typo.html').form, 'html');
  assert.equal(by('education.md').form, undefined);
  // The PDF's three findings, all on one cell: table 3 is on its page 2 (its second table, row 11 counting the
  // header rows, column 4 counting the label columns); the cell is named as its reader finds it.
  const arith = by('arith.wps.pdf').findings;
  assert.deepEqual(arith.map((f) => f.ruleId).sort(), ['copy-differs', 'total-results', 'total-row']);
  for (const f of arith) {
    assert.deepEqual(f.source, { page: 2, table: 2, row: 11, column: 4, where: '表三 （三）4.保护第三方合法权益「自然人」' });
    // In context: the row as imported, the cell written 2 marked.
    assert.equal(f.context?.kind, 'row');
    if (f.context?.kind === 'row') assert.deepEqual(f.context.cells.map((c) => (c.marked ? `[${c.text}]` : c.text)), ['[2]', '0', '0', '0', '0', '0', '1']);
  }
  // The web page's findings: its second table (table 3), rows 11 and 12 counting the header rows; no page.
  const typo = by('typo.html').findings;
  assert.deepEqual(typo.map((f) => [f.ruleId, f.source?.table, f.source?.row, f.source?.page]), [['copy-differs', 2, 11, undefined], ['table-row-label', 2, 12, undefined]]);
  // Markdown findings keep their line and column only.
  const row = (agency: string) => m.rows.find((r) => r.path.endsWith(agency))!;
  assert.equal(row('arith.wps.pdf').format.text, '2021年版 · PDF');
  assert.equal(row('typo.html').format.text, '2021年版 · 网页');
  assert.equal(row('education.md').format.text, '2021年版');

  const html = pageHtml(m, [], 'v');
  assert.equal((html.match(/<li class="finding"/g) ?? []).length, 5);
  assert.equal((html.match(/<li class="finding"[^>]*data-page="2"/g) ?? []).length, 3);
  assert.match(html, /<span class="at">第 2 页 表三 （三）4\.保护第三方合法权益「自然人」<\/span>/);
  assert.match(html, /<span class="at">表格 2 第 12 行 表三「5\.属于三类内部事务息」<\/span>/);
  assert.match(html, /<code>[^<]*arith\.wps\.pdf<\/code>（PDF，导入后检查，问题标明在原文件中的位置）/);
});

test('directories take published reports only with --published, as check: without it they are left out', async () => {
  const dir = batch();
  const { reports, publishedOnly } = await collectReview({ paths: [dir], lang: 'zh' }, quiet);
  assert.deepEqual(reports.map((r) => r.path.replace(/^.*\//, '')), ['education.md']);
  assert.deepEqual(publishedOnly, []);
  // Named on the command line, a published file is read without the option.
  const named = await collectReview({ paths: [join(dir, 'typo.html')], lang: 'zh' }, quiet);
  assert.deepEqual(named.reports.map((r) => r.form), ['html']);
});

test('nianbao review: --published, the note for a folder of published reports only, the page not read back, bad files listed', async () => {
  const dir = batch();
  const only = join(dir, 'published');
  mkdirSync(only);
  cpSync(join(root, 'test/fixtures/pdf/arith.wps.pdf'), join(only, 'arith.wps.pdf'));
  cpSync(join(root, 'test/fixtures/pdf/errors/scanned.pdf'), join(only, 'scanned.pdf'));
  const page = join(only, 'review.html');
  // Without --published: nothing taken, and the note names the option.
  const none = await cli(['review', only, '-o', page]);
  assert.equal(none.code, 0, none.stderr);
  assert.match(none.stderr, /published: 没有 Markdown 报告，但有 2 个已发布的报告文件.*--published/);
  assert.match(none.stderr, /0 份报告/);
  // With it: the PDF read, the scanned one listed with its reason (exit 2); run twice, the page written in the folder is not read.
  for (let i = 0; i < 2; i++) {
    const r = await cli(['review', '--published', only, '-o', page]);
    assert.equal(r.code, 2, r.stderr);
    // One message: the path and the reason as check gives it, not 无法读取: 无法导入：….
    assert.match(r.stderr, /^\S*scanned\.pdf: 无法导入：没有文字层：这是扫描的 PDF，请先做文字识别（OCR）$/m);
    assert.doesNotMatch(r.stderr, /无法读取/);
    assert.match(r.stderr, /1 份报告，1 个机关，2 个错误，0 个警告/);
  }
  const en = await cli(['review', '--published', '--lang', 'en', only, '-o', page]);
  assert.equal(en.code, 2, en.stderr);
  assert.match(en.stderr, /^\S*scanned\.pdf: cannot import: no text layer: scanned PDF, run OCR first$/m);
  assert.doesNotMatch(en.stderr, /cannot read/);
  assert.ok(existsSync(page));
  const html = readFileSync(page, 'utf8');
  assert.match(html, /data-page="2"/);
  assert.match(html, /id="ov-unreadable"><div class="n" data-n="1">/);
});
