// `--jobs N`: checking files in N worker threads (pool.ts). First the workers
// read every file's agency and year, from which this thread pairs each report
// with last year's; then they check the files. Results are handed to the
// formatter in file order as soon as every earlier file is done, so output is
// the same as in one thread and streams while the run goes on. Only a few
// tasks per worker are in flight, so the results waiting for an earlier, slow
// file stay few: memory does not grow with the number of files.
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Identity } from '../engine/cross/identity.ts';
import { checkFile, type CheckOptions, type FileResult } from './check-file.ts';
import { inThread, type Runner } from './check-command.ts';
import { identifyFile, pairIdentities } from '../host/previous-year-files.ts';
import { relateIdentities, rollupIdentities } from '../host/related-files.ts';
import { AHEAD, Pool } from './pool.ts';
import { WorkerPlan } from './worker-plan.ts';
import type { Done, Task } from './worker-entry.ts';

/** Below this many files a worker's start-up (loading the engine, ~100 ms) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 4;

/**
 * Old-generation cap per worker. V8 lets an uncapped heap grow to hundreds of
 * MB of garbage before collecting (peak RSS 460 MB for 2,000 reports with two
 * workers); capped, it collects sooner. A 2 MB compendium checks within 64 MB;
 * a file that does not fit is checked again in the main thread.
 */
const WORKER_HEAP_MB = 128;

/**
 * Young-generation cap per worker. V8's default lets each worker's nursery
 * grow to tens of MB; a check's garbage is short-lived and small, so a small
 * nursery is collected as cheaply: with 8 MB, 1,000 reports with --jobs 2
 * peaked at 295–310 MB instead of 341–360 MB, with the same CPU (15.0–15.8 s
 * against 15.3–16.2 s; 16 MB: 326 MB; 4 MB: 300 MB; measured under load).
 */
const WORKER_YOUNG_MB = 8;

/**
 * Files a worker checks before a fresh one takes over. The engine's caches
 * (normalised labels, sentences read) could keep strings sliced from the
 * reports, and with them whole report texts; the engine now copies what it
 * keeps (engine/detach.ts), and the replacement stays as a bound on anything
 * else a long run might keep. A fresh worker costs its start-up and JIT
 * warm-up again, about 1–2 s of CPU: at 1,000 files per worker that was a
 * fifth of the CPU of 10,000 reports with `--jobs 2` (74.7 s against 59.2 s
 * at 5,000, peak RSS 216 MB and 215 MB; measured under load).
 */
const FILES_PER_WORKER = 5000;

/**
 * Node's flags for a bundled worker: the process's, less the module hooks (`--import tsx` when the
 * tests run the bundle in their own process), which a bundle does not need and a worker would load again.
 */
export function withoutModuleHooks(flags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    if (/^(--import|--require|-r|--loader|--experimental-loader)$/.test(flags[i])) i++;
    else if (!/^(--import|--require|--loader|--experimental-loader)=/.test(flags[i])) out.push(flags[i]);
  }
  return out;
}

/** A worker running dist/worker.cjs next to the bundled CLI or, from source, worker-entry.ts under tsx. */
function newWorker(options: CheckOptions, heapMb: number): Worker {
  const here = fileURLToPath(import.meta.url);
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB };
  if (here.endsWith('.cjs')) return new Worker(join(dirname(here), 'worker.cjs'), { workerData: options, resourceLimits, execArgv: withoutModuleHooks(process.execArgv) });
  // tsx's loader hooks do not pass into worker threads: register them there first.
  const api = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./worker-entry.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, workerData: options, resourceLimits });
}

export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * The runner for `--jobs`: worker threads, even for one job (a worker's heap
 * is capped and it is replaced after its share of files, so memory stays
 * bounded however many files there are); in this thread for a handful of
 * files, or with --jobs 0.
 */
export function runnerFor(jobs: number = defaultJobs(), heapMb = WORKER_HEAP_MB, filesPerWorker = FILES_PER_WORKER): Runner {
  return (paths, options, each, pairAmong) => {
    if (jobs < 1 || paths.length < MIN_FILES_FOR_WORKERS) return inThread(paths, options, each, pairAmong);
    const { previous: _, related: __, rollup: ___, ...shared } = options;
    const pool = new Pool(jobs, { filesPerWorker }, () => newWorker(shared, heapMb));
    return inWorkers(pool, jobs, paths, options, each, pairAmong).finally(() => pool.close());
  };
}

async function inWorkers(pool: Pool, jobs: number, paths: { path: string; explicit: boolean }[], options: CheckOptions, each: (r: FileResult) => void, pairAmong?: readonly string[]): Promise<void> {
  let previous = options.previous;
  let related = options.related;
  let rollup = options.rollup;
  if (pairAmong) {
    const identities: (Identity | undefined)[] = [];
    await pool.run({
      count: pairAmong.length,
      task: (index) => ({ kind: 'identify', index, path: pairAmong[index] }),
      ready: () => true,
      done: (m) => { if (m.kind === 'identify') identities[m.index] = m.identity; },
      lost: async (t) => ({ kind: 'identify', index: t.index, identity: await identifyFile(t.path) }),
    });
    previous = pairIdentities(pairAmong, identities);
    related = relateIdentities(pairAmong, identities);
    rollup = rollupIdentities(pairAmong, identities, options.config);
  }
  // Which reports each worker keeps for the checks still to come, and when it drops them (worker-plan.ts).
  const plan = new WorkerPlan(paths.map((t) => t.path), (path) => ({ previous: previous?.[path], related: related?.[path], rollup: rollup?.[path] }));
  const waiting = new Map<number, FileResult>();
  let nextOut = 0;
  await pool.run({
    count: paths.length,
    task: (index, worker): Task => {
      const path = paths[index].path;
      return { kind: 'check', index, path, explicit: paths[index].explicit, previous: previous?.[path], related: related?.[path], rollup: rollup?.[path], ...plan.send(path, worker) };
    },
    // Never run further ahead of the output than the workers can fill: bounded waiting results.
    ready: (index) => index < nextOut + jobs * AHEAD * 2,
    done: (m) => {
      if (m.kind !== 'check') return;
      waiting.set(m.index, m.result);
      for (let r; (r = waiting.get(nextOut)) !== undefined; nextOut++) {
        waiting.delete(nextOut);
        each(r);
      }
    },
    // A file too big for a worker's heap is checked here; anything else that kills a worker is reported.
    lost: async (t, e): Promise<Done> => {
      const { path, explicit } = paths[t.index];
      const result: FileResult = e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? await checkFile(path, explicit, { ...options, previous, related, rollup })
        : { path, status: 'error', reason: `检查线程失败 (worker failed): ${e.message}`, diagnostics: [] };
      return { kind: 'check', index: t.index, result };
    },
  });
}
