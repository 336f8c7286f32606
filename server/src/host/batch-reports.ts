// The reports of a batch that other files of it are compared with (last
// year's report, copies, other agencies' reports sharing wording, a region's
// units), each built once per run and kept only while a file still to be
// checked needs it. A file's own check and its use as another's comparison
// share one report: whichever comes first builds it (buildReport alone for a
// comparison: its findings are its own check's business), the other reuses it
// (the own check passes it to analyze as `report`). What is kept is counted
// down (`uses`), or in a worker thread released when the main thread says so
// (cli/workers.ts knows which files each worker still has to check).
import type { AnalyzeOptions } from '../engine/analyze.ts';
import type { RelatedFiles } from '../engine/cross/batch.ts';
import type { Unit } from '../engine/cross/rollup.ts';
import type { Report } from '../engine/model.ts';
import { buildReport } from '../engine/parse/report.ts';
import { builtinTemplates } from '../engine/templates/builtin.ts';
import type { OtherReport } from '../engine/rules/rule.ts';
import { loadReport } from './load-report.ts';
import type { RollupFiles } from './rollup-config.ts';

export type ReportOptions = Pick<AnalyzeOptions, 'templates' | 'template' | 'blankCells'>;

/** What a file of the batch is compared with: the files whose reports its check needs. */
export interface Needs {
  previous?: string;
  related?: RelatedFiles;
  rollup?: RollupFiles;
}

/** The files a check needs, once per use (a file can be a unit and a peer). */
export function neededPaths(needs: Needs): string[] {
  return [...(needs.previous ? [needs.previous] : []), ...(needs.related?.copies ?? []), ...(needs.related?.peers ?? []), ...(needs.rollup?.units ?? [])];
}

/**
 * How many checks among `paths` need each file's report: the checks compared
 * with it, and its own check when it is among `paths` (so that a report built
 * for an earlier file's comparison waits for its own check).
 */
export function countUses(paths: readonly string[], needsOf: (path: string) => Needs): Map<string, number> {
  const uses = new Map<string, number>();
  for (const path of paths) for (const p of neededPaths(needsOf(path))) uses.set(p, (uses.get(p) ?? 0) + 1);
  for (const path of paths) if (uses.has(path)) uses.set(path, uses.get(path)! + 1);
  return uses;
}

/** Reports kept at most, whatever the plan says (least recently used dropped first; dropped ones are built again if needed). */
export const MAX_KEPT = 512;

/**
 * The work done in this thread, counted for tests (each file of a batch built
 * once: own checks − reused + built = files).
 */
export const batchWork = {
  /** Reports built for a comparison (not found kept). */
  built: 0,
  /** Own checks that reused the report built for a comparison. */
  reused: 0,
};

export class BatchReports {
  private readonly kept = new Map<string, { path: string; report: Report | undefined }>();

  /**
   * `uses`: how many checks still to run here need each file; counted down as
   * they take it, and a file none needs any more is dropped. Without it (a
   * worker), what is kept stays until `release`.
   */
  constructor(private readonly uses?: Map<string, number>) {}

  private static key(path: string, options: ReportOptions, maxSize: number | undefined): string {
    return [path, maxSize ?? '', options.template ?? '', options.templates?.map((t) => t.id).join(',') ?? '', JSON.stringify(options.blankCells ?? null)].join('\u0000');
  }

  /** Another file's report, for one check: kept, or read and built now; undefined when it cannot be read. */
  async other(path: string, options: ReportOptions, maxSize: number | undefined): Promise<Report | undefined> {
    const key = BatchReports.key(path, options, maxSize);
    let entry = this.kept.get(key);
    if (entry) {
      this.kept.delete(key);
    } else {
      let report: Report | undefined;
      try {
        const loaded = await loadReport(path, { maxSize, template: options.template });
        report = buildReport(loaded.text, { templates: options.templates ?? builtinTemplates, template: options.template, blankCells: options.blankCells });
      } catch {
        report = undefined;
      }
      batchWork.built++;
      entry = { path, report };
    }
    const left = this.uses ? (this.uses.get(path) ?? 1) - 1 : 1;
    if (this.uses) this.uses.set(path, left);
    if (left > 0) this.put(key, entry);
    return entry.report;
  }

  /** The file's own report, when it was built as another file's comparison with the same options (same text: nothing writes a file before its own check). */
  own(path: string, options: ReportOptions, maxSize: number | undefined): Report | undefined {
    if (this.uses?.has(path)) this.uses.set(path, this.uses.get(path)! - 1);
    const entry = this.kept.get(BatchReports.key(path, options, maxSize));
    if (entry?.report) batchWork.reused++;
    return entry?.report;
  }

  /** After a file's own check: its final report (after any fixes) kept for the checks still to come that need it. */
  checked(path: string, options: ReportOptions, maxSize: number | undefined, report: Report, keep = (this.uses?.get(path) ?? 0) > 0): void {
    const key = BatchReports.key(path, options, maxSize);
    if (keep) this.put(key, { path, report });
    else this.kept.delete(key);
  }

  /** Drops the files no check still to come here needs. */
  release(paths: readonly string[]): void {
    const drop = new Set(paths);
    for (const [key, entry] of this.kept) if (drop.has(entry.path)) this.kept.delete(key);
  }

  get size(): number {
    return this.kept.size;
  }

  private put(key: string, entry: { path: string; report: Report | undefined }): void {
    this.kept.set(key, entry);
    if (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
  }

  /** The reports of a file's copies and other agencies' reports (copy-identical, copy-differs, shared-text); files that cannot be read are left out. */
  async others(related: RelatedFiles | undefined, options: ReportOptions, maxSize: number | undefined): Promise<OtherReport[]> {
    if (!related) return [];
    const out: OtherReport[] = [];
    for (const [paths, sameReport] of [[related.copies, true], [related.peers, false]] as const) {
      for (const path of paths) {
        const report = await this.other(path, options, maxSize);
        const importPair = sameReport ? related.importPairs?.[path] : undefined;
        if (report) out.push({ path, report, sameReport, ...(importPair && { importPair }) });
      }
    }
    return out;
  }

  /** A region's units' reports; a unit that cannot be read counts as missing. */
  async rollup(files: RollupFiles | undefined, options: ReportOptions, maxSize: number | undefined): Promise<AnalyzeOptions['rollup']> {
    if (!files) return undefined;
    const units: Unit[] = [];
    const missing = [...files.missing];
    for (const path of files.units) {
      const report = await this.other(path, options, maxSize);
      if (report) units.push({ path, report });
      else missing.push(path);
    }
    return { units, missing };
  }
}
