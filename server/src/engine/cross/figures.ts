// Reading table figures for the cross checks: one cell, the sum of a row
// group (（三）不予公开 = its eight rows), a column group (法人或其他组织 = five
// columns), with the 总计 column falling back to the sum of its parts when
// it was left blank. Also the stable names `<table>.<row>.<column>` that
// `nianbao data` and `nianbao diff` use for every figure.
import type { Cell, Report, TableModel } from '../model.ts';
import { cellKey } from '../model.ts';
import type { ColumnDef, RowDef, TableDef, Template } from '../templates/template.ts';
import type { Range } from '../types.ts';

export function tableOf(report: Report, id: string): TableModel | undefined {
  return report.tables.find((t) => t.def.id === id);
}

export function numberOf(cell: Cell | undefined): number | undefined {
  return cell && cell.value.kind === 'number' ? cell.value.value : undefined;
}

/** Rows of a table whose id is `id` or starts with `id.` (a group and its members), without group rows. */
export function rowsUnder(def: TableDef, id: string): RowDef[] {
  return def.rows.filter((r) => !r.group && (r.id === id || r.id.startsWith(id + '.')));
}

export interface Sum {
  value: number;
  cells: Cell[];
}

/** Parts of a total column: table 3's 总计 = the six applicant columns; table 4's x.total = x.upheld … x.pending. */
function partsOfTotal(def: TableDef, columnId: string): string[] | undefined {
  if (columnId === 'total') return def.columns.filter((c) => c.id !== 'total').map((c) => c.id);
  const m = /^(.*)\.total$/.exec(columnId);
  if (m) return def.columns.filter((c) => c.id.startsWith(m[1] + '.') && c.id !== columnId).map((c) => c.id);
  return undefined;
}

/**
 * One cell's figure; a blank total is read as the sum of its parts when they
 * are all figures. With `parts`, a total is always read as the sum of its
 * parts (the reading that holds when the total itself was miscounted).
 */
export function figure(table: TableModel, rowId: string, columnId: string, parts = false): Sum | undefined {
  const cell = table.cells.get(cellKey(rowId, columnId));
  const v = numberOf(cell);
  if (v !== undefined && !(parts && partsOfTotal(table.def, columnId))) return { value: v, cells: [cell!] };
  if (cell && cell.value.kind !== 'empty' && cell.value.kind !== 'number') return undefined;
  const partIds = partsOfTotal(table.def, columnId);
  if (!partIds || partIds.length === 0) return undefined;
  const sums = partIds.map((c) => table.cells.get(cellKey(rowId, c)));
  if (sums.some((c) => numberOf(c) === undefined)) return undefined;
  return { value: sums.reduce((s, c) => s + numberOf(c)!, 0), cells: sums as Cell[] };
}

/** Σ over the rows under each of rowIds and the given columns; undefined when any figure is missing. */
export function sumOf(table: TableModel, rowIds: readonly string[], columnIds: readonly string[], parts = false): Sum | undefined {
  let value = 0;
  const cells: Cell[] = [];
  for (const id of rowIds) {
    const rows = rowsUnder(table.def, id);
    if (rows.length === 0) return undefined;
    for (const r of rows) {
      for (const c of columnIds) {
        const f = figure(table, r.id, c, parts);
        if (!f) return undefined;
        value += f.value;
        cells.push(...f.cells);
      }
    }
  }
  return { value, cells };
}

/** The stable column name of a figure: t3.results_total.natural_person, t4.counts.review.total. */
export function figureName(table: TableDef, row: RowDef, column: ColumnDef): string {
  return `${table.id}.${row.id}.${column.id}`;
}

export interface FigureSlot {
  name: string;
  table: TableDef;
  row: RowDef;
  column: ColumnDef;
}

/** Every figure slot of a template, in template order. */
export function slotsOf(template: Template): FigureSlot[] {
  const out: FigureSlot[] = [];
  for (const table of template.tables) {
    for (const row of table.rows) {
      if (row.group) continue;
      for (const column of table.columns) out.push({ name: figureName(table, row, column), table, row, column });
    }
  }
  return out;
}

/** The union of the slots of several templates, each name once, first template's order first. */
export function unionSlots(templates: readonly Template[]): FigureSlot[] {
  const seen = new Set<string>();
  const out: FigureSlot[] = [];
  for (const t of templates) for (const s of slotsOf(t)) if (!seen.has(s.name)) { seen.add(s.name); out.push(s); }
  return out;
}

export interface FigureValue {
  /** The number, when the cell holds one. */
  value?: number;
  /** The cell text as written ('' for a blank cell). */
  text: string;
  range: Range;
}

/** All figures of a report by stable name. */
export function reportFigures(report: Report): Map<string, FigureValue> {
  const out = new Map<string, FigureValue>();
  for (const table of report.tables) {
    for (const cell of table.cells.values()) {
      out.set(figureName(table.def, cell.row, cell.column), { value: numberOf(cell), text: cell.ref.text, range: cell.ref.range });
    }
  }
  return out;
}

/** A figure's name for people: 表三 一、本年新收「自然人」, 表二 第二十条第（一）项 规章「本年新制作数量」. */
export function slotLabel(slot: { table: TableDef; row: RowDef; column: ColumnDef }, lang: 'zh' | 'en' = 'zh'): string {
  const t = slot.table;
  const tableName = t.id.startsWith('t2') ? `${lang === 'zh' ? '表二' : 'Table 2'} ${t.title[lang]}` : t.id === 't3' ? (lang === 'zh' ? '表三' : 'Table 3') : t.id === 't4' ? (lang === 'zh' ? '表四' : 'Table 4') : t.title[lang];
  const row = slot.row.unlabeled ? '' : ` ${slot.row.short ?? slot.row.label}`;
  const col = slot.column.group ? `${slot.column.group}·${slot.column.label}` : slot.column.label;
  return lang === 'zh' ? `${tableName}${row}「${col}」` : `${tableName}${row} «${col}»`;
}
