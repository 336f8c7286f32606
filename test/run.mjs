// Runs the test suites with node's built-in test runner (node 20 has no glob
// support in --test, so the files are listed here). `node test/run.mjs unit`
// runs one suite; no argument runs all: unit, integration, protocol, then e2e.
//
// unit         test/unit/**/*.test.ts but *.integration.test.ts: in-process and
//              CLI tests, no Debian package, no network, no browser; property
//              and exhaustive tests at their quick budget (test/support/budget.ts);
//              the files of one folder run in one process (see `byFolder`)
// integration  every *.integration.test.ts (LibreOffice, pre-commit, Neovim,
//              Emacs, the packed npm package, the Action, worker threads, the
//              benchmark script, killed and huge runs) and the budgeted
//              property tests again at full size (full-budget.integration.test.ts);
//              installs what they need first (test/e2e/setup.sh: Debian packages
//              and code-server)
// protocol     the bundled server over stdio (and the .vsix's contents)
// e2e          a real VS Code: code-server driven by Chromium
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const INTEGRATION = /\.integration\.test\.ts$/;

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.test\.ts$/.test(name)) out.push(p);
  }
  return out.sort();
}

const suites = {
  unit: () => files('test/unit').filter((f) => !INTEGRATION.test(f)),
  integration: () => files('test/unit').filter((f) => INTEGRATION.test(f)),
  protocol: () => files('test/protocol'),
  e2e: () => files('test/e2e'),
};
const wanted = process.argv.slice(2);
const chosen = wanted.length ? wanted : Object.keys(suites);
for (const s of chosen) if (!(s in suites)) throw new Error(`unknown suite ${s}; one of ${Object.keys(suites).join(', ')}`);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Debian packages (Chromium, CJK fonts, LibreOffice, pre-commit, Neovim, Emacs) and code-server: not for the unit suite.
if (chosen.includes('e2e') || chosen.includes('integration')) run('bash', ['test/e2e/setup.sh']);
// The bundles: unit and integration tests run the CLI from dist/, the protocol tests the server and the .vsix.
if (chosen.includes('e2e') || chosen.includes('protocol')) run('npm', ['run', 'package']);
else run(process.execPath, ['esbuild.mjs']);

// The unit suite runs each folder's files in one process (test/unit/cli/, test/unit/rules/, …), by a file
// in .tmp/unit/ that imports them in order: a process of its own per file cost a second of CPU each (node,
// tsx, the engine's modules), more than most files' tests. The tests are the same and report under their
// own names; a folder's files share the process's module state as the CLI's in-process runs already do.
// The heaviest folders go first so that the last to finish are small.
const HEAVY_FIRST = ['cli', 'cross', 'import', 'export', 'perf', 'rules', 'engine', 'fuzz', 'lsp', 'host', 'review'];
function byFolder(files) {
  const dir = resolve('.tmp/unit');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const folders = new Map();
  for (const f of files) {
    const folder = f.split(/[\\/]/)[2];
    folders.set(folder, [...(folders.get(folder) ?? []), f]);
  }
  const rank = (name) => (HEAVY_FIRST.includes(name) ? HEAVY_FIRST.indexOf(name) : HEAVY_FIRST.length);
  return [...folders.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((folder) => {
    const entry = join(dir, `${folder}.test.mjs`);
    writeFileSync(entry, folders.get(folder).map((f) => `await import(${JSON.stringify(pathToFileURL(resolve(f)).href)});\n`).join(''));
    return entry;
  });
}
const list = chosen.flatMap((s) => (s === 'unit' ? byFolder(suites[s]()) : suites[s]()));
// One run, one closing summary (CI reads it). Without code-server or a browser
// in the run, files run in parallel, one per core.
const parallel = !chosen.includes('e2e') && !chosen.includes('protocol') ? [`--test-concurrency=${Math.max(2, availableParallelism())}`] : [];
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...parallel, ...list], { stdio: 'inherit' });
process.exit(r.status ?? 1);
