// `npm run coverage`: the engine's line and branch coverage by the unit suite
// (node's built-in --experimental-test-coverage, one lcov file per folder of
// test/unit/ in .tmp/coverage/, merged: one run of the whole suite lost its
// report), summed over server/src/engine/ and over the modules `npm run
// mutate` mutates. Not part of CI; docs/testing.md quotes it.
//
// Lines are counted as node reports them, except lines that hold no code
// (blank, comments, `import`/`export … from`, type-only declarations): V8
// reports coverage in byte ranges, and the source map of a module loaded
// through tsx marks a file's leading comments and imports as never run, which
// would count against files that have no untested code at all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from './engine.ts';

const OUT = join(root, '.tmp/coverage');

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

/** Several lcov reports merged: a line or branch counts as run when any report ran it. */
function parse(reports: readonly string[]): FileCoverage[] {
  const lines = new Map<string, Map<number, number>>();
  const branches = new Map<string, Map<string, number>>();
  for (const lcov of reports) {
    for (const record of lcov.split('end_of_record')) {
      const file = /^SF:(.+)$/m.exec(record)?.[1];
      if (!file || !file.startsWith('server/src/engine/') || !file.endsWith('.ts')) continue;
      const l = lines.get(file) ?? new Map<number, number>();
      const b = branches.get(file) ?? new Map<string, number>();
      lines.set(file, l);
      branches.set(file, b);
      for (const m of record.matchAll(/^DA:(\d+),(\d+)$/gm)) l.set(Number(m[1]), (l.get(Number(m[1])) ?? 0) + Number(m[2]));
      // Node numbers a file's branches in the order it met them, which depends on what ran: a branch is
      // known by its line and its place among that line's branches instead.
      const onLine = new Map<string, number>();
      for (const m of record.matchAll(/^BRDA:(\d+),(\d+),(\d+),(\d+|-)$/gm)) {
        const k = onLine.get(m[1]) ?? 0;
        onLine.set(m[1], k + 1);
        const key = `${m[1]}#${k}`;
        b.set(key, (b.get(key) ?? 0) + (m[4] === '-' ? 0 : Number(m[4])));
      }
    }
  }
  const out: FileCoverage[] = [];
  for (const [file, l] of lines) {
    const code = codeLines(readFileSync(join(root, file), 'utf8'));
    const counted = [...l].filter(([n]) => code.has(n));
    const b = [...branches.get(file)!.values()];
    out.push({ file, lines: counted.length, linesHit: counted.filter(([, hits]) => hits > 0).length, branches: b.length, branchesHit: b.filter((x) => x > 0).length });
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
  const folders = readdirSync(join(root, 'test/unit')).filter((d) => statSync(join(root, 'test/unit', d)).isDirectory()).sort();
  if (!process.argv.includes('--report-only')) {
    for (const folder of folders) {
      const files = unitFiles(join(root, 'test/unit', folder));
      if (files.length === 0) continue;
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [
        '--import', 'tsx', '--enable-source-maps', '--experimental-test-coverage',
        '--test-reporter=lcov', `--test-reporter-destination=${join(OUT, `${folder}.info`)}`, '--test-reporter=tap', `--test-reporter-destination=${join(OUT, `${folder}.tap`)}`,
        '--test', ...files,
      ], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
      console.error(`test/unit/${folder}: ${files.length} files, exit ${r.status}, ${((performance.now() - t0) / 1000).toFixed(0)} s${r.status === 0 ? '' : ` (see .tmp/coverage/${folder}.tap): the figures count what ran`}`);
    }
  }
  const reports = folders.filter((f) => existsSync(join(OUT, `${f}.info`))).map((f) => readFileSync(join(OUT, `${f}.info`), 'utf8'));
  const all = parse(reports);
  const mutated = (f: string) => /engine\/(relations|fixes)\.ts$|engine\/parse\/(numbers|labels)\.ts$|engine\/cross\/statements\.ts$|engine\/rules\//.test(f);
  console.log('| files | count | lines | branches |\n|---|---|---|---|');
  console.log(sum('server/src/engine/ (all)', all));
  console.log(sum('the modules `npm run mutate` mutates', all.filter((f) => mutated(f.file))));
  console.log('\n| file | lines | branches |\n|---|---|---|');
  for (const f of all) console.log(`| ${f.file.replace('server/src/engine/', '')} | ${pct(f.linesHit, f.lines)} | ${pct(f.branchesHit, f.branches)} |`);
}

main();
