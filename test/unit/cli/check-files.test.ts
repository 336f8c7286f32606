// nianbao check on real files: encodings, bad input reported with path and
// reason while every other file is still checked, non-reports skipped,
// --fix atomic and figure-safe, CRLF kept, config found upward.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { cli, scratch } from '../../support/cli.ts';
import { fixture } from '../../support/engine.ts';

const BAD = fixture('examples/2022-with-mistakes.md');

test('GB18030, UTF-16 and UTF-8 with BOM are decoded and give the same findings', async () => {
  const dir = scratch();
  writeFileSync(join(dir, 'utf8.md'), BAD);
  writeFileSync(join(dir, 'bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BAD)]));
  writeFileSync(join(dir, 'gbk.md'), iconv.encode(BAD, 'gb18030'));
  writeFileSync(join(dir, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(BAD, 'utf16le')]));
  const out = JSON.parse((await cli(['check', '--format', 'json', dir])).stdout);
  assert.equal(out.files.length, 4);
  // The four files are copies of one report: each is told about the other three (copy-identical names their paths).
  const copies = (d: { ruleId: string }) => d.ruleId === 'copy-identical';
  for (const f of out.files as { diagnostics: { ruleId: string }[] }[]) assert.equal(f.diagnostics.filter(copies).length, 3);
  const sets = out.files.map((f: { diagnostics: { ruleId: string; line: number; message: string }[] }) => JSON.stringify(f.diagnostics.filter((d) => !copies(d)).map((d) => [d.ruleId, d.line, d.message])));
  assert.equal(new Set(sets).size, 1, 'all four encodings give identical diagnostics');
  assert.ok(out.files[0].diagnostics.length > 3);
});

test('unreadable, binary, invalid and missing files are reported with path and reason; the rest are still checked', async () => {
  const dir = scratch({ 'good.md': 'examples/2022-with-mistakes.md' });
  writeFileSync(join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
  writeFileSync(join(dir, 'invalid.md'), Buffer.concat([Buffer.from(BAD.slice(0, 200)), Buffer.from([0xc3, 0x28, 0xa0]), Buffer.from(BAD.slice(200))]));
  writeFileSync(join(dir, 'locked.md'), BAD);
  chmodSync(join(dir, 'locked.md'), 0o000);
  const runningAsRoot = process.getuid?.() === 0;
  const r = await cli(['check', '--format', 'json', join(dir, 'binary.md'), join(dir, 'invalid.md'), join(dir, 'locked.md'), join(dir, 'nope.md'), join(dir, 'good.md')]);
  assert.equal(r.code, 2);
  const out = JSON.parse(r.stdout);
  const by = (name: string) => out.files.find((f: { path: string }) => f.path.endsWith(name));
  assert.equal(by('binary.md').status, 'error');
  assert.match(by('binary.md').reason, /binary/);
  assert.equal(by('invalid.md').status, 'error');
  assert.match(by('invalid.md').reason, /解码|decode/);
  assert.equal(by('nope.md').status, 'error');
  if (!runningAsRoot) assert.match(by('locked.md').reason, /权限|permission/);
  assert.equal(by('good.md').status, 'checked');
  assert.ok(by('good.md').diagnostics.length > 3);
});

test('text format names the path and the reason on stderr', async () => {
  const dir = scratch({ 'good.md': 'examples/2022-with-mistakes.md' });
  writeFileSync(join(dir, 'binary.md'), Buffer.from([0, 1, 2, 3, 0]));
  const r = await cli(['check', join(dir, 'binary.md'), join(dir, 'good.md')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^\S*binary\.md: 无法解码：binary file/m);
  assert.match(r.stdout, /good\.md/);
});

test('a directory expands to its Markdown reports; other Markdown is skipped with a note unless named; symlink loops do not hang', async () => {
  const dir = scratch({ 'a.md': 'examples/2020-clean-2019-format.md' });
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'notes.md'), '# 会议纪要\n\n今天讨论了网站改版。\n');
  symlinkSync(dir, join(dir, 'sub', 'loop'));
  const r = await cli(['check', '--format', 'json', dir]);
  const out = JSON.parse(r.stdout);
  const notes = out.files.find((f: { path: string }) => f.path.endsWith('notes.md'));
  assert.equal(notes.status, 'skipped');
  assert.equal(out.summary.checked, 1);
  const named = JSON.parse((await cli(['check', '--format', 'json', join(dir, 'sub', 'notes.md')])).stdout);
  assert.equal(named.files[0].status, 'checked');
  assert.ok(named.files[0].diagnostics.some((d: { ruleId: string }) => d.ruleId === 'section-missing'));
});

test('a file over maxFileSize is refused with a clear notice', async () => {
  const dir = scratch({ 'a.md': 'examples/2022-with-mistakes.md' });
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ maxFileSize: 1000 }));
  const r = await cli(['check', '--format', 'json', join(dir, 'a.md')]);
  assert.equal(r.code, 2);
  assert.match(JSON.parse(r.stdout).files[0].reason, /过大|too large/);
});

