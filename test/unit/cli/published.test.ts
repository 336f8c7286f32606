// `nianbao check` on published forms: each fixture as a PDF (three producers),
// a web page and a Word file gives the findings written in
// test/fixtures/pdf/findings.json (rule ids) with the messages its Markdown
// gets (which name the cell), each saying where it is in the source; bad
// files are one line each with the path and the reason, exit 2, the others
// still checked and nothing written; directories take published forms only
// with --published or the setting, and say so when that is all they hold.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, scratch } from '../../support/cli.ts';
import { root } from '../../support/engine.ts';
import { FULL_BUDGET } from '../../support/budget.ts';

const FX = join(root, 'test/fixtures/pdf');
const expected = JSON.parse(readFileSync(join(FX, 'findings.json'), 'utf8')) as Record<string, string[]>;
const idOf = (path: string) => path.replace(/^.*\//, '').replace(/\.(wps|lo|chromium)\.pdf$|\.(md|html|docx)$/, '');

interface OutDiag { ruleId: string; message: string; line: number; fixable: boolean; source?: { page?: number; table?: number; row?: number; column?: number; where?: string } }
interface OutFile { path: string; status: string; form?: string; reason?: string; diagnostics: OutDiag[] }

// The unit suite checks three fixtures in every form they have (PDFs by WPS and LibreOffice; Chromium's are
// imported in the unit suite by import/pdf/fixtures.test.ts); the integration suite checks all nine, every
// producer (test/support/budget.ts).
const QUICK = new Set(['arith', 'typo', 'seed-004']);
const ids = Object.keys(expected).filter((id) => FULL_BUDGET || QUICK.has(id));

/** A folder with the fixtures: each one's Markdown, its PDFs, its web page and Word file. */
function corpus(): string {
  const dir = scratch();
  const take = (f: string) => ids.includes(idOf(f));
  for (const f of readdirSync(join(FX, 'src')).filter(take)) cpSync(join(FX, 'src', f), join(dir, f));
  for (const f of readdirSync(FX).filter((x) => x.endsWith('.pdf') && take(x))) cpSync(join(FX, f), join(dir, f));
  for (const f of readdirSync(join(FX, 'forms')).filter(take)) cpSync(join(FX, 'forms', f), join(dir, f));
  // arith, blank-zeros and typo are variants of one report (same agency and year, so copies of each other to
  // copy-differs) and split shares their paragraphs (shared-text): what is compared here is each form with its
  // own Markdown, so the rules that compare reports with each other are off (test/unit/cross/ tests them).
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { 'shared-text': 'off', 'copy-differs': 'off', 'copy-identical': 'off' } }));
  return dir;
}

