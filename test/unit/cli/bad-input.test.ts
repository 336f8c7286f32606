// Bad input through the CLI, each answered with the path and the reason while
// every other file is still checked and nothing is written: empty, huge,
// NUL bytes, a file deleted during the run. Wide, deep and very long inputs
// and a process killed while --fix writes are bad-input.integration.test.ts
// (slow by design: megabytes of input, ten killed runs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck, inThread, type Runner } from '../../../server/src/cli/check-command.ts';
import { cli, scratch } from '../../support/cli.ts';
import { fixture } from '../../support/engine.ts';

const BAD = fixture('examples/2022-with-mistakes.md');

async function json(args: string[]) {
  const r = await cli(['check', '--format', 'json', ...args]);
  return { code: r.code, out: JSON.parse(r.stdout), stderr: r.stderr };
}

test('an empty file named explicitly is checked: every section is missing', async () => {
  const dir = scratch();
  writeFileSync(join(dir, 'empty.md'), '');
  const { out } = await json([join(dir, 'empty.md')]);
  assert.equal(out.files[0].status, 'checked');
  assert.equal(out.files[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'section-missing').length, 6);
});

test('a 50 MB file gets a clear "too large" notice (no out-of-memory); the other file is still checked', async () => {
  const dir = scratch({ 'good.md': 'examples/2022-with-mistakes.md' });
  const big = join(dir, 'big.md');
  const chunk = Buffer.from(BAD);
  const parts: Buffer[] = [];
  for (let n = 0; n < 50 * 1024 * 1024; n += chunk.length) parts.push(chunk);
  writeFileSync(big, Buffer.concat(parts));
  const { code, out } = await json([big, join(dir, 'good.md')]);
  assert.equal(code, 2);
  assert.match(out.files.find((f: { path: string }) => f.path === big).reason, /文件过大：\d+ 字节，上限 10485760 字节.*too large/);
  assert.equal(out.files.find((f: { path: string }) => f.path.endsWith('good.md')).status, 'checked');
  unlinkSync(big);
});

test('a NUL byte marks a file as binary: refused with path and reason, nothing written by --fix', async () => {
  const dir = scratch();
  const file = join(dir, 'nul.md');
  writeFileSync(file, BAD.replace('一、总体情况', '一、总体\u0000情况'));
  const before = readFileSync(file);
  const r = await cli(['check', '--fix', file]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^\S*nul\.md: 无法解码：binary file/m);
  // Nothing was checked and nothing found, but the run is not clean: ✖, not ✓.
  assert.match(r.stdout, /^✖ 0 个报告，0 个问题（0 个错误，0 个警告）；1 个文件无法检查$/m);
  assert.deepEqual(readFileSync(file), before);
});

test('a file deleted during the run is reported; the files after it are still checked', async () => {
  const dir = scratch({ 'a.md': 'examples/2022-with-mistakes.md', 'b.md': 'examples/2022-with-mistakes.md', 'c.md': 'examples/2022-with-mistakes.md' });
  // Deletes b.md after the file list is made and before b.md is read.
  const deleting: Runner = (paths, options, each) => inThread(paths, options, (r) => {
    each(r);
    if (r.path.endsWith('a.md')) unlinkSync(join(dir, 'b.md'));
  });
  const out: string[] = [];
  const { code, summary } = await runCheck({ paths: [dir], format: 'json', fix: false, fixFigures: false, lang: 'zh', quiet: false, noFail: false }, { out: (s) => out.push(s), err: () => {}, color: false }, deleting);
  assert.equal(code, 2);
  const files = JSON.parse(out.join('\n')).files;
  assert.equal(files.find((f: { path: string }) => f.path.endsWith('b.md')).reason, '文件不存在 (no such file)');
  assert.equal(files.find((f: { path: string }) => f.path.endsWith('c.md')).status, 'checked');
  assert.equal(summary.checked, 2);
});
