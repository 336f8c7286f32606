// Finding the model cell at an offset, and the relation instances a cell
// takes part in. Shared by hover and inlay hints.
import type { Report, Cell } from '../engine/model.ts';
import { evaluate, type Instance } from '../engine/relations.ts';

export function cellAt(report: Report, offset: number): Cell | undefined {
  for (const table of report.tables) {
    if (offset < table.range.start || offset > table.range.end) continue;
    for (const cell of table.cells.values()) {
      if (cell.ref.range.start <= offset && offset <= cell.ref.range.end) return cell;
    }
  }
  return undefined;
}

/** Instances where the cell is the total being checked or one of the summed cells. */
export function instancesOf(report: Report, cell: Cell): Instance[] {
  const table = report.tables.find((t) => t.def === cell.table && [...t.cells.values()].includes(cell));
  if (!table) return [];
  return evaluate(table).instances.filter((i) => i.target === cell || i.terms.some((t) => t.cell === cell));
}
