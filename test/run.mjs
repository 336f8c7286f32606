// Runs the test suites with node's built-in test runner (node 20 has no glob
// support in --test, so the files are listed here). `node test/run.mjs unit`
// runs one suite; no argument runs all: unit, protocol, then e2e.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const suites = { unit: 'test/unit', protocol: 'test/protocol', e2e: 'test/e2e' };
const wanted = process.argv.slice(2);
const chosen = wanted.length ? wanted : Object.keys(suites);

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

const list = chosen.flatMap((s) => {
  if (!(s in suites)) throw new Error(`unknown suite ${s}; one of ${Object.keys(suites).join(', ')}`);
  return files(suites[s]);
});
// Debian packages (Chromium, CJK fonts, LibreOffice for the CSV test) and code-server.
if (chosen.includes('e2e') || chosen.includes('unit')) {
  const setup = spawnSync('bash', ['test/e2e/setup.sh'], { stdio: 'inherit' });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
}
// The bundles: unit tests run the CLI from dist/, the protocol tests the server and the .vsix.
if (chosen.includes('e2e') || chosen.includes('protocol')) {
  const pack = spawnSync('npm', ['run', 'package'], { stdio: 'inherit' });
  if (pack.status !== 0) process.exit(pack.status ?? 1);
} else if (chosen.includes('unit')) {
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...list], { stdio: 'inherit' });
process.exit(r.status ?? 1);
