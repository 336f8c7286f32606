// Bundles the entry points, one file each: the VS Code client, the language
// server, and the CLI in parts. `--production` minifies and writes no source
// maps (the .vsix and the npm package carry none); development builds keep them.
//
// The CLI is split so that a cold `nianbao check` compiles only what checking
// needs: dist/cli.cjs (the commands, check, the engine), dist/worker.cjs (the
// `--jobs` threads), dist/import.cjs (`nianbao import`: Word and HTML
// libraries), dist/published.cjs (the same readers for `check report.pdf`
// and the editor's 导入并检查, loaded with the first published file), and dist/lib/*.cjs (libraries check needs only now and then,
// remark among them: reports the direct block scan reads whole never load it,
// required on first use through the shims in server/src/lazy/).
// `nianbao lsp` loads dist/server.cjs, the editor's own server bundle, which
// takes ajv and iconv-lite from dist/lib/ the same way: they were 40% of its
// code and its start-up compiled them before the first diagnostics.
import * as esbuild from 'esbuild';
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // import.meta.url has no CJS equivalent; the bundles use __filename instead.
  define: { 'import.meta.url': '__importMetaUrl' },
  // jsonc-parser's `main` is a UMD build whose require() calls esbuild cannot follow: bundle its ES modules.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  banner: { js: 'const __importMetaUrl = require("url").pathToFileURL(__filename).href;' },
};

// Package → shim that requires dist/lib/<package>.cjs on first use.
const lazy = { ajv: 'server/src/lazy/ajv.ts', 'iconv-lite': 'server/src/lazy/iconv-lite.ts', xmlbuilder2: 'server/src/lazy/xmlbuilder2.ts' };
const lazyPlugin = {
  name: 'lazy-libraries',
  setup(build) {
    // The shims' require('./lib/…'): the libraries bundled beside the bundle.
    build.onResolve({ filter: /^\.\/lib\// }, (args) =>
      args.importer.startsWith(resolve('server/src/lazy')) ? { path: args.path, external: true } : undefined);
  },
};
// remark (micromark and remark-gfm, about a third of the CLI's code) is dist/lib/remark.cjs, required
// through the shim on the first unit the direct block scan declines (engine/parse/remark.ts).
const remarkModule = resolve('server/src/engine/parse/remark.ts');
const remarkPlugin = {
  name: 'remark-on-first-use',
  setup(build) {
    build.onResolve({ filter: /remark\.ts$/ }, (args) => (resolve(args.resolveDir, args.path) === remarkModule && !args.importer.startsWith(resolve('server/src/lazy')) ? { path: resolve('server/src/lazy/remark.ts') } : undefined));
  },
};
const withLazy = { ...common, alias: { ...common.alias, ...Object.fromEntries(Object.entries(lazy).map(([pkg, shim]) => [pkg, './' + shim])) } };

// Modules the CLI imports that are bundled on their own: in dist/cli.cjs the
// import stays, of the file beside it, and runs only when the command does.
const published = { [resolve('server/src/host/published/index.ts')]: './published.cjs' };
const parts = {
  [resolve('server/src/cli/import-command.ts')]: './import.cjs',
  [resolve('server/src/cli/export-run.ts')]: './export.cjs',
  [resolve('server/src/lsp/main.ts')]: './server.cjs',
  ...published,
};
const partsPlugin = {
  name: 'cli-parts',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const to = parts[resolve(args.resolveDir, args.path)];
      return to ? { path: to, external: true } : undefined;
    });
  },
};
// pdf.js (the PDF reader's 1.5 MB) is dist/lib/pdfjs.cjs, required by every
// bundle that can read a PDF on its first PDF (host/published/pdf/load.ts),
// with its packed CMaps beside it.
const pdfjsLib = resolve('server/src/host/published/pdf/pdfjs-lib.ts');
const pdfPlugin = {
  name: 'pdfjs-on-first-use',
  setup(build) {
    build.onResolve({ filter: /pdfjs-lib\.ts$/ }, (args) => (resolve(args.resolveDir, args.path) === pdfjsLib ? { path: './lib/pdfjs.cjs', external: true } : undefined));
  },
};
// pdf.js, in Node, requires the native canvas package at load to polyfill
// DOMMatrix, ImageData and Path2D for rendering, and prints a warning on
// stdout when it cannot. The reader renders nothing: the bundle skips that
// block (each replacement must match once, or the build fails).
const PDFJS_NO_CANVAS = [
  ['  let canvas;\n  try {\n    const require = process.getBuiltinModule("module")', '  let canvas;\n  if (false) try {\n    const require = process.getBuiltinModule("module")'],
  ['  if (!globalThis.DOMMatrix) {', '  if (false) {'],
  ['  if (!globalThis.ImageData) {', '  if (false) {'],
  ['  if (!globalThis.Path2D) {', '  if (false) {'],
  ['const SCALE_MATRIX = new DOMMatrix();', 'const SCALE_MATRIX = null;'],
];
const pdfjsNoCanvas = {
  name: 'pdfjs-no-canvas',
  setup(build) {
    build.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      for (const [from, to] of PDFJS_NO_CANVAS) {
        if (text.split(from).length !== 2) throw new Error(`esbuild.mjs: pdf.js changed; cannot patch: ${from}`);
        text = text.replace(from, to);
      }
      return { contents: text, loader: 'js' };
    });
  },
};
// ECharts (the review page's charts, 0.9 MB) and exceljs (`data --format xlsx`) are
// dist/lib/echarts.cjs and dist/lib/exceljs.cjs, loaded on first use the same way.
const ownLibs = {
  [resolve('server/src/review/echarts-lib.ts')]: './lib/echarts.cjs',
  [resolve('server/src/review/exceljs-lib.ts')]: './lib/exceljs.cjs',
};
const ownLibsPlugin = {
  name: 'libraries-on-first-use',
  setup(build) {
    build.onResolve({ filter: /-lib\.ts$/ }, (args) => {
      const to = ownLibs[resolve(args.resolveDir, args.path)];
      return to ? { path: to, external: true } : undefined;
    });
  },
};
const cli = { ...withLazy, plugins: [partsPlugin, lazyPlugin, pdfPlugin, ownLibsPlugin, remarkPlugin] };
// The readers of published forms (host/published/: Word, web page, text, and the PDF reader before pdf.js) are
// dist/published.cjs, loaded by `check` and the server with the first file that is not Markdown (host/load-report.ts).
const publishedPlugin = {
  name: 'published-on-first-use',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => (published[resolve(args.resolveDir, args.path)] ? { path: './published.cjs', external: true } : undefined));
  },
};

