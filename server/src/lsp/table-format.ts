// Aligning GFM tables by display width. Only whitespace around cells, the
// pipes and the dashes of the delimiter row change: each cell's text (trimmed)
// is written back exactly, escaped pipes included. A table the formatter
// cannot read safely (inside a blockquote or list, or without a valid
// delimiter row) is left as it is.
import type { Range, TextEdit } from '../engine/types.ts';
import { displayWidth } from './text-width.ts';

type Align = 'left' | 'right' | 'center' | 'none';

interface Line {
  start: number;
  /** Text without its line break. */
  text: string;
}

function linesIn(text: string, range: Range): Line[] {
  const out: Line[] = [];
  let start = text.lastIndexOf('\n', range.start - 1) + 1;
  while (start < range.end) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
    out.push({ start, text: text.slice(start, lineEnd) });
    start = end + 1;
  }
  return out;
}

/** Splits a row at unescaped pipes; the optional outer pipes are not cells. */
export function splitRow(row: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < row.length; i++) {
    const ch = row[i];
    if (ch === '\\' && i + 1 < row.length) {
      current += ch + row[i + 1];
      i++;
    } else if (ch === '|') {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  if (cells.length > 1 && cells[0].trim() === '' && row.trimStart().startsWith('|')) cells.shift();
  if (cells.length > 1 && cells[cells.length - 1].trim() === '' && /(^|[^\\])\|\s*$/.test(row)) cells.pop();
  return cells.map((c) => c.trim());
}

function alignOf(cell: string): Align | undefined {
  if (!/^:?-+:?$/.test(cell)) return undefined;
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : right ? 'right' : left ? 'left' : 'none';
}

function pad(cell: string, width: number, align: Align): string {
  const gap = width - displayWidth(cell);
  if (gap <= 0) return cell;
  if (align === 'right') return ' '.repeat(gap) + cell;
  if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + cell + ' '.repeat(gap - Math.floor(gap / 2));
  return cell + ' '.repeat(gap);
}

function delimiter(align: Align, width: number): string {
  const w = Math.max(width, 3);
  if (align === 'center') return ':' + '-'.repeat(w - 2) + ':';
  if (align === 'right') return '-'.repeat(w - 1) + ':';
  if (align === 'left') return ':' + '-'.repeat(w - 1);
  return '-'.repeat(w);
}

/** The aligned lines of one table, or undefined when it is left alone. */
export function formatTableLines(rows: readonly string[]): string[] | undefined {
  if (rows.length < 2) return undefined;
  const indent = /^ {0,3}/.exec(rows[0])![0];
  // Every row must start like the first: a `>` or list marker means a nested table.
  if (rows.some((r) => !r.startsWith(indent) || /^\s*[>*+-]\s/.test(r.slice(indent.length)) || /^\s*>/.test(r))) return undefined;
  const cells = rows.map((r) => splitRow(r.slice(indent.length)));
  const aligns = cells[1].map(alignOf);
  if (aligns.some((a) => a === undefined)) return undefined;
  const header = cells[0].length;
  if (aligns.length !== header) return undefined;
  const columns = Math.max(...cells.map((c) => c.length));
  const widths: number[] = Array(columns).fill(1);
  cells.forEach((row, i) => {
    if (i === 1) return;
    row.forEach((c, j) => (widths[j] = Math.max(widths[j], displayWidth(c))));
  });
  for (let j = 0; j < header; j++) widths[j] = Math.max(widths[j], 3);
  return cells.map((row, i) => {
    if (i === 1) return `${indent}| ${aligns.map((a, j) => delimiter(a!, widths[j])).join(' | ')} |`;
    const full = row.length < header ? [...row, ...Array(header - row.length).fill('')] : row;
    return `${indent}| ${full.map((c, j) => pad(c, widths[j], aligns[j] ?? 'none')).join(' | ')} |`;
  });
}

/** Edits (one per changed line) that align the tables at `tables`; only tables touching `within` when given. */
export function formatTables(text: string, tables: readonly Range[], within?: Range): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const table of tables) {
    if (within && (table.end < within.start || table.start > within.end)) continue;
    const lines = linesIn(text, table);
    const formatted = formatTableLines(lines.map((l) => l.text));
    if (!formatted) continue;
    lines.forEach((line, i) => {
      if (formatted[i] !== line.text) edits.push({ range: { start: line.start, end: line.start + line.text.length }, newText: formatted[i] });
    });
  }
  return edits;
}
