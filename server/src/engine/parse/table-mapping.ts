// Mapping Markdown tables onto a template's tables. Tables and rows are
// recognised by their labels, never by position or column count: a report may
// use one, two or three label columns, put group rows on their own line, repeat
// header rows inside the body, or split a table in two at a page break.
import type { Root, Table } from 'mdast';
import type { CellRef, HeaderCell, MappedRow, RawRow, Report, TableModel } from '../model.ts';
import { cellKey } from '../model.ts';
import type { ColumnDef, RowDef, TableDef, Template } from '../templates/template.ts';
import { matchLabel, type LabelHit } from './labels.ts';
import { looksLikeValue, parseCell } from './numbers.ts';
import { normLabel } from './label-normalize.ts';
import { tableRows } from './table-rows.ts';

interface RowCandidate {
  table: TableDef;
  row: RowDef;
  label: string;
  variants?: string[];
}

/** Words that mark a header row rather than a data row. */
const HEADER_WORDS = ['信息内容', '申请人情况', '法人或其他组织', '勾稽关系', '行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'];

export function collectTables(text: string, root: Root): { raw: RawRow[][]; ranges: { start: number; end: number }[] } {
  const raw: RawRow[][] = [];
  const ranges: { start: number; end: number }[] = [];
  const visit = (node: { type: string; children?: unknown[]; position?: { start: { offset?: number }; end: { offset?: number } } }) => {
    if (node.type === 'table') {
      raw.push(tableRows(text, node as Table, raw.length));
      ranges.push({ start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 });
      return;
    }
    for (const child of (node.children ?? []) as typeof node[]) visit(child);
  };
  visit(root);
  return { raw, ranges };
}

// One array per template, so matchLabel's memo (keyed by the array) serves every report of that format.
const candidateCache = new WeakMap<Template, RowCandidate[]>();

function candidatesOf(template: Template): RowCandidate[] {
  const hit = candidateCache.get(template);
  if (hit) return hit;
  const out: RowCandidate[] = [];
  for (const table of template.tables) {
    for (const row of table.rows) if (!row.unlabeled) out.push({ table, row, label: row.label, variants: row.variants });
  }
  candidateCache.set(template, out);
  return out;
}

/** Index of the last label cell: cells before the first cell that reads as a figure. */
function labelSpan(cells: CellRef[]): number {
  let last = -1;
  for (let i = 0; i < cells.length; i++) {
    const t = cells[i].text;
    if (t === '') continue;
    if (looksLikeValue(t)) break;
    last = i;
  }
  return last;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let n = 0;
  for (const [v, k] of counts) if (k > n) { best = v; n = k; }
  return best;
}

function fitValues(values: CellRef[], expected: number): CellRef[] {
  const v = values.slice();
  while (v.length > expected && v[v.length - 1].text === '') v.pop();
  while (v.length > expected && v[0].text === '') v.shift();
  return v;
}

interface Classified {
  raw: RawRow;
  kind: 'header' | 'block' | 'data' | 'blank';
  hit?: LabelHit<RowCandidate>;
  labelCell?: CellRef;
  labelEnd: number;
  blockTable?: TableDef;
  headerTables?: TableDef[];
  /** A group or outer label written beside the row's own (unknown) label, in layouts with several label columns. */
  sideLabel?: { hit: LabelHit<RowCandidate>; cell: CellRef };
}

function classify(raw: RawRow, template: Template, candidates: RowCandidate[]): Classified {
  const cells = raw.cells;
  const end = labelSpan(cells);
  const anyValue = cells.slice(end + 1).some((c) => c.text !== '');
  const labels = cells.slice(0, end + 1).filter((c) => c.text !== '');
  // A block header: 第二十条第（N）项.
  for (const c of labels) {
    const n = normLabel(c.text);
    const block = template.tables.find((t) => t.header && normLabel(t.header) === n);
    if (block) return { raw, kind: 'block', blockTable: block, labelEnd: end };
  }
  let hit: LabelHit<RowCandidate> | undefined;
  let labelCell: CellRef | undefined;
  let sideLabel: Classified['sideLabel'];
  for (let i = labels.length - 1; i >= 0; i--) {
    const h = matchLabel(labels[i].text, candidates);
    // A label left of an unknown, numbered row label (1.申请人…) is a group's, not this row's: the row stays unknown.
    if (h && i < labels.length - 1 && (h.item.row.group || /^\s*([(（][一二三四五六七八九十]+[)）]|\d+[.．、]|[一二三四五六七八九十]+、)/.test(labels[labels.length - 1].text))) {
      // The left label still names its own row (as it would on a line of its own in a one-column layout).
      sideLabel = { hit: h, cell: labels[i] };
      break;
    }
    if (h) { hit = h; labelCell = labels[i]; break; }
  }
  if (!hit && labels.length > 0) labelCell = labels[labels.length - 1];
  if (!hit && !anyValue) {
    if (labels.length === 0) return { raw, kind: 'blank', labelEnd: end };
    const norms = labels.map((c) => normLabel(c.text));
    const score = (t: TableDef) =>
      norms.filter((n) => t.signature?.some((s) => n.includes(normLabel(s))) || t.columns.some((col) => normLabel(col.label) === n || col.variants?.some((v) => normLabel(v) === n))).length;
    const scored = template.tables.map((t) => ({ t, s: score(t) })).filter((x) => x.s > 0).sort((a, b) => b.s - a.s);
    const isHeader = scored.length > 0 || norms.some((n) => HEADER_WORDS.some((w) => n.includes(w)));
    if (!isHeader) return { raw, kind: 'data', labelCell, labelEnd: end };
    const headerTables = scored.map((x) => x.t);
    return { raw, kind: 'header', labelEnd: end, headerTables };
  }
  return { raw, kind: 'data', hit, labelCell, labelEnd: end, sideLabel };
}

