// The official layout of tables 2, 3 and 4 as a grid of merged cells, worked
// out from the template (official-layout.md has the layout it must give):
//   - header rows: a column's label sits under the groups that hold it
//     (headerGroups, then the column's own group), and runs down to the last
//     header row when fewer groups hold it (自然人 and 总计 over two rows,
//     the 行政复议 labels over two); the corner cell above the row labels
//     spans them all (table 3's 勾稽关系 note);
//   - row labels: the numbering of a label gives its level (一、 （一） 1.),
//     a group row holds the rows below it of a deeper level; each group is one
//     cell merged down over its rows, and a row's own label runs to the last
//     label column;
//   - table 2: its blocks stacked in one table, each a title row over all
//     columns, a 信息内容 row and its rows, a block with fewer columns merging
//     the last ones.
// The writers (docx.ts, html.ts) and the preview draw this grid; nothing in
// it depends on the output format.
import type { ColumnDef, RowDef, TableDef, Template } from '../engine/templates/template.ts';
import type { Range } from '../engine/types.ts';

export type CellRole = 'corner' | 'group' | 'column' | 'block' | 'info' | 'label' | 'rowgroup' | 'figure';

export interface LayoutCell {
  text: string;
  /** Where the cell starts on the grid, and how far it runs. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  role: CellRole;
  /** Text set in short stacked lines (table 4's narrow columns: 结果 / 维持). */
  lines?: string[];
  table?: TableDef;
  /** label, figure: the template row. */
  rowDef?: RowDef;
  /** column, figure: the template column. */
  column?: ColumnDef;
  /** group: the columns it stands over; rowgroup: the data rows it holds. */
  columns?: ColumnDef[];
  rows?: RowDef[];
  /** A row the format does not know: where this cell's text is in the report. */
  source?: Range;
}

export interface OfficialTable {
  part: string;
  /** Relative widths of the grid columns (twips of official-layout.md's tables). */
  widths: number[];
  /** Leading rows that are the header (repeated on each page). */
  headerRows: number;
  /** Each row's cells in grid order; a merged cell appears only in the row where it starts. */
  rows: LayoutCell[][];
}

/**
 * What goes in the body: labels as the report wrote them, figures as written
 * (defaults: the format's label, blank). A report that lacks a row has none
 * here either (`has`), and rows it has that the format does not know are put
 * where the report put them (`extra`), so the export shows the report as it
 * is and checks the same.
 */
export interface TableSource {
  label?(table: TableDef, row: RowDef): string | undefined;
  value?(table: TableDef, row: RowDef, column: ColumnDef): string;
  has?(table: TableDef, row: RowDef): boolean;
  /** Table 2's blocks: whether the report has this one. */
  hasTable?(table: TableDef): boolean;
  /** Rows after `after` (undefined: before the first row) that match no row of the format. */
  extra?(table: TableDef, after: RowDef | undefined): ExtraRow[];
}

export interface ExtraRow {
  label: string;
  values: string[];
  /** Where the row's label and figures are in the report (the preview marks findings by them). */
  labelRange?: Range;
  valueRanges?: Range[];
}

/** An extra row's figures on n columns: blanks added, and figures beyond the last column kept in the last cell. */
function fitValues(values: string[], n: number): string[] {
  const out = values.slice(0, n);
  while (out.length < n) out.push('');
  if (values.length > n) out[n - 1] = values.slice(n - 1).filter((v) => v !== '').join(' ');
  return out;
}

/** Level of a row label by its numbering: 一、 → 0, （一） → 1, 1. → 2. */
export function labelLevel(label: string): number {
  if (/^\s*[（(][一二三四五六七八九十]+[）)]/.test(label)) return 1;
  if (/^\s*\d+\s*[.．、]/.test(label)) return 2;
  return 0;
}

interface RowNode {
  def: RowDef;
  depth: number;
  /** Group rows: the data rows below it. */
  members: RowDef[];
}

/** Rows with their nesting (group rows hold the deeper rows after them). */
function rowTree(def: TableDef): { nodes: RowNode[]; labelColumns: number } {
  const nodes: RowNode[] = [];
  const open: RowNode[] = [];
  let deepest = 0;
  for (const r of def.rows) {
    const level = labelLevel(r.label);
    while (open.length && labelLevel(open[open.length - 1].def.label) >= level) open.pop();
    const node: RowNode = { def: r, depth: open.length, members: [] };
    if (!r.group) for (const g of open) g.members.push(r);
    nodes.push(node);
    deepest = Math.max(deepest, node.depth);
    if (r.group) open.push(node);
  }
  return { nodes, labelColumns: def.rows.every((r) => r.unlabeled) ? 0 : deepest + 1 };
}

