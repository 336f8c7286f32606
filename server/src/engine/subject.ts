// What a finding is about, named by the report's structure rather than by
// where it sits in the text: a cell (`t3.results_total.natural_person`, the
// names `nianbao data` uses for its columns), a table row, a table, a section,
// or the document. Stable when lines are added or removed elsewhere, so CI
// reports can fingerprint a finding across runs (GitLab Code Quality, SARIF).
import type { Report } from './model.ts';
import type { Range } from './types.ts';

const within = (at: number, r: Range) => at >= r.start && at <= r.end;

/** Stray rows and sections ordered by where they start, and each table's cells and rows, built once per report:
 * a compendium of 1,600 reports has thousands of sections and, its tables' rows merged, tens of thousands of cells,
 * and a finding every few lines, so a scan per finding was quadratic (#17). */
interface Index {
  stray: Report['strayRows'];
  sections: Report['sections'];
  cells: Map<Table, Cell[]>;
  rows: Map<Table, Table['rows']>;
}
type Table = Report['tables'][number];
type Cell = Table['cells'] extends Map<unknown, infer C> ? C : never;
const indexes = new WeakMap<Report, Index>();

const byStart = <T>(items: Iterable<T>, start: (item: T) => number): T[] => [...items].sort((a, b) => start(a) - start(b));

function indexOf(report: Report): Index {
  let index = indexes.get(report);
  if (!index) {
    index = {
      stray: byStart(report.strayRows, (r) => r.raw.range.start),
      // A stable sort: sections starting at the same offset keep their document order (the later one wins).
      sections: byStart(report.sections, (s) => s.range.start),
      cells: new Map(report.tables.map((t) => [t, byStart(t.cells.values(), (c) => c.ref.range.start)])),
      rows: new Map(report.tables.map((t) => [t, byStart(t.rows, (r) => r.raw.range.start)])),
    };
    indexes.set(report, index);
  }
  return index;
}

/** The index of the last item starting at or before `at`, or -1. */
function lastStartingBy<T>(items: readonly T[], start: (item: T) => number, at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (start(items[mid]) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The first item (in the order before sorting) holding `at`, among items that do not overlap but may repeat a range:
 * a table's cells, its rows (a line read as two rows has two entries with its range), the stray rows. */
function holding<T>(items: readonly T[], range: (item: T) => Range, at: number): T | undefined {
  const last = lastStartingBy(items, (x) => range(x).start, at);
  if (last < 0) return undefined;
  let first = last;
  while (first > 0 && range(items[first - 1]).start === range(items[last]).start) first--;
  for (let i = first; i <= last; i++) if (within(at, range(items[i]))) return items[i];
  return undefined;
}

export function subjectOf(report: Report, range: Range): string {
  const at = range.start;
  const index = indexOf(report);
  // A report has a handful of tables, but in a compendium each table's rows from every report are merged into one
  // whose range spans them all, so tables overlap: the one with a cell, else a row, at the finding names it.
  const tables = report.tables.filter((t) => within(at, t.range));
  for (const table of tables) {
    const cell = holding(index.cells.get(table)!, (c) => c.ref.range, at);
    if (cell) return `${table.def.id}.${cell.row.id}.${cell.column.id}`;
  }
  for (const table of tables) {
    const row = holding(index.rows.get(table)!, (r) => r.raw.range, at);
    if (row) return `${table.def.id}.${row.row?.id ?? '?'}`;
  }
  if (tables.length) return tables[0].def.id;
  const stray = holding(index.stray, (r) => r.raw.range, at);
  if (stray) return `${stray.table.id}.?`;
  // The latest-starting section whose heading or body holds the finding (an enclosing one when it ended earlier).
  for (let i = lastStartingBy(index.sections, (s) => s.range.start, at); i >= 0; i--) {
    const s = index.sections[i];
    if (at <= s.end) return `section.${s.def?.id ?? '?'}`;
  }
  return 'document';
}
