// What a resumed run (`npm run mutate -- --resume`, `--recheck`) keeps of the results it resumes from:
// apart from run.ts so that a unit test can load it without starting a run.

export type Status = 'killed' | 'timeout' | 'survived' | 'no-coverage';

/** A mutant's result as result.json holds it (the fields a resumed run reads or carries over). */
export interface Result {
  key: string;
  module: string;
  status?: Status;
  killedBy?: string;
  files?: number;
  ms?: number;
}

/**
 * Whether a resumed run keeps a previous status rather than running the mutant again. --resume keeps every
 * status; with --recheck only the kills (killed, timeout) are kept, so survivors and mutants without coverage
 * run again against today's tests. A mutant with no status (never run) always runs.
 */
export function keepsStatus(status: Status | undefined, recheck: boolean, settled = false): boolean {
  if (status === undefined) return false;
  return !recheck || status === 'killed' || status === 'timeout' || settled;
}

/**
 * The keys whose verdict in docs/mutants/*.md settles them: **equivalent** (no input tells the mutant apart)
 * or **not killed** (left, with the reason; also **not killed, deliberately**, **not killed, likely equivalent**). --recheck keeps their status: running them again only spends
 * their tests' time (every covering test, since none fails) to find them alive again. The survivors whose
 * verdict is **killed** (by a test written since) run again, and so do those without a verdict.
 */
export function settledKeys(verdicts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const text of verdicts) {
    for (const line of text.split('\n')) {
      const m = /^\| `([^`]+)` \|.*\| \*\*(?:equivalent|not killed)[^*]*\*\*/.exec(line);
      if (m) out.add(m[1]);
    }
  }
  return out;
}

/**
 * Gives this run's mutants the statuses kept from `previous` (matched by key; a mutant whose status is not
 * kept is left without one, so it runs) and returns the previous results of the modules outside this run
 * (an --only slice), kept as they are whatever their status: they stay in the file and in the score.
 * With `apply` false (--mutant: the named mutants always run) nothing is given to this run's mutants.
 */
export function resumeFrom(mutants: Result[], previous: readonly Result[], recheck: boolean, apply = true, settled: ReadonlySet<string> = new Set()): Result[] {
  const byKey = new Map<string, Result>();
  for (const p of previous) if (p.status) byKey.set(p.key, p);
  const modules = new Set(mutants.map((m) => m.module));
  if (apply) {
    for (const m of mutants) {
      const p = byKey.get(m.key);
      if (p && keepsStatus(p.status, recheck, settled.has(m.key))) Object.assign(m, { status: p.status, killedBy: p.killedBy, files: p.files, ms: p.ms });
    }
  }
  return [...byKey.values()].filter((p) => !modules.has(p.module));
}
