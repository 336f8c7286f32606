// `npm run mutate:hand`: the engine's edges, each as the wrong version of the
// engine a reviewer would write by hand, and the test that must catch it.
// Issue #20 found these survived the whole unit suite; each now has a fixture
// or a test of its own. For every mutant: the sandbox copy of the repository
// gets the one change (and its bundles are rebuilt when the test runs them),
// the named test files run, and at least one test must fail; the same files
// pass on the unchanged sources first. docs/testing.md lists the outcome.
//
//   npm run mutate:hand                  all of them
//   npm run mutate:hand -- off-by-one    those whose name contains a string
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface HandMutant {
  name: string;
  /** What a user would get from this engine. */
  effect: string;
  file: string;
  /** The exact text replaced (it must occur once in the file) and its replacement. */
  from: string;
  to: string;
  /** The test files that must fail with it (and pass without it). */
  tests: string[];
  /** The tests run the bundles (dist/): build them from the mutated sources. */
  build?: boolean;
  /** Only the tests whose names match (--test-name-pattern). */
  pattern?: string;
}

export const HAND_MUTANTS: HandMutant[] = [
  {
    name: 'expected 0 impossible',
    effect: 'a total that should be 0 is reported as "行不满足…" instead of "应为 0"',
    file: 'server/src/engine/rules/relation-rule.ts',
    from: 'const plausible = expected >= 0 ||',
    to: 'const plausible = expected > 0 ||',
    tests: ['test/unit/rules/total-row.test.ts'],
  },
  {
    name: 'blank that should be 0 gets no value',
    effect: 'a blank total whose relations give 0 is told "没有则填 0" without a computed value, or none at all',
    file: 'server/src/engine/rules/computed.ts',
    from: 'return Number.isInteger(v) && v >= 0;',
    to: 'return Number.isInteger(v) && v > 0;',
    tests: ['test/unit/rules/cell-empty.test.ts'],
  },
  {
    name: 'disagreeing relations: the first one wins',
    effect: 'two wrong totals whose relations disagree: a fix is offered that satisfies one relation and breaks the other',
    file: 'server/src/engine/relations.ts',
    from: 'targetValues.set(f.target, prev === undefined || prev === v ? v : null);',
    to: 'targetValues.set(f.target, v);',
    tests: ['test/unit/rules/balance.test.ts'],
  },
  {
    name: 'disagreeing relations: fixes not checked against holding relations',
    effect: 'a fix is offered that breaks a relation holding now',
    file: 'server/src/engine/rules/relation-rule.ts',
    from: 'for (let changed = true; changed && out.size > 0;)',
    to: 'for (let changed = false; changed && out.size > 0;)',
    tests: ['test/unit/rules/balance.test.ts'],
  },
  {
    name: 'partial sums fill blank terms',
    effect: 'a blank that is not a total is filled with a sum that counts other blanks as 0',
    file: 'server/src/engine/rules/computed.ts',
    from: '} else if (rel.target === self && fits(cell, v)) approx.push(v);',
    to: '} else if (fits(cell, v)) approx.push(v);',
    tests: ['test/unit/rules/cell-empty.test.ts'],
  },
  {
    name: '法人或其他组织 without 其他',
    effect: 'text stating the organisations\' applications is compared with a sum that leaves out the 其他 column',
    file: 'server/src/engine/cross/statements.ts',
    from: "const ORG = ['commercial', 'research', 'public_interest', 'legal_services', 'other'];",
    to: "const ORG = ['commercial', 'research', 'public_interest', 'legal_services'];",
    tests: ['test/unit/cross/text-table.test.ts'],
  },
  {
    name: 'carry-over: larger carried in not reported',
    effect: 'this year\'s 上年结转 larger than last year\'s 结转下年度 passes',
    file: 'server/src/engine/rules/carryover.ts',
    from: 'if (a === undefined || b === undefined || a === b) continue;',
    to: 'if (a === undefined || b === undefined || a >= b) continue;',
    tests: ['test/unit/cross/rules.test.ts'],
  },
  {
    name: 'carry-over: smaller carried in not reported',
    effect: 'this year\'s 上年结转 smaller than last year\'s 结转下年度 passes',
    file: 'server/src/engine/rules/carryover.ts',
    from: 'if (a === undefined || b === undefined || a === b) continue;',
    to: 'if (a === undefined || b === undefined || a <= b) continue;',
    tests: ['test/unit/cross/rules.test.ts'],
  },
  {
    name: 'official label with trailing words unrecognised',
    effect: '"（一）予以公开的政府信息公开申请事项" is not read as row （一）予以公开: its figures are lost to the sums',
    file: 'server/src/engine/parse/labels.ts',
    from: "else if (norm.startsWith(official)) consider({ item, match: 'fuzzy', score: official.length / norm.length });",
    to: '',
    tests: ['test/unit/rules/table-row-label.test.ts'],
  },
  {
    name: 'off-by-one totals accepted (unit)',
    effect: 'a total off by one passes',
    file: 'server/src/engine/relations.ts',
    from: 'ok: Math.abs(lhs - rhs) < 1e-9',
    to: 'ok: Math.abs(lhs - rhs) <= 1',
    tests: ['test/unit/rules/total-row.test.ts'],
  },
  {
    name: 'off-by-one totals accepted (protocol)',
    effect: 'a total off by one passes, through the bundled server',
    file: 'server/src/engine/relations.ts',
    from: 'ok: Math.abs(lhs - rhs) < 1e-9',
    to: 'ok: Math.abs(lhs - rhs) <= 1',
    tests: ['test/protocol/diagnostics.test.ts'],
    build: true,
  },
  {
    name: 'hover: a total\'s relation written as a sum of both sides',
    effect: 'the hover on a total shows "A + B = …；C = …" instead of "C = A + B = …" (npm run mutate: no unit test reaches the hover text)',
    file: 'server/src/engine/relations.ts',
    from: 'if (l.length === 1 && l[0].cell === instance.target) {',
    to: 'if (l.length !== 1 && l[0].cell === instance.target) {',
    tests: ['test/protocol/stress.test.ts'],
    build: true,
  },
  {
    name: 'parser guard off',
    effect: 'mixed container nesting (10,000 alternating quotes and list items) overflows the stack: the server publishes 未检查 instead of findings',
    file: 'server/src/engine/parse/guard.ts',
    from: 'if (!needsGuard(text)) return text;',
    to: 'return text;',
    tests: ['test/protocol/bad-input.test.ts'],
    build: true,
    pattern: 'alternating quotes and lists',
  },
];

