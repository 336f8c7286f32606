// The value a blank or unusable cell should hold according to its table's
// sum relations, and whether a row added or relabelled keeps them holding
// (helpers of cell-empty, cell-invalid, table-row-missing and table-row-label;
// not a rule). Each
// relation instance the cell takes part in is solved for it, the other cells
// as written; an instance with another blank is used only to fill a total
// (the blanks counting as 0, which is what their own fixes write).
import type { Cell, TableModel } from '../model.ts';
import type { RowDef } from '../templates/template.ts';
import { cellKey } from '../model.ts';

function fits(cell: Cell, v: number): boolean {
  if (!Number.isFinite(v)) return false;
  if (cell.column.kind === 'money') return v >= 0;
  if (cell.column.kind === 'signed') return Number.isInteger(v);
  return Number.isInteger(v) && v >= 0;
}

function agreed(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  return values.every((v) => Math.abs(v - values[0]) < 1e-9) ? values[0] : undefined;
}

interface Solutions {
  /** Values from relations whose other cells are all figures. */
  exact: number[];
  /** Values from relations with other blanks, for a total (the blanks counting as 0). */
  approx: number[];
  /** A relation with all other cells figures gives a value the cell cannot hold (negative, fractional). */
  disagree: boolean;
}

function solve(table: TableModel, cell: Cell): Solutions {
  const exact: number[] = [];
  const approx: number[] = [];
  let disagree = false;
  for (const rel of table.def.relations ?? []) {
    const along = rel.per === 'row' ? cell.row.id : cell.column.id;
    const self = rel.per === 'row' ? cell.column.id : cell.row.id;
    if (rel.only && !rel.only.includes(along)) continue;
    const inL = rel.lhs.includes(self);
    if (!inL && !rel.rhs.includes(self)) continue;
    let sum = 0;
    let blanks = 0;
    let usable = true;
    for (const [ids, sign] of [[rel.lhs, 1], [rel.rhs, -1]] as const) {
      for (const id of ids) {
        if (id === self) continue;
        const other = table.cells.get(rel.per === 'row' ? cellKey(along, id) : cellKey(id, along));
        if (!other || other.value.kind === 'invalid') { usable = false; break; }
        if (other.value.kind === 'empty') { blanks++; continue; }
        sum += sign * other.value.value;
      }
      if (!usable) break;
    }
    if (!usable) continue;
    // Σlhs − Σrhs = 0 solved for the cell.
    const v = inL ? -sum : sum;
    if (blanks === 0) {
      if (fits(cell, v)) exact.push(v);
      else disagree = true;
    } else if (rel.target === self && fits(cell, v)) approx.push(v);
  }
  return { exact, approx, disagree };
}

function decide({ exact, approx, disagree }: Solutions): number | undefined {
  if (exact.length > 0) return disagree ? undefined : agreed(exact);
  if (disagree) return undefined;
  return agreed(approx);
}

/** The value that makes the cell's relations hold, when they determine one and agree on it. */
export function computedValue(table: TableModel, cell: Cell): number | undefined {
  return decide(solve(table, cell));
}

/**
 * The figure a blank cell (or a placeholder for none) is filled with: the
 * value its relations determine, or 0 when no relation with all its other
 * cells written determines one. Undefined when such relations conflict (a
 * blank term of a row whose total is also wrong): the blank keeps them from
 * being judged, and whatever figure fills it breaks one of them, so filling it
 * would bring a new finding.
 */
export function fillValue(table: TableModel, cell: Cell): number | undefined {
  const s = solve(table, cell);
  const value = decide(s);
  if (value !== undefined) return value;
  return s.exact.length === 0 && !s.disagree ? 0 : undefined;
}

/**
 * Whether a row of a table, inserted as a row of zeros where it is now missing,
 * keeps every sum relation it completes holding: the other rows as written,
 * rows still missing counted as zeros too (what their own fixes write). The
 * fix that inserts a row uses it so that applying it brings no new finding.
 * (A row of zeros satisfies any relation along itself.)
 */
export function rowHolds(model: TableModel, row: RowDef): boolean {
  for (const rel of model.def.relations ?? []) {
    if (rel.per === 'row') continue;
    if (!rel.lhs.includes(row.id) && !rel.rhs.includes(row.id)) continue;
    for (const column of model.def.columns) {
      if (rel.only && !rel.only.includes(column.id)) continue;
      let diff = 0;
      let complete = true;
      for (const [ids, sign] of [[rel.lhs, 1], [rel.rhs, -1]] as const) {
        for (const id of ids) {
          if (id === row.id) continue;
          const cell = model.cells.get(cellKey(id, column.id));
          if (!cell && !model.rows.some((r) => r.row?.id === id)) continue;
          if (!cell || cell.value.kind !== 'number') { complete = false; break; }
          diff += sign * cell.value.value;
        }
        if (!complete) break;
      }
      if (complete && Math.abs(diff) > 1e-9) return false;
    }
  }
  return true;
}
