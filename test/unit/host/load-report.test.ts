// loadReport (host/load-report.ts): a report from a path whatever its form.
// The fixtures' web-page and Word forms (test/fixtures/pdf/forms/, made by
// generate.ts from src/<id>.md) give the findings written in
// test/fixtures/pdf/findings.json, as their Markdown does, and nothing more;
// the source map says which table and row (Word, web page) or page, table,
// row and column (PDF) a finding's cell came from.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { LoadError, loadReport, sourceOf } from '../../../server/src/host/load-report.ts';
import { findings } from '../import/pdf/compare.ts';

const FX = new URL('../../fixtures/pdf/', import.meta.url);
const path = (rel: string) => fileURLToPath(new URL(rel, FX));
const expected = JSON.parse(readFileSync(new URL('findings.json', FX), 'utf8')) as Record<string, string[]>;

describe('loadReport: the web-page and Word forms of the fixtures', () => {
  const files = readdirSync(new URL('forms/', FX)).sort();
  it('has both forms of every fixture', () => {
    for (const id of Object.keys(expected)) for (const ext of ['html', 'docx']) assert.ok(files.includes(`${id}.${ext}`), `${id}.${ext}`);
  });
  it('the Markdown sources give the written findings', () => {
    for (const id of Object.keys(expected)) assert.deepEqual(findings(analyze(readFileSync(path(`src/${id}.md`), 'utf8'))), expected[id], id);
  });
  for (const f of files) {
    it(`${f} gives the findings of its Markdown and nothing more`, async () => {
      const r = await loadReport(path(`forms/${f}`));
      assert.equal(r.form, f.endsWith('.html') ? 'html' : 'docx');
      assert.equal(r.encoding, undefined);
      assert.deepEqual(findings(analyze(r.text, { imported: r.imported!.facts })), expected[f.replace(/\.\w+$/, '')]);
    });
  }
});

describe('loadReport: a title set over several lines', () => {
  it('Word: three centred paragraphs are one title, and the agency is read from it', async () => {
    // split.docx: 某县人民政府办公室 / 2021年政府信息公开 / 工作年度报告; seed-003.docx: 阜新市… / 2020年度 / 政府信息公开工作报告.
    const split = analyze((await loadReport(path('forms/split.docx'))).text).report;
    assert.equal(split.title?.text, '某县人民政府办公室 2021年政府信息公开工作年度报告');
    assert.equal(split.agency, '某县人民政府办公室');
    const seed = analyze((await loadReport(path('forms/seed-003.docx'))).text).report;
    assert.equal(seed.title?.text, '阜新市文化旅游和广播电视局 2020年度政府信息公开工作报告');
    assert.equal(seed.year, 2020);
  });
  it('web page: a heading broken by <br> is one title', async () => {
    const r = analyze((await loadReport(path('forms/split.html'))).text).report;
    assert.equal(r.title?.text, '某县人民政府办公室2021年政府信息公开工作年度报告');
    assert.equal(r.agency, '某县人民政府办公室');
  });
});

describe('loadReport: where a finding is in the source', () => {
  const cellOf = (text: string, row: string, k: number) => {
    const start = text.indexOf(`| ${row} |`);
    assert.ok(start >= 0, row);
    let at = start;
    for (let i = 0; i <= k; i++) at = text.indexOf('|', at + 1);
    return at + 2;
  };

  it('PDF: the page, table, row and column of a cell', async () => {
    const r = await loadReport(path('arith.wps.pdf'));
    assert.equal(r.form, 'pdf');
    // 4.保护第三方合法权益, 自然人 (its first figure): page 2, the second table, grid row 10, column 3 (0-based, as the map holds them).
    assert.deepEqual(sourceOf(r.imported!.sourceMap, r.text, cellOf(r.text, '4.保护第三方合法权益', 0)), { page: 2, table: 1, row: 10, col: 3 });
    // A heading: its page.
    assert.deepEqual(sourceOf(r.imported!.sourceMap, r.text, r.text.indexOf('## 四、')), { page: 3 });
  });

  it('web page and Word: the table and row of a cell', async () => {
    for (const f of ['forms/arith.html', 'forms/arith.docx']) {
      const r = await loadReport(path(f));
      const src = sourceOf(r.imported!.sourceMap, r.text, cellOf(r.text, '4.保护第三方合法权益', 0));
      assert.equal(src?.table, 1, f);
      assert.equal(src?.page, undefined, f);
      // 0-based grid row of the fixture's table 3: three header rows, 一、 二、 （一） （二） and 1.–3. of （三） above it.
      assert.equal(src?.row, 10, f);
      // Narrative lines of a web page have no place of their own.
      assert.equal(sourceOf(r.imported!.sourceMap, r.text, r.text.indexOf('## 一、')), undefined, f);
    }
  });

  it('Markdown: read as written, with its encoding, and no source map', async () => {
    const r = await loadReport(path('src/arith.md'));
    assert.equal(r.form, 'markdown');
    assert.equal(r.encoding, 'utf8');
    assert.equal(r.text, readFileSync(path('src/arith.md'), 'utf8'));
    assert.equal(r.imported, undefined);
  });
});

describe('loadReport: files that are not a readable report say why', () => {
  const reason = async (rel: string) => {
    try {
      await loadReport(path(rel));
    } catch (e) {
      assert.ok(e instanceof LoadError, String(e));
      return e.reason.en;
    }
    assert.fail(`${rel} loaded`);
  };
  it('a scan, an encrypted PDF, a truncated one, a zip that is not Word, a missing file', async () => {
    assert.equal(await reason('errors/scanned.pdf'), 'no text layer: scanned PDF, run OCR first');
    assert.match((await reason('errors/encrypted.pdf'))!, /^the PDF is encrypted/);
    assert.match((await reason('errors/truncated.pdf'))!, /^the PDF is incomplete \(truncated/);
    assert.equal(await reason('errors/not-word.docx'), 'not a Word document: this is an Excel workbook with no word/document.xml');
    assert.equal(await reason('errors/no-such.pdf'), 'no such file');
  });
  it('a file over the size limit is refused before it is read', async () => {
    await assert.rejects(loadReport(path('arith.wps.pdf'), { maxSize: 1000 }), (e: unknown) => e instanceof LoadError && e.kind === 'too-large' && /^file too large: \d+ bytes, limit 1000/.test(e.reason.en));
  });
});
