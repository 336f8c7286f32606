// Comparing an imported report with the Markdown it was made from: the
// figures cell by cell (keyed by table, row and column of the format) and the
// checker's findings (rule id and the cell, row, heading or table each one
// points at, so that line numbers and wording may differ).
import { analyze, type Analysis } from '../../../../server/src/engine/analyze.ts';

/** Every cell of every report table: `t3/withheld.third_party/natural_person` → its text ('' when blank or missing). */
export function cells(a: Analysis): Map<string, string> {
  const out = new Map<string, string>();
  for (const def of a.report.template.tables) {
    const model = a.report.tables.find((t) => t.def.id === def.id);
    for (const row of def.rows) {
      if (row.group) continue;
      for (const col of def.columns) {
        const cell = model?.cells.get(`${row.id}\u0000${col.id}`);
        out.set(`${def.id}/${row.id}/${col.id}`, cell?.ref.text.trim() ?? '');
      }
    }
  }
  return out;
}

/** Where a finding points: the cell, the row, the table, the section heading, or the line's text. */
function place(a: Analysis, offset: number): string {
  for (const t of a.report.tables) {
    for (const c of t.cells.values()) if (offset >= c.ref.range.start && offset <= c.ref.range.end) return `${t.def.id}/${c.row.id}/${c.column.id}`;
    for (const r of t.rows) if (offset >= r.raw.range.start && offset <= r.raw.range.end) return `${t.def.id}/${r.row?.id ?? `(${r.labelCell?.text ?? ''})`}`;
    if (offset >= t.range.start && offset <= t.range.end) return t.def.id;
  }
  for (const s of a.report.sections) if (offset >= s.range.start && offset <= s.range.end) return `section:${s.def?.id ?? s.title}`;
  const text = a.report.text;
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return `line:${text.slice(start, end < 0 ? text.length : end).trim().slice(0, 30)}`;
}

/** The findings as `rule @ place`, sorted. */
export function findings(a: Analysis): string[] {
  return a.diagnostics.map((d) => `${d.ruleId} @ ${place(a, d.range.start)}`).sort();
}

export function both(source: string, imported: string): { src: Analysis; got: Analysis } {
  return { src: analyze(source), got: analyze(imported) };
}
