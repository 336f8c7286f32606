// A row the format requires is absent from a table that is present. The fix
// inserts the row, with the label in the column where the neighbouring row has
// its label and 0 in every value cell, next to the row that precedes (or
// follows) it in the format. A table 2 block missing altogether is inserted
// whole after the block before it; table 4's row of figures after its headers.
// No fix is offered when zeros would break a sum relation of the table.
import type { MappedRow, RawRow, Report, TableModel } from '../model.ts';
import { normLabel } from '../parse/label-normalize.ts';
import type { RowDef, TableDef } from '../templates/template.ts';
import type { Fix, Range } from '../types.ts';
import { rowHolds } from './computed.ts';
import { mislabelled } from './nearest.ts';
import type { Rule } from './rule.ts';

function rowText(cells: string[]): string {
  return `| ${cells.join(' | ')} |`.replace(/\| {2}\|/g, '| |').replace(/\| {2}\|/g, '| |');
}

/** The cells of a new row laid out like `like`: label in its label column, figures where its figures start. */
function cellsLike(like: { cells: RawRow['cells']; labelIndex: number; valueStart: number }, label: string, count: number, fill = '0'): string[] {
  let { labelIndex, valueStart } = like;
  if (labelIndex >= valueStart) { labelIndex = 0; valueStart = label === '' ? 0 : 1; }
  const width = Math.max(like.cells.length, valueStart + count);
  const cells: string[] = Array(width).fill('');
  if (label !== '') cells[labelIndex] = label;
  for (let k = 0; k < count; k++) cells[valueStart + k] = fill;
  return cells;
}

function layoutOf(r: MappedRow): { cells: RawRow['cells']; labelIndex: number; valueStart: number } {
  const labelIndex = r.labelCell ? r.raw.cells.indexOf(r.labelCell) : 0;
  const first = r.values[0] ? r.raw.cells.indexOf(r.values[0]) : -1;
  return { cells: r.raw.cells, labelIndex: Math.max(0, labelIndex), valueStart: first > labelIndex ? first : labelIndex + 1 };
}

/** The raw row that ends where a table model ends (its last header or data row). */
function lastRawRow(report: Report, model: TableModel): RawRow | undefined {
  for (const t of report.rawTables) for (const r of t.rows) if (r.range.end === model.range.end) return r;
  return undefined;
}

/** The 第二十条第（N）项 row of a table 2 block: the last one at or above the block's last row. */
function blockHeaderRow(report: Report, model: TableModel, header: string): RawRow | undefined {
  let found: RawRow | undefined;
  for (const t of report.rawTables) {
    for (const r of t.rows) {
      if (r.range.start > model.range.end) return found;
      if (r.cells.some((c) => c.text !== '' && normLabel(c.text) === normLabel(header))) found = r;
    }
  }
  return found;
}

function lineAt(text: string, offset: number): Range {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end };
}

/**
 * Whether a row of zeros, once inserted, keeps every sum relation it completes
 * holding. When it would not, the row's figures are not zero (or sit
 * elsewhere) and inserting zeros would only move the error: no fix is offered.
 */
function zerosHold(model: TableModel | undefined, row: RowDef): boolean {
  if (!model) return true;
  const parent = row.id.includes('.') ? row.id.slice(0, row.id.lastIndexOf('.')) : undefined;
  // The figures sit in the heading row above (the other format's single row): template-mismatch's finding.
  if (parent && model.rows.some((r) => r.row?.id === parent && r.values.some((v) => v.text !== ''))) return false;
  return rowHolds(model, row);
}

function insertFix(row: string, at: number, text: string, before = false, eol = '\n'): Fix {
  return {
    title: row === '' ? { zh: '插入数字行（数字为 0）', en: 'Insert the row of figures (figures 0)' } : { zh: `插入「${row}」行（数字为 0）`, en: `Insert the row “${row}” (figures 0)` },
    edits: [{ range: { start: at, end: at }, newText: before ? text + eol : eol + text }],
    changesFigure: true,
  };
}

