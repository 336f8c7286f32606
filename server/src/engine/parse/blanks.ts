// Blank cells in tables that write no zero. Many published reports leave every
// zero cell blank (web pages, PDFs exported from Word): the blank is the
// table's way of writing 0. Where a table writes no zero anywhere and leaves
// cells blank, its blanks are read as 0, so the sum relations are judged;
// `blank-as-zero` says so once per table. Where a table writes zeros and also
// leaves blanks, a blank is a missing figure: each is `cell-empty`, and the
// relations through it are not judged.
import type { Cell, TableModel } from '../model.ts';

/**
 * `zero-if-no-zeros` (default): blanks are 0 in a table that writes no zero;
 * `each`: every blank is a missing figure, whatever the table does.
 */
export type BlankCellPolicy = 'zero-if-no-zeros' | 'each';

export const BLANK_CELL_POLICIES: readonly BlankCellPolicy[] = ['zero-if-no-zeros', 'each'];

interface Part {
  blanks: Cell[];
  zeros: number;
  figures: number;
}

/**
 * Rewrites the blank cells of the tables that follow the blank-for-zero
 * convention as `{ kind: 'number', value: 0, blank: true }`, in place.
 *
 * The unit is the report's table (表二, 表三, 表四: a template part), not one
 * of table 2's blocks: a block of one cell says nothing about a convention. A
 * table that writes no figure at all (every cell blank) follows the report: its
 * blanks are 0 when another table of the report reads its blanks as 0 (a
 * report that writes no zero leaves 表四 blank when it had no cases), and
 * missing figures otherwise (a form not filled in yet).
 */
export function readBlanks(tables: readonly TableModel[], policy: BlankCellPolicy = 'zero-if-no-zeros'): void {
  if (policy === 'each') return;
  const parts = new Map<string, Part>();
  for (const table of tables) {
    let p = parts.get(table.def.part);
    if (!p) parts.set(table.def.part, (p = { blanks: [], zeros: 0, figures: 0 }));
    for (const cell of table.cells.values()) {
      if (cell.value.kind === 'empty') p.blanks.push(cell);
      else if (cell.value.kind === 'number') {
        p.figures++;
        if (cell.value.value === 0) p.zeros++;
      }
    }
  }
  const follows = (p: Part) => p.blanks.length > 0 && p.zeros === 0 && p.figures > 0;
  const reportConvention = [...parts.values()].some(follows);
  for (const p of parts.values()) {
    const unfilled = p.blanks.length > 0 && p.figures === 0;
    if (!follows(p) && !(unfilled && reportConvention)) continue;
    for (const cell of p.blanks) cell.value = { kind: 'number', value: 0, blank: true };
  }
}
