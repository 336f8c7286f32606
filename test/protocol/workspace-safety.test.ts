// Nothing from the workspace is executed. A downloaded workspace may hold
// JavaScript where a configuration or a template is expected, a package.json
// with scripts, a node_modules with a "plugin", and JSON that tries prototype
// pollution. The language server and `nianbao check` read configuration and
// templates as JSON only (validated by schema, never `require`d or
// evaluated): every trap below writes a marker file if it ever runs, and none
// may. The sources are also scanned for eval, new Function and require/import
// of anything but a fixed path. (Restricted Mode in a real VS Code is
// test/e2e/extension.e2e.test.ts.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cleanReport, fileUri, ROOT, TestClient } from './harness.ts';

/** JavaScript that leaves `marker` behind if anything runs it. */
function trap(marker: string): string {
  return `require('fs').writeFileSync(${JSON.stringify(marker)}, 'executed: ' + __filename); module.exports = { rules: {} };\n`;
}

function workspace(): { dir: string; marker: string; report: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-untrusted-'));
  const marker = join(dir, 'EXECUTED');
  const js = trap(marker);
  for (const f of ['.nianbaorc.js', '.nianbaorc.cjs', '.nianbaorc.mjs', 'nianbao.config.js', 'evil-template.js', 'template.json.js']) writeFileSync(join(dir, f), js);
  // A config naming a JavaScript "template" and a template polluting prototypes, plus a __proto__ rule.
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ templates: ['evil-template.js', 'proto-template.json'], rules: { __proto__: { polluted: 'error' }, constructor: { prototype: { polluted: 'error' } } } }).replace('"rules":{', '"rules":{"__proto__":{"polluted":"error"},'));
  writeFileSync(join(dir, 'proto-template.json'), '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"id":"evil","name":{"zh":"x","en":"x"}}');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'ws', nianbao: { require: './nianbao.config.js' }, scripts: { preinstall: `node -e "require('fs').writeFileSync('${marker}','x')"` } }));
  mkdirSync(join(dir, 'node_modules/nianbao-plugin'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/nianbao-plugin/index.js'), js);
  writeFileSync(join(dir, 'node_modules/nianbao-plugin/package.json'), JSON.stringify({ name: 'nianbao-plugin', main: 'index.js' }));
  return { dir, marker, report: join(dir, 'report.md') };
}

describe('nothing from the workspace is executed', () => {
  it('the language server reads the workspace\'s configuration as JSON only; no trap runs', async () => {
    const ws = workspace();
    const text = (await cleanReport('2021', 2023)).replace('| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 0 |');
    writeFileSync(ws.report, text);
    const client = await TestClient.start({ workspaceFolder: ws.dir });
    try {
      const uri = fileUri(ws.report);
      const published = await client.open(uri, text);
      assert.ok(published.diagnostics.some((d) => d.code === 'total-row'), 'the report is still checked with the built-in rules');
      // Every feature, and a configuration change that reloads the files.
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, context: { diagnostics: published.diagnostics } });
      await client.request('nianbao/templates', { uri });
      const again = client.waitForDiagnostics(uri, () => true);
      await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws.dir, '.nianbaorc.json')), type: 2 }] });
      await again;
      assert.ok(client.logs.some((l) => l.includes('evil-template.js')), `the JavaScript "template" is reported, not run:\n${client.logs.join('\n')}`);
      assert.ok(!existsSync(ws.marker), readFileSyncSafe(ws.marker));
      await client.close(uri);
    } finally {
      await client.stop();
    }
    assert.ok(!existsSync(ws.marker), readFileSyncSafe(ws.marker));
  });

  it('nianbao check reads it the same way; no trap runs', () => {
    const ws = workspace();
    writeFileSync(ws.report, readFileSync(join(ROOT, 'test/fixtures/seeds-raw/003_4ec1c1e093af1759.txt')));
    const check = () => spawnSync(process.execPath, [join(ROOT, 'dist/cli.cjs'), 'check', ws.dir], { cwd: ws.dir, encoding: 'utf8', timeout: 60000 });
    // The polluting rules fail the schema: the configuration is refused with its path.
    const first = check();
    assert.equal(first.status, 2, first.stdout + first.stderr);
    assert.match(first.stdout + first.stderr, /\.nianbaorc\.json: .*__proto__/);
    // Without them, the JavaScript "template" is refused with its path.
    writeFileSync(join(ws.dir, '.nianbaorc.json'), JSON.stringify({ templates: ['evil-template.js'] }));
    const second = check();
    assert.equal(second.status, 2, second.stdout + second.stderr);
    assert.match(second.stdout + second.stderr, /evil-template\.js/);
    assert.ok(!existsSync(ws.marker), readFileSyncSafe(ws.marker));
  });

  it('prototype pollution in .nianbaorc.json or a template changes nothing', async () => {
    const ws = workspace();
    const { readConfigFile } = await import('../../server/src/host/nianbaorc.ts');
    const { ConfigStore } = await import('../../server/src/lsp/document-config.ts');
    const rc = readConfigFile(join(ws.dir, '.nianbaorc.json'));
    assert.ok(rc.problems.some((p) => p.message.includes('evil-template.js')));
    const store = new ConfigStore({ log: () => undefined });
    await store.get(fileUri(ws.report));
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched');
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
  });

  it('the sources never eval, build functions from text, or require/import anything but fixed modules', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(n) ? [p] : [];
    });
    const offenders: string[] = [];
    for (const f of [...files(join(ROOT, 'server/src')), ...files(join(ROOT, 'client/src'))]) {
      const src = readFileSync(f, 'utf8').replace(/^\s*\/\/.*$/gm, '');
      const rel = f.slice(ROOT.length);
      if (/\beval\s*\(|new\s+Function\s*\(|\bvm\.(run|compile)|from 'node:vm'/.test(src)) offenders.push(`${rel}: eval, Function or vm`);
      for (const m of src.matchAll(/\b(require|import)\s*\(\s*([^)]*)\)/g)) {
        const arg = m[2].trim();
        if (/^'[^']*'$/.test(arg) || /^"[^"]*"$/.test(arg)) continue;
        // The allowed exceptions: `nianbao check --jobs` and the server's analysis thread bootstrap their
        // worker threads, when run from source, from their own source paths.
        if ((rel.endsWith('server/src/cli/workers.ts') || rel.endsWith('server/src/lsp/remote-analysis.ts')) && /^\$\{JSON\.stringify\((api|entry)$/.test(arg)) continue;
        offenders.push(`${rel}: ${m[0]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});

function readFileSyncSafe(path: string): string {
  try {
    return `a trap ran: ${readFileSync(path, 'utf8')}`;
  } catch {
    return '';
  }
}
