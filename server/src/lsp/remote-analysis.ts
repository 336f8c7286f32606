// The server's side of the analysis thread (analysis-worker.ts): one worker,
// started on the first large document, that analyses one document at a time.
//
// - Stale work is dropped: a request waiting for the thread is replaced by a
//   newer request for the same document, and an analysis of a version that is
//   no longer wanted (a newer version or the document closed) is stopped by
//   ending the thread; a fresh one starts for the next request.
// - Each analysis has a time budget: past it the thread is ended and the
//   request answers `timedOut`, so the document gets one notice instead of
//   an endless wait (and the CPU is given back).
// - The report's large parts are read on this thread only when a feature of
//   that document asks for them (`report` is a lazy view).
import { deserialize } from 'node:v8';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analysis } from '../engine/analyze.ts';
import type { Report } from '../engine/model.ts';
import { REPORT_BODY_KEYS, type AnalysisBody, type AnalysisReply, type AnalysisRequest, type ForgetRequest, type ReportHead } from './analysis-worker.ts';
import type { PublishedSummary } from './published.ts';

export const ANALYSIS_WORKER_FLAG = 'nianbaoAnalysisWorker';

export type RemoteResult =
  | { kind: 'done'; analysis: Analysis; summary: PublishedSummary }
  | { kind: 'failed'; error: string }
  | { kind: 'timed-out'; budgetMs: number }
  /** A newer request for the same document replaced this one, or the document was forgotten. */
  | { kind: 'dropped' };

export interface RemoteRequest {
  uri: string;
  text: string;
  options: AnalysisRequest['options'];
  baseline?: AnalysisRequest['baseline'];
  budgetMs: number;
}

interface Job extends RemoteRequest {
  id: number;
  resolve: (r: RemoteResult) => void;
}

/** How the thread is started; tests may start it otherwise. */
export type SpawnWorker = () => Worker;

/**
 * The worker running this same bundle (dist/server.cjs: its entry runs the
 * analysis loop when started as this worker) or, from source under tsx,
 * analysis-worker.ts.
 */
export function spawnAnalysisWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  const workerData = { [ANALYSIS_WORKER_FLAG]: true };
  if (here.endsWith('.cjs')) return new Worker(here, { workerData });
  const api = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./analysis-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); }).then((m) => m.runAnalysisWorker());`, { eval: true, workerData });
}

/** An analysis whose diagnostics and the report's large parts are deserialized on first use. */
function lazyAnalysis(text: string, m: Extract<AnalysisReply, { type: 'done' }>): Analysis {
  let parts: AnalysisBody | undefined;
  const load = () => (parts ??= deserialize(m.body) as AnalysisBody);
  const report = { ...m.head, text } as Report;
  for (const key of REPORT_BODY_KEYS) Object.defineProperty(report, key, { enumerable: true, get: () => load()[key] });
  const analysis = { report, isReport: m.isReport, suppressed: m.suppressed, failures: m.failures } as Analysis;
  Object.defineProperty(analysis, 'diagnostics', { enumerable: true, get: () => load().diagnostics });
  return analysis;
}

export class RemoteAnalyzer {
  private worker: Worker | undefined;
  private ready = false;
  private running: (Job & { timer: NodeJS.Timeout }) | undefined;
  /** Waiting requests, at most one per document (the newest). */
  private readonly queue = new Map<string, Job>();
  private nextId = 1;
  /** Threads started (tests check that stale work ends one). */
  started = 0;

  constructor(private readonly log: (message: string) => void, private readonly spawn: SpawnWorker = spawnAnalysisWorker) {}

  analyze(request: RemoteRequest): Promise<RemoteResult> {
    return new Promise((resolve) => {
      const waiting = this.queue.get(request.uri);
      if (waiting) waiting.resolve({ kind: 'dropped' });
      this.queue.delete(request.uri);
      this.queue.set(request.uri, { ...request, id: this.nextId++, resolve });
      // The thread is busy with an older version of this document: that work is stale.
      if (this.running?.uri === request.uri) this.stop({ kind: 'dropped' });
      this.pump();
    });
  }

  /** The document was closed: its waiting or running work is dropped, its parse pieces freed. */
  forget(uri: string): void {
    const waiting = this.queue.get(uri);
    if (waiting) {
      this.queue.delete(uri);
      waiting.resolve({ kind: 'dropped' });
    }
    if (this.running?.uri === uri) this.stop({ kind: 'dropped' });
    else if (this.worker && this.ready) this.worker.postMessage({ type: 'forget', uri } satisfies ForgetRequest);
    this.pump();
  }

  /** Ends the thread (server shutdown, tests). */
  dispose(): void {
    for (const job of this.queue.values()) job.resolve({ kind: 'dropped' });
    this.queue.clear();
    if (this.running) this.stop({ kind: 'dropped' });
  }

  get busy(): boolean {
    return this.running !== undefined || this.queue.size > 0;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    this.started++;
    this.worker = worker;
    this.ready = false;
    worker.unref();
    worker.on('message', (m: AnalysisReply) => this.reply(worker, m));
    worker.on('error', (error) => {
      if (this.worker !== worker) return;
      this.log(`nianbao: the analysis thread failed: ${error.stack ?? error.message}`);
      this.lost(worker, `the analysis thread failed: ${error.message}`);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.lost(worker, `the analysis thread exited with code ${code}`);
    });
    return worker;
  }

  /** The thread died on its own (out of memory, a crash): its job failed; the next job starts a new one. */
  private lost(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    const wasReady = this.ready;
    this.worker = undefined;
    this.ready = false;
    // A thread that died before it could take work would die again: the waiting requests fail instead of looping.
    if (!wasReady) {
      for (const waiting of this.queue.values()) waiting.resolve({ kind: 'failed', error: why });
      this.queue.clear();
    }
    const job = this.running;
    if (job) {
      clearTimeout(job.timer);
      this.running = undefined;
      job.resolve({ kind: 'failed', error: why });
    }
    this.pump();
  }

  private pump(): void {
    if (this.running || this.queue.size === 0) return;
    const worker = this.ensureWorker();
    if (!this.ready) return;
    const [uri, job] = this.queue.entries().next().value!;
    this.queue.delete(uri);
    const timer = setTimeout(() => this.stop({ kind: 'timed-out', budgetMs: job.budgetMs }), job.budgetMs);
    this.running = { ...job, timer };
    worker.ref();
    const message: AnalysisRequest = { type: 'analyze', id: job.id, uri: job.uri, text: job.text, options: job.options, baseline: job.baseline };
    worker.postMessage(message);
  }

  /** Ends the thread and answers its running job with `result`. */
  private stop(result: RemoteResult): void {
    const job = this.running;
    const worker = this.worker;
    this.running = undefined;
    this.worker = undefined;
    this.ready = false;
    if (job) {
      clearTimeout(job.timer);
      job.resolve(result);
    }
    if (worker) void worker.terminate();
    this.pump();
  }

  private reply(worker: Worker, m: AnalysisReply): void {
    if (this.worker !== worker) return;
    if (m.type === 'ready') {
      this.ready = true;
      this.pump();
      return;
    }
    const job = this.running;
    if (!job || job.id !== m.id) return;
    clearTimeout(job.timer);
    this.running = undefined;
    worker.unref();
    if (m.type === 'failed') job.resolve({ kind: 'failed', error: m.error });
    else job.resolve({ kind: 'done', analysis: lazyAnalysis(job.text, m), summary: m.summary });
    this.pump();
  }
}
