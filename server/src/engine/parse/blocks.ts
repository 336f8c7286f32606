// A cheap line scan that cuts a Markdown document into units that parse the
// same alone as inside the whole document. remark-gfm's table parser is
// quadratic in the table cells of the text it is given, so parsing in bounded
// units keeps the whole parse linear (see docs/performance.md).
//
// A cut is made only before a line L where no construct can be open:
//  - the line before L is blank, so paragraphs, tables, HTML blocks of kinds 6
//    and 7, lazy continuations and block quotes have ended;
//  - L starts at column 0 with a character that is not whitespace and not a
//    list marker, so every list item, footnote definition and indented code
//    block has ended too (their continuation lines must be indented), and no
//    new list item can continue a list from before the cut;
//  - no fenced code block or HTML block of kinds 1–5 (they span blank lines)
//    can be open. That is tracked as a *set* of possible states: where a line
//    might or might not open such a block (an indented fence may sit inside a
//    list item, a `<` line may be inside an HTML block), both possibilities are
//    followed, and a cut needs every possibility to be plain. Doubt costs a
//    missed cut, never a wrong one.

/** A line of the text: [start, end) without its line ending; `next` is where the following line starts. */
export interface Line {
  start: number;
  end: number;
  next: number;
}

export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const next = c === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < to ? i + 2 : i + 1;
      lines.push({ start, end: i, next });
      start = next;
      i = next - 1;
    }
  }
  if (start < to || lines.length === 0) lines.push({ start, end: to, next: to });
  return lines;
}

// ---- what a line may open or close -------------------------------------------

type State = 'plain' | 'html67' | `html${1 | 2 | 3 | 4 | 5}` | `fence${'`' | '~'}${number}`;

/** Columns of leading whitespace (a tab advances to the next multiple of 4) and where the content starts. */
function indentOf(text: string, line: Line): { cols: number; at: number } {
  let cols = 0;
  let i = line.start;
  for (; i < line.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) cols++;
    else if (c === 9) cols += 4 - (cols % 4);
    else break;
  }
  return { cols, at: i };
}

function isBlank(text: string, line: Line): boolean {
  return indentOf(text, line).at === line.end;
}

/** An opening code fence: 3+ backticks (info without backticks) or 3+ tildes. */
function fenceOpen(text: string, at: number, end: number): State | undefined {
  const ch = text[at];
  if (ch !== '`' && ch !== '~') return undefined;
  let n = 0;
  while (at + n < end && text[at + n] === ch) n++;
  if (n < 3) return undefined;
  if (ch === '`' && text.slice(at + n, end).includes('`')) return undefined;
  return `fence${ch}${n}`;
}

function fenceCloses(state: State, text: string, line: Line): boolean {
  const ch = state[5];
  const len = Number(state.slice(6));
  const { cols, at } = indentOf(text, line);
  if (cols > 3) return false;
  let n = 0;
  while (at + n < line.end && text[at + n] === ch) n++;
  return n >= len && text.slice(at + n, line.end).trim() === '';
}

const RAW_NAMES = ['pre', 'script', 'style', 'textarea'];

/**
 * Emulates micromark's html-flow continuation (micromark-core-commonmark
 * html-flow.js) for kinds 1–5 over one line from `at`: true when the block's
 * end condition is met on this line. `first` is the state right after the opener.
 */
function htmlEnds(kind: number, text: string, at: number, end: number, first: 'cont' | 'decl'): boolean {
  let s: 'cont' | 'decl' | 'comment' | 'rawOpen' | 'rawEnd' | 'cdata' = first;
  let buffer = '';
  for (let i = at; i < end; i++) {
    const c = text[i];
    // Each state either consumes c or falls back to plain continuation on the same character.
    if (s === 'decl') {
      if (c === '>') return true;
      if (c === '-' && kind === 2) continue;
      s = 'cont';
    } else if (s === 'comment') {
      if (c === '-') { s = 'decl'; continue; }
      s = 'cont';
    } else if (s === 'rawOpen') {
      if (c === '/') { s = 'rawEnd'; buffer = ''; continue; }
      s = 'cont';
    } else if (s === 'rawEnd') {
      if (c === '>') {
        if (RAW_NAMES.includes(buffer.toLowerCase())) return true;
        s = 'cont';
      } else if (/[A-Za-z]/.test(c) && buffer.length < 8) { buffer += c; continue; }
      else s = 'cont';
    } else if (s === 'cdata') {
      if (c === ']') { s = 'decl'; continue; }
      s = 'cont';
    }
    // s === 'cont'
    if (c === '-' && kind === 2) s = 'comment';
    else if (c === '<' && kind === 1) s = 'rawOpen';
    else if (c === '>' && kind === 4) return true;
    else if (c === '?' && kind === 3) s = 'decl';
    else if (c === ']' && kind === 5) s = 'cdata';
  }
  return false;
}

