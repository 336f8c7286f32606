// The long-lived process of `npm run mutate` (one per job): it loads test files
// through the node:test stand-in (shim.mjs), each request in a fresh generation
// of the project's modules (hooks.mjs), with the requested mutant switched on,
// and runs the requested tests in file order, stopping at the first failure.
// Started by run.ts with `--import tsx --import ./test/mutation/register.mjs`
// and an IPC channel; one request at a time.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { beginFile } from './shim.mjs';

interface Switch { active: number; record: Set<number> | undefined; is(id: number): boolean; hit(id: number): void }
const g = globalThis as unknown as { __nbMutation?: Switch };
g.__nbMutation ??= {
  active: -1,
  record: undefined,
  is(id) { this.record?.add(id); return id === this.active; },
  hit(id) { this.record?.add(id); },
};
const nb = g.__nbMutation;

export interface Request {
  gen: number;
  active: number;
  /** Test files in the order to run them; `tests`: indexes of the tests to run (registration order), or null for all. */
  files: { file: string; tests: number[] | null }[];
  bail: boolean;
  record: boolean;
}
export interface TestResult { file: string; index: number; name: string; ms: number; ok: boolean; error?: string }
export interface Reply { ok: boolean; failed?: string; tests: TestResult[]; hits?: number[]; rss: number }

interface Suite { name: string; hooks: Record<'before' | 'after' | 'beforeEach' | 'afterEach', (() => unknown)[]>; parent?: Suite; ran?: boolean }
interface Registered { index: number; name: string; fn: (...a: unknown[]) => unknown; suite: Suite; skip: boolean }

let uncaught: unknown;
process.on('uncaughtException', (e) => { uncaught ??= e; });
process.on('unhandledRejection', (e) => { uncaught ??= e; });

function chain(s: Suite): Suite[] {
  const out: Suite[] = [];
  for (let x: Suite | undefined = s; x; x = x.parent) out.unshift(x);
  return out;
}

function callTest(fn: Registered['fn'], name: string): Promise<unknown> {
  const ctx = { name, diagnostic() {}, skip() {}, todo() {}, plan() {}, mock: undefined };
  if (fn.length >= 2) return new Promise((resolve, reject) => fn(ctx, (e: unknown) => (e ? reject(e) : resolve(undefined))));
  return Promise.resolve().then(() => fn(ctx));
}

const describeError = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : String(e).slice(0, 300));

async function run(req: Request): Promise<Reply> {
  nb.active = req.active;
  process.env.NB_MUTANT = String(req.active);
  nb.record = req.record ? new Set() : undefined;
  uncaught = undefined;
  const tests: TestResult[] = [];
  let failed: string | undefined;
  outer: for (const { file, tests: wanted } of req.files) {
    const registry = beginFile() as { tests: Registered[]; root: Suite };
    try {
      await import(pathToFileURL(join(process.cwd(), file)).href + `?nb=${req.gen}`);
    } catch (e) {
      failed = `${file}: loading failed: ${describeError(e)}`;
      tests.push({ file, index: -1, name: '(loading)', ms: 0, ok: false, error: failed });
      if (req.bail) break;
      continue;
    }
    const ran = new Set<Suite>();
    for (const t of registry.tests) {
      if (t.skip || (wanted && !wanted.includes(t.index))) continue;
      const t0 = performance.now();
      let error: unknown;
      try {
        const suites = chain(t.suite);
        for (const s of suites) if (!s.ran) { s.ran = true; ran.add(s); for (const h of s.hooks.before) await h(); }
        for (const s of suites) for (const h of s.hooks.beforeEach) await h();
        await callTest(t.fn, t.name);
        for (const s of suites.reverse()) for (const h of s.hooks.afterEach) await h();
        // A rejection or exception that escaped the test counts against it (node:test fails the file for it).
        await new Promise((r) => setImmediate(r));
        if (uncaught !== undefined) { error = uncaught; uncaught = undefined; }
      } catch (e) {
        error = e;
      }
      const ms = performance.now() - t0;
      tests.push({ file, index: t.index, name: t.name, ms, ok: error === undefined, error: error === undefined ? undefined : describeError(error) });
      if (error !== undefined) {
        failed ??= `${file} › ${t.name}`;
        if (req.bail) break outer;
      }
    }
    for (const s of [...ran].reverse()) for (const h of s.hooks.after) try { await h(); } catch { /* cleanup only */ }
  }
  const hits = nb.record ? [...nb.record] : undefined;
  nb.record = undefined;
  nb.active = -1;
  return { ok: failed === undefined, failed, tests, hits, rss: process.memoryUsage().rss };
}

process.on('message', (req: Request) => {
  run(req).then((reply) => process.send!(reply), (e) => process.send!({ ok: false, failed: `worker: ${describeError(e)}`, tests: [], rss: process.memoryUsage().rss }));
});
process.send!({ ready: true });