describe('check on every published form of the fixtures', async () => {
  const dir = corpus();
  // Worker threads (more than 4 files): a PDF's import is asynchronous in a worker too.
  const r = await cli(['check', '--published', '--format', 'json', '.'], { cwd: dir });
  const out = JSON.parse(r.stdout) as { files: OutFile[] };
  const byPath = new Map(out.files.map((f) => [f.path, f]));

  it('checks them all, each in its form', () => {
    assert.equal(r.code, 1, r.stderr);
    const forms = out.files.map((f) => `${f.path.replace(/^.*\./, '')}:${f.form ?? 'markdown'}:${f.status}`);
    for (const f of forms) assert.match(f, /^(md:markdown|pdf:pdf|html:html|docx:docx):checked$/);
    // All: 9 Markdown sources, 14 PDFs, 9 web pages, 9 Word files. Quick: 3 sources, 5 PDFs (arith and seed-004
    // by LibreOffice and WPS, typo by WPS), 3 web pages, 3 Word files.
    assert.equal(out.files.length, FULL_BUDGET ? 41 : 14);
    for (const id of QUICK) assert.ok(Object.keys(expected).includes(id), `${id} is a fixture`);
  });

  for (const id of ids) {
    it(`${id}: every form gives the written rule ids and the messages of its Markdown, nothing more`, () => {
      const md = byPath.get(`${id}.md`)!;
      assert.deepEqual(md.diagnostics.map((d) => d.ruleId).sort(), expected[id].map((e) => e.split(' @ ')[0]).sort());
      const forms = out.files.filter((f) => f.path !== `${id}.md` && idOf(f.path) === id);
      assert.ok(forms.length >= 3, `${id}: ${forms.map((f) => f.path)}`);
      for (const f of forms) {
        assert.deepEqual(f.diagnostics.map((d) => `${d.ruleId} ${d.message}`).sort(), md.diagnostics.map((d) => `${d.ruleId} ${d.message}`).sort(), f.path);
        assert.ok(!f.diagnostics.some((d) => d.ruleId === 'section-missing'), f.path);
        // What a finding points at is named; a published form is never fixable in place.
        for (const d of f.diagnostics) {
          assert.ok(d.source?.where, `${f.path}: ${d.ruleId} has no place`);
          assert.equal(d.fixable, false);
        }
      }
    });
  }

  it('a cell finding says page, table, row and column in a PDF, and table and row in Word and web pages', () => {
    const pdf = byPath.get('arith.wps.pdf')!.diagnostics.find((d) => d.ruleId === 'total-row')!;
    // Page 2, the document's second table (表三), grid row 11 (three header rows, 一、 二、 （一） （二） and （三）1.–3. above), column 4 (three label columns before 自然人).
    assert.deepEqual(pdf.source, { page: 2, table: 2, row: 11, column: 4, where: '表三 （三）4.保护第三方合法权益「自然人」' });
    for (const f of ['arith.html', 'arith.docx']) {
      assert.deepEqual(byPath.get(f)!.diagnostics.find((d) => d.ruleId === 'total-row')!.source, { table: 2, row: 11, where: '表三 （三）4.保护第三方合法权益「自然人」' }, f);
    }
    // A section finding: the section by name, and (PDF) its page.
    const empty = byPath.get('seed-004.wps.pdf')!.diagnostics.find((d) => d.ruleId === 'section-empty')!;
    assert.equal(empty.source?.where, '一、总体情况');
    assert.equal(empty.source?.page, 1);
  });

  it('text output prints the page and the cell for a PDF, the table and row for Word', async () => {
    const t = await cli(['check', 'arith.wps.pdf', 'typo.docx'], { cwd: dir });
    assert.equal(t.code, 1);
    assert.match(t.stdout, /^arith\.wps\.pdf {2}\(PDF, 2021年度, 2021年版格式\)$/m);
    assert.match(t.stdout, /^ {2}arith\.wps\.pdf:2 表三 （三）4\.保护第三方合法权益「自然人」 {2}错误 {2}（三）4\.保护第三方合法权益「自然人」应为 1（使（三）4\.保护第三方合法权益「总计」等于六类申请人之和），实为 2 {2}total-row$/m);
    assert.match(t.stdout, /^ {2}typo\.docx 表格 2 第 12 行 表三「5\.属于三类内部事务息」 {2}警告 {2}行标签「5\.属于三类内部事务息」应为「5\.属于三类内部事务信息」 {2}table-row-label$/m);
  });

  it('sarif: the source file without a text region, the place as a logical location, the Markdown position in properties', async () => {
    const s = JSON.parse((await cli(['check', '--format', 'sarif', 'arith.lo.pdf'], { cwd: dir })).stdout);
    const res = s.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'total-row');
    assert.deepEqual(res.locations[0].physicalLocation, { artifactLocation: { uri: 'arith.lo.pdf', uriBaseId: '%SRCROOT%' } });
    assert.equal(res.locations[0].logicalLocations[0].name, '表三 （三）4.保护第三方合法权益「自然人」');
    assert.match(res.locations[0].logicalLocations[0].fullyQualifiedName, /^page \d\/table 2\/row \d+\/column \d+$/);
    assert.equal(res.properties.form, 'pdf');
    assert.equal(typeof res.properties.markdown.line, 'number');
  });
});

describe('check: files that cannot be read as a report', () => {
  it('a scan, an encrypted and a truncated PDF, a zip that is not Word: one line each, exit 2, the others still checked, nothing written', async () => {
    const dir = scratch();
    for (const f of ['scanned.pdf', 'encrypted.pdf', 'truncated.pdf', 'not-word.docx']) cpSync(join(FX, 'errors', f), join(dir, f));
    cpSync(join(FX, 'typo.wps.pdf'), join(dir, 'typo.pdf'));
    const before = readdirSync(dir).map((f) => `${f}:${statSync(join(dir, f)).mtimeMs}:${statSync(join(dir, f)).size}`).sort();
    const r = await cli(['check', '--fix', 'scanned.pdf', 'encrypted.pdf', 'truncated.pdf', 'not-word.docx', 'typo.pdf'], { cwd: dir });
    assert.equal(r.code, 2);
    const lines = r.stderr.trim().split('\n');
    assert.ok(lines.includes('scanned.pdf: 无法导入：没有文字层：这是扫描的 PDF，请先做文字识别（OCR） (cannot import: no text layer: scanned PDF, run OCR first)'), r.stderr);
    assert.ok(lines.some((l) => /^encrypted\.pdf: 无法导入：PDF 已加密/.test(l)), r.stderr);
    assert.ok(lines.some((l) => /^truncated\.pdf: 无法导入：PDF 文件不完整（被截断/.test(l)), r.stderr);
    assert.ok(lines.includes('not-word.docx: 不是 Word 文档：这是 Excel 工作簿，其中没有 word/document.xml (not a Word document: this is an Excel workbook with no word/document.xml)'), r.stderr);
    // --fix on a PDF: said, and not done.
    assert.ok(lines.some((l) => l.startsWith('typo.pdf: --fix 不改写 PDF 文件，只修复 Markdown')), r.stderr);
    assert.match(r.stdout, /typo\.pdf:2 表三「5\.属于三类内部事务息」/);
    assert.match(r.stdout, /1 个报告，1 个问题（0 个错误，1 个警告）；4 个文件无法检查/);
    const after = readdirSync(dir).map((f) => `${f}:${statSync(join(dir, f)).mtimeMs}:${statSync(join(dir, f)).size}`).sort();
    assert.deepEqual(after, before);
  });

  it('a web page named .html is never read as Markdown, whatever it holds', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'report.html'), readFileSync(join(FX, 'src/typo.md')));
    const r = JSON.parse((await cli(['check', '--format', 'json', 'report.html'], { cwd: dir })).stdout) as { files: OutFile[] };
    assert.equal(r.files[0].form, 'html');
  });

  it('a named file that is no report at all is refused, not imported into a page of section-missing', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'notice.html'), '<html><body><h1>关于调整办公时间的通知</h1><p>各科室：自下周起……</p></body></html>');
    const r = await cli(['check', 'notice.html'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^notice\.html: 不是政府信息公开工作年度报告/m);
    assert.doesNotMatch(r.stdout, /section-missing/);
  });
});

