// `npm run mutate`: the mutation score of the engine modules where a wrong
// figure or a missed finding would come from (MODULES below), against the unit
// suite. Not part of CI (see docs/testing.md for how long it takes).
//
//   npm run mutate                          all modules, the engine's test files, 2 jobs
//   npm run mutate -- --all-tests           the whole unit suite (minus integration tests)
//   npm run mutate -- --only relations.ts   modules whose path contains a string
//   npm run mutate -- --jobs 1 --resume     keep the results of an interrupted run
//   npm run mutate -- --resume --only rules/total   one slice; with --resume the other
//                                           modules' results are kept in the file, and
//                                           docs/testing.md is updated once every
//                                           module's mutants have a status
//   npm run mutate -- --resume --recheck    run again every mutant whose status is
//                                           survived or no-coverage (and those never
//                                           run), keeping every killed and timeout
//                                           and the survivors docs/mutants/ calls
//                                           equivalent or not killed (settledKeys):
//                                           after tests were written for survivors;
//                                           with --only, only that slice's survivors
//                                           (the other modules' results are kept as
//                                           they are); --recheck implies --resume
//   npm run mutate -- --mutant 812 --suite protocol --show
//                                           one mutant against the protocol suite
//   npm run mutate -- --only numbers.ts --tests rules/   a quick look (not a score)
//   npm run mutate -- --only relations.ts --list          the mutants, their ids and keys
//   npm run mutate -- --sample 200 --seed 7 --tests rules/ --tests engine/
//                                           a uniform random sample of the mutants
//                                           (an estimate of the score when the whole
//                                           run does not fit in the time there is)
//
// How: the repository is copied to a sandbox (tracked and new files, not
// ignored ones; node_modules linked); every mutant of a module is compiled into
// it behind a switch (instrument.ts) and the bundles are built from those
// sources, so tests that run dist/ see the mutant too.
//
// The fast path (the default): one long-lived worker process per job
// (worker.ts) loads test files through a stand-in for node:test (shim.mjs), each
// request in a fresh generation of the project's modules (hooks.mjs), so no
// cache, memo or loaded template outlives a mutant. The baseline runs every
// test file whole with no mutant (it must pass), then every test alone, in a
// generation of its own, recording which mutants its run reaches (its file's
// loading included). A mutant then runs exactly those tests, cheapest file
// first, in one generation, and is killed at the first failing test (or when
// they take 3× their normal time and a minute more: a timeout, counted as
// killed like StrykerJS does). Survived = every test that reaches its code
// passed; no coverage = no test reaches it. A test that fails when run alone
// makes its file run whole. The score is killed / all.
//
// --slow: the old path, kept to check the fast one: one process per mutant
// (entry.mjs) running every test file that reaches it, whole.
//
// Property tests run with a small budget per mutant (FUZZ_RUNS,
// FIX_SAFETY_REPORTS below: 20 cases per generator, 30 reports); their full
// runs are `npm run fuzz`.
//
// Output: .tmp/mutation/result.json (every mutant, its status and the test
// that killed it), a summary on stdout, and the score table between the
// markers in docs/testing.md. Survivors must each be explained, by their key,
// in docs/testing.md or in a file of docs/mutants/ (one per module:
// docs/mutants/rules-computed.md for server/src/engine/rules/computed.ts); the
// run lists those that are not.
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { instrument, PRELUDE, type Numbered } from './instrument.ts';
import { sitesOf, type Site } from './operators.ts';
import { resumeFrom, settledKeys, type Status } from './select.ts';
import { templateMutants, templateRuntime, type TemplatePatch } from './templates.ts';
import type { Reply, Request } from './worker.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The modules mutated: relations, the rules and their helpers, figures, labels, stated figures, fixes. */
export const MODULES = [
  'server/src/engine/relations.ts',
  'server/src/engine/fixes.ts',
  'server/src/engine/parse/numbers.ts',
  'server/src/engine/parse/labels.ts',
  'server/src/engine/cross/statements.ts',
  ...readdirSync(join(ROOT, 'server/src/engine/rules')).filter((f) => f.endsWith('.ts')).sort().map((f) => `server/src/engine/rules/${f}`),
];
const TEMPLATES_MODULE = 'templates (relations)';

