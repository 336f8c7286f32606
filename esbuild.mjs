// Bundles the three entry points, one file each: the VS Code client, the
// language server and the CLI. `--production` minifies (sourcemaps always).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  // import.meta.url has no CJS equivalent; the bundles use __filename instead.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: 'const __importMetaUrl = require("url").pathToFileURL(__filename).href;' },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.cjs', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.cjs' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.cjs', banner: { js: '#!/usr/bin/env node\n' + common.banner.js } }),
  // Worker threads of `nianbao check --jobs N`, loaded by dist/cli.cjs from the same folder.
  esbuild.build({ ...common, entryPoints: ['server/src/cli/worker-entry.ts'], outfile: 'dist/worker.cjs' }),
]);
