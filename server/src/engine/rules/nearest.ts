// The official row an unknown row label most likely stands for (a helper of
// table-row-label and table-row-missing, not a rule): the most similar label
// of the table's rows not yet present, when similar enough.
import { normLabel, similarity } from '../parse/normalize.ts';
import type { TableModel } from '../model.ts';
import type { RowDef } from '../templates/template.ts';

export function nearestRow(text: string, table: TableModel, rows: readonly RowDef[] = table.def.rows): RowDef | undefined {
  const norm = normLabel(text);
  const nearest = rows
    .filter((d) => !d.unlabeled)
    .map((d) => ({ d, s: similarity(norm, normLabel(d.label)) }))
    .sort((a, b) => b.s - a.s)[0];
  if (!nearest || nearest.s < 0.5 || table.rows.some((x) => x.row === nearest.d)) return undefined;
  return nearest.d;
}

/** A row of the table with an unknown label that most likely is `row` mislabelled. */
export function mislabelled(table: TableModel, row: RowDef): boolean {
  return table.rows.some((r) => !r.row && r.labelCell && nearestRow(r.labelCell.text, table) === row);
}
