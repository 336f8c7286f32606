// Which reports each worker thread of `check --jobs N` keeps (worker-entry.ts):
// the main thread sends the files in order and knows, as it sends each, how
// many files still to be sent need each report (last year's, copies, peers,
// units). A worker keeps a file's report while some file still to be sent may
// be compared with it, and drops it with its next task once none is; a report
// two workers need is built in each (a Report does not cross threads cheaply),
// never twice in one.
import { countUses, neededPaths, type Needs } from '../host/batch-reports.ts';

export interface Sent {
  /** Keep the file's own report after its check. */
  keep: boolean;
  /** Reports to drop after the check. */
  release?: string[];
}

export class WorkerPlan {
  private readonly left: Map<string, number>;
  private readonly holders = new Map<string, Set<number>>();
  private readonly pending = new Map<number, string[]>();

  constructor(paths: readonly string[], private readonly needsOf: (path: string) => Needs) {
    this.left = countUses(paths, needsOf);
  }

  /** The file `path` is sent to worker `worker` now. */
  send(path: string, worker: number): Sent {
    const needs = neededPaths(this.needsOf(path));
    for (const p of needs) {
      this.hold(p, worker);
      this.left.set(p, this.left.get(p)! - 1);
    }
    // Its own check is one of its uses (countUses): a report built for an earlier file waits for it.
    if (this.left.has(path)) this.left.set(path, this.left.get(path)! - 1);
    const keep = (this.left.get(path) ?? 0) > 0;
    if (keep) this.hold(path, worker);
    for (const p of [...needs, path]) {
      if (this.left.get(p) !== 0) continue;
      this.left.delete(p);
      for (const w of this.holders.get(p) ?? []) {
        const l = this.pending.get(w);
        if (l) l.push(p);
        else this.pending.set(w, [p]);
      }
      this.holders.delete(p);
    }
    const release = this.pending.get(worker);
    this.pending.delete(worker);
    return { keep, ...(release ? { release } : {}) };
  }

  private hold(path: string, worker: number): void {
    const h = this.holders.get(path);
    if (h) h.add(worker);
    else this.holders.set(path, new Set([worker]));
  }
}