export function mapTables(text: string, rawTables: RawRow[][], template: Template): Pick<Report, 'tables' | 'strayRows'> & { tableIdsByRaw: string[][] } {
  const candidates = candidatesOf(template);
  const models = new Map<string, TableModel>();
  const strayRows: MappedRow[] = [];
  const tableIdsByRaw: string[][] = [];
  const modelOf = (def: TableDef, range: { start: number; end: number }): TableModel => {
    let m = models.get(def.id);
    if (!m) {
      m = { def, rows: [], headers: [], cells: new Map(), range: { ...range } };
      models.set(def.id, m);
    }
    m.range.start = Math.min(m.range.start, range.start);
    m.range.end = Math.max(m.range.end, range.end);
    return m;
  };
  // Context carries across tables: a table split by a page break continues the one before it.
  let context: TableDef | undefined;
  // Per template table: the cell index of its first value column, read from a header row.
  const headerStart = new Map<string, number>();
  for (const rows of rawTables) {
    const classified = rows.map((r) => classify(r, template, candidates));
    const ids = new Set<string>();
    const isReportTable = classified.some((c) => c.kind === 'block' || (c.kind === 'data' && c.hit) || (c.kind === 'header' && c.headerTables && c.headerTables.length > 0));
    if (!isReportTable) { tableIdsByRaw.push([]); continue; }
    // A table that opens with a signature header names its context (table 4 has no row labels).
    const sig = classified.find((c) => c.kind === 'header' && c.headerTables?.length)?.headerTables;
    if (sig && sig.length > 0 && !classified.some((c) => c.kind === 'block')) {
      const withRows = classified.find((c) => c.hit)?.hit?.item.table;
      context = withRows ?? sig[0];
    }
    // Where values usually start in this table: a row whose label cell holds a stray figure is read the same way.
    const starts = classified.filter((c) => c.kind === 'data' && c.hit && c.labelCell).map((c) => c.labelEnd + 1);
    const typicalStart = mode(starts);
    for (const c of classified) {
      if (c.kind === 'block') {
        context = c.blockTable;
        modelOf(c.blockTable!, c.raw.range);
        ids.add(c.blockTable!.id);
        continue;
      }
      if (c.kind === 'blank') {
        // An all-blank row where the table expects its unlabeled row of figures (a blank table 4 form) is that row.
        const unlabeled = context?.rows.find((r) => r.unlabeled);
        if (!context || !unlabeled || c.raw.cells.length < context.columns.length) continue;
        const model = modelOf(context, c.raw.range);
        if (model.rows.some((r) => r.row === unlabeled)) continue;
        ids.add(context.id);
        model.rows.push({ raw: c.raw, table: context, row: unlabeled, match: 'exact', values: fitValues(c.raw.cells, context.columns.length) });
        continue;
      }
      if (c.kind === 'header') {
        if (context) {
          // Where the header puts the first value column: rows with blank label columns are read from there.
          const first = c.raw.cells.findIndex((cell) => cell.text !== '' && matchLabel(cell.text, [context!.columns[0]]) !== undefined);
          if (first > 0 && !headerStart.has(context.id)) headerStart.set(context.id, first);
          const model = modelOf(context, c.raw.range);
          for (const cell of c.raw.cells) {
            if (cell.text === '') continue;
            const h = matchLabel(cell.text, context.columns);
            if (h) model.headers.push({ table: context, ref: cell, column: h.item, match: h.match } satisfies HeaderCell);
          }
        }
        continue;
      }
      const table = c.hit?.item.table ?? context;
      if (!table) continue;
      const side = c.sideLabel;
      if (side && side.hit.item.table === table) {
        const model = modelOf(table, c.raw.range);
        if (!model.rows.some((r) => r.row === side.hit.item.row)) {
          model.rows.push({ raw: c.raw, table, row: side.hit.item.row, labelCell: side.cell, match: side.hit.match, values: [] });
        }
      }
      context = table;
      ids.add(table.id);
      const model = modelOf(table, c.raw.range);
      let row = c.hit?.item.row;
      let match = c.hit?.match ?? 'unknown';
      if (!row && !c.labelCell) {
        const unlabeled = table.rows.find((r) => r.unlabeled);
        if (unlabeled) { row = unlabeled; match = 'exact'; }
      }
      const E = table.columns.length;
      let values = fitValues(c.raw.cells.slice(c.labelEnd + 1), E);
      let labelSlot: CellRef | undefined;
      const labelCell = c.labelCell;
      // Text where the first figure stands (二十 under 自然人) looks like a label to labelSpan, but it is that figure
      // written badly (cell-invalid reports it), not another label column: the row's label is known, and read from
      // just after it the row has the table's columns exactly, as it has not from after the text.
      const labelAt = c.hit && labelCell ? c.raw.cells.indexOf(labelCell) : -1;
      if (labelAt >= 0 && labelAt < c.labelEnd && values.length !== E) {
        const fromLabel = fitValues(c.raw.cells.slice(labelAt + 1), E);
        if (fromLabel.length === E) values = fromLabel;
      }
      const hs = headerStart.get(table.id);
      const blankUpTo = (n: number) => c.raw.cells.slice(c.labelEnd + 1, n).every((x) => x.text === '');
      if (hs !== undefined && c.labelEnd < hs - 1 && c.raw.cells.length >= hs + E && blankUpTo(hs) && c.raw.cells.slice(hs + E).every((x) => x.text === '')) {
        // Blank label columns: the header says where the figures start.
        values = c.raw.cells.slice(hs, hs + E);
        if (!row && !labelCell) labelSlot = c.raw.cells[hs - 1];
      } else if (!c.labelCell && !row && typicalStart > 0 && c.raw.cells.length >= typicalStart + E) {
        values = fitValues(c.raw.cells.slice(typicalStart), E);
        labelSlot = c.raw.cells[typicalStart - 1];
      }
      const mapped: MappedRow = { raw: c.raw, table, row, labelCell, labelSlot, match, values };
      if (!row?.group && values.length !== table.columns.length) mapped.valueCountProblem = { expected: table.columns.length, found: values.length };
      if (row?.group && values.every((v) => v.text === '')) mapped.values = [];
      model.rows.push(mapped);
    }
    tableIdsByRaw.push([...ids]);
  }
  for (const model of models.values()) {
    inferLostLabels(model);
    fillCells(model);
  }
  for (const model of models.values()) for (const r of model.rows) if (!r.row) strayRows.push(r);
  const order = template.tables.map((t) => t.id);
  const tables = [...models.values()].sort((a, b) => order.indexOf(a.def.id) - order.indexOf(b.def.id));
  void text;
  return { tables, strayRows, tableIdsByRaw };
}

