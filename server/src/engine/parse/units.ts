// Parsing a document unit by unit (units from blocks.ts) and putting the
// pieces back into one mdast Root in document coordinates. Every unit starts
// at the start of a line, so only line numbers and offsets move; columns stay.
//
// A long table inside a unit is parsed in chunks of TABLE_CHUNK body rows:
// the first chunk together with whatever precedes the table in the unit, each
// later chunk as "header line + delimiter line + its rows", whose body rows
// are then moved into the first chunk's table. Each chunk is checked after
// parsing (one table, one row per line); when a check fails the unit is parsed
// whole, so a wrong guess costs time, never a different tree.
import type { Root, RootContent, Table } from 'mdast';
import type { Point } from 'unist';
import { isDelimiterRow, splitLines, splitUnits, type Line } from './blocks.ts';

/** Parses a piece of Markdown; the caller may change the tree it returns. */
export type ParseFn = (text: string) => Root;

/**
 * Body rows per parse call for long tables (from 2 × TABLE_CHUNK rows on): a
 * 1,600-row table parses about 3× faster in chunks than whole; the tables of
 * the official formats (at most 40 rows) stay in one piece.
 */
export const TABLE_CHUNK = 24;

interface Positioned {
  position?: { start: Point; end: Point };
  children?: Positioned[];
}

export function shiftTree(node: Positioned, dLine: number, dOffset: number): void {
  const stack: Positioned[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.position) {
      n.position.start.line += dLine;
      n.position.end.line += dLine;
      if (n.position.start.offset !== undefined) n.position.start.offset += dOffset;
      if (n.position.end.offset !== undefined) n.position.end.offset += dOffset;
    }
    if (n.children) for (const c of n.children) stack.push(c);
  }
}

/** A deep copy with fresh position objects (cached trees are shared and must not move). */
export function cloneTree<T extends Positioned>(node: T): T {
  const copy = { ...node };
  if (node.position) copy.position = { start: { ...node.position.start }, end: { ...node.position.end } };
  if (node.children) copy.children = node.children.map(cloneTree);
  return copy;
}

/** The point micromark gives the end of `text`: columns count UTF-16 code units. */
export function endPoint(text: string, lines: Line[]): Point {
  const last = lines[lines.length - 1];
  if (last.next === text.length && last.end < last.next) return { line: lines.length + 1, column: 1, offset: text.length };
  return { line: lines.length, column: last.end - last.start + 1, offset: text.length };
}

interface TableRun {
  header: number;
  delimiter: number;
  /** Line indices of the body: consecutive non-blank lines after the delimiter. */
  body: number[];
}

function longTableRun(text: string, lines: Line[]): TableRun | undefined {
  for (let d = 1; d < lines.length; d++) {
    if (!isDelimiterRow(text, lines[d]) || lines[d - 1].start === lines[d - 1].end) continue;
    const body: number[] = [];
    let k = d + 1;
    while (k < lines.length && text.slice(lines[k].start, lines[k].end).trim() !== '') body.push(k++);
    if (body.length >= 2 * TABLE_CHUNK) return { header: d - 1, delimiter: d, body };
    d = k;
  }
  return undefined;
}

function isTable(node: RootContent | undefined): node is Table {
  return node?.type === 'table';
}

/** Parses one unit; positions are relative to the unit (line 1, offset 0). */
export function parseUnit(text: string, parse: ParseFn): Root {
  const lines = splitLines(text);
  const run = longTableRun(text, lines);
  return (run && parseChunked(text, lines, run, parse)) || parse(text);
}

function parseChunked(text: string, lines: Line[], run: TableRun, parse: ParseFn): Root | undefined {
  const { body } = run;
  const firstLast = body[TABLE_CHUNK - 1];
  const head = parse(text.slice(0, lines[firstLast].next));
  const table = head.children[head.children.length - 1];
  if (!isTable(table) || table.position?.start.line !== run.header + 1 || table.children.length !== TABLE_CHUNK + 1) return undefined;
  if (table.children[TABLE_CHUNK].position?.start.line !== firstLast + 1) return undefined;
  const prefix = text.slice(lines[run.header].start, lines[run.delimiter].next);
  for (let i = TABLE_CHUNK; i < body.length; i += TABLE_CHUNK) {
    const j = Math.min(i + TABLE_CHUNK, body.length);
    const from = lines[body[i]].start;
    const chunk = parse(prefix + text.slice(from, lines[body[j - 1]].next));
    const t = chunk.children[0];
    if (chunk.children.length !== 1 || !isTable(t) || t.children.length !== 1 + j - i || t.children[j - i].position?.start.line !== 2 + j - i) return undefined;
    // Synthetic line 3 is unit line body[i] + 1; synthetic offset prefix.length is unit offset `from`.
    const dLine = body[i] + 1 - 3;
    const dOffset = from - prefix.length;
    for (const row of t.children.slice(1)) {
      shiftTree(row, dLine, dOffset);
      table.children.push(row);
    }
    const e = t.position!.end;
    table.position.end = { line: e.line + dLine, column: e.column, offset: e.offset! + dOffset };
  }
  const tailStart = lines[body[body.length - 1]].next;
  const children: RootContent[] = head.children;
  let end = endPoint(text, lines);
  if (tailStart < text.length) {
    // The table has ended at a blank line and sits at the top level: what follows parses alone.
    const tailLine = body[body.length - 1] + 1;
    const tail = parseUnit(text.slice(tailStart), parse);
    for (const c of tail.children) shiftTree(c, tailLine, tailStart);
    children.push(...tail.children);
    end = { ...tail.position!.end, line: tail.position!.end.line + tailLine, offset: tail.position!.end.offset! + tailStart };
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

/** The whole document parsed unit by unit, in document coordinates. */
export function parseInUnits(text: string, parse: ParseFn): Root {
  // micromark drops a leading byte order mark and counts positions without it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const children: RootContent[] = [];
  let end: Point = { line: 1, column: 1, offset: 0 };
  for (const unit of splitUnits(body)) {
    const root = parseUnit(body.slice(unit.start, unit.end), parse);
    for (const c of root.children) {
      shiftTree(c, unit.line, unit.start);
      children.push(c);
    }
    const e = root.position!.end;
    end = { line: e.line + unit.line, column: e.column, offset: e.offset! + unit.start };
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}
