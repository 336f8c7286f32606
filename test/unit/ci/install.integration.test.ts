// The npm package installed as a user installs it: the packed tarball into an
// empty prefix (`npm install -g --prefix`, offline: it has no dependencies),
// then its `nianbao` command checks the example reports, writes JUnit, and
// serves the language server over stdio; and `npx --package ./nianbao-x.y.z.tgz`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { root } from '../../support/engine.ts';
import { needDist } from '../../support/dist.ts';
import { installTarball, packTarball, VERSION } from '../../support/tarball.ts';

const FINDING = /63:11\s+错误\s+（七）总计「自然人」应为 24（各办理结果之和），实为 23\s+total-results/;

/** A folder with copies of the example reports, outside the repository. */
function examples(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-examples-'));
  cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
  return dir;
}

test('the packed tarball installs into an empty prefix; nianbao check and lsp --stdio work from there', { timeout: 240_000 }, async () => {
  needDist();
  const tarball = packTarball();
  assert.match(tarball, new RegExp(`nianbao-${VERSION.replace(/\./g, '\\.')}\\.tgz$`));
  const prefix = installTarball(tarball);
  const bin = join(prefix, 'bin', 'nianbao');
  assert.ok(statSync(bin).mode & 0o111, 'bin/nianbao is executable');
  const installed = join(prefix, 'lib/node_modules/nianbao');
  assert.ok(!existsSync(join(installed, 'node_modules')), 'no dependencies were installed');
  assert.ok(!existsSync(join(installed, 'server')) && !existsSync(join(installed, 'dist/cli.cjs.map')), 'no sources or maps');

  const cwd = examples();
  const run = (args: string[]) => spawnSync(bin, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8' } });
  const version = run(['--version']);
  assert.equal(version.stdout.trim(), VERSION);
  const check = run(['check', 'examples']);
  assert.equal(check.status, 1, check.stderr);
  assert.match(check.stdout, FINDING);
  assert.match(check.stdout, /3 个报告/);
  const junit = run(['check', '--format', 'junit', 'examples/2022-with-mistakes.md']);
  assert.equal(junit.status, 1, junit.stderr);
  assert.match(junit.stdout, /<failure message="63:11 （七）总计「自然人」应为 24（各办理结果之和），实为 23" type="total-results">/);
  const clean = run(['check', 'examples/2022-clean-2021-format.md']);
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  // A PDF: dist/import.cjs loads pdf.js (dist/lib/pdfjs.cjs) and its CMaps from the package.
  const pdf = run(['import', join(root, 'test/fixtures/pdf/arith.lo.pdf'), '--check']);
  assert.equal(pdf.status, 1, pdf.stdout + pdf.stderr);
  assert.match(pdf.stdout, /^# 某市文化和旅游局2021年政府信息公开工作年度报告$/m);
  assert.match(pdf.stderr, /PDF 共 2 页/);
  assert.match(pdf.stderr, /\[total-results\]/);

  // The language server from the installed command, over stdio.
  const child = spawn(bin, ['lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published = new Promise<{ uri: string; diagnostics: { code?: string; range: { start: { line: number } } }[] }>((resolve) => {
    rpc.onNotification('textDocument/publishDiagnostics', (p) => {
      if (p.diagnostics.length) resolve(p);
    });
  });
  rpc.listen();
  try {
    const init = await rpc.sendRequest<{ serverInfo?: { name: string } }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(init.serverInfo?.name, 'nianbao');
    await rpc.sendNotification('initialized', {});
    const uri = 'file://' + join(cwd, 'examples/2022-with-mistakes.md');
    await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(join(cwd, 'examples/2022-with-mistakes.md'), 'utf8') } });
    const p = await published;
    assert.equal(p.uri, uri);
    const total = p.diagnostics.find((d) => d.code === 'total-results');
    assert.ok(total, JSON.stringify(p.diagnostics.map((d) => d.code)));
    assert.equal(total.range.start.line, 62);
    await rpc.sendRequest('shutdown');
    await rpc.sendNotification('exit');
  } finally {
    rpc.dispose();
    child.kill();
  }
});

test('npx --package ./nianbao-x.y.z.tgz nianbao check runs the packed CLI', { timeout: 240_000 }, () => {
  needDist();
  const tarball = packTarball();
  const cwd = examples();
  cpSync(tarball, join(cwd, `nianbao-${VERSION}.tgz`));
  const r = spawnSync('npx', ['--yes', '--package', `./nianbao-${VERSION}.tgz`, 'nianbao', 'check', 'examples'], {
    cwd,
    encoding: 'utf8',
    // A cache of its own, offline: nothing but the tarball is needed.
    env: { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', npm_config_cache: join(cwd, '.npm-cache'), npm_config_offline: 'true', npm_config_loglevel: 'error' },
  });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, FINDING);
});
