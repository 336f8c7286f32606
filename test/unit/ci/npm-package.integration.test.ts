// What `npm pack` puts in the npm package (.npmignore) and what vsce puts in
// the .vsix (.vscodeignore), from the one package.json both read. The packed
// tarball installed and run is test/unit/ci/install.integration.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../support/engine.ts';
import { needDist } from '../../support/dist.ts';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function packList(): string[] {
  // --ignore-scripts: list what is there now, without prepack's production build.
  const r = spawnSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json', '--loglevel=error'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return (JSON.parse(r.stdout)[0].files as { path: string }[]).map((f) => f.path).sort();
}

test('package.json: a public package named nianbao whose bin is the CLI bundle, with no dependencies', () => {
  assert.equal(pkg.name, 'nianbao');
  assert.equal(pkg.private, undefined);
  assert.deepEqual(pkg.bin, { nianbao: 'dist/cli.cjs' });
  assert.match(pkg.engines.node, /^>=20/);
  // The bundles contain every library they use: add libraries with --save-dev
  // (a dependency here would be downloaded again by every `npm install -g nianbao`).
  assert.equal(pkg.dependencies, undefined, 'runtime libraries are bundled: install them with npm install --save-dev');
  assert.equal(pkg.scripts.prepack, 'node esbuild.mjs --production');
  assert.equal(pkg.files, undefined, 'vsce refuses a "files" field beside .vscodeignore: the npm list is .npmignore');
});

test('npm pack holds the bundles, the schemas, README and LICENSE: no sources, tests, maps or VS Code client', () => {
  needDist();
  const files = packList();
  // dist/lib/<name>/: files a lazily loaded library reads at run time (pdf.js's CMaps).
  const allowed = [/^dist\/[\w-]+\.cjs$/, /^dist\/lib\/[\w-]+\.cjs$/, /^dist\/lib\/[\w-]+\/(?![\w.-]*\.map$)[\w.-]+$/, /^schemas\/[\w.-]+\.json$/, /^(package\.json|README\.md|LICENSE)$/];
  assert.deepEqual(files.filter((f) => !allowed.some((a) => a.test(f))), []);
  assert.ok(!files.includes('dist/client.cjs'), 'the VS Code client is not part of the CLI');
  for (const f of ['dist/cli.cjs', 'dist/worker.cjs', 'dist/server.cjs', 'dist/import.cjs', 'dist/export.cjs', 'package.json', 'README.md', 'LICENSE', 'schemas/nianbaorc.schema.json']) assert.ok(files.includes(f), `${f} missing`);
  // Every file a bundle loads from beside itself is packed (a new part or lazy library would be caught here).
  const wanted = new Set<string>();
  for (const f of files.filter((x) => x.startsWith('dist/'))) {
    const code = readFileSync(join(root, f), 'utf8');
    for (const m of code.matchAll(/(?:require|import)\(["'`](\.\/[\w./-]+\.cjs)["'`]\)/g)) wanted.add(join('dist', m[1]));
    if (code.includes('worker.cjs')) wanted.add('dist/worker.cjs');
  }
  assert.ok(wanted.size >= 6, [...wanted].join(', '));
  assert.deepEqual([...wanted].filter((w) => !files.includes(w)), []);
});

test('vsce still packs the .vsix from .vscodeignore: client and server, not the CLI', { timeout: 60_000 }, () => {
  needDist();
  const r = spawnSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = r.stdout.trim().split('\n');
  for (const f of ['package.json', 'dist/client.cjs', 'dist/server.cjs', 'dist/lib/ajv.cjs', 'syntaxes/nianbao.injection.tmLanguage.json']) assert.ok(files.includes(f), `${f} missing from the .vsix`);
  assert.deepEqual(files.filter((f) => /^dist\/(cli|worker|import)\.cjs$|^(server|client|test)\//.test(f)), []);
  // Every part and library the server bundle loads from beside itself is in the .vsix, and what those load in turn
  // (导入并检查: dist/published.cjs, which loads pdf.js from dist/lib/pdfjs.cjs).
  const loaded = new Set<string>();
  const visit = (file: string) => {
    for (const m of readFileSync(join(root, file), 'utf8').matchAll(/(?:require|import)\(["'`]\.\/((?:lib\/)?[\w.-]+\.cjs)["'`]\)/g)) {
      const f = 'dist/' + m[1];
      if (!loaded.has(f)) { loaded.add(f); visit(f); }
    }
  };
  visit('dist/server.cjs');
  assert.ok(loaded.has('dist/published.cjs') && loaded.has('dist/lib/pdfjs.cjs'), [...loaded].join(', '));
  assert.deepEqual([...loaded].filter((f) => !files.includes(f)), [], 'add them to .vscodeignore');
  // pdf.js's CMaps (older CJK PDFs name predefined encodings such as UniGB-UCS2-H).
  assert.ok(files.includes('dist/lib/pdfjs-cmaps/UniGB-UCS2-H.bcmap'), 'the CMaps are in the .vsix');
});
