// The worker thread of `nianbao check --jobs N` (bundled as dist/worker.cjs).
// It does what the main thread sends, one task at a time: read a file's
// identity (agency, year) for pairing reports with last year's, or check a
// file. Only plain data goes back (an identity, a FileResult): no text and no
// tree leaves the worker, so the main thread's memory does not grow with the
// number of files.
import { parentPort, workerData } from 'node:worker_threads';
import type { Identity } from '../engine/cross/identity.ts';
import type { RelatedFiles } from '../engine/cross/batch.ts';
import type { RollupFiles } from '../host/rollup-config.ts';
import { checkFile, type CheckOptions, type FileResult } from './check-file.ts';
import { identifyFile } from '../host/previous-year-files.ts';
import { BatchReports } from '../host/batch-reports.ts';

export type Task =
  | { kind: 'identify'; index: number; path: string }
  /** `previous`: the file's previous-year report, found by the main thread from every file's identity. */
  | {
    kind: 'check'; index: number; path: string; explicit: boolean; previous?: string; related?: RelatedFiles; rollup?: RollupFiles;
    /** Keep this file's report: a file sent to this worker later may be compared with it. */
    keep?: boolean;
    /** After this check, drop these files' reports: no file still to be sent needs them. */
    release?: string[];
  };

export type Done =
  /** `identity` undefined: the file cannot be read (the check reports why). */
  | { kind: 'identify'; index: number; identity?: Identity }
  | { kind: 'check'; index: number; result: FileResult };

const options = workerData as CheckOptions;
/** The reports this worker's checks are compared with, each built once here and kept until the main thread releases it. */
const reports = new BatchReports();

async function run(task: Task): Promise<Done> {
  if (task.kind === 'identify') return { kind: 'identify', index: task.index, identity: await identifyFile(task.path) };
  let result: FileResult;
  try {
    result = await checkFile(task.path, task.explicit, {
      ...options,
      ...(task.previous ? { previous: { [task.path]: task.previous } } : {}),
      ...(task.related ? { related: { [task.path]: task.related } } : {}),
      ...(task.rollup ? { rollup: { [task.path]: task.rollup } } : {}),
    }, { reports, keep: task.keep ?? false });
  } catch (e) {
    result = { path: task.path, status: 'error', reason: e instanceof Error ? e.message : String(e), diagnostics: [] };
  }
  if (task.release) reports.release(task.release);
  return { kind: 'check', index: task.index, result };
}

// Tasks come several to a message (pool.ts) and their answers go back in one message.
// One task at a time, in the order sent: a PDF's import awaits pdf.js, and the next task must not overtake it.
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (tasks: Task[]) => {
  queue = queue.then(async () => {
    const answers: Done[] = [];
    for (const task of tasks) answers.push(await run(task));
    parentPort!.postMessage(answers);
  });
});
