// The editor honours a baseline as `nianbao check --baseline` does: findings
// it accepted are not shown (docs/baseline.md). The file comes from the
// `nianbao.baseline` setting or `baseline` in .nianbaorc.json; it is read
// once per configuration (re-read when the configuration is invalidated: a
// changed setting, .nianbaorc.json, or a watched baseline file). An invalid
// file is logged once and every finding is shown: hiding findings on the
// strength of a misread file would be worse than showing accepted ones.
import type { Analysis } from '../engine/analyze.ts';
import { splitByBaseline, type BaselineEntry } from '../engine/baseline.ts';
import { findingKey } from '../engine/finding-key.ts';
import { readBaseline, type LoadedBaseline } from '../host/baseline-file.ts';

/** Watched so that a rewritten baseline (`--write-baseline`) is picked up; the names docs/baseline.md suggests. */
export const BASELINE_WATCHERS = [{ globPattern: '**/*baseline*.json' }];

export class BaselineStore {
  private readonly cache = new Map<string, LoadedBaseline | undefined>();

  constructor(private readonly log: (message: string) => void) {}

  clear(): void {
    this.cache.clear();
  }

  /** The accepted findings of `file` in the baseline at `path` ([] when none), or undefined when the baseline cannot be read. */
  entries(path: string, file: string): BaselineEntry[] | undefined {
    if (!this.cache.has(path)) {
      try {
        this.cache.set(path, readBaseline(path));
      } catch (error) {
        this.cache.set(path, undefined);
        this.log(`nianbao: ${error instanceof Error ? error.message : String(error)}; every finding is shown`);
      }
    }
    const loaded = this.cache.get(path);
    return loaded ? loaded.entriesFor(file) ?? [] : undefined;
  }
}

/** The analysis with the findings the baseline accepted left out of `diagnostics`. */
export function withBaseline(analysis: Analysis, entries: readonly BaselineEntry[] | undefined): Analysis {
  if (!entries?.length) return analysis;
  const split = splitByBaseline(analysis.diagnostics, (d) => findingKey(analysis.report, d), entries);
  return { ...analysis, diagnostics: split.fresh };
}
