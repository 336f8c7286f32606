// `.nianbaorc.json` "checks": the thresholds and lists of the checks that
// judge with one, as written in the file (JSON, validated by the schema in
// nianbaorc.ts), resolved for one file into the engine's CheckSettings: a
// deadline set for a path glob becomes that file's due date here, so the
// engine never sees a path.
import picomatch from 'picomatch';
import { relative, resolve } from 'node:path';
import { AGENCY_KINDS, parseMonthDay, type AgencyKind, type CheckSettings, type MonthDay } from '../engine/settings.ts';

export interface ChecksConfig {
  change?: { factor?: number; minFigure?: number };
  problems?: { minChars?: number };
  doubledWords?: { allow?: string[] };
  /** "MM-DD" of the year after the report year, by agency kind, and by path glob (relative to the config file; first match wins). */
  deadlines?: Partial<Record<AgencyKind, string>> & { files?: Record<string, string> };
}

/**
 * The engine's settings for one file: `base` is the folder of the config file
 * (the globs are relative to it), `path` the file (none for an unsaved
 * document: no glob applies).
 */
export function resolveChecks(checks: ChecksConfig | undefined, base: string | undefined, path: string | undefined): CheckSettings {
  if (!checks) return {};
  const out: CheckSettings = { change: checks.change, problems: checks.problems, doubledWords: checks.doubledWords };
  const d = checks.deadlines;
  if (d) {
    const deadlines: NonNullable<CheckSettings['deadlines']> = {};
    for (const kind of AGENCY_KINDS) {
      const md = d[kind] === undefined ? undefined : parseMonthDay(d[kind]!);
      if (md) deadlines[kind] = md;
    }
    if (d.files && base && path) {
      const rel = relative(base, resolve(path)).split('\\').join('/');
      for (const [glob, v] of Object.entries(d.files)) {
        let hit = false;
        try {
          hit = picomatch(glob, { dot: true })(rel);
        } catch {
          hit = false;
        }
        const md: MonthDay | undefined = hit ? parseMonthDay(v) : undefined;
        if (md) { deadlines.due = md; break; }
      }
    }
    out.deadlines = deadlines;
  }
  return out;
}
