// A direct scan of the block structure reports are made of (ATX headings,
// paragraphs, GFM tables, blank lines), giving the engine the tree it reads
// from remark without running micromark: profiling `nianbao check` showed
// about 60 % of its time in micromark, mdast-util-from-markdown and the
// garbage their tokens and events leave (docs/performance.md).
//
// The engine reads block nodes only: the type, depth and source position of
// the top-level headings and paragraphs, and each table with the positions of
// its rows (it reads cells and text from the source itself). So the tree made
// here is that skeleton: the same nodes at the same positions as remark's,
// without inline children and cells (`blockSkeleton` reduces a remark tree to
// the same shape; test/unit/perf/direct-blocks.test.ts compares the two on
// every fixture and thousands of generated documents, and the diagnostics
// analyze() gives from each, byte for byte).
//
// remark stays the reference: the scan declines (returns undefined) and the
// unit goes to remark on anything it does not fully know: indented lines,
// tabs, trailing whitespace, lists, block quotes, code, HTML, setext and
// thematic-break candidates, link definitions, tables whose head and
// delimiter rows are not both fenced by pipes, and a table followed directly
// by a line that is not a row. Doubt costs speed, never a different tree.
import type { Blockquote, Heading, Html, List, ListItem, Paragraph, Root, RootContent, Table, TableRow } from 'mdast';
import type { Point } from 'unist';
import { splitLines, type Line } from './blocks.ts';
import { endPoint } from './units.ts';

/** A line that may open something else than a paragraph line: bullet, quote, code, HTML, definition, setext, thematic break, delimiter. */
const OTHER_START = /^(?:[->+=_`~<[:]|\d{1,9}[.)](?:[ \t]|$)|\*(?!\*[^*\s]))/;
/** A list item we read ourselves: `- ` or `1. ` / `1) ` and content that opens nothing else. */
const ITEM = /^(?:-|\d{1,9}[.)]) (?![ \t#|>*+\-=_`~<[:]|\d{1,9}[.)](?:[ \t]|$))/;
/** A one-line block quote (`> 注：…`) whose content opens nothing else. */
const QUOTE = /^> (?![ \t#|>*+\-=_`~<[:]|\d{1,9}[.)](?:[ \t]|$))/;
/** A one-line HTML comment (`<!-- … -->`, as reports carry their source notes). */
const COMMENT = /^<!--(?!-?>).*?-->/;
/** A delimiter row we read ourselves: fenced by pipes, cells of dashes with optional colons and spaces. */
const DELIMITER = /^\|(?: *:?-+:? *\|)+$/;
/** Anything that might be read as a delimiter row: such a line we do not read exactly sends the unit to remark. */
const DELIMITER_LIKE = /^[ \t]*\|?[ \t|:-]*-[ \t|:-]*$/;

/** A fresh point (every node owns its points: parseInUnits moves them in place). */
function point(text: string, lines: Line[], k: number, offset: number): Point {
  return { line: k + 1, column: offset - lines[k].start + 1, offset };
}

/** Pipes in a pipe-fenced row without backslashes: the number of cells is one fewer. */
function pipeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 0x7c) n++;
  return n;
}

