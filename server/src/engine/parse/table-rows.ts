// Cells of a GFM table read from the source line itself, not from mdast's
// cells: the source is what the user sees, and fixes need each cell's exact
// span (a blank cell's span is its whitespace, so a value can be written into it).
import type { Table } from 'mdast';
import type { CellRef, RawRow } from '../model.ts';

export function splitRowCells(text: string, start: number, end: number): CellRef[] {
  const pipes: number[] = [];
  let inCode = false;
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5c /* \ */) { i++; continue; }
    if (ch === 0x60 /* ` */) inCode = !inCode;
    else if (ch === 0x7c /* | */ && !inCode) pipes.push(i);
  }
  // Segment boundaries: the row's own edges, and its pipes.
  const bounds: number[] = [];
  let first = start;
  while (first < end && /\s/.test(text[first])) first++;
  let last = end;
  while (last > first && /\s/.test(text[last - 1])) last--;
  const leading = pipes.length > 0 && pipes[0] === first;
  const trailing = pipes.length > 0 && pipes[pipes.length - 1] === last - 1 && !(leading && pipes.length === 1);
  if (!leading) bounds.push(start - 1);
  bounds.push(...pipes);
  if (!trailing) bounds.push(end);
  const cells: CellRef[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const a = bounds[k] + 1;
    const b = bounds[k + 1];
    let s = a;
    let e = b;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    cells.push(s === e ? { text: '', range: { start: a, end: b } } : { text: text.slice(s, e), range: { start: s, end: e } });
  }
  return cells;
}

export function tableRows(text: string, table: Table, tableIndex: number): RawRow[] {
  const rows: RawRow[] = [];
  for (const row of table.children) {
    const start = row.position?.start.offset;
    const end = row.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    rows.push({ cells: splitRowCells(text, start, end), range: { start, end }, tableIndex });
  }
  return rows;
}
