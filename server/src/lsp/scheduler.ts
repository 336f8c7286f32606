// When to analyse. Every change schedules its document; the analysis runs
// once the version has stayed the same for one turn of the event loop.
// vscode-jsonrpc handles one queued message per setImmediate, so a burst of
// didChange notifications bumps the version on every turn and only the
// newest version is analysed; a lone edit waits two turns, microseconds, not
// a fixed delay. The publisher checks the version again after the analysis
// (configuration may be awaited), so stale results are never sent.

export interface SchedulerHost {
  version(uri: string): number | undefined;
  run(uri: string, version: number): void | Promise<void>;
  onError(error: unknown): void;
}

export class Scheduler {
  /** Document → version seen at the last turn (-1: just scheduled). */
  private readonly waiting = new Map<string, number>();

  constructor(private readonly host: SchedulerHost) {}

  schedule(uri: string): void {
    if (this.waiting.has(uri)) return;
    this.waiting.set(uri, -1);
    setImmediate(() => this.turn(uri));
  }

  cancel(uri: string): void {
    this.waiting.delete(uri);
  }

  private turn(uri: string): void {
    if (!this.waiting.has(uri)) return;
    const version = this.host.version(uri);
    if (version === undefined) {
      this.waiting.delete(uri);
      return;
    }
    if (this.waiting.get(uri) !== version) {
      this.waiting.set(uri, version);
      setImmediate(() => this.turn(uri));
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