const SUITES: Record<string, string> = { unit: 'test/unit', protocol: 'test/protocol' };
/**
 * The unit test files a mutant runs against unless --tests says otherwise (or --all-tests): the
 * engine's own (rules, engine, checks across reports, the property tests of the engine and of its fixes).
 * The CLI, host, import, export, LSP and perf tests are left out: they test what reads and writes reports
 * around the engine, and cost minutes per mutant that reaches them.
 */
const ENGINE_TESTS = [
  'test/unit/rules/', 'test/unit/engine/', 'test/unit/cross/rules', 'test/unit/cross/text', 'test/unit/cross/copies',
  'test/unit/cross/deadlines', 'test/unit/cross/narrative', 'test/unit/cross/plausibility', 'test/unit/cross/rollup',
  'test/unit/cross/year-diff', 'test/unit/fuzz/engine', 'test/unit/fuzz/fix-safety',
];
/** Smaller budgets for the property tests while mutants run. */
const MUTANT_ENV = { FUZZ_RUNS: '20', FIX_SAFETY_REPORTS: '30' };

interface Mutant {
  id: number;
  key: string;
  module: string;
  file: string;
  line: number;
  column: number;
  operator: string;
  original: string;
  replacement: string;
  status?: Status;
  killedBy?: string;
  files?: number;
  ms?: number;
}

interface Args {
  jobs: number;
  only: string[];
  suite: string;
  resume: boolean;
  recheck: boolean;
  mutants: number[];
  show: boolean;
  keep: boolean;
  tests: string[];
  list: boolean;
  out: string;
  sample: number;
  seed: number;
  slow: boolean;
  allTests: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { jobs: 2, only: [], suite: 'unit', resume: false, recheck: false, mutants: [], show: false, keep: false, tests: [], list: false, out: join(ROOT, '.tmp/mutation/result.json'), sample: 0, seed: 1, slow: false, allTests: false };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    if (v === '--jobs') a.jobs = Number(argv[++i]);
    else if (v === '--only') a.only.push(argv[++i]);
    else if (v === '--suite') a.suite = argv[++i];
    else if (v === '--resume') a.resume = true;
    else if (v === '--recheck') a.recheck = a.resume = true;
    else if (v === '--mutant') a.mutants.push(...argv[++i].split(',').map(Number));
    else if (v === '--show') a.show = true;
    else if (v === '--keep') a.keep = true;
    else if (v === '--tests') a.tests.push(argv[++i]);
    else if (v === '--list') a.list = true;
    else if (v === '--out') a.out = argv[++i];
    else if (v === '--sample') a.sample = Number(argv[++i]);
    else if (v === '--seed') a.seed = Number(argv[++i]);
    else if (v === '--slow') a.slow = true;
    else if (v === '--all-tests') a.allTests = true;
    else throw new Error(`unknown option ${v}`);
  }
  if (!(a.suite in SUITES)) throw new Error(`--suite: one of ${Object.keys(SUITES).join(', ')}`);
  // The protocol suite runs the server in child processes, whose code no in-process coverage sees: whole files, one process per mutant.
  if (a.suite !== 'unit') a.slow = true;
  return a;
}

