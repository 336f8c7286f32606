// When to analyse. Every change schedules its document; the analysis runs
// once the version has stayed the same for one turn of the event loop.
// vscode-jsonrpc handles one queued message per setImmediate, so a burst of
// didChange notifications bumps the version on every turn and only the
// newest version is analysed; a lone edit waits two turns, microseconds, not
// a fixed delay. The publisher checks the version again after the analysis
// (configuration may be awaited), so stale results are never sent.
//
// Bursts spread over several documents (edits interleaved between them) are
// coalesced too: while any document is still changing, a document whose own
// version is stable waits, up to MAX_DEFER_MS, so that the burst is drained
// first and each document is analysed once at the end, instead of once per
// gap in its own edits (1,000 edits over 5 documents took minutes to drain).

export interface SchedulerHost {
  version(uri: string): number | undefined;
  run(uri: string, version: number): void | Promise<void>;
  onError(error: unknown): void;
}

/** How long a stable document waits for other documents' edits to stop. */
export const MAX_DEFER_MS = 250;

interface Waiting {
  /** Version seen at the last turn (-1: just scheduled). */
  version: number;
  /** Value of the change counter at the last turn. */
  changes: number;
  /** When the version last changed. */
  since: number;
}

export class Scheduler {
  private readonly waiting = new Map<string, Waiting>();
  /** Counts schedule() calls: any change to any document. */
  private changes = 0;

  constructor(private readonly host: SchedulerHost, private readonly now: () => number = () => performance.now()) {}

  schedule(uri: string): void {
    this.changes++;
    if (this.waiting.has(uri)) return;
    this.waiting.set(uri, { version: -1, changes: -1, since: this.now() });
    setImmediate(() => this.turn(uri));
  }

  cancel(uri: string): void {
    this.waiting.delete(uri);
  }

  private turn(uri: string): void {
    const w = this.waiting.get(uri);
    if (!w) return;
    const version = this.host.version(uri);
    if (version === undefined) {
      this.waiting.delete(uri);
      return;
    }
    const again = () => setImmediate(() => this.turn(uri));
    if (w.version !== version) {
      w.version = version;
      w.changes = this.changes;
      w.since = this.now();
      again();
      return;
    }
    if (w.changes !== this.changes && this.now() - w.since < MAX_DEFER_MS) {
      w.changes = this.changes;
      again();
      return;
    }
    this.waiting.delete(uri);
    try {
      const done = this.host.run(uri, version);
      if (done) done.catch((e) => this.host.onError(e));
    } catch (error) {
      this.host.onError(error);
    }
  }
}
