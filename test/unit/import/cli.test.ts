// `runImport`: exit codes, where the report and the account go, -o written
// atomically and never over the source, --check's compact diagnostics.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { runImport, type ImportArgs } from '../../../server/src/cli/import-command.ts';
import { makeReportDocx } from './make-docx.ts';

const SEED = new URL('../../fixtures/seeds-raw/000_bccbb2d9da2887bd.txt', import.meta.url).pathname;
const HTML = new URL('../../fixtures/import/official-2021.html', import.meta.url).pathname;

async function run(args: ImportArgs): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runImport(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('nianbao import (runImport)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));

  it('prints the report on stdout and the account on stderr', async () => {
    const r = await run({ file: SEED });
    assert.equal(r.code, 0);
    assert.match(r.out, /^# 市文化广电和旅游局2020年政府信息公开工作年度报告\n/);
    assert.match(r.err, /^导入 .*000_bccbb2d9da2887bd\.txt：复制的文本，每行一个单元格，编码 utf8，按 2019 年版格式\n/);
    assert.match(r.err, /单元格：已放入 179 个，留空 19 个/);
    assert.match(r.err, /一、本年新收政府信息公开申请数量：4 个数，应有 7 个/);
    assert.match(r.err, /未能放入表格的内容：无/);
  });

  it('--check prints the checker’s findings as line:col severity message [rule-id] and exits 1 on errors', async () => {
    const r = await run({ file: SEED, check: true, lang: 'en' });
    assert.equal(r.code, 1);
    const lines = r.err.split('\n').filter((l) => /^\s+\d+:\d+ /.test(l));
    assert.ok(lines.length > 10);
    for (const l of lines) assert.match(l, /^ {2}\d+:\d+ (error|warning|info) .+ \[[a-z0-9-]+\]$/);
    assert.ok(lines.some((l) => / error .*\[cell-empty\]$/.test(l)));
    assert.match(r.err, /✖ \d+ problems \(\d+ errors, \d+ warnings/);
  });

  it('--check on a clean import exits 0', async () => {
    const r = await run({ file: HTML, check: true });
    assert.equal(r.code, 0);
    assert.match(r.err, /检查结果：\n {2}✓ 没有发现问题\n/);
  });

  it('-o - is standard output, as in export: the report on stdout, the account on stderr, no file named "-"', async () => {
    const cwd = process.cwd();
    const here = mkdtempSync(join(tmpdir(), 'nianbao-import-dash-'));
    process.chdir(here);
    try {
      const r = await run({ file: HTML, out: '-' });
      assert.equal(r.code, 0);
      assert.match(r.out, /^# 某市文化和旅游局2021年政府信息公开工作年度报告\n/);
      assert.doesNotMatch(r.err, /已写入/);
      assert.deepEqual(readdirSync(here), []);
    } finally {
      process.chdir(cwd);
    }
  });

  it('-o writes the file through a temporary file in the same folder, and the account goes to stdout', async () => {
    const out = join(dir, 'report.md');
    writeFileSync(out, 'old');
    const r = await run({ file: HTML, out });
    assert.equal(r.code, 0);
    assert.equal(r.err, '');
    assert.match(r.out, /已写入 .*report\.md/);
    assert.match(readFileSync(out, 'utf8'), /^# 某市文化和旅游局2021年政府信息公开工作年度报告\n/);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });

  it('-o refuses to overwrite the source file', async () => {
    const src = join(dir, 'seed.txt');
    copyFileSync(SEED, src);
    const before = readFileSync(src);
    for (const out of [src, join(dir, '.', 'seed.txt')]) {
      const r = await run({ file: src, out });
      assert.equal(r.code, 2);
      assert.match(r.err, /seed\.txt: 拒绝覆盖源文件/);
    }
    assert.deepEqual(readFileSync(src), before);
  });

  it('a file that is not a report exits 2, naming the path and the reason', async () => {
    const p = join(dir, 'notice.txt');
    writeFileSync(p, '关于召开年度工作会议的通知\n\n各科室：\n\n定于下周一上午九时召开会议，请准时参加。\n');
    const r = await run({ file: p });
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /notice\.txt: 不是政府信息公开工作年度报告：没有报告标题，能识别的栏目少于两个/);
    const en = await run({ file: p, lang: 'en' });
    assert.match(en.err, /notice\.txt: not an information-disclosure annual report/);
  });

  it('a missing file exits 2', async () => {
    const r = await run({ file: join(dir, 'nope.txt') });
    assert.equal(r.code, 2);
    assert.match(r.err, /nope\.txt: 无法读取：文件不存在/);
  });

  it('a truncated .docx exits 2 with a clear message, never a crash', async () => {
    const docx = await makeReportDocx();
    const p = join(dir, 'cut.docx');
    writeFileSync(p, docx.subarray(0, Math.floor(docx.length / 2)));
    const r = await run({ file: p });
    assert.equal(r.code, 2);
    assert.match(r.err, /cut\.docx: 无法导入：找不到 zip 目录：文件不完整/);
  });

  it('a zip bomb exits 2', async () => {
    const zeros = Buffer.alloc(32 * 2 ** 20);
    const comp = deflateRawSync(zeros);
    const name = Buffer.from('word/document.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(8, 8); local.writeUInt32LE(comp.length, 18); local.writeUInt32LE(zeros.length, 22); local.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(8, 10); c.writeUInt32LE(comp.length, 20); c.writeUInt32LE(zeros.length, 24); c.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10); end.writeUInt32LE(46 + name.length, 12); end.writeUInt32LE(30 + name.length + comp.length, 16);
    const p = join(dir, 'bomb.docx');
    writeFileSync(p, Buffer.concat([local, name, comp, c, name, end]));
    const r = await run({ file: p, lang: 'en' });
    assert.equal(r.code, 2);
    assert.match(r.err, /bomb\.docx: cannot import: refused: .*compression ratio.*zip bomb/);
  });

  it('--from text reads a file whatever its name', async () => {
    const p = join(dir, 'copied.data');
    copyFileSync(SEED, p);
    const r = await run({ file: p, from: 'text' });
    assert.equal(r.code, 0);
    assert.match(r.out, /^# 市文化广电和旅游局/);
  });
});