function log(s: string): void {
  process.stdout.write(`[mutate ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
}

// ---------------------------------------------------------------- mutants

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function keyOf(file: string, text: string, s: Site): string {
  // Stable across unrelated edits: the file, the node's text, its occurrence among equal nodes, the operator and the replacement.
  let k = 0;
  for (let at = text.indexOf(s.original); at !== -1 && at < s.start; at = text.indexOf(s.original, at + 1)) k++;
  const h = createHash('sha1').update(`${s.original}\u0000${s.replacement}`).digest('hex').slice(0, 8);
  return `${file.replace('server/src/engine/', '')}#${s.operator}#${h}#${k}`;
}

function discover(args: Args): { mutants: Mutant[]; sources: Map<string, Numbered[]>; patches: { id: number; patch: TemplatePatch }[] } {
  const files = MODULES.filter((m) => args.only.length === 0 || args.only.some((o) => m.includes(o)));
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram(files.map((f) => join(ROOT, f)), config.options);
  const checker = program.getTypeChecker();
  const mutants: Mutant[] = [];
  const sources = new Map<string, Numbered[]>();
  for (const file of files) {
    const sf = program.getSourceFile(join(ROOT, file))!;
    const numbered: Numbered[] = [];
    for (const s of sitesOf(sf, checker)) {
      const id = mutants.length + 1;
      const { line, column } = lineColumn(sf.text, s.start);
      mutants.push({ id, key: keyOf(file, sf.text, s), module: file, file, line, column, operator: s.operator, original: s.original, replacement: s.replacement });
      numbered.push({ ...s, id });
    }
    sources.set(file, numbered);
  }
  const patches: { id: number; patch: TemplatePatch }[] = [];
  if (args.only.length === 0 || args.only.some((o) => 'templates'.includes(o) || o.includes('template'))) {
    for (const t of templateMutants(ROOT)) {
      const id = mutants.length + 1;
      const key = `templates/${t.patch.template}.json#${t.operator}#${t.patch.table}.${t.patch.relation}.${t.patch.kind}.${t.patch.side ?? ''}.${t.patch.term ?? t.patch.value}`;
      mutants.push({ id, key, module: TEMPLATES_MODULE, file: t.file, line: t.line, column: 1, operator: t.operator, original: '', replacement: t.description });
      patches.push({ id, patch: t.patch });
    }
  }
  // Duplicate keys (the same text twice in one file at equal occurrence) cannot happen; make sure.
  const seen = new Set<string>();
  for (const m of mutants) {
    if (seen.has(m.key)) m.key += `#${m.id}`;
    seen.add(m.key);
  }
  return { mutants, sources, patches };
}

// ---------------------------------------------------------------- sandbox

function makeSandbox(sources: Map<string, Numbered[]>, patches: { id: number; patch: TemplatePatch }[]): string {
  const dir = join(tmpdir(), `nianbao-mutate-${process.pid}`);
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
  for (const [file, numbered] of sources) writeFileSync(join(dir, file), instrument(readFileSync(join(ROOT, file), 'utf8'), numbered));
  const builtin = join(dir, 'server/src/engine/templates/builtin.ts');
  const text = readFileSync(builtin, 'utf8');
  const list = /\[t2019 as Template, t2021 as Template\]/;
  if (!list.test(text)) throw new Error('builtin.ts no longer lists [t2019 as Template, t2021 as Template]: update test/mutation/run.ts');
  writeFileSync(builtin, PRELUDE + templateRuntime(patches) + text.replace(list, "[__nbTemplates(t2019, '2019') as Template, __nbTemplates(t2021, '2021') as Template]"));
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: dir, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the sandbox failed:\n${build.stdout}${build.stderr}`);
  return dir;
}

function testFiles(dir: string, suite: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(join(dir, d)).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(d, name);
      if (statSync(join(dir, p)).isDirectory()) walk(p);
      // Integration tests (LibreOffice, Chromium, other editors, the packed tarball) test the packaging and the hosts, not the figures, and take minutes each.
      else if (name.endsWith('.test.ts') && !name.endsWith('.integration.test.ts')) out.push(p);
    }
  };
  walk(SUITES[suite]);
  return out;
}

// ---------------------------------------------------------------- running tests

interface FileRun {
  ok: boolean;
  timedOut: boolean;
  ms: number;
  failed?: string;
  output: string;
}

/** Process groups of the test runs under way, ended with this process (Ctrl-C included). */
const running = new Set<number>();
/** Writes what has run so far: a run stopped with Ctrl-C or SIGTERM keeps its results (--resume goes on from them). */
let saveOnStop: (() => void) | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const pid of running) try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
    saveOnStop?.();
    process.exit(130);
  });
}

/** Runs test files (one, or several in one process through entry.mjs); stops at the first failing test when `bail`. */
function runFiles(dir: string, files: readonly string[], env: Record<string, string>, timeoutMs: number, bail: boolean): Promise<FileRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const argv = files.length === 1
      ? ['--import', 'tsx', '--test', '--test-reporter=tap', files[0]]
      : ['--import', 'tsx', '--test-reporter=tap', 'test/mutation/entry.mjs'];
    const child = spawn(process.execPath, argv, {
      cwd: dir,
      env: { ...process.env, ...env, NB_TEST_FILE: files.length === 1 ? files[0] : '', NB_FILES: files.join(','), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(child.pid!);
    let output = '';
    let failed: string | undefined;
    let timedOut = false;
    let done = false;
    const kill = () => {
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ }
    };
    const timer = setTimeout(() => { timedOut = true; kill(); }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (failed === undefined) {
        const m = /^\s*not ok \d+ - (.*)$/m.exec(output);
        if (m) {
          failed = m[1].trim();
          if (bail) kill();
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    child.on('close', (code) => {
      running.delete(child.pid!);
      if (done) return;
      done = true;
      clearTimeout(timer);
      const ms = performance.now() - t0;
      resolve({ ok: !timedOut && failed === undefined && code === 0, timedOut, ms, failed: failed ?? (timedOut || code === 0 ? undefined : `exit ${code}`), output });
    });
  });
}

async function pool<T>(items: readonly T[], jobs: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

// ---------------------------------------------------------------- the fast path: long-lived workers, per-test coverage

/**
 * One long-lived test process (worker.ts). Each request loads the test files it
 * names in a fresh generation of the project's modules with one mutant switched
 * on, so a mutant costs the evaluation of those modules and the tests that reach
 * its code, not a process start and whole test files. A request that takes too
 * long ends the process (a mutant may loop forever); the next request starts another.
 */
class Worker {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private gen = 0;
  constructor(private readonly dir: string) {}

  private start(): Promise<void> {
    const child = fork(join(this.dir, 'test/mutation/worker.ts'), [], {
      cwd: this.dir,
      execArgv: ['--import', 'tsx', '--import', './test/mutation/register.mjs', '--max-old-space-size=2048'],
      env: { ...process.env, ...MUTANT_ENV, NB_MUTANT: '-1', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      detached: true,
    });
    this.child = child;
    running.add(child.pid!);
    child.on('exit', () => { running.delete(child.pid!); if (this.child === child) { this.child = undefined; this.ready = undefined; } });
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the mutation worker exited (${code}) before it was ready`)));
    });
  }

  stop(): void {
    const c = this.child;
    this.child = undefined;
    this.ready = undefined;
    if (c) try { process.kill(-c.pid!, 'SIGKILL'); } catch { /* gone */ }
  }

  /** Runs a request; undefined when it took longer than `timeoutMs` (the process is then ended). */
  async run(req: Omit<Request, 'gen'>, timeoutMs: number): Promise<Reply | undefined> {
    this.ready ??= this.start();
    await this.ready;
    const child = this.child!;
    const reply = await new Promise<Reply | undefined>((resolve) => {
      const timer = setTimeout(() => { cleanup(); resolve(undefined); }, timeoutMs);
      const onMessage = (m: Reply) => { cleanup(); resolve(m); };
      const onExit = (code: number | null) => { cleanup(); resolve({ ok: false, failed: `the test process exited (${code})`, tests: [], rss: 0 }); };
      const cleanup = () => { clearTimeout(timer); child.off('message', onMessage); child.off('exit', onExit); };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ ...req, gen: ++this.gen });
    });
    // Every generation stays in memory: start afresh now and then.
    if (!reply || reply.rss > 1.5e9 || this.gen >= 150) this.stop();
    return reply;
  }
}

