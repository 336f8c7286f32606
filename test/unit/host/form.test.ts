// Form detection from the bytes (host/form.ts): the name decides only what
// the bytes leave open, so a web page saved as .md, a Word file named .htm or
// a PDF without an extension are read as what they are.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { detectForm } from '../../../server/src/host/form.ts';

const FX = new URL('../../fixtures/pdf/', import.meta.url);
const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const form = (b: Uint8Array, name = '') => detectForm(b, name).form;

describe('detectForm', () => {
  it('reads a PDF by %PDF-, whatever its name, and with junk before the header', () => {
    const pdf = readFileSync(new URL('arith.wps.pdf', FX));
    assert.equal(form(pdf, 'report.pdf'), 'pdf');
    assert.equal(form(pdf, 'report.md'), 'pdf');
    assert.equal(form(pdf, 'download'), 'pdf');
    assert.equal(form(Buffer.concat([Buffer.from('\r\n\r\n'), pdf]), 'x'), 'pdf');
  });

  it('reads a zip holding word/document.xml as Word, even named .htm', () => {
    const docx = readFileSync(new URL('forms/arith.docx', FX));
    assert.equal(form(docx, 'arith.docx'), 'docx');
    assert.equal(form(docx, 'arith.htm'), 'docx');
  });

  it('refuses a zip that is not a Word file, an old .doc, an image, and says which', () => {
    const g = detectForm(readFileSync(new URL('errors/not-word.docx', FX)), 'not-word.docx');
    assert.equal(g.form, 'refused');
    assert.match(g.form === 'refused' ? g.reason.zh : '', /不是 Word 文档：这是 Excel 工作簿，其中没有 word\/document.xml/);
    const doc = detectForm(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'r.doc');
    assert.equal(doc.form === 'refused' && doc.reason.en, 'this is an old Office file (.doc/.xls), which cannot be read; save it as .docx or PDF in Word/WPS');
    const png = detectForm(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'scan.pdf');
    assert.equal(png.form === 'refused' && png.reason.en, 'this is an image, with no text: run OCR first');
  });

  it('reads an HTML document as a page whatever its name, BOM and UTF-16 included', () => {
    assert.equal(form(bytes('<!DOCTYPE html>\n<html><body>x</body></html>'), 'report.md'), 'html');
    assert.equal(form(bytes('\ufeff  <html lang="zh"><head>'), 'report.txt'), 'html');
    assert.equal(form(bytes('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'), 'a'), 'html');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><body>年报</body></html>', 'utf16le')]);
    assert.equal(form(utf16, 'report.md'), 'html');
  });

  it('never reads a .html as Markdown, even a fragment or plain text', () => {
    assert.equal(form(bytes('# 某局2023年政府信息公开工作年度报告\n'), 'report.html'), 'html');
    assert.equal(form(bytes('<table><tr><td>1</td></tr></table>'), 'report.htm'), 'html');
  });

  it('reads a fragment as a page unless the file is Markdown, where HTML is allowed', () => {
    assert.equal(form(bytes('<div class="content"><p>一、总体情况</p></div>'), 'copied'), 'html');
    assert.equal(form(bytes('<div class="content"><p>一、总体情况</p></div>'), 'copied.txt'), 'html');
    assert.equal(form(bytes('<div align="center">\n\n# 报告\n\n</div>\n'), 'report.md'), 'markdown');
    assert.equal(form(bytes('<!-- nianbao-disable section-empty -->\n# 报告\n'), 'report.md'), 'markdown');
  });

  it('takes .md as Markdown, .txt as copied text, and no extension by its look', () => {
    assert.equal(form(bytes('某局2023年政府信息公开工作年度报告\n一、总体情况\n'), 'r.md'), 'markdown');
    assert.equal(form(bytes('# 某局2023年政府信息公开工作年度报告\n'), 'r.txt'), 'text');
    assert.equal(form(bytes('# 某局2023年政府信息公开工作年度报告\n'), 'r'), 'markdown');
    assert.equal(form(bytes('| a | b |\n|---|---|\n| 1 | 2 |\n'), 'r'), 'markdown');
    assert.equal(form(bytes('某局2023年政府信息公开工作年度报告\n一、总体情况\n'), 'r'), 'text');
  });
});
