// Thresholds and lists of the checks that judge with a threshold, as the
// user can set them (`.nianbaorc.json` "checks", read alike by check, data,
// review and the editor):
// each with its default here, so the engine, the docs and the schema agree.
// The host resolves what depends on the file's path (a deadline by path
// glob) before it calls analyze(); the engine only sees the result.

/** A due date as month and day of the year after the report year. */
export interface MonthDay {
  month: number;
  day: number;
}

/** Kinds of reporting agency whose deadline can be set apart. */
export const AGENCY_KINDS = ['department', 'county', 'city', 'government'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface CheckSettings {
  /** implausible-change: a figure more than `factor` times last year's, or below 1/`factor` of it, when the larger of the two is at least `minFigure`. */
  change?: { factor?: number; minFigure?: number };
  /** problems-section: section 五 shorter than `minChars` characters (without spaces and punctuation). */
  problems?: { minChars?: number };
  /** doubled-word: doubles that are words, added to the built-in list. */
  doubledWords?: { allow?: readonly string[] };
  /**
   * publish-date: due dates by agency kind (the 条例's 31 January for a
   * department and 31 March for a people's government are the defaults), and
   * `due`, one date the host chose for this file (a path glob matched it).
   */
  deadlines?: Partial<Record<AgencyKind, MonthDay>> & { due?: MonthDay };
}

export const DEFAULT_CHANGE = { factor: 5, minFigure: 20 };
export const DEFAULT_PROBLEMS_MIN_CHARS = 30;
export const DEFAULT_DEADLINES: Record<AgencyKind, MonthDay> = {
  department: { month: 1, day: 31 },
  county: { month: 3, day: 31 },
  city: { month: 3, day: 31 },
  government: { month: 3, day: 31 },
};

/** "02-28" or "2-28" → { month: 2, day: 28 }; undefined when it is not a day of the year. */
export function parseMonthDay(s: string): MonthDay | undefined {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(s.trim());
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1]) return undefined;
  return { month, day };
}