interface TestRef { file: string; index: number; name: string; ms: number; alone?: false }

interface FastBaseline {
  tests: Map<string, TestRef>;
  /** For each mutant, the tests that reach its code when run alone (keys `file#index`). */
  covers: Map<number, Set<string>>;
  broken: string[];
  /** Tests that fail with no mutant, left out (their files run). */
  failing: string[];
}

const testKey = (file: string, index: number) => `${file}#${index}`;

async function fastBaseline(workers: Worker[], files: string[]): Promise<FastBaseline> {
  const tests = new Map<string, TestRef>();
  const broken: string[] = [];
  const failing: string[] = [];
  const idle = [...workers];
  const withWorker = async <T>(f: (w: Worker) => Promise<T>): Promise<T> => {
    const w = idle.pop()!;
    try { return await f(w); } finally { idle.push(w); }
  };
  // Every file once, whole: which tests it has, how long each takes, and that it passes with no mutant.
  await pool(files, workers.length, (file) => withWorker(async (w) => {
    const r = await w.run({ active: -1, files: [{ file, tests: null }], bail: false, record: false }, 30 * 60_000);
    if (!r || r.tests.length === 0 || r.tests.some((t) => t.index === -1)) {
      broken.push(file);
      log(`baseline: ${file} FAILS without any mutant (${r?.failed ?? 'timeout'}): left out of the run`);
      return;
    }
    // A test that fails with no mutant (in the worker: one that needs what the stand-in for node:test does not
    // give, such as worker threads loading the engine afresh) is left out and named; the file's other tests run.
    for (const t of r.tests.filter((x) => !x.ok)) {
      failing.push(`${file} › ${t.name}`);
      log(`baseline: ${file} › ${t.name} FAILS without any mutant (${t.error}): left out of the run`);
    }
    for (const t of r.tests) if (t.ok) tests.set(testKey(file, t.index), { file, index: t.index, name: t.name, ms: t.ms });
    log(`baseline: ${file} ${r.tests.length} tests, ${(r.tests.reduce((a, t) => a + t.ms, 0) / 1000).toFixed(1)} s`);
  }));
  // Then every test alone, in a generation of its own, recording the mutants its run reaches (its file's
  // loading included): state a test leaves for the next one cannot hide a mutant from the coverage.
  const covers = new Map<number, Set<string>>();
  const all = [...tests.values()];
  let done = 0;
  await pool(all, workers.length, (t) => withWorker(async (w) => {
    const r = await w.run({ active: -1, files: [{ file: t.file, tests: [t.index] }], bail: true, record: true }, 10 * 60_000);
    if (!r || !r.ok) {
      // A test that fails alone leans on the tests before it: its file is then always run whole.
      log(`baseline: ${t.file} › ${t.name} fails when run alone (${r?.failed ?? 'timeout'}): mutants it reaches run with its whole file`);
      tests.get(testKey(t.file, t.index))!.alone = false;
    }
    for (const id of r?.hits ?? []) {
      if (!covers.has(id)) covers.set(id, new Set());
      covers.get(id)!.add(testKey(t.file, t.index));
    }
    if (++done % 100 === 0) log(`baseline: ${done} / ${all.length} tests alone`);
  }));
  // Files with a test that cannot run alone: every mutant reaching any of its tests runs all of them.
  const whole = new Set([...tests.values()].filter((t) => t.alone === false).map((t) => t.file));
  if (whole.size) for (const set of covers.values()) for (const k of [...set]) {
    const t = tests.get(k)!;
    if (whole.has(t.file)) for (const o of tests.values()) if (o.file === t.file) set.add(testKey(o.file, o.index));
  }
  return { tests, covers, broken, failing };
}