/** The skeleton tree of `text` (one unit: it starts at a line start with nothing open), or undefined when remark must parse it. */
export function scanBlocks(text: string): Root | undefined {
  const lines = splitLines(text);
  const children: RootContent[] = [];
  const n = lines.length;
  let para = -1; // first line of the open paragraph
  const closePara = (k: number) => {
    if (para < 0) return;
    const last = lines[k - 1];
    children.push({ type: 'paragraph', children: [], position: { start: point(text, lines, para, lines[para].start), end: point(text, lines, k - 1, last.end) } } as Paragraph);
    para = -1;
  };
  for (let k = 0; k < n; k++) {
    const { start, end } = lines[k];
    if (start === end) {
      closePara(k);
      continue;
    }
    const first = text.charCodeAt(start);
    const lastCh = text.charCodeAt(end - 1);
    // Indentation, tabs and trailing whitespace change columns and block rules in ways not worth following here.
    if (first === 32 || first === 9 || lastCh === 32 || lastCh === 9) {
      if (isWhitespace(text, start, end)) {
        closePara(k);
        continue;
      }
      return undefined;
    }
    const line = text.slice(start, end);
    if (line.includes('\t')) return undefined;
    if (para < 0 && COMMENT.test(line)) {
      children.push({ type: 'html', position: { start: point(text, lines, k, start), end: point(text, lines, k, end) } } as Html);
      continue;
    }
    if (para < 0 && QUOTE.test(line)) {
      const after = k + 1 < n ? lines[k + 1] : undefined;
      if (after && after.start !== after.end && !isWhitespace(text, after.start, after.end)) return undefined;
      const inner: Paragraph = { type: 'paragraph', children: [], position: { start: point(text, lines, k, start + 2), end: point(text, lines, k, end) } };
      children.push({ type: 'blockquote', children: [inner], position: { start: point(text, lines, k, start), end: point(text, lines, k, end) } } as Blockquote);
      continue;
    }
    const item = ITEM.exec(line);
    if (item && para < 0) {
      // One list of one-line items: same marker, blank lines allowed between items, nothing else.
      const marker = item[0][item[0].length - 2];
      const items: ListItem[] = [];
      let j = k;
      let last = k;
      for (; j < n; j++) {
        const l = lines[j];
        if (l.start === l.end || isWhitespace(text, l.start, l.end)) continue;
        const s2 = text.slice(l.start, l.end);
        const m = ITEM.exec(s2);
        if (!m || m[0][m[0].length - 2] !== marker) break;
        const c = text.charCodeAt(l.end - 1);
        if (c === 32 || c === 9 || s2.includes('\t')) return undefined;
        // The next line must be blank or another item: a lazy continuation or anything else goes to remark.
        const after = j + 1 < n ? lines[j + 1] : undefined;
        if (after && after.start !== after.end && !isWhitespace(text, after.start, after.end) && !ITEM.test(text.slice(after.start, after.end))) return undefined;
        const contentStart = l.start + m[0].length;
        items.push({ type: 'listItem', children: [{ type: 'paragraph', children: [], position: { start: point(text, lines, j, contentStart), end: point(text, lines, j, l.end) } } as Paragraph], position: { start: point(text, lines, j, l.start), end: point(text, lines, j, l.end) } } as ListItem);
        last = j;
      }
      children.push({ type: 'list', children: items, position: { start: { ...items[0].position!.start }, end: { ...items[items.length - 1].position!.end } } } as List);
      k = last;
      continue;
    }
    if (OTHER_START.test(line)) return undefined;
    // A delimiter row that is not read as one below (no head row before it) is for remark to judge.
    if (first === 0x7c && DELIMITER_LIKE.test(line)) return undefined;
    if (first === 0x23 /* # */) {
      let depth = 1;
      while (depth < end - start && text.charCodeAt(start + depth) === 0x23) depth++;
      if (depth <= 6 && (depth === end - start || text.charCodeAt(start + depth) === 32)) {
        closePara(k);
        children.push({ type: 'heading', depth, children: [], position: { start: point(text, lines, k, start), end: point(text, lines, k, end) } } as Heading);
        continue;
      }
    }
    const next = k + 1 < n ? text.slice(lines[k + 1].start, lines[k + 1].end) : undefined;
    if (next !== undefined && DELIMITER_LIKE.test(next) && next.includes('|')) {
      // A table's head and delimiter rows, read only in the plain form reports use.
      if (first !== 0x7c || line.length < 2 || lastCh !== 0x7c || line.includes('\\') || !DELIMITER.test(next) || pipeCount(line) !== pipeCount(next)) return undefined;
      closePara(k);
      const rows: TableRow[] = [{ type: 'tableRow', children: [], position: { start: point(text, lines, k, start), end: point(text, lines, k, end) } }];
      let j = k + 2;
      for (; j < n; j++) {
        const row = lines[j];
        if (row.start === row.end || isWhitespace(text, row.start, row.end)) break;
        // A row starts with a pipe; anything else right after a table is for remark to judge.
        if (text.charCodeAt(row.start) !== 0x7c) return undefined;
        const rowLast = text.charCodeAt(row.end - 1);
        if (rowLast === 32 || rowLast === 9 || DELIMITER_LIKE.test(text.slice(row.start, row.end))) return undefined;
        rows.push({ type: 'tableRow', children: [], position: { start: point(text, lines, j, row.start), end: point(text, lines, j, row.end) } });
      }
      const lastRow = j > k + 2 ? j - 1 : k + 1;
      children.push({ type: 'table', children: rows, position: { start: point(text, lines, k, start), end: point(text, lines, lastRow, lines[lastRow].end) } } as Table);
      k = j - 1;
      continue;
    }
    if (para < 0) para = k;
  }
  closePara(n);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text, lines) } };
}

function isWhitespace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

interface AnyNode {
  type: string;
  depth?: number;
  children?: AnyNode[];
  position?: { start: Point; end: Point };
}

/** Nodes whose children the engine may look into (tables can sit inside them). */
const CONTAINERS = new Set(['root', 'table', 'list', 'listItem', 'blockquote', 'footnoteDefinition']);

/**
 * A tree reduced to what the engine reads, in the shape scanBlocks makes:
 * type, heading depth, position; children only of the root, tables and
 * containers that can hold a table. For tests that compare the two parsers.
 */
export function blockSkeleton(node: AnyNode): AnyNode {
  const out: AnyNode = { type: node.type };
  if (node.type === 'heading') out.depth = node.depth;
  if (node.type === 'tableRow') out.children = [];
  else if (node.children) out.children = CONTAINERS.has(node.type) ? node.children.map(blockSkeleton) : [];
  if (node.position) out.position = { start: { ...node.position.start }, end: { ...node.position.end } };
  return out;
}
