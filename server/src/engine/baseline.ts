// A baseline: the findings a reviewer accepted, recorded by what they are
// (finding-key.ts) and how many of each, per file. Checking against it splits
// today's findings into new ones and baselined ones, and counts the baselined
// findings that are gone. Pure: reading and writing the file is
// host/baseline-file.ts; docs/baseline.md describes the format.
import { keyString, type FindingKey } from './finding-key.ts';

export const BASELINE_VERSION = 1;

export interface BaselineEntry extends FindingKey {
  /** How many findings alike in all of the key were accepted (identical cells in one row, say). */
  count: number;
  /** The Chinese message when recorded: for the people reading the file, not matched. */
  message: string;
}

export interface BaselineDocument {
  version: typeof BASELINE_VERSION;
  /** The nianbao version that wrote it (informational). */
  tool: string;
  /** Path relative to the baseline file's folder, with `/` → entries. */
  files: Record<string, BaselineEntry[]>;
}

export interface Split<T> {
  fresh: T[];
  baselined: T[];
  /** Accepted findings not found today, with how many of each are gone. */
  gone: BaselineEntry[];
}

/**
 * Splits one file's findings (in their order) against the file's baseline
 * entries: the first `count` findings of each key are baselined, any more are
 * new; entries found fewer times than their count are gone (by the difference).
 */
export function splitByBaseline<T>(findings: readonly T[], keyOf: (f: T) => FindingKey, entries: readonly BaselineEntry[] | undefined): Split<T> {
  if (!entries?.length) return { fresh: [...findings], baselined: [], gone: [] };
  const left = new Map<string, number>();
  for (const e of entries) left.set(keyString(e), (left.get(keyString(e)) ?? 0) + e.count);
  const fresh: T[] = [];
  const baselined: T[] = [];
  for (const f of findings) {
    const k = keyString(keyOf(f));
    const n = left.get(k) ?? 0;
    if (n > 0) {
      baselined.push(f);
      left.set(k, n - 1);
    } else fresh.push(f);
  }
  const gone: BaselineEntry[] = [];
  for (const e of entries) {
    const k = keyString(e);
    const n = Math.min(left.get(k) ?? 0, e.count);
    if (n > 0) {
      gone.push({ ...e, count: n });
      left.set(k, (left.get(k) ?? 0) - n);
    }
  }
  return { fresh, baselined, gone };
}

/** Entries for one file's findings: alike ones counted, sorted so that the file diffs well. */
export function entriesOf<T>(findings: readonly T[], keyOf: (f: T) => FindingKey, messageOf: (f: T) => string): BaselineEntry[] {
  const byKey = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const key = keyOf(f);
    const k = keyString(key);
    const hit = byKey.get(k);
    if (hit) hit.count++;
    else byKey.set(k, { ruleId: key.ruleId, subject: key.subject, covered: key.covered, count: 1, message: messageOf(f) });
  }
  return [...byKey.values()].sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.covered < b.covered ? -1 : a.covered > b.covered ? 1 : 0));
}
