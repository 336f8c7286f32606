// The official row an unknown row label most likely stands for, and which
// such rows can safely be relabelled (helpers of table-row-label and
// table-row-missing, not a rule).
import { normLabel, similarity } from '../parse/label-normalize.ts';
import type { MappedRow, TableModel } from '../model.ts';
import { cellKey } from '../model.ts';
import { parseCell } from '../parse/numbers.ts';
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

/** A row's figures, when every value cell holds a valid number and there is one per column. */
export function figuresOf(r: MappedRow, table: TableModel): number[] | undefined {
  if (r.values.length !== table.def.columns.length) return undefined;
  const out: number[] = [];
  for (const [i, v] of r.values.entries()) {
    const p = parseCell(v.text, table.def.columns[i].kind);
    if (p.kind !== 'number') return undefined;
    out.push(p.value);
  }
  return out;
}

const safeCache = new WeakMap<TableModel, Map<MappedRow, RowDef>>();

/**
 * The rows with an unknown label that can safely be given their nearest
 * official label: complete, valid figures; no other such row claiming the same
 * official row; and, all of them relabelled together, every sum relation they
 * complete holds. Relabelling them all therefore brings no new finding, and
 * once they are relabelled no further row becomes safe (fixing twice equals
 * fixing once).
 */
export function safeRelabels(table: TableModel): Map<MappedRow, RowDef> {
  const hit = safeCache.get(table);
  if (hit) return hit;
  const out = new Map<MappedRow, RowDef>();
  const values = new Map<string, number[]>();
  const claims = new Map<RowDef, number>();
  const candidates: [MappedRow, RowDef, number[]][] = [];
  for (const r of table.rows) {
    if (r.row || !r.labelCell) continue;
    const d = nearestRow(r.labelCell.text, table);
    const f = d && !d.group ? figuresOf(r, table) : undefined;
    if (!d) continue;
    claims.set(d, (claims.get(d) ?? 0) + 1);
    if (f) candidates.push([r, d, f]);
  }
  for (const [r, d, f] of candidates) if (claims.get(d) === 1) { out.set(r, d); values.set(d.id, f); }
  const number = (rowId: string, columnId: string): number | undefined => {
    const own = values.get(rowId);
    if (own) return own[table.def.columns.findIndex((c) => c.id === columnId)];
    const cell = table.cells.get(cellKey(rowId, columnId));
    return cell && cell.value.kind === 'number' ? cell.value.value : undefined;
  };
  for (let changed = true; changed && out.size > 0;) {
    changed = false;
    for (const rel of table.def.relations ?? []) {
      const alongs = rel.per === 'row' ? [...values.keys()] : table.def.columns.map((c) => c.id);
      for (const along of alongs) {
        if (rel.only && !rel.only.includes(along)) continue;
        const key = (id: string): [string, string] => (rel.per === 'row' ? [along, id] : [id, along]);
        const rowsOf = rel.per === 'row' ? [along] : [...rel.lhs, ...rel.rhs];
        if (!rowsOf.some((id) => values.has(id))) continue;
        let diff = 0;
        let complete = true;
        for (const [ids, sign] of [[rel.lhs, 1], [rel.rhs, -1]] as const) {
          for (const id of ids) {
            const v = number(...key(id));
            if (v === undefined) { complete = false; break; }
            diff += sign * v;
          }
          if (!complete) break;
        }
        if (!complete || Math.abs(diff) < 1e-9) continue;
        for (const [r, d] of [...out]) if (rowsOf.includes(d.id)) { out.delete(r); values.delete(d.id); changed = true; }
      }
    }
  }
  safeCache.set(table, out);
  return out;
}