/** An HTML block of kinds 1–5 opening at `at`: its kind and whether it already ends on this line. */
function htmlOpen(text: string, at: number, end: number): { kind: number; endsHere: boolean } | undefined {
  if (text[at] !== '<') return undefined;
  const rest = text.slice(at, Math.min(end, at + 12));
  if (rest.startsWith('<!--')) return { kind: 2, endsHere: htmlEnds(2, text, at + 4, end, 'decl') };
  if (rest.startsWith('<?')) return { kind: 3, endsHere: htmlEnds(3, text, at + 2, end, 'decl') };
  if (rest.startsWith('<![CDATA[')) return { kind: 5, endsHere: htmlEnds(5, text, at + 9, end, 'cont') };
  if (/^<![A-Za-z]/.test(rest)) return { kind: 4, endsHere: htmlEnds(4, text, at + 3, end, 'decl') };
  const m = /^<([A-Za-z][A-Za-z0-9-]*)(?=[\t >]|$)/.exec(rest);
  if (m && RAW_NAMES.includes(m[1].toLowerCase())) return { kind: 1, endsHere: htmlEnds(1, text, at + m[0].length, end, 'cont') };
  return undefined;
}

/** The possible states after `line`, starting from `state`. */
function step(state: State, text: string, line: Line, out: Set<State>): void {
  const blank = isBlank(text, line);
  if (state.startsWith('fence')) {
    out.add(fenceCloses(state, text, line) ? 'plain' : state);
    return;
  }
  if (state === 'html67') {
    out.add(blank ? 'plain' : 'html67');
    return;
  }
  if (state !== 'plain') {
    out.add(htmlEnds(Number(state[4]), text, line.start, line.end, 'cont') ? 'plain' : state);
    return;
  }
  if (blank) { out.add('plain'); return; }
  const { cols, at } = indentOf(text, line);
  if (cols > 3) { out.add('plain'); return; }
  // An indented opener may belong to a list item (then it closes with the item): keep both readings.
  const maybeNested = cols > 0;
  const fence = fenceOpen(text, at, line.end);
  if (fence) {
    out.add(fence);
    if (maybeNested) out.add('plain');
    return;
  }
  const html = htmlOpen(text, at, line.end);
  if (html) {
    out.add(html.endsHere ? 'plain' : `html${html.kind as 1 | 2 | 3 | 4 | 5}`);
    if (maybeNested) out.add('plain');
    return;
  }
  out.add('plain');
  // Kinds 6 and 7 (a block tag, any complete tag) end at the next blank line; whether this line starts one depends on context.
  if (text[at] === '<' && /[A-Za-z/]/.test(text[at + 1] ?? '')) out.add('html67');
}

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
/** A GFM delimiter row: cells of dashes with optional colons, at least one pipe. */
const DELIMITER_ROW = /^[ \t]{0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

export function isDelimiterRow(text: string, line: Line): boolean {
  const s = text.slice(line.start, line.end);
  return s.includes('|') && DELIMITER_ROW.test(s);
}

/** A place where the document may be cut: the start of line `line` (0-based) at `offset`. */
export interface Cut {
  offset: number;
  line: number;
}

export interface Segment {
  start: number;
  end: number;
  /** 0-based line of `start`. */
  line: number;
  /** Holds a line that looks like a GFM delimiter row. */
  table: boolean;
}

/** The document cut at every safe place: consecutive segments covering [0, text.length). */
export function segments(text: string): Segment[] {
  const lines = splitLines(text);
  const out: Segment[] = [];
  let states = new Set<State>(['plain']);
  let seg: Segment = { start: 0, end: text.length, line: 0, table: false };
  let prevBlank = false;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const first = text.charCodeAt(line.start);
    const plain = states.size === 1 && states.has('plain');
    if (plain && prevBlank && line.start < line.end && first !== 32 && first !== 9 && !LIST_MARKER.test(text.slice(line.start, Math.min(line.end, line.start + 12)))) {
      seg.end = line.start;
      out.push(seg);
      seg = { start: line.start, end: text.length, line: k, table: false };
    }
    if (plain && !seg.table && isDelimiterRow(text, line)) seg.table = true;
    const next = new Set<State>();
    for (const s of states) step(s, text, line, next);
    states = next;
    prevBlank = isBlank(text, line);
  }
  out.push(seg);
  return out;
}

/** A unit is parsed in one call: one segment with a table, or prose segments joined. */
export type Unit = Segment;

/**
 * Segments grouped into parse units: a segment holding a table is a unit of its
 * own (tables are what costs), other segments are joined up to about `target`
 * characters (each parse call has a fixed cost, so units should not be tiny;
 * small units make re-parsing after an edit cheap).
 */
export function splitUnits(text: string, target = UNIT_TARGET): Unit[] {
  const units: Unit[] = [];
  let cur: Unit | undefined;
  for (const s of segments(text)) {
    if (cur && !cur.table && !s.table && s.end - cur.start <= target) {
      cur.end = s.end;
      continue;
    }
    if (cur) units.push(cur);
    cur = { ...s };
  }
  if (cur) units.push(cur);
  return units;
}

/**
 * Characters of prose per unit. A parse call costs a fixed 0.1–0.5 ms, about
 * what 200–1000 characters of prose take, and prose parsed in pieces of 1–2 KB
 * was measured slightly faster than in one piece (less garbage to collect).
 */
export const UNIT_TARGET = 2048;
