// What a finding is about, named by the report's structure rather than by
// where it sits in the text: a cell (`t3.results_total.natural_person`, the
// names `nianbao data` uses for its columns), a table row, a table, a section,
// or the document. Stable when lines are added or removed elsewhere, so CI
// reports can fingerprint a finding across runs (GitLab Code Quality, SARIF).
import type { Report } from './model.ts';
import type { Range } from './types.ts';

const within = (at: number, r: Range) => at >= r.start && at <= r.end;

export function subjectOf(report: Report, range: Range): string {
  const at = range.start;
  for (const table of report.tables) {
    if (!within(at, table.range)) continue;
    for (const cell of table.cells.values()) {
      if (within(at, cell.ref.range)) return `${table.def.id}.${cell.row.id}.${cell.column.id}`;
    }
    for (const row of table.rows) {
      if (within(at, row.raw.range)) return `${table.def.id}.${row.row?.id ?? '?'}`;
    }
    return table.def.id;
  }
  for (const row of report.strayRows) {
    if (within(at, row.raw.range)) return `${row.table.id}.?`;
  }
  // The section whose heading or body holds the finding; headings come in document order.
  for (let i = report.sections.length - 1; i >= 0; i--) {
    const s = report.sections[i];
    if (at >= s.range.start && at <= s.end) return `section.${s.def?.id ?? '?'}`;
  }
  return 'document';
}
