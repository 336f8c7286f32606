// The worker thread of `nianbao check --jobs N` (bundled as dist/worker.cjs).
// It checks the files the main thread sends, one at a time, and posts back
// only the plain FileResult: no text and no tree leaves the worker, so the
// main thread's memory does not grow with the number of files.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, type CheckOptions, type FileResult } from './check-file.ts';

export interface Task {
  index: number;
  path: string;
  explicit: boolean;
}

export interface Done {
  index: number;
  result: FileResult;
}

const options = workerData as CheckOptions;

parentPort?.on('message', (task: Task) => {
  let result: FileResult;
  try {
    result = checkFile(task.path, task.explicit, options);
  } catch (e) {
    result = { path: task.path, status: 'error', reason: e instanceof Error ? e.message : String(e), diagnostics: [] };
  }
  parentPort!.postMessage({ index: task.index, result } satisfies Done);
});
