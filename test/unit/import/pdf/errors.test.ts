// PDFs that cannot be imported: a scan, an encrypted file, a truncated one,
// a damaged one. Each gives one clear line (Chinese first, English with
// --lang en), exit 2, and writes nothing.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runImport } from '../../../../server/src/cli/import-command.ts';
import { importReport, ImportError } from '../../../../server/src/host/published/index.ts';

const DIR = new URL('../../../fixtures/pdf/', import.meta.url).pathname;

async function run(file: string, lang: 'zh' | 'en' = 'zh', out?: string): Promise<{ code: number; out: string; err: string }> {
  let o = '';
  let e = '';
  const code = await runImport({ file, lang, out }, { stdout: (s) => (o += s), stderr: (s) => (e += s) });
  return { code, out: o, err: e };
}

describe('PDFs that cannot be imported', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
  const cases: [string, string, RegExp, RegExp][] = [
    ['errors/scanned.pdf', 'no-text', /没有文字层：这是扫描的 PDF，请先做文字识别（OCR）/, /no text layer: scanned PDF, run OCR first/],
    ['errors/encrypted.pdf', 'encrypted', /PDF 已加密（需要密码才能打开）/, /the PDF is encrypted/],
    ['errors/truncated.pdf', 'unreadable', /PDF 文件不完整（被截断/, /the PDF is incomplete \(truncated/],
  ];
  for (const [file, code, zh, en] of cases) {
    it(`${file}: ${code}, one line, exit 2, nothing written`, async () => {
      await assert.rejects(importReport(readFileSync(join(DIR, file)), { fileName: file }), (e: unknown) => e instanceof ImportError && e.code === code);
      const out = join(tmp, `${code}.md`);
      const r = await run(join(DIR, file), 'zh', out);
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.match(r.err, zh);
      assert.equal(r.err.trimEnd().split('\n').length, 1, r.err);
      assert.ok(r.err.includes(file.split('/')[1]), 'names the file');
      assert.equal(existsSync(out), false);
      assert.match((await run(join(DIR, file), 'en')).err, en);
    });
  }

  it('a damaged PDF (its objects overwritten) is refused with exit 2, not a crash', async () => {
    const good = readFileSync(join(DIR, 'arith.wps.pdf'));
    const bad = Buffer.from(good);
    bad.fill(0x41, 200, bad.length - 200);
    const file = join(tmp, 'damaged.pdf');
    writeFileSync(file, bad);
    const r = await run(file);
    assert.equal(r.code, 2);
    assert.match(r.err, /^nianbao import: .*damaged\.pdf: 无法导入：/);
  });

  it('a file named .pdf that is not a PDF says so', async () => {
    const file = join(tmp, 'not.pdf');
    writeFileSync(file, '这不是 PDF');
    const r = await run(file, 'en');
    assert.equal(r.code, 2);
    assert.match(r.err, /not a PDF file/);
  });
});