async function runMutantFast(w: Worker, m: Mutant, base: FastBaseline, show: boolean): Promise<void> {
  const keys = [...(base.covers.get(m.id) ?? [])];
  m.files = keys.length;
  if (keys.length === 0) { m.status = 'no-coverage'; return; }
  const t0 = performance.now();
  const byFile = new Map<string, number[]>();
  for (const k of keys) {
    const t = base.tests.get(k)!;
    byFile.set(t.file, [...(byFile.get(t.file) ?? []), t.index]);
  }
  const cost = (f: string) => byFile.get(f)!.reduce((a, i) => a + base.tests.get(testKey(f, i))!.ms, 0);
  // Cheapest files first: a mutant is usually killed by the first test that reaches it.
  const files = [...byFile.keys()].sort((a, b) => cost(a) - cost(b)).map((file) => ({ file, tests: byFile.get(file)!.sort((a, b) => a - b) }));
  const normal = files.reduce((a, f) => a + cost(f.file), 0);
  const r = await w.run({ active: m.id, files, bail: true, record: false }, 3 * normal + 60_000);
  if (show) log(`#${m.id} (${keys.length} tests): ${!r ? 'timeout' : r.ok ? 'pass' : `FAIL ${r.failed}`}`);
  if (!r) { m.status = 'timeout'; m.killedBy = 'timeout'; }
  else if (!r.ok) { m.status = 'killed'; m.killedBy = r.failed; }
  else m.status = 'survived';
  m.ms = Math.round(performance.now() - t0);
}