const rule: Rule = {
  id: 'table-row-missing',
  severity: 'error',
  description: { zh: '表格缺少必备行', en: 'A required table row is missing' },
  check({ report, emit }) {
    const parts = new Set(report.tables.map((t) => t.def.part));
    const eol = report.text.includes('\r\n') ? '\r\n' : '\n';
    const text = report.text;
    for (const def of report.template.tables) {
      if (!parts.has(def.part)) continue; // the whole table is table-missing's finding
      const model = report.tables.find((t) => t.def === def);
      for (let i = 0; i < def.rows.length; i++) {
        const row = def.rows[i];
        if (row.group) continue;
        if (model?.rows.some((r) => r.row === row)) continue;
        const message = row.unlabeled
          ? { zh: `${def.title.zh}缺少数字行`, en: `${def.title.en}: the row of figures is missing` }
          : { zh: `${def.title.zh}缺少「${row.label}」行`, en: `${def.title.en}: row “${row.label}” is missing` };
        const shown = row.unlabeled ? '' : row.label;
        let range: Range;
        let fix: Fix | undefined;
        if (model && model.rows.length > 0) {
          const anchor = def.rows.slice(0, i).reverse().map((d) => model.rows.find((r) => r.row === d)).find(Boolean);
          if (anchor) {
            range = lineAt(text, anchor.raw.range.start);
            if (!row.unlabeled) fix = insertFix(shown, anchor.raw.range.end, rowText(cellsLike(layoutOf(anchor), row.label, def.columns.length)), false, eol);
          } else {
            const next = def.rows.slice(i + 1).map((d) => model.rows.find((r) => r.row === d)).find(Boolean) ?? model.rows[0];
            range = lineAt(text, next.raw.range.start);
            if (!row.unlabeled) fix = insertFix(shown, next.raw.range.start, rowText(cellsLike(layoutOf(next), row.label, def.columns.length)), true, eol);
          }
        } else if (model) {
          // Headers without data rows (table 4 without its figures, a block whose row fell out of the table):
          // reported on the block's 第二十条第（N）项 row when it has one, else on the last header line.
          const header = def.header ? blockHeaderRow(report, model, def.header) : undefined;
          range = lineAt(text, header ? header.range.start : model.range.end);
          const last = lastRawRow(report, model);
          const like = { cells: last?.cells ?? [], labelIndex: 0, valueStart: row.unlabeled ? 0 : 1 };
          fix = insertFix(shown, model.range.end, rowText(cellsLike(like, row.unlabeled ? '' : row.label, def.columns.length)), false, eol);
        } else {
          // A table 2 block missing altogether: it goes after the block before it.
          const siblings = report.template.tables.filter((t) => t.part === def.part);
          const k = siblings.indexOf(def);
          const before = siblings.slice(0, k).reverse().map((t) => report.tables.find((m) => m.def === t)).find(Boolean);
          const after = siblings.slice(k + 1).map((t) => report.tables.find((m) => m.def === t)).find(Boolean);
          const place = before ?? after!;
          range = lineAt(text, before ? before.range.end : place.range.start);
          const width = (before ? lastRawRow(report, before)?.cells.length : undefined) ?? 4;
          const lines = blockLines(def, width);
          fix = before
            ? insertFix(shown, before.range.end, lines.join(eol), false, eol)
            : insertFix(shown, range.start, lines.join(eol), true, eol);
          if (fix) fix.title = { zh: `插入${def.title.zh}（数字为 0）`, en: `Insert ${def.title.en} (figures 0)` };
        }
        // No row is inserted where a row with an unknown label most likely is this one: relabelling it is table-row-label's fix.
        const offer = fix && zerosHold(model, row) && !(model && mislabelled(model, row));
        emit({ message, range, fix: offer ? fix : undefined });
      }
    }
  },
};

function blockLines(def: TableDef, width: number): string[] {
  const w = Math.max(width, def.columns.length + 1);
  const pad = (cells: string[]) => [...cells, ...Array(w - cells.length).fill('')];
  return [
    rowText(pad([def.header ?? def.title.zh])),
    rowText(pad(['信息内容', ...def.columns.map((c) => c.label)])),
    ...def.rows.map((r) => rowText(pad([r.label, ...def.columns.map(() => '0')]))),
  ];
}

export default rule;