test('--fix applies label and title fixes only, keeps CRLF and mode, writes atomically; a second run changes nothing', async () => {
  const dir = scratch();
  const crlf = BAD.replace(/\n/g, '\r\n');
  const file = join(dir, 'r.md');
  writeFileSync(file, crlf);
  chmodSync(file, 0o640);
  const r = await cli(['check', '--fix', '--format', 'json', file]);
  const after = readFileSync(file, 'utf8');
  assert.notEqual(after, crlf);
  assert.ok(!/[^\r]\n/.test(after), 'every line ending is still CRLF');
  assert.match(after, /5\.属于三类内部事务信息/);
  assert.match(after, /## 五、存在的主要问题及改进情况/);
  assert.match(after, /\| （七）总计 \| 23 \|/, 'figures untouched without --fix-figures');
  assert.equal(statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(dir), ['r.md'], 'no temp file left');
  assert.equal(JSON.parse(r.stdout).files[0].fixed > 0, true);
  await cli(['check', '--fix', file]);
  assert.equal(readFileSync(file, 'utf8'), after, 'second --fix changes nothing');
});

test('--fix-figures also corrects totals and fills blanks', async () => {
  const dir = scratch({ 'r.md': 'examples/2022-with-mistakes.md' });
  const r = await cli(['check', '--fix-figures', join(dir, 'r.md')]);
  const after = readFileSync(join(dir, 'r.md'), 'utf8');
  assert.match(after, /\| （七）总计 \| 24 \|/);
  assert.match(after, /## 六、其他需要报告的事项/);
  assert.equal(r.code, 0, r.stdout);
});

test('GB18030 files are written back in GB18030 by --fix', async () => {
  const dir = scratch();
  const file = join(dir, 'gbk.md');
  writeFileSync(file, iconv.encode(BAD, 'gb18030'));
  await cli(['check', '--fix', file]);
  const text = iconv.decode(readFileSync(file), 'gb18030');
  assert.match(text, /5\.属于三类内部事务信息/);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file)));
});

test('.nianbaorc.json is found upward; rules can be switched off; an invalid config is an error with its path', async () => {
  const dir = scratch();
  mkdirSync(join(dir, 'deep', 'er'), { recursive: true });
  writeFileSync(join(dir, 'deep', 'er', 'r.md'), BAD);
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { 'table-row-label': 'off', 'section-title': 'error' } }));
  const out = JSON.parse((await cli(['check', '--format', 'json', join(dir, 'deep')])).stdout);
  const ds = out.files[0].diagnostics;
  assert.ok(!ds.some((d: { ruleId: string }) => d.ruleId === 'table-row-label'));
  assert.equal(ds.find((d: { ruleId: string }) => d.ruleId === 'section-title').severity, 'error');
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { 'table-row-label': 'loud' } }));
  const bad = await cli(['check', '--format', 'json', join(dir, 'deep')]);
  assert.equal(bad.code, 2);
  assert.match(JSON.parse(bad.stdout).files[0].reason, /\.nianbaorc\.json/);
});

test('a user template added by config is validated and used', async () => {
  const dir = scratch({ 'r.md': 'examples/2022-clean-2021-format.md' });
  const t = JSON.parse(fixture('server/src/engine/templates/2021.json'));
  t.id = 'province-2021';
  t.years = { from: 2021 };
  t.sections[0].variants.push('工作概况');
  delete t.$schema;
  writeFileSync(join(dir, 'province.json'), JSON.stringify(t));
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ templates: ['province.json'], template: 'province-2021' }));
  const out = JSON.parse((await cli(['check', '--format', 'json', join(dir, 'r.md')])).stdout);
  assert.equal(out.files[0].template, 'province-2021');
  assert.deepEqual(out.files[0].diagnostics, []);
  writeFileSync(join(dir, 'province.json'), JSON.stringify({ ...t, tables: 'none' }));
  const bad = JSON.parse((await cli(['check', '--format', 'json', join(dir, 'r.md')])).stdout);
  assert.match(bad.files[0].reason, /invalid template/);
});