/** Rows whose labels were lost in copying take the rows the format expects between their neighbours, when the counts agree. */
function inferLostLabels(model: TableModel): void {
  const order = model.def.rows;
  const rows = model.rows;
  const lost = (r: MappedRow) => !r.row && !r.labelCell;
  for (let i = 0; i < rows.length; i++) {
    if (!lost(rows[i])) continue;
    let j = i;
    while (j + 1 < rows.length && lost(rows[j + 1])) j++;
    const prev = rows.slice(0, i).reverse().find((x) => x.row)?.row;
    const next = rows.slice(j + 1).find((x) => x.row)?.row;
    const from = prev ? order.indexOf(prev) + 1 : 0;
    const to = next ? order.indexOf(next) : order.length;
    const present = new Set(rows.map((x) => x.row).filter(Boolean));
    const gap = order.slice(from, to).filter((d) => !d.group && !d.unlabeled && !present.has(d));
    if (gap.length === j - i + 1) gap.forEach((d, k) => { rows[i + k].row = d; rows[i + k].match = 'inferred'; });
    i = j;
  }
}

function fillCells(model: TableModel): void {
  const seen = new Set<string>();
  for (const r of model.rows) {
    if (!r.row) continue;
    if (seen.has(r.row.id)) { r.duplicate = true; continue; }
    seen.add(r.row.id);
    if (r.row.group) continue;
    model.def.columns.forEach((column: ColumnDef, i: number) => {
      const ref = r.values[i];
      if (!ref) return;
      model.cells.set(cellKey(r.row!.id, column.id), { table: model.def, row: r.row!, column, ref, value: parseCell(ref.text, column.kind) });
    });
  }
}
