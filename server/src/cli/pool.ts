// The worker threads of one `check --jobs N` run. A batch of tasks is spread
// over them a few at a time, several tasks per message and their answers in
// one message back (a message costs both threads a wake-up and a copy: per
// file, that was the main thread's largest share of a run); a worker that has
// checked its share of files is replaced by a fresh one; a worker that dies
// has its tasks answered in this thread and is replaced too.
import type { Worker } from 'node:worker_threads';
import type { Done, Task } from './worker-entry.ts';

/** Tasks per message to a worker (and answers per message back). */
export const PER_MESSAGE = 8;

/** Tasks sent ahead to each worker: two messages' worth, so it is busy while its last answers travel back. */
export const AHEAD = 2 * PER_MESSAGE;

export interface PoolLimits {
  /**
   * Files a worker checks before a fresh one takes its place, so that what
   * the engine keeps from file to file cannot grow for the whole run. The
   * old worker is gone before the new one starts: never more than N isolates.
   */
  filesPerWorker: number;
}

export interface Batch {
  count: number;
  /** Task i, sent to the worker numbered `worker` (each worker the pool starts gets the next number). */
  task(i: number, worker: number): Task;
  /** Whether task i may be sent yet (checks: the results waiting for an earlier file stay few). */
  ready(i: number): boolean;
  done(m: Done): void;
  /** The answer, made in this thread, to a task whose worker died (a PDF's import there is asynchronous). */
  lost(task: Task, error: Error & { code?: string }): Done | Promise<Done>;
}

interface Slot {
  id: number;
  inFlight: Map<number, Task>;
  checks: number;
}

interface Running {
  batch: Batch;
  next: number;
  answered: number;
  resolve(): void;
  reject(e: unknown): void;
}

export class Pool {
  private readonly slots = new Map<Worker, Slot>();
  private running: Running | undefined;
  private starting = 0;
  private closed = false;
  private started = 0;

  constructor(
    private readonly jobs: number,
    private readonly limits: PoolLimits,
    private readonly spawn: () => Worker,
  ) {}

  /** Runs every task of the batch; resolves when each has been answered. */
  run(batch: Batch): Promise<void> {
    if (batch.count === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.running = { batch, next: 0, answered: 0, resolve, reject };
      while (this.slots.size + this.starting < Math.min(this.jobs, batch.count)) this.start();
      this.feedAll();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.slots.keys()].map((w) => w.terminate()));
    this.slots.clear();
  }

  private start(): void {
    const w = this.spawn();
    const slot: Slot = { id: this.started++, inFlight: new Map(), checks: 0 };
    this.slots.set(w, slot);
    w.on('message', (answers: Done[]) => this.guard(() => this.answered(w, slot, answers)));
    w.on('error', (e: Error) => this.guard(() => this.died(w, slot, e)));
    // A worker that stops without an error (it should not) must not take its tasks with it.
    w.on('exit', (code) => this.guard(() => this.slots.get(w) === slot && this.died(w, slot, new Error(`exit code ${code}`))));
  }

  /** Exceptions from the callbacks (a formatter failing to write) end the batch instead of the process. */
  private guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      this.running?.reject(e);
      this.running = undefined;
    }
  }

  private remaining(): number {
    return this.running ? this.running.batch.count - this.running.next : 0;
  }

  /** Done with its share, unless so few files are left that a fresh start would cost more than it saves. */
  private retiring(slot: Slot): boolean {
    return slot.checks >= this.limits.filesPerWorker && this.remaining() > this.limits.filesPerWorker / 4;
  }

  private feed(w: Worker, slot: Slot): void {
    const r = this.running;
    let message: Task[] = [];
    const send = () => {
      if (message.length > 0) w.postMessage(message);
      message = [];
    };
    while (r && slot.inFlight.size < AHEAD && !this.retiring(slot) && r.next < r.batch.count && r.batch.ready(r.next)) {
      const task = r.batch.task(r.next++, slot.id);
      slot.inFlight.set(task.index, task);
      if (task.kind === 'check') slot.checks++;
      message.push(task);
      if (message.length === PER_MESSAGE) send();
    }
    send();
  }

  private feedAll(): void {
    for (const [w, slot] of [...this.slots]) {
      if (this.retiring(slot) && slot.inFlight.size === 0) this.replace(w);
      else this.feed(w, slot);
    }
  }

  /** The old worker exits (and frees its memory) before the fresh one starts. */
  private replace(w: Worker): void {
    this.slots.delete(w);
    this.starting++;
    void w.terminate().then(() => {
      this.starting--;
      if (this.closed || this.remaining() === 0) return;
      this.start();
      this.feedAll();
    });
  }

  private settle(r: Running, m: Done): void {
    r.batch.done(m);
    if (++r.answered === r.batch.count) {
      this.running = undefined;
      r.resolve();
    }
  }

  private answered(w: Worker, slot: Slot, answers: Done[]): void {
    for (const m of answers) {
      const r = this.running;
      if (!r || !slot.inFlight.delete(m.index)) continue;
      this.settle(r, m);
    }
    this.feedAll();
  }

  private died(w: Worker, slot: Slot, e: Error & { code?: string }): void {
    if (this.slots.get(w) !== slot) return;
    this.slots.delete(w);
    const lost = [...slot.inFlight.values()];
    slot.inFlight.clear();
    for (const task of lost) {
      const r = this.running;
      if (!r) break;
      const answer = r.batch.lost(task, e);
      if (answer instanceof Promise) answer.then((m) => this.guard(() => { if (this.running === r) this.settle(r, m); }), (err: unknown) => r.reject(err));
      else this.settle(r, answer);
    }
    if (this.closed || this.remaining() === 0) return;
    this.start();
    this.feedAll();
  }
}
