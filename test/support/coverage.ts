// `npm run coverage`: the engine's line and branch coverage by the unit suite
// (node's built-in --experimental-test-coverage, lcov written to
// .tmp/coverage/lcov.info), summed over server/src/engine/ and over the
// modules `npm run mutate` mutates. Not part of CI; docs/testing.md quotes it.
//
// Lines are counted as node reports them, except lines that hold no code
// (blank, comments, `import`/`export … from`, type-only declarations): V8
// reports coverage in byte ranges, and the source map of a module loaded
// through tsx marks a file's leading comments and imports as never run, which
// would count against files that have no untested code at all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from './engine.ts';

const OUT = join(root, '.tmp/coverage');
const LCOV = join(OUT, 'lcov.info');

function unitFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...unitFiles(p));
    else if (name.endsWith('.test.ts') && !name.endsWith('.integration.test.ts')) out.push(relative(root, p));
  }
  return out;
}

interface FileCoverage {
  file: string;
  lines: number;
  linesHit: number;
  branches: number;
  branchesHit: number;
}

/** Lines that hold no code: blank, comment, import/export-from, or a type-only declaration. */
function codeLines(source: string): Set<number> {
  const out = new Set<number>();
  let inBlock = false;
  let inType = 0; // brace depth inside an interface / type declaration
  source.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (inBlock) { if (line.includes('*/')) inBlock = false; return; }
    if (line.startsWith('/*')) { if (!line.includes('*/')) inBlock = true; return; }
    if (line === '' || line.startsWith('//')) return;
    if (inType > 0) { inType += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length; return; }
    if (/^(export\s+)?(interface|type)\s/.test(line)) {
      const depth = (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
      if (depth > 0) inType = depth;
      return;
    }
    if (/^import\s/.test(line) || /^export\s+(\*|\{[^}]*\})\s+from\s/.test(line) || /^export\s+type\s/.test(line)) return;
    out.add(i + 1);
  });
  return out;
}

function parse(lcov: string): FileCoverage[] {
  const out: FileCoverage[] = [];
  for (const record of lcov.split('end_of_record')) {
    const file = /^SF:(.+)$/m.exec(record)?.[1];
    if (!file || !file.startsWith('server/src/engine/') || !file.endsWith('.ts')) continue;
    const code = codeLines(readFileSync(join(root, file), 'utf8'));
    let lines = 0;
    let linesHit = 0;
    for (const m of record.matchAll(/^DA:(\d+),(\d+)$/gm)) {
      if (!code.has(Number(m[1]))) continue;
      lines++;
      if (Number(m[2]) > 0) linesHit++;
    }
    const branches = Number(/^BRF:(\d+)$/m.exec(record)?.[1] ?? 0);
    const branchesHit = Number(/^BRH:(\d+)$/m.exec(record)?.[1] ?? 0);
    out.push({ file, lines, linesHit, branches, branchesHit });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

const pct = (hit: number, all: number) => (all === 0 ? '–' : `${((hit / all) * 100).toFixed(1)} %`);

function sum(name: string, files: readonly FileCoverage[]): string {
  const l = files.reduce((s, f) => s + f.lines, 0);
  const lh = files.reduce((s, f) => s + f.linesHit, 0);
  const b = files.reduce((s, f) => s + f.branches, 0);
  const bh = files.reduce((s, f) => s + f.branchesHit, 0);
  return `| ${name} | ${files.length} | ${pct(lh, l)} (${lh} / ${l}) | ${pct(bh, b)} (${bh} / ${b}) |`;
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  if (!process.argv.includes('--report-only')) {
    const files = unitFiles(join(root, 'test/unit'));
    const r = spawnSync(process.execPath, [
      '--import', 'tsx', '--enable-source-maps', '--experimental-test-coverage',
      '--test-reporter=lcov', `--test-reporter-destination=${LCOV}`, '--test-reporter=dot', '--test-reporter-destination=stdout',
      '--test', ...files,
    ], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) console.error(`some unit tests failed (exit ${r.status}): the figures below count what ran`);
  }
  const all = parse(readFileSync(LCOV, 'utf8'));
  const mutated = (f: string) => /engine\/(relations|fixes)\.ts$|engine\/parse\/(numbers|labels)\.ts$|engine\/cross\/statements\.ts$|engine\/rules\//.test(f);
  console.log('| files | count | lines | branches |\n|---|---|---|---|');
  console.log(sum('server/src/engine/ (all)', all));
  console.log(sum('the modules `npm run mutate` mutates', all.filter((f) => mutated(f.file))));
  console.log('\n| file | lines | branches |\n|---|---|---|');
  for (const f of all) console.log(`| ${f.file.replace('server/src/engine/', '')} | ${pct(f.linesHit, f.lines)} | ${pct(f.branchesHit, f.branches)} |`);
}

main();
