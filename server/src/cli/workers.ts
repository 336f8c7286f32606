// `--jobs N`: checking files in N worker threads. Results are handed to the
// formatter in file order as soon as every earlier file is done, so output is
// the same as with one thread and streams while the run goes on. At most a few
// tasks per worker are in flight, so the results waiting for an earlier, slow
// file stay few: memory does not grow with the number of files.
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkFile, type CheckOptions, type FileResult } from './check-file.ts';
import { inThread, type Runner } from './check-command.ts';
import type { Done, Task } from './worker-entry.ts';

/** Tasks sent ahead to each worker: enough to keep it busy while its last result travels back. */
const AHEAD = 4;
/** Below this many files a worker's start-up (loading the engine, ~100 ms) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 4;

/**
 * Old-generation cap per worker. V8 lets an uncapped heap grow to hundreds of
 * MB of garbage before collecting (peak RSS 460 MB for 2,000 reports with two
 * workers); capped, it collects sooner. A 2 MB compendium checks within 64 MB;
 * a file that does not fit is checked again in the main thread.
 */
const WORKER_HEAP_MB = 128;

/** A worker running dist/worker.cjs next to the bundled CLI or, from source, worker-entry.ts under tsx. */
function newWorker(options: CheckOptions, heapMb: number): Worker {
  const here = fileURLToPath(import.meta.url);
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  if (here.endsWith('.cjs')) return new Worker(join(dirname(here), 'worker.cjs'), { workerData: options, resourceLimits });
  // tsx's loader hooks do not pass into worker threads: register them there first.
  const api = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./worker-entry.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, workerData: options, resourceLimits });
}

export function defaultJobs(): number {
  return availableParallelism();
}

/** The runner for `--jobs`: in this thread for one job or a handful of files, worker threads otherwise. */
export function runnerFor(jobs: number = defaultJobs(), heapMb = WORKER_HEAP_MB): Runner {
  return (paths, options, each) => (jobs <= 1 || paths.length < MIN_FILES_FOR_WORKERS ? inThread(paths, options, each) : inWorkers(jobs, heapMb, paths, options, each));
}

function inWorkers(jobs: number, heapMb: number, paths: { path: string; explicit: boolean }[], options: CheckOptions, each: (r: FileResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const waiting = new Map<number, FileResult>();
    const inFlight = new Map<Worker, Set<number>>();
    let nextTask = 0;
    let nextOut = 0;
    let finished = false;

    const flush = () => {
      while (waiting.has(nextOut)) {
        const r = waiting.get(nextOut)!;
        waiting.delete(nextOut);
        nextOut++;
        each(r);
      }
      if (nextOut === paths.length && !finished) {
        finished = true;
        Promise.all([...inFlight.keys()].map((w) => w.terminate())).then(() => resolve(), reject);
      }
    };

    const feed = (w: Worker) => {
      const mine = inFlight.get(w)!;
      // Never run further ahead of the output than the workers can fill: bounded waiting results.
      while (mine.size < AHEAD && nextTask < paths.length && nextTask < nextOut + jobs * AHEAD * 2) {
        const t: Task = { index: nextTask, path: paths[nextTask].path, explicit: paths[nextTask].explicit };
        mine.add(nextTask++);
        w.postMessage(t);
      }
    };

    const start = () => {
      const w = newWorker(options, heapMb);
      inFlight.set(w, new Set());
      w.on('message', (m: Done) => {
        inFlight.get(w)?.delete(m.index);
        waiting.set(m.index, m.result);
        flush();
        for (const other of inFlight.keys()) feed(other);
      });
      // A worker that dies takes its tasks with it: check them here (a file too big for the
      // worker's heap) or report them as failed, and go on with a new worker.
      w.on('error', (e: Error & { code?: string }) => {
        const lost = inFlight.get(w) ?? new Set();
        inFlight.delete(w);
        for (const i of lost) {
          waiting.set(i, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? checkFile(paths[i].path, paths[i].explicit, options) : { path: paths[i].path, status: 'error', reason: `检查线程失败 (worker failed): ${e.message}`, diagnostics: [] });
        }
        if (finished) return;
        flush();
        if (nextOut < paths.length) feed(start());
      });
      return w;
    };

    const n = Math.min(jobs, paths.length);
    for (let i = 0; i < n; i++) start();
    for (const w of inFlight.keys()) feed(w);
  });
}