// The client requires the exporter and the preview plugin from the bundles beside it, on first use.
const clientParts = {
  name: 'client-parts',
  setup(build) {
    build.onResolve({ filter: /^\.\/(export|preview)\.cjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};

await Promise.all([
  esbuild.build({ ...common, plugins: [clientParts], entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.cjs', external: ['vscode'] }),
  esbuild.build({ ...withLazy, plugins: [publishedPlugin, lazyPlugin, pdfPlugin, remarkPlugin], entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.cjs' }),
  esbuild.build({ ...cli, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.cjs', banner: { js: '#!/usr/bin/env node\n' + common.banner.js } }),
  // Worker threads of `nianbao check --jobs N`, loaded by dist/cli.cjs from the same folder.
  esbuild.build({ ...cli, entryPoints: ['server/src/cli/worker-entry.ts'], outfile: 'dist/worker.cjs' }),
  esbuild.build({ ...common, plugins: [pdfPlugin], entryPoints: ['server/src/cli/import-command.ts'], outfile: 'dist/import.cjs' }),
  // `nianbao export` (the docx library) and the VS Code commands 导出为 Word / 导出为网页, which require it too.
  esbuild.build({ ...withLazy, plugins: [lazyPlugin], entryPoints: ['server/src/cli/export-run.ts'], outfile: 'dist/export.cjs' }),
  // The Markdown preview's plugin, required by the client when the preview first renders.
  esbuild.build({ ...withLazy, plugins: [lazyPlugin], entryPoints: ['server/src/export/preview.ts'], outfile: 'dist/preview.cjs' }),
  esbuild.build({ ...common, plugins: [pdfPlugin], entryPoints: ['server/src/host/published/index.ts'], outfile: 'dist/published.cjs' }),
  esbuild.build({ ...common, plugins: [pdfjsNoCanvas], entryPoints: [pdfjsLib], outfile: 'dist/lib/pdfjs.cjs' }),
  esbuild.build({ ...common, entryPoints: [remarkModule], outfile: 'dist/lib/remark.cjs' }),
  ...Object.entries(ownLibs).map(([entry, out]) => esbuild.build({ ...common, entryPoints: [entry], outfile: join('dist', out) })),
  ...Object.keys(lazy).map((pkg) => esbuild.build({ ...common, stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: '.', sourcefile: `lib/${pkg}.cjs` }, outfile: `dist/lib/${pkg}.cjs` })),
]);
cpSync('node_modules/pdfjs-dist/cmaps', 'dist/lib/pdfjs-cmaps', { recursive: true });
