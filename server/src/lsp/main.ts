// Entry of the bundled language server (dist/server.cjs). The transport comes
// from the command line (--stdio, --node-ipc, --socket=N), read by
// vscode-languageserver's createConnection. The same bundle, started by the
// server as a worker thread, is its analysis thread (remote-analysis.ts).
import { setFlagsFromString } from 'node:v8';
import { isMainThread, workerData } from 'node:worker_threads';
import { runAnalysisWorker } from './analysis-worker.ts';
import { ANALYSIS_WORKER_FLAG } from './remote-analysis.ts';
import { startServer } from './server.ts';

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[ANALYSIS_WORKER_FLAG] === true) {
  runAnalysisWorker();
} else {
  // V8 lets the heap grow well past what is live before it collects: with 200
  // reports open the server held 48 MB after a full GC but 204–225 MB of RSS,
  // and V8's memory reducer never ran in the server's event loop. Growing the
  // heap by 30 % at a time (the flag is read at each GC, so setting it here
  // takes effect) brought RSS to 154–172 MB, typing latency unchanged within
  // noise; `--optimize-for-size` went lower but made each keystroke about 3 ms
  // slower. Figures: docs/performance.md, decision 12 in docs/decisions.md.
  setFlagsFromString('--heap-growing-percent=30');
  startServer();
}
