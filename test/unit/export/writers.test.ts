// What the Word file and the web page hold, read back from their bytes: the
// GB/T 9704 page and fonts, merged cells where the official layout merges,
// header rows repeated and rows kept whole, figures right-aligned, page
// numbers `- N -`, the report's title, agency and year in the properties; a
// page that fetches nothing; `nianbao export` itself (exit codes, stderr's
// count of errors, --strict, -o, the bundled CLI).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runExport, type ExportArgs } from '../../../server/src/cli/export-run.ts';
import { exportReport } from '../../../server/src/export/index.ts';
import { readDirectory, readEntry } from '../../../server/src/host/published/zip.ts';

const root = new URL('../../../', import.meta.url);
const CLEAN = new URL('examples/2022-clean-2021-format.md', root).pathname;
const MISTAKES = new URL('examples/2022-with-mistakes.md', root).pathname;
const CLEAN_2019 = new URL('examples/2020-clean-2019-format.md', root).pathname;

function unzip(buf: Uint8Array): Map<string, string> {
  const b = Buffer.from(buf);
  return new Map(readDirectory(b).map((e) => [e.name, readEntry(b, e).toString('utf8')]));
}
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('export to Word', async () => {
  const out = await exportReport(readFileSync(CLEAN, 'utf8'), 'docx');
  const files = unzip(out.data as Uint8Array);
  const doc = files.get('word/document.xml')!;
  const tables = doc.split('<w:tbl>').slice(1);

  it('A4 with the GB/T 9704 margins (37/35/28/26 mm)', () => {
    assert.match(doc, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(doc, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });
  it('title 2号 方正小标宋简体, body 3号 仿宋_GB2312, 一级标题 黑体, 二级标题 楷体_GB2312', () => {
    const runOf = (text: string) => new RegExp(`<w:r>(?:(?!</w:r>).)*<w:t[^>]*>${text}`, 's').exec(doc)?.[0] ?? '';
    assert.match(runOf('某市交通运输局2022年政府信息公开工作年度报告'), /w:eastAsia="方正小标宋简体".*<w:sz w:val="44"\/>/s);
    assert.match(runOf('一、总体情况'), /w:eastAsia="黑体".*<w:sz w:val="32"\/>/s);
    assert.match(runOf('2022年，我局坚持'), /w:eastAsia="仿宋_GB2312".*<w:sz w:val="32"\/>/s);
  });
  it('the font table names each font\'s stand-in (宋体 for 方正小标宋简体)', () => {
    const fonts = files.get('word/fontTable.xml')!;
    assert.match(fonts, /<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    assert.match(fonts, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    assert.match(fonts, /<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
  });
  it('page numbers - N - in the footers, right on odd pages and left on even ones', () => {
    const footers = [...files.entries()].filter(([n]) => /^word\/footer\d+\.xml$/.test(n)).map(([, x]) => x);
    assert.equal(footers.length, 2);
    for (const f of footers) {
      assert.match(f, /<w:t xml:space="preserve">- <\/w:t>.*PAGE.*<w:t xml:space="preserve"> -<\/w:t>/s);
    }
    assert.deepEqual(footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)?.[1]).sort(), ['left', 'right']);
    assert.match(files.get('word/settings.xml')!, /<w:evenAndOddHeaders\/>/);
  });
  it('three tables: table 2 has no header rows; tables 3 and 4 repeat their three header rows; no row splits', () => {
    assert.equal(tables.length, 3);
    assert.deepEqual(tables.map((t) => count(t, /<w:tblHeader\/>/g)), [0, 3, 3]);
    for (const t of tables) assert.equal(count(t, /<w:cantSplit\/>/g), count(t, /<w:tr>/g));
  });
  it('merged cells as the official layout: table 3 note 3×3, 申请人情况 over 7, 三、本年度办理结果 down 22 rows', () => {
    const t3 = tables[1];
    const rows = t3.split('<w:tr>').slice(1);
    assert.equal(rows.length, 28);
    assert.match(rows[0], /<w:gridSpan w:val="3"\/><w:vMerge w:val="restart"\/>.*本列数据的勾稽关系/s);
    assert.match(rows[0], /<w:gridSpan w:val="7"\/>.*申请人情况/s);
    assert.match(rows[1], /<w:gridSpan w:val="5"\/>.*法人或其他组织/s);
    // 三、本年度办理结果: one restart and 21 continuations in the first grid column.
    const firstCellRestart = rows.slice(3).filter((r) => /^(?:(?!<\/w:tc>).)*<w:vMerge w:val="restart"\/>/s.test(r.split('<w:tc>')[1] ?? '')).length;
    assert.ok(firstCellRestart >= 1);
    assert.equal(count(rows.slice(5).join(''), /<w:vMerge w:val="continue"\/>|<w:vMerge\/>/g) >= 21, true);
    const t4 = tables[2];
    assert.match(t4, /<w:gridSpan w:val="5"\/>.*行政复议.*<w:gridSpan w:val="10"\/>.*行政诉讼/s);
  });
  it('figures right-aligned; their text is the report\'s', () => {
    const t3 = tables[1];
    assert.ok(count(t3, /<w:jc w:val="right"\/>/g) >= 25 * 7);
    assert.match(t3, /<w:jc w:val="right"\/>.*<w:t xml:space="preserve">31<\/w:t>/s);
    assert.match(tables[0], /<w:t xml:space="preserve">12.36<\/w:t>/);
  });
  it('document properties: title, agency, year', () => {
    const core = files.get('docProps/core.xml')!;
    assert.match(core, /<dc:title>某市交通运输局2022年政府信息公开工作年度报告<\/dc:title>/);
    assert.match(core, /<dc:creator>某市交通运输局<\/dc:creator>/);
    const custom = files.get('docProps/custom.xml')!;
    assert.match(custom, /name="agency"[^>]*>.*某市交通运输局/s);
    assert.match(custom, /name="year"[^>]*>.*2022/s);
  });
});

describe('export to a web page', async () => {
  const html = (await exportReport(readFileSync(CLEAN, 'utf8'), 'html')).data as string;
  it('one file: no script, nothing it refers to (src, href, url(), @import)', () => {
    assert.doesNotMatch(html, /<script|\bsrc=|\bhref=|url\(|@import/i);
  });
  it('metadata in <title> and <meta>', () => {
    assert.match(html, /<title>某市交通运输局2022年政府信息公开工作年度报告<\/title>/);
    assert.match(html, /<meta name="nianbao:agency" content="某市交通运输局">/);
    assert.match(html, /<meta name="nianbao:year" content="2022">/);
  });
  it('print style: A4, page numbers, rows kept whole, header rows repeated', () => {
    assert.match(html, /@page \{ size: A4;/);
    assert.match(html, /@bottom-center \{ content: "- " counter\(page\) " -"/);
    assert.match(html, /tr[^{]*\{ break-inside: avoid;/);
    assert.equal(count(html, /<thead>/g), 2);
  });
  it('merged cells: rowspan and colspan as the format has them', () => {
    assert.match(html, /<th class="note" rowspan="3" colspan="3">（本列数据的勾稽关系为/);
    assert.match(html, /<th class="hd" colspan="7">申请人情况<\/th>/);
    assert.match(html, /<th class="hd" rowspan="2">自然人<\/th><th class="hd" colspan="5">法人或其他组织<\/th><th class="hd" rowspan="2">总计<\/th>/);
    assert.match(html, /<td class="lab grp" rowspan="22">三、本年度办理结果<\/td>/);
    assert.match(html, /<td class="lab grp" rowspan="8">（三）不予公开<\/td>/);
    assert.match(html, /<th class="hd" colspan="5">行政复议<\/th><th class="hd" colspan="10">行政诉讼<\/th>/);
    assert.match(html, /<th class="hd" rowspan="2">结果<br>维持<\/th>/);
    assert.match(html, /<td class="fig" data-cell="t3.new.total">31<\/td>/);
  });
});

async function run(args: ExportArgs) {
  let out = '';
  let err = '';
  const code = await runExport(args, { stdout: (s) => (out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('nianbao export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-'));
  it('writes report.docx beside the report and says so', async () => {
    const md = join(dir, 'clean.md');
    copyFileSync(CLEAN, md);
    const r = await run({ file: md, to: 'docx' });
    assert.equal(r.code, 0);
    assert.equal(r.err, `已导出 ${join(dir, 'clean.docx')}\n`);
    assert.equal(readFileSync(join(dir, 'clean.docx')).subarray(0, 2).toString('latin1'), 'PK');
  });
  it('a report with errors is exported as written, stderr gives the count; --strict refuses with exit 1', async () => {
    const md = join(dir, 'mistakes.md');
    copyFileSync(MISTAKES, md);
    const r = await run({ file: md, to: 'html', out: join(dir, 'm.html'), lang: 'en' });
    assert.equal(r.code, 0);
    assert.match(r.err, /note: the report has 6 errors and 2 warnings; exported as written \(no figure changed\)/);
    assert.ok(existsSync(join(dir, 'm.html')));
    const s = await run({ file: md, to: 'html', out: join(dir, 'strict.html'), strict: true });
    assert.equal(s.code, 1);
    assert.match(s.err, /有 6 个错误，未导出（--strict）/);
    assert.equal(existsSync(join(dir, 'strict.html')), false);
  });
  it('-o - writes the page to stdout; a missing file, a file that is no report and -o over the report are refused with exit 2', async () => {
    const r = await run({ file: CLEAN_2019, to: 'html', out: '-' });
    assert.equal(r.code, 0);
    assert.match(r.out, /^<!DOCTYPE html>/);
    const missing = await run({ file: join(dir, 'nope.md'), to: 'docx' });
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.md: 无法读取：文件不存在/);
    writeFileSync(join(dir, 'notes.md'), '# 会议记录\n\n今天开会。\n');
    const notes = await run({ file: join(dir, 'notes.md'), to: 'docx', lang: 'en' });
    assert.equal(notes.code, 2);
    assert.match(notes.err, /not an information-disclosure annual report/);
    const md = join(dir, 'self.md');
    copyFileSync(CLEAN, md);
    const self = await run({ file: md, to: 'html', out: md });
    assert.equal(self.code, 2);
    assert.equal(readFileSync(md, 'utf8'), readFileSync(CLEAN, 'utf8'));
  });
  it('the bundled CLI has the command (dist/cli.cjs loads dist/export.cjs)', () => {
    const md = join(dir, 'bundled.md');
    copyFileSync(CLEAN, md);
    const r = spawnSync(process.execPath, [new URL('dist/cli.cjs', root).pathname, 'export', md, '--to', 'docx', '-o', join(dir, 'bundled.docx')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(dir, 'bundled.docx')).subarray(0, 2).toString('latin1'), 'PK');
  });
});