function sandbox(): string {
  const dir = join(tmpdir(), `nianbao-hand-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const f of listed.stdout.split('\0').filter(Boolean)) {
    const from = join(ROOT, f);
    if (!existsSync(from) || statSync(from).isDirectory()) continue;
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(from, join(dir, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function build(dir: string): void {
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
}

/** Runs test files; the first failing test's name, or undefined when all pass. */
function run(dir: string, tests: readonly string[], pattern?: string): string | undefined {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', ...(pattern ? [`--test-name-pattern=${pattern}`] : []), ...tests], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FUZZ_RUNS: '20', FIX_SAFETY_REPORTS: '30' }, maxBuffer: 256 * 1024 * 1024,
  });
  const failed = /^\s*not ok \d+ - (.*)$/m.exec(r.stdout)?.[1].trim();
  if (r.status === 0) return undefined;
  return failed ?? `exit ${r.status}: ${r.stderr.slice(-400)}`;
}

function main(): void {
  const wanted = process.argv.slice(2);
  const chosen = HAND_MUTANTS.filter((m) => wanted.length === 0 || wanted.some((w) => m.name.includes(w)));
  const dir = sandbox();
  let survived = 0;
  try {
    // The unchanged sources pass every test file used.
    build(dir);
    const runs = new Map(chosen.map((m) => [JSON.stringify([m.tests, m.pattern]), m]));
    for (const m of runs.values()) {
      const base = run(dir, m.tests, m.pattern);
      if (base !== undefined) throw new Error(`${m.name}: the tests fail without any mutant: ${base}`);
    }
    console.log(`unchanged: the ${runs.size} test runs the mutants use pass`);
    for (const m of chosen) {
      const path = join(dir, m.file);
      const original = readFileSync(path, 'utf8');
      const at = original.indexOf(m.from);
      if (at === -1 || original.indexOf(m.from, at + 1) !== -1) throw new Error(`${m.name}: "${m.from}" must occur exactly once in ${m.file}`);
      writeFileSync(path, original.slice(0, at) + m.to + original.slice(at + m.from.length));
      try {
        if (m.build) build(dir);
        const killedBy = run(dir, m.tests, m.pattern);
        if (killedBy === undefined) survived++;
        console.log(`${killedBy === undefined ? 'SURVIVED' : 'killed  '}  ${m.name}  (${m.file})${killedBy === undefined ? '' : `  by “${killedBy}”`}`);
      } finally {
        writeFileSync(path, original);
        if (m.build) build(dir);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${chosen.length - survived} of ${chosen.length} hand mutants killed`);
  if (survived > 0) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