/** Two characters a line: the narrow header columns of table 4. */
function twoByTwo(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += 2) out.push(chars.slice(i, i + 2).join(''));
  return out;
}

interface Span {
  label: string;
  from: number;
  to: number;
  columns: ColumnDef[];
}

/** The header groups of a table as column ranges: headerGroups, then each run of columns with the same `group`. */
function headerSpans(def: TableDef): Span[] {
  const ids = def.columns.map((c) => c.id);
  const spans: Span[] = (def.headerGroups ?? []).map((g) => {
    const at = g.columns.map((id) => ids.indexOf(id)).filter((i) => i >= 0);
    const from = Math.min(...at);
    const to = Math.max(...at);
    return { label: g.label, from, to, columns: def.columns.slice(from, to + 1) };
  });
  def.columns.forEach((c, i) => {
    if (!c.group) return;
    const last = spans[spans.length - 1];
    if (last && last.label === c.group && last.to === i - 1 && i > 0 && def.columns[i - 1].group === c.group) {
      last.to = i;
      last.columns.push(c);
    } else spans.push({ label: c.group, from: i, to: i, columns: [c] });
  });
  return spans;
}

/** a stands over b: a wider span that covers it. */
const contains = (a: Span, b: Span) => a.from <= b.from && a.to >= b.to && a.to - a.from > b.to - b.from;

/** The header rows of one table (not table 2): corner, groups, column labels. */
export function headerRows(def: TableDef): { rows: LayoutCell[][]; labelColumns: number } {
  const { labelColumns } = rowTree(def);
  const spans = headerSpans(def);
  const depthOfColumn = (i: number) => spans.filter((s) => s.from <= i && s.to >= i).length;
  const levelOf = (s: Span) => spans.filter((o) => contains(o, s)).length;
  const height = Math.max(0, ...def.columns.map((_, i) => depthOfColumn(i))) + 1;
  const rows: LayoutCell[][] = Array.from({ length: height }, () => []);
  if (labelColumns > 0) rows[0].push({ text: def.corner ?? '', row: 0, col: 0, rowSpan: height, colSpan: labelColumns, role: 'corner', table: def });
  for (const s of spans) {
    const level = levelOf(s);
    rows[level].push({ text: s.label, row: level, col: labelColumns + s.from, rowSpan: 1, colSpan: s.to - s.from + 1, role: 'group', table: def, columns: s.columns });
  }
  const narrow = labelColumns === 0 && def.columns.length > 10;
  def.columns.forEach((c, i) => {
    const d = depthOfColumn(i);
    rows[d].push({ text: c.label, row: d, col: labelColumns + i, rowSpan: height - d, colSpan: 1, role: 'column', table: def, column: c, ...(narrow ? { lines: twoByTwo(c.label) } : {}) });
  });
  for (const r of rows) r.sort((a, b) => a.col - b.col);
  return { rows, labelColumns };
}

/**
 * Relative column widths. The official template gives table 3's figure
 * columns 685 twips of a 9741-twip table, which fits four digits at 10 pt only
 * outside the GB/T 9704 text width; here they take 820 of 9760 (six digits
 * fit at 10.5 pt in the 156 mm text block), from the wide label column.
 */
function widthsOf(def: TableDef, labelColumns: number): number[] {
  const figures = def.columns.map(() => (labelColumns ? 820 : 650));
  if (labelColumns === 0) return figures;
  // The group columns narrow, the row's own label wide.
  const labels = labelColumns === 3 ? [640, 820, 2560] : labelColumns === 2 ? [900, 3120] : [4020];
  return [...labels, ...figures];
}

