// Evaluating a table's sum relations. Each relation of the template expands to
// one instance per row or column; an instance compares Σ lhs with Σ rhs. When
// every failing instance of a table is explained by one cell, that cell is the
// finding and its value the fix.
import type { Cell, TableModel } from './model.ts';
import { cellKey } from './model.ts';
import type { RelationDef } from './templates/template.ts';
import type { Text2 } from './types.ts';

export interface Term {
  cell: Cell;
  /** +1 for the left side, −1 for the right side. */
  sign: 1 | -1;
}

export interface Instance {
  relation: RelationDef;
  table: TableModel;
  /** The row (per: row) or column (per: column) this instance runs along. */
  along: string;
  terms: Term[];
  target: Cell;
  lhs: number;
  rhs: number;
  ok: boolean;
}

export interface TableEvaluation {
  instances: Instance[];
  failing: Instance[];
  /** One cell whose change to `value` makes every relation of the table hold. */
  culprit?: { cell: Cell; value: number };
  /** For each target cell of a failing instance: the value all of them agree on, or null when they disagree. */
  targetValues: Map<Cell, number | null>;
}

function numberOf(cell: Cell | undefined): number | undefined {
  return cell && cell.value.kind === 'number' ? cell.value.value : undefined;
}

function expand(table: TableModel, relation: RelationDef): Instance[] {
  const out: Instance[] = [];
  const def = table.def;
  const alongIds = relation.per === 'row'
    ? def.rows.filter((r) => !r.group).map((r) => r.id)
    : def.columns.map((c) => c.id);
  for (const along of alongIds) {
    if (relation.only && !relation.only.includes(along)) continue;
    const key = (id: string) => (relation.per === 'row' ? cellKey(along, id) : cellKey(id, along));
    const terms: Term[] = [];
    let complete = true;
    for (const [ids, sign] of [[relation.lhs, 1], [relation.rhs, -1]] as const) {
      for (const id of ids) {
        const cell = table.cells.get(key(id));
        // A missing row or a blank/invalid cell is the finding; the relation is not judged.
        if (!cell || numberOf(cell) === undefined) { complete = false; break; }
        terms.push({ cell, sign });
      }
      if (!complete) break;
    }
    if (!complete) continue;
    const target = table.cells.get(key(relation.target))!;
    const lhs = terms.filter((t) => t.sign === 1).reduce((s, t) => s + numberOf(t.cell)!, 0);
    const rhs = terms.filter((t) => t.sign === -1).reduce((s, t) => s + numberOf(t.cell)!, 0);
    out.push({ relation, table, along, terms, target, lhs, rhs, ok: Math.abs(lhs - rhs) < 1e-9 });
  }
  return out;
}

/** The value `cell` must take for `instance` to hold, the other cells unchanged. */
export function valueFor(instance: Instance, cell: Cell): number {
  const k = instance.terms.filter((t) => t.cell === cell).reduce((s, t) => s + t.sign, 0);
  return numberOf(cell)! - (instance.lhs - instance.rhs) / k;
}

const cache = new WeakMap<TableModel, TableEvaluation>();

export function evaluate(table: TableModel): TableEvaluation {
  const hit = cache.get(table);
  if (hit) return hit;
  const instances = (table.def.relations ?? []).flatMap((r) => expand(table, r));
  const failing = instances.filter((i) => !i.ok);
  let culprit: TableEvaluation['culprit'];
  if (failing.length > 1) {
    const candidates = new Set(failing[0].terms.map((t) => t.cell));
    for (const f of failing.slice(1)) for (const c of candidates) if (!f.terms.some((t) => t.cell === c)) candidates.delete(c);
    const found: { cell: Cell; value: number }[] = [];
    for (const cell of candidates) {
      const involved = instances.filter((i) => i.terms.some((t) => t.cell === cell));
      if (involved.some((i) => i.ok)) continue;
      const values = involved.map((i) => valueFor(i, cell));
      if (values.every((v) => Math.abs(v - values[0]) < 1e-9) && values[0] >= 0 && Number.isInteger(values[0])) found.push({ cell, value: values[0] });
    }
    if (found.length === 1) culprit = found[0];
  }
  const targetValues = new Map<Cell, number | null>();
  for (const f of failing) {
    const v = valueFor(f, f.target);
    const prev = targetValues.get(f.target);
    targetValues.set(f.target, prev === undefined || prev === v ? v : null);
  }
  const result = { instances, failing, culprit, targetValues };
  cache.set(table, result);
  return result;
}

/** A cell's name in messages: 一、本年新收「自然人」, 行政复议「总计」. */
export function cellName(cell: Cell): Text2 {
  const rowName = cell.row.unlabeled ? (cell.column.group ?? '') : cell.row.short ?? cell.row.label;
  return { zh: `${rowName}「${cell.column.label}」`, en: `${rowName} «${cell.column.label}»` };
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

/** The relation written out with its values: （七）总计「自然人」 = 201 + 2 + 4 + … = 1139 ✓ */
export function relationText(instance: Instance, lang: 'zh' | 'en' = 'zh'): string {
  const side = (sign: 1 | -1) => instance.terms.filter((t) => t.sign === sign);
  const values = (terms: Term[]) => {
    const shown = terms.map((t) => formatNumber(numberOf(t.cell)!));
    return shown.length > 8 ? [...shown.slice(0, 6), '…', shown[shown.length - 1]].join(' + ') : shown.join(' + ');
  };
  const names = (terms: Term[]) => terms.map((t) => cellName(t.cell)[lang]);
  const l = side(1);
  const r = side(-1);
  const mark = instance.ok ? '✓' : '✗';
  if (l.length === 1 && l[0].cell === instance.target) {
    return `${names(l)[0]} = ${values(r)} = ${formatNumber(instance.rhs)}${instance.ok ? ' ✓' : ` ≠ ${formatNumber(instance.lhs)} ✗`}`;
  }
  const ln = names(l).join(' + ');
  const rn = names(r).join(' + ');
  return `${ln} = ${values(l)} = ${formatNumber(instance.lhs)}；${rn} = ${values(r)} = ${formatNumber(instance.rhs)} ${mark}`;
}
