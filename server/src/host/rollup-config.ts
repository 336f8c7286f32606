// `.nianbaorc.json` "rollup": which reports make up which. Each entry names a
// region's report and its units' reports, each by a path glob (relative to
// the config file) or by an agency name as the report's title gives it
// (a string with no `/`, `*`, `?`, `[`, `{` and no file extension is a name).
// Resolved among the files checked together: the units of the region's
// year, and the entries that found none (the comparison is then not judged).
import picomatch from 'picomatch';
import { relative, resolve } from 'node:path';
import { agencyKey, type Identity } from '../engine/cross/identity.ts';

export interface RollupEntry {
  region: string;
  units: string[];
}

/** A config file's "rollup" with the folder its globs are relative to (the editor keeps it per document). */
export interface RollupSetting {
  entries: readonly RollupEntry[];
  base: string;
}

export interface RollupFiles {
  /** The units' files, in the order the entry lists them. */
  units: string[];
  /** Unit entries (names or globs) that matched no file of the region's year. */
  missing: string[];
}

export function isAgencyName(spec: string): boolean {
  return !/[/\\*?[{]/.test(spec) && !/\.[A-Za-z0-9]{1,5}$/.test(spec);
}

function matcher(spec: string, base: string): (file: { path: string; identity?: Identity }) => boolean {
  if (isAgencyName(spec)) {
    const key = agencyKey(spec);
    return (f) => f.identity?.agency !== undefined && agencyKey(f.identity.agency) === key;
  }
  let test: (s: string) => boolean;
  try {
    test = picomatch(spec, { dot: true });
  } catch {
    test = () => false;
  }
  return (f) => test(relative(base, resolve(f.path)).split('\\').join('/'));
}

/**
 * The units of `file` when an entry of `entries` names it as a region;
 * undefined when none does. `base` is the config file's folder.
 */
export function resolveRollup(entries: readonly RollupEntry[] | undefined, base: string, file: { path: string; identity?: Identity }, batch: readonly { path: string; identity?: Identity }[]): RollupFiles | undefined {
  const entry = entries?.find((e) => matcher(e.region, base)(file));
  if (!entry) return undefined;
  const year = file.identity?.year;
  const self = resolve(file.path);
  const units: string[] = [];
  const missing: string[] = [];
  for (const spec of entry.units) {
    const match = matcher(spec, base);
    const found = batch.filter((f) => resolve(f.path) !== self && match(f) && (year === undefined || f.identity?.year === year));
    if (found.length === 0) missing.push(spec);
    for (const f of found) if (!units.includes(f.path)) units.push(f.path);
  }
  return { units, missing };
}