function table2(template: Template, part: string, src: TableSource): OfficialTable | undefined {
  const defs = template.tables.filter((t) => t.part === part);
  if (!defs.length) return undefined;
  const width = Math.max(...defs.map((d) => d.columns.length)) + 1;
  const rows: LayoutCell[][] = [];
  for (const d of defs) {
    if (src.hasTable && !src.hasTable(d)) continue;
    const n = d.columns.length;
    // A block with fewer columns: one grid column each, the last runs to the edge.
    const spans = d.columns.map((_, i) => (i < n - 1 ? 1 : width - n));
    const at = (i: number) => 1 + spans.slice(0, i).reduce((s, x) => s + x, 0);
    const r = rows.length;
    rows.push([{ text: d.header ?? d.title.zh, row: r, col: 0, rowSpan: 1, colSpan: width, role: 'block', table: d }]);
    rows.push([
      { text: '信息内容', row: r + 1, col: 0, rowSpan: 1, colSpan: 1, role: 'info', table: d },
      ...d.columns.map((c, i): LayoutCell => ({ text: c.label, row: r + 1, col: at(i), rowSpan: 1, colSpan: spans[i], role: 'column', table: d, column: c })),
    ]);
    const extra = (after: RowDef | undefined) => {
      for (const x of src.extra?.(d, after) ?? []) {
        const k = rows.length;
        rows.push([
          { text: x.label, row: k, col: 0, rowSpan: 1, colSpan: 1, role: 'label', table: d, source: x.labelRange },
          ...fitValues(x.values, n).map((v, i): LayoutCell => ({ text: v, row: k, col: at(i), rowSpan: 1, colSpan: spans[i], role: 'figure', table: d, source: x.valueRanges?.[i] })),
        ]);
      }
    };
    extra(undefined);
    for (const row of d.rows) {
      if (src.has && !src.has(d, row)) continue;
      const k = rows.length;
      rows.push([
        { text: src.label?.(d, row) ?? row.label, row: k, col: 0, rowSpan: 1, colSpan: 1, role: 'label', table: d, rowDef: row },
        ...d.columns.map((c, i): LayoutCell => ({ text: src.value?.(d, row, c) ?? '', row: k, col: at(i), rowSpan: 1, colSpan: spans[i], role: 'figure', table: d, rowDef: row, column: c })),
      ]);
      extra(row);
    }
  }
  return { part, widths: Array(width).fill(2435), headerRows: 0, rows };
}

/**
 * A table part in the official layout: table 2's blocks in one table, or a
 * table with its header rows. Undefined when the template has no such part.
 */
export function officialTable(template: Template, part: string, src: TableSource = {}): OfficialTable | undefined {
  const defs = template.tables.filter((t) => t.part === part);
  if (defs.length > 1 || defs[0]?.header) return table2(template, part, src);
  const def = defs[0];
  if (!def) return undefined;
  const { rows: head, labelColumns } = headerRows(def);
  const { nodes } = rowTree(def);
  const headerCount = head.length;
  const rows: LayoutCell[][] = [...head];
  // The body's lines in order: the report's rows of the format, each followed by the rows it has that the format does not know.
  type Line = { node?: RowNode; extra?: ExtraRow };
  const lines: Line[] = (src.extra?.(def, undefined) ?? []).map((extra) => ({ extra }));
  for (const node of nodes) {
    if (node.def.group || (src.has && !src.has(def, node.def))) continue;
    lines.push({ node });
    for (const extra of src.extra?.(def, node.def) ?? []) lines.push({ extra });
  }
  // Each group row is one cell down the lines from its first member to its last.
  const groups = nodes.filter((g) => g.def.group).map((g) => {
    const at = lines.map((l, i) => (l.node && g.members.includes(l.node.def) ? i : -1)).filter((i) => i >= 0);
    return { g, first: at[0] ?? -1, last: at[at.length - 1] ?? -1 };
  }).filter((x) => x.first >= 0);
  lines.forEach((line, i) => {
    const k = rows.length;
    const row: LayoutCell[] = [];
    for (const { g, first, last } of groups) {
      if (first === i) row.push({ text: src.label?.(def, g.def) ?? g.def.label, row: k, col: g.depth, rowSpan: last - first + 1, colSpan: 1, role: 'rowgroup', table: def, rowDef: g.def, rows: g.members });
    }
    const depth = line.node ? line.node.depth : groups.filter((x) => x.first <= i && x.last >= i).length;
    const rowDef = line.node?.def;
    if (labelColumns > 0) row.push({ text: rowDef ? src.label?.(def, rowDef) ?? rowDef.label : line.extra!.label, row: k, col: depth, rowSpan: 1, colSpan: labelColumns - depth, role: 'label', table: def, rowDef, source: line.extra?.labelRange });
    const values = line.extra ? fitValues(line.extra.values, def.columns.length) : undefined;
    def.columns.forEach((c, j) => row.push({ text: values ? values[j] : src.value?.(def, rowDef!, c) ?? '', row: k, col: labelColumns + j, rowSpan: 1, colSpan: 1, role: 'figure', table: def, rowDef, column: rowDef ? c : undefined, source: line.extra?.valueRanges?.[j] }));
    row.sort((a, b) => a.col - b.col);
    rows.push(row);
  });
  return { part, widths: widthsOf(def, labelColumns), headerRows: headerCount, rows };
}

/** The table parts of a template in section order (t2, t3, t4). */
export function tableParts(template: Template): string[] {
  return [...new Set(template.tables.map((t) => t.part))];
}
