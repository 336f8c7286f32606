// What the files checked together (a batch) are compared with beyond last
// year's report, found from the identities the first pass reads
// (previous-year-files.ts's identifyFile, any form, with text hash and
// sentence fingerprints): each file's copies and other agencies' same-year reports
// sharing wording (engine/cross/batch.ts), and for a region's report the
// units its .nianbaorc.json "rollup" declares (rollup-config.ts); and loading those
// reports for the check.
import { dirname } from 'node:path';
import type { AnalyzeOptions } from '../engine/analyze.ts';
import { pairRelated, type BatchItem, type RelatedFiles } from '../engine/cross/batch.ts';
import type { Identity } from '../engine/cross/identity.ts';
import type { Unit } from '../engine/cross/rollup.ts';
import type { OtherReport } from '../engine/rules/rule.ts';
import { importSources } from './import-pairs.ts';
import { configFor } from './nianbaorc.ts';
import { identifyFile, loadPreviousFile, pairIdentities } from './previous-year-files.ts';
import { resolveRollup, type RollupFiles } from './rollup-config.ts';

type LoadOptions = Pick<AnalyzeOptions, 'templates' | 'template' | 'blankCells'>;

/**
 * Each file's copies and other agencies' reports to compare with, among
 * `paths` (identities from `identifyFile`, in this order); copies that are an
 * imported Markdown report and its published source are marked so (import-pairs.ts).
 */
export function relateIdentities(paths: readonly string[], identities: readonly (Identity | undefined)[]): Record<string, RelatedFiles> {
  const items: BatchItem[] = [];
  paths.forEach((path, i) => {
    const identity = identities[i];
    if (identity) items.push({ path, identity, prints: identity.prints });
  });
  const sources = importSources(paths);
  const out = pairRelated(items);
  for (const [path, related] of out) {
    const pairs: Record<string, 'source' | 'import'> = {};
    for (const copy of related.copies) {
      if (sources.get(path)?.includes(copy)) pairs[copy] = 'source';
      else if (sources.get(copy)?.includes(path)) pairs[copy] = 'import';
    }
    if (Object.keys(pairs).length) related.importPairs = pairs;
  }
  return Object.fromEntries(out);
}

/** For each file that a config's "rollup" names as a region's report: its units among `paths`. */
export function rollupIdentities(paths: readonly string[], identities: readonly (Identity | undefined)[], config?: string): Record<string, RollupFiles> {
  const batch = paths.map((path, i) => ({ path, identity: identities[i] }));
  const out: Record<string, RollupFiles> = {};
  for (const file of batch) {
    let loaded;
    try {
      loaded = configFor(file.path, config);
    } catch {
      continue; // the check reports the config's problem
    }
    if (!loaded.path || !loaded.config.rollup) continue;
    const r = resolveRollup(loaded.config.rollup, dirname(loaded.path), file, batch);
    if (r) out[file.path] = r;
  }
  return out;
}

/** Last year's file, the related files and a region's units, of each file among `paths`: one read of each file, one at a time (an import holds a whole PDF). */
export async function batchIndex(paths: readonly string[], config?: string): Promise<{ previous: Record<string, string>; related: Record<string, RelatedFiles>; rollup: Record<string, RollupFiles> }> {
  const identities: (Identity | undefined)[] = [];
  for (const path of paths) identities.push(await identifyFile(path));
  return { previous: pairIdentities(paths, identities), related: relateIdentities(paths, identities), rollup: rollupIdentities(paths, identities, config) };
}

/** The reports of a file's related files, analysed with the same templates; files that cannot be read are left out. */
export async function loadOtherReports(related: RelatedFiles | undefined, options: LoadOptions, maxSize?: number): Promise<OtherReport[]> {
  if (!related) return [];
  const out: OtherReport[] = [];
  for (const [paths, sameReport] of [[related.copies, true], [related.peers, false]] as const) {
    for (const path of paths) {
      const report = await loadPreviousFile(path, options, maxSize);
      const importPair = sameReport ? related.importPairs?.[path] : undefined;
      if (report) out.push({ path, report, sameReport, ...(importPair && { importPair }) });
    }
  }
  return out;
}

/** The units' reports of a region, analysed with the same templates; a unit that cannot be read counts as missing. */
export async function loadRollup(files: RollupFiles | undefined, options: LoadOptions, maxSize?: number): Promise<AnalyzeOptions['rollup']> {
  if (!files) return undefined;
  const units: Unit[] = [];
  const missing = [...files.missing];
  for (const path of files.units) {
    const report = await loadPreviousFile(path, options, maxSize);
    if (report) units.push({ path, report });
    else missing.push(path);
  }
  return { units, missing };
}
