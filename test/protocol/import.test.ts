// nianbao/importPublished, behind 导入并检查 in the Explorer: the bundled
// server (dist/server.cjs, which loads dist/published.cjs and pdf.js beside
// it) imports a published report and names a new Markdown file beside it;
// the text it returns, once opened, gets the findings written for the fixture
// in test/fixtures/pdf/findings.json. Refusals come back as errors with the
// reason.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileUri, fixture, TestClient } from './harness.ts';

interface ImportResult { text: string; form: string; target: string; title?: string; cellsPlaced: number; unplaced: number; account: string }

describe('nianbao/importPublished', () => {
  let client: TestClient;
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  for (const [file, form] of [['arith.wps.pdf', 'pdf'], ['forms/arith.docx', 'docx'], ['forms/arith.html', 'html']] as const) {
    it(`${file}: the report as Markdown, a target beside it, and once opened the fixture's findings`, async () => {
      const name = file.replace(/^.*\//, '');
      copyFileSync(fixture(`pdf/${file}`), join(dir, name));
      const r = await client.request<ImportResult>('nianbao/importPublished', { uri: fileUri(join(dir, name)) });
      assert.equal(r.form, form);
      // Word sets it over two paragraphs: the agency and the year are joined with a space, as `nianbao import` does.
      assert.equal(r.title?.replace(' ', ''), '某市文化和旅游局2021年政府信息公开工作年度报告');
      assert.equal(r.target, fileUri(join(dir, name.replace(/\.(pdf|docx|html)$/, '.md'))));
      assert.equal(r.unplaced, 0);
      assert.match(r.account, /^导入 /);
      // test/fixtures/pdf/findings.json: arith breaks one leaf cell, found by total-row and total-results.
      const opened = await client.open(r.target, r.text);
      assert.deepEqual(opened.diagnostics.map((d) => d.code).sort(), ['total-results', 'total-row']);
      await client.close(r.target);
    });
  }

  it('never names a file that exists: report.md taken, report (2).md', async () => {
    copyFileSync(fixture('pdf/typo.wps.pdf'), join(dir, 'typo.pdf'));
    writeFileSync(join(dir, 'typo.md'), 'mine');
    const r = await client.request<ImportResult>('nianbao/importPublished', { uri: fileUri(join(dir, 'typo.pdf')) });
    assert.equal(r.target, fileUri(join(dir, 'typo (2).md')));
  });

  it('a scan, an encrypted PDF, a zip that is not Word, a Markdown file: refused with the reason', async () => {
    for (const f of ['scanned.pdf', 'encrypted.pdf', 'not-word.docx']) copyFileSync(fixture(`pdf/errors/${f}`), join(dir, f));
    await assert.rejects(client.request('nianbao/importPublished', { uri: fileUri(join(dir, 'scanned.pdf')) }), /scanned\.pdf: 没有文字层：这是扫描的 PDF，请先做文字识别（OCR）/);
    await assert.rejects(client.request('nianbao/importPublished', { uri: fileUri(join(dir, 'encrypted.pdf')) }), /encrypted\.pdf: PDF 已加密/);
    await assert.rejects(client.request('nianbao/importPublished', { uri: fileUri(join(dir, 'not-word.docx')) }), /not-word\.docx: 不是 Word 文档/);
    await assert.rejects(client.request('nianbao/importPublished', { uri: fileUri(join(dir, 'typo.md')) }), /typo\.md 已经是 Markdown 报告/);
  });
});