// ---------------------------------------------------------------- main

/** `n` of `items`, uniformly at random (seeded), in their original order. */
function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  return shuffle(items.map((_, i) => i), seed).slice(0, n).sort((x, y) => x - y).map((i) => items[i]);
}

/** `items` in a random order (seeded: mulberry32, Fisher–Yates). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

interface Baseline {
  ms: Map<string, number>;
  covers: Map<number, Set<string>>;
  broken: string[];
}

async function baseline(dir: string, files: string[], jobs: number): Promise<Baseline> {
  const cover = join(dir, '.nb-cover');
  rmSync(cover, { recursive: true, force: true });
  mkdirSync(cover);
  const ms = new Map<string, number>();
  const broken: string[] = [];
  await pool(files, jobs, async (file) => {
    const r = await runFiles(dir, [file], { ...MUTANT_ENV, NB_MUTANT: '-1', NB_COVER: cover }, 30 * 60_000, false);
    ms.set(file, r.ms);
    if (!r.ok) {
      broken.push(file);
      log(`baseline: ${file} FAILS without any mutant (${r.failed ?? 'timeout'}): left out of the run\n${r.output.split('\n').filter((l) => /not ok|Error|error/.test(l)).slice(0, 8).join('\n')}`);
    } else log(`baseline: ${file} ${(r.ms / 1000).toFixed(1)} s`);
  });
  const covers = new Map<number, Set<string>>();
  for (const name of readdirSync(cover)) {
    const { file, hits } = JSON.parse(readFileSync(join(cover, name), 'utf8')) as { file: string; hits: number[] };
    if (broken.includes(file) || !ms.has(file)) continue;
    for (const id of hits) {
      if (!covers.has(id)) covers.set(id, new Set());
      covers.get(id)!.add(file);
    }
  }
  return { ms, covers, broken };
}

async function runMutant(dir: string, m: Mutant, base: Baseline, show: boolean): Promise<void> {
  const files = [...(base.covers.get(m.id) ?? [])].sort((a, b) => base.ms.get(a)! - base.ms.get(b)!);
  m.files = files.length;
  if (files.length === 0) { m.status = 'no-coverage'; return; }
  const t0 = performance.now();
  const normal = files.reduce((sum, f) => sum + base.ms.get(f)!, 0);
  const r = await runFiles(dir, files, { ...MUTANT_ENV, NB_MUTANT: String(m.id) }, 3 * normal + 60_000, true);
  if (show) log(`#${m.id} (${files.length} files): ${r.ok ? 'pass' : r.timedOut ? 'timeout' : `FAIL ${r.failed}`}`);
  if (r.timedOut) { m.status = 'timeout'; m.killedBy = 'timeout'; }
  else if (!r.ok) { m.status = 'killed'; m.killedBy = r.failed; }
  m.status ??= 'survived';
  m.ms = Math.round(performance.now() - t0);
}

interface Row {
  module: string;
  total: number;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
}

function summarise(mutants: readonly Mutant[]): Row[] {
  const rows = new Map<string, Row>();
  for (const m of mutants) {
    const r = rows.get(m.module) ?? { module: m.module, total: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0 };
    r.total++;
    if (m.status === 'killed') r.killed++;
    else if (m.status === 'timeout') r.timeout++;
    else if (m.status === 'survived') r.survived++;
    else if (m.status === 'no-coverage') r.noCoverage++;
    rows.set(m.module, r);
  }
  return [...rows.values()];
}

const pct = (r: Row) => (r.total === 0 ? '–' : `${(((r.killed + r.timeout) / r.total) * 100).toFixed(1)} %`);

function table(rows: readonly Row[]): string {
  const all: Row = rows.reduce((a, r) => ({ module: '**all**', total: a.total + r.total, killed: a.killed + r.killed, timeout: a.timeout + r.timeout, survived: a.survived + r.survived, noCoverage: a.noCoverage + r.noCoverage }), { module: '**all**', total: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0 });
  const line = (r: Row) => `| ${r.module.replace('server/src/engine/', '')} | ${r.killed + r.timeout} / ${r.total} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${pct(r)} |`;
  return ['| module | killed / all | killed by a failing test | killed by a timeout | survived | no coverage | score |', '|---|---|---|---|---|---|---|', ...rows.map(line), line(all)].join('\n');
}

/**
 * Writes the score table between the markers in docs/testing.md and returns the survivors (and mutants
 * without coverage) whose key appears neither there nor in any docs/mutants/*.md (the verdicts, one file per module).
 */