describe('check, data and diff on directories and pairs of published files', () => {
  const folder = () => {
    const dir = scratch();
    mkdirSync(join(dir, 'published'));
    for (const f of ['arith.wps.pdf', 'typo.wps.pdf']) cpSync(join(FX, f), join(dir, 'published', f));
    cpSync(join(FX, 'forms/typo.docx'), join(dir, 'published/typo.docx'));
    return dir;
  };

  it('a directory of published reports only: not checked by default, and the note names --published', async () => {
    const dir = folder();
    const r = await cli(['check', 'published'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.match(r.stderr, /^published: 没有 Markdown 报告，但有 3 个已发布的报告文件（\.pdf、\.docx、\.html、\.txt）：加上 --published 检查它们（或在 \.nianbaorc\.json 中设置 "published": true）$/m);
    assert.match(r.stdout, /0 个报告/);
  });

  it('--published, or "published": true in .nianbaorc.json, takes them', async () => {
    const dir = folder();
    const flag = JSON.parse((await cli(['check', '--published', '--format', 'json', 'published'], { cwd: dir })).stdout) as { files: OutFile[] };
    assert.deepEqual(flag.files.map((f) => `${f.path} ${f.form}`), ['published/arith.wps.pdf pdf', 'published/typo.docx docx', 'published/typo.wps.pdf pdf']);
    writeFileSync(join(dir, '.nianbaorc.json'), '{ "published": true }');
    const rc = JSON.parse((await cli(['check', '--format', 'json', 'published'], { cwd: dir })).stdout) as { files: OutFile[] };
    assert.equal(rc.files.length, 3);
  });

  it('data --published reads their figures; diff compares two published files', async () => {
    const dir = folder();
    const d = JSON.parse((await cli(['data', '--published', '--format', 'json', 'published'], { cwd: dir })).stdout);
    const arith = d.reports.find((x: { path: string }) => x.path === 'published/arith.wps.pdf');
    // The leaf cell the fixture breaks: 4.保护第三方合法权益「自然人」 written 2 (src/arith.md).
    assert.equal(arith.values['t3.withheld.third_party.natural_person'], 2);
    assert.equal(arith.rules['total-row'], 1);
    const diff = JSON.parse((await cli(['diff', '--format', 'json', 'published/typo.docx', 'published/arith.wps.pdf'], { cwd: dir })).stdout);
    const cell = diff.figures.find((f: { name: string }) => f.name === 't3.withheld.third_party.natural_person');
    assert.equal(cell.this, 2);
    assert.equal(typeof cell.last, 'number');
    const bad = await cli(['diff', join(FX, 'errors/scanned.pdf'), 'published/typo.docx'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /scanned\.pdf: 没有文字层：这是扫描的 PDF，请先做文字识别（OCR）/);
  });

  it('a counter on a terminal while a directory of published files is checked; nothing when not a terminal', async () => {
    const dir = folder();
    const { stderrWrites: written } = await cli(['check', '--published', '--format', 'json', 'published'], { cwd: dir, terminal: true });
    assert.deepEqual(written.filter((s) => !s.startsWith('\r')), ['已检查 1/3  published/arith.wps.pdf', '已检查 2/3  published/typo.docx']);
    assert.equal(written.at(-1), '\r\x1b[K');
    const r = await cli(['check', '--published', 'published'], { cwd: dir });
    assert.doesNotMatch(r.stderr, /已检查|\r/);
  });
});

describe('the README', () => {
  it('opens with `nianbao check` on a published PDF, its output as printed, and names --published', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = /```\n\$ (nianbao check [^\n]*)\n([^]*?)```/.exec(readme);
    assert.ok(block, 'an example block with a `$ nianbao check` line');
    // It is the first example of the README: no other code block showing a run comes before it.
    assert.ok(readme.indexOf(block[0]) < readme.indexOf('sample output on Markdown'));
    const args = block[1].split(' ').slice(1);
    assert.match(args.at(-1)!, /\.pdf$/);
    const r = await cli(args);
    assert.equal(r.stdout, block[2]);
    assert.match(readme.slice(0, readme.indexOf('## 规则')), /--published/);
  });
});
