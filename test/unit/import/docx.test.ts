// Word files: a .docx built here with merged header cells, line breaks inside
// cells and Word's own numbering imports to the same tables as the web page it
// was made from; a truncated or damaged file and a zip bomb are refused with a
// clear message, never a crash.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { ImportError, importReport } from '../../../server/src/host/published/index.ts';
import { formatNumber, writeNumbers } from '../../../server/src/host/published/docx.ts';
import { crc32, readDirectory } from '../../../server/src/host/published/zip.ts';
import { makeReportDocx } from './make-docx.ts';

const FIXTURE = new URL('../../fixtures/import/official-2021.html', import.meta.url);

/** A zip with deflated entries; `declare` overrides the uncompressed size written in the headers. */
function zipOf(files: { name: string; data: Buffer; declare?: number }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const comp = deflateRawSync(f.data);
    const size = f.declare ?? f.data.length;
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(comp.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc, 16); c.writeUInt32LE(comp.length, 20); c.writeUInt32LE(size, 24); c.writeUInt16LE(name.length, 28); c.writeUInt32LE(offset, 42);
    parts.push(local, name, comp);
    central.push(c, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

async function rejects(bytes: Buffer, code: string, pattern: RegExp): Promise<void> {
  await assert.rejects(importReport(bytes, { fileName: 'x.docx' }), (e: unknown) => {
    assert.ok(e instanceof ImportError, `an ImportError, not ${(e as Error)?.stack}`);
    assert.equal(e.code, code);
    assert.match(e.text.zh, pattern);
    return true;
  });
}

describe('import of a Word file', async () => {
  const docx = await makeReportDocx();
  const fromDocx = await importReport(docx, { fileName: 'report.docx' });
  const fromHtml = await importReport(readFileSync(FIXTURE), { fileName: 'official-2021.html' });
  const a = analyze(fromDocx.markdown);
  const b = analyze(fromHtml.markdown);

  it('is read as a Word file', () => {
    assert.equal(fromDocx.account.source, 'docx');
    assert.equal(a.isReport, true);
  });

  it('merged header cells and merged group labels import to the same tables as the web page', () => {
    const cells = (x: typeof a) => x.report.tables.map((t) => [t.def.id, [...t.cells.entries()].map(([k, c]) => `${k.replace('\u0000', '.')}=${c.ref.text}`).sort()]);
    assert.deepEqual(cells(a), cells(b));
    assert.equal(fromDocx.account.cellsPlaced, 200);
    assert.deepEqual(a.diagnostics.filter((d) => d.ruleId === 'table-shape'), []);
    // The same Markdown tables, line for line.
    const tables = (m: string) => m.split('\n').filter((l) => l.startsWith('|')).join('\n');
    assert.equal(tables(fromDocx.markdown), tables(fromHtml.markdown));
  });

  it('keeps the text of a cell with a line break in it (本年制发 / 件数 → 本年制发件数)', () => {
    assert.match(fromDocx.markdown, /\| 信息内容 \| 本年制发件数 \| 本年废止件数 \| 现行有效件数 \|/);
    assert.match(fromDocx.markdown, /\| 社会公益组织 \|/);
  });

  it('keeps the numbers of Word-numbered headings and paragraphs', () => {
    for (const h of ['## 一、总体情况', '## 二、主动公开政府信息情况', '## 三、收到和处理政府信息公开申请情况', '## 六、其他需要报告的事项']) assert.ok(fromDocx.markdown.includes(`\n${h}\n`), h);
    assert.match(fromDocx.markdown, /\n（一）主动公开。/);
    assert.match(fromDocx.markdown, /\n1\.完善工作制度；\n\n2\.加强平台建设。\n/);
    assert.equal(a.diagnostics.filter((d) => d.ruleId.startsWith('section')).length, 0);
  });

  it('formats Word numbering the way Word shows it', () => {
    assert.deepEqual([1, 2, 10, 11, 20, 23].map((n) => formatNumber(n, 'chineseCounting')), ['一', '二', '十', '十一', '二十', '二十三']);
    assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
    assert.equal(formatNumber(4, 'lowerLetter'), 'd');
    assert.equal(formatNumber(9, 'upperRoman'), 'IX');
    const numbering = '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const p = (lvl: number, t: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const out = writeNumbers(`<w:body>${p(0, 'A')}${p(1, 'B')}${p(1, 'C')}${p(0, 'D')}${p(1, 'E')}</w:body>`, numbering, undefined);
    const texts = [...out.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => [...m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''));
    assert.deepEqual(texts, ['一、A', '1.B', '2.C', '二、D', '1.E']);
  });

  it('a truncated file gives a clear error, never a crash', async () => {
    for (const n of [0, 10, 200, Math.floor(docx.length / 3), Math.floor(docx.length / 2), docx.length - 30, docx.length - 1]) {
      await rejects(docx.subarray(0, n), 'unreadable', /文件太短|不完整|截断|损坏/);
    }
  });

  it('a damaged file (bytes changed inside a compressed part) gives a clear error', async () => {
    const bad = Buffer.from(docx);
    const entries = readDirectory(bad);
    const doc = entries.find((e) => e.name === 'word/document.xml')!;
    const start = doc.localOffset + 30 + bad.readUInt16LE(doc.localOffset + 26) + bad.readUInt16LE(doc.localOffset + 28);
    for (let i = 0; i < 64; i++) bad[start + Math.floor(doc.compressedSize / 2) + i] ^= 0x5a;
    await rejects(bad, 'unreadable', /损坏|不完整/);
  });

  it('a zip that is not a Word document is refused', async () => {
    await rejects(zipOf([{ name: 'a.txt', data: Buffer.from('hello') }]), 'unreadable', /不是 Word 文档/);
  });

  it('a zip bomb is refused from the sizes in its central directory, before anything is inflated', async () => {
    const zeros = Buffer.alloc(64 * 2 ** 20);
    await rejects(zipOf([{ name: 'word/document.xml', data: zeros }]), 'zip-bomb', /压缩比.*压缩炸弹/);
    await rejects(zipOf([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') , declare: 2 ** 31 }]), 'zip-bomb', /解压后有 \d+ 字节.*压缩炸弹/);
  });

  it('a zip bomb that lies about its sizes is stopped at the size it declares', async () => {
    const zeros = Buffer.alloc(16 * 2 ** 20);
    await rejects(zipOf([{ name: 'word/document.xml', data: zeros, declare: 1000 }]), 'zip-bomb', /比声明的 1000 字节更大.*压缩炸弹/);
  });
});