function updateDocs(rows: readonly Row[], mutants: readonly Mutant[], stamp: string): string[] {
  const doc = join(ROOT, 'docs/testing.md');
  let text = existsSync(doc) ? readFileSync(doc, 'utf8') : '';
  const begin = '<!-- mutation-score:begin -->';
  const end = '<!-- mutation-score:end -->';
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a !== -1 && b > a) {
    text = text.slice(0, a + begin.length) + `\n${stamp}\n\n${table(rows)}\n` + text.slice(b);
    writeFileSync(doc, text);
  }
  const verdicts = join(ROOT, 'docs/mutants');
  const explained = [text];
  if (existsSync(verdicts)) for (const f of readdirSync(verdicts).sort()) if (f.endsWith('.md')) explained.push(readFileSync(join(verdicts, f), 'utf8'));
  return mutants.filter((m) => m.status === 'survived' || m.status === 'no-coverage').filter((m) => !explained.some((t) => t.includes(m.key))).map((m) => m.key);
}

/** The score table on stdout and, when every module's mutants have a status from a run against the engine's test
 * files, in docs/testing.md, with the survivors no verdict explains. A sampled run counts once it is complete. */
function report(args: Args, all: readonly Mutant[], detail: string): void {
  const rows = summarise(all.filter((m) => m.status !== undefined));
  console.log('\n' + table(rows) + '\n');
  // Every module that has mutants at all (some files of rules/ have none): a slice (--only) counts when the results
  // of the other modules are in the file.
  const present = new Set(all.map((m) => m.module));
  const everyModule = (args.only.length ? discover({ ...args, only: [] }).mutants : all).every((m) => present.has(m.module));
  if (args.mutants.length === 0 && args.tests.length === 0 && args.suite === 'unit' && everyModule && all.every((m) => m.status)) {
    const cores = readFileSync('/proc/cpuinfo', 'utf8').split('\n').filter((l) => l.startsWith('processor')).length;
    const stamp = `Last complete run: ${new Date().toISOString().slice(0, 10)}, \`npm run mutate${args.allTests ? ' -- --all-tests' : ''}\`${args.only.length ? ' in slices (--only … --resume)' : ''} against ${args.allTests ? 'the unit suite' : 'the engine\'s test files'} (${detail}; ${process.platform} with ${cores} cores, Node ${process.version}).`;
    const unexplained = updateDocs(rows, all, stamp);
    if (unexplained.length) log(`${unexplained.length} survivors without an explanation in docs/testing.md or docs/mutants/:\n${unexplained.join('\n')}`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const { mutants, sources, patches } = discover(args);
  log(`${mutants.length} mutants in ${sources.size} modules${patches.length ? ' and the templates\' relations' : ''}`);
  if (args.list) {
    for (const m of mutants) console.log(`#${m.id} ${m.file}:${m.line}:${m.column} ${m.operator} ${JSON.stringify(m.original)} → ${JSON.stringify(m.replacement)}  ${m.key}`);
    return;
  }
  // The previous results (--resume): kept by key, but for survivors and mutants without coverage with --recheck;
  // those of modules outside this slice (--only) are kept in the file and in the score as they are.
  const previous = args.resume && existsSync(args.out) ? JSON.parse(readFileSync(args.out, 'utf8')).mutants as Mutant[] : [];
  const verdictDir = join(ROOT, 'docs/mutants');
  const settled = args.recheck && existsSync(verdictDir) ? settledKeys(readdirSync(verdictDir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(verdictDir, f), 'utf8'))) : new Set<string>();
  const others = resumeFrom(mutants, previous, args.recheck, args.mutants.length === 0, settled) as Mutant[];
  if (args.recheck) log(`--recheck: ${mutants.filter((m) => m.status === undefined).length} of this run's ${mutants.length} mutants have no status kept (survived or no coverage without an equivalent or not-killed verdict in docs/mutants/, or never run)`);
  // The sample is drawn from every mutant (the same seed gives the same sample, whatever has run), then
  // what has no result yet runs in random order, so that a run cut short leaves a random part of it.
  let chosen = args.mutants.length ? mutants.filter((m) => args.mutants.includes(m.id)) : mutants;
  if (args.sample > 0) chosen = sample(chosen, args.sample, args.seed);
  if (!args.mutants.length) chosen = chosen.filter((m) => m.status === undefined);
  if (args.sample > 0) chosen = shuffle(chosen, args.seed + 1);
  const only = args.tests.length > 0 ? args.tests : args.suite === 'unit' && !args.allTests ? ENGINE_TESTS : [];
  // Nothing left to run (a resumed run that had finished): no sandbox and no baseline, only the summary and the
  // docs (a baseline alone takes a quarter of an hour on two busy cores).
  if (chosen.length === 0) {
    const files = testFiles(ROOT, args.suite).filter((f) => only.length === 0 || only.some((t) => f.includes(t)));
    const all = [...others, ...mutants];
    report(args, all, `every mutant has a status in ${relative(ROOT, args.out)}; ${files.length} test files`);
    return;
  }
  const dir = makeSandbox(sources, patches);
  log(`sandbox ${dir} built`);
  const files = testFiles(dir, args.suite).filter((f) => only.length === 0 || only.some((t) => f.includes(t)));
  const workers = args.slow ? [] : Array.from({ length: Math.max(1, args.jobs) }, () => new Worker(dir));
  const t0 = performance.now();
  const base = args.slow ? await baseline(dir, files, args.jobs) : await fastBaseline(workers, files);
  log(`baseline done in ${((performance.now() - t0) / 60_000).toFixed(1)} min${args.slow ? '' : `: ${(base as FastBaseline).tests.size} tests`}`);
  log(`${chosen.length} mutants to run against ${files.length - base.broken.length} test files (${args.jobs} jobs)`);
  let done = 0;
  const save = () => {
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, JSON.stringify({ suite: args.suite, broken: base.broken, failing: 'failing' in base ? base.failing : [], mutants: [...others, ...mutants] }, null, 1));
  };
  saveOnStop = save;
  const idle = [...workers];
  await pool(chosen, args.jobs, async (m) => {
    if (args.slow) await runMutant(dir, m, base as Baseline, args.show);
    else {
      const w = idle.pop()!;
      try { await runMutantFast(w, m, base as FastBaseline, args.show); } finally { idle.push(w); }
    }
    done++;
    if (m.status !== 'killed' && m.status !== 'timeout') log(`${m.status}: #${m.id} ${m.file}:${m.line}:${m.column} ${m.operator} ${JSON.stringify(m.original).slice(0, 80)} → ${JSON.stringify(m.replacement).slice(0, 80)}`);
    if (done % 25 === 0) {
      log(`${done} / ${chosen.length}`);
      save();
    }
  });
  save();
  for (const w of workers) w.stop();
  if (!args.keep) rmSync(dir, { recursive: true, force: true });
  const minutes = ((performance.now() - started) / 60_000).toFixed(0);
  report(args, [...others, ...mutants], `${files.length - base.broken.length} files${args.slow ? ', --slow' : ''}; ${args.jobs} jobs, the last slice ${minutes} min`);
  for (const m of chosen) if (args.mutants.length) log(`#${m.id} ${m.key}: ${m.status}${m.killedBy ? ` by ${m.killedBy}` : ''}`);
  log(`done in ${minutes} min; results in ${relative(ROOT, args.out)}${base.broken.length ? `; test files failing without mutants: ${base.broken.join(', ')}` : ''}`);
}

await main();
