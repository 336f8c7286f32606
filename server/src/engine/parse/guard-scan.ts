// The parser guard's limits, its line scanning, and its fast path (see
// guard.ts). The fast path runs on every keystroke in the editor: one pass
// over the lines, with indexOf for line ends and pipes, in this module so
// that the hot calls stay local (23 µs on a 40 KB report).

// Each limit is far above what a report holds and low enough that what it
// allows costs at most about 0.1 s. Paragraphs need no limit: with inline
// constructs out of the parser (block-syntax.ts), a paragraph's cost grows
// with its length alone, and no autolink nodes are made.
export const MAX_DEPTH = 32;
export const MAX_INDENT = 96;
export const MAX_PIPES = 200;
/** Container levels (the markers of quotes, list items, footnotes: `> - x` is 2) in one segment. */
export const MAX_CONTAINER_LEVELS = 1024;
/** Lines after a container line in one run of non-blank lines (lazy continuation lines). */
export const MAX_LAZY_LINES = 1024;
/** Setext underlines in one segment (reports use none or one). */
export const MAX_SETEXT = 64;

/** Occurrences of one character, found with indexOf (native speed) and visited in order. */
class Hops {
  private at = -1;
  constructor(private readonly text: string, private readonly ch: string) {}

  /** Occurrences in [from, to); ranges must be asked for in order. */
  count(from: number, to: number): number {
    let n = 0;
    if (this.at < from && this.at !== Infinity) this.at = this.find(from);
    while (this.at < to) {
      n++;
      this.at = this.find(this.at + 1);
    }
    return n;
  }

  find(from: number): number {
    const i = this.text.indexOf(this.ch, from);
    return i === -1 ? Infinity : i;
  }
}

/** Where each line ends (at a LF, a CR or the end of the text), found in one pass without splitting the text. */
class LineEnds {
  private nl = -1;
  private cr = -1;
  constructor(private readonly text: string) {}

  /** The end of the line that starts at `start` (lines must be asked for in order). */
  next(start: number): number {
    if (this.nl !== Infinity && this.nl < start) this.nl = this.find('\n', start);
    if (this.cr !== Infinity && this.cr < start) this.cr = this.find('\r', start);
    return Math.min(this.nl, this.cr, this.text.length);
  }

  private find(ch: string, from: number): number {
    const i = this.text.indexOf(ch, from);
    return i === -1 ? Infinity : i;
  }
}

/** A line's container prefix: spaces, tabs, `>`, list markers and footnote labels, up to `end`. */
export interface Prefix {
  end: number;
  depth: number;
  indent: number;
}

export const isSpace = (c: number): boolean => c === 32 || c === 9;

/** What must follow a list marker: space, tab, or the end of the line (an empty item). */
const markerEnds = (s: string, i: number, to: number) => i >= to || isSpace(s.charCodeAt(i)) || s.charCodeAt(i) === 13;

/** The end of the container marker at s[i] (`>`, `-`, `+`, `*`, `1.`, `1)`, `[^label]:`), or -1. */
function markerEnd(s: string, i: number, to: number): number {
  const c = s.charCodeAt(i);
  if (c === 62) return i + 1; // >
  if ((c === 45 || c === 43 || c === 42) && markerEnds(s, i + 1, to)) return i + 1; // - + *
  if (c === 91) return footnoteLabelEnd(s, i, to); // [
  let d = i;
  while (d < to && d - i < 9 && s.charCodeAt(d) >= 48 && s.charCodeAt(d) <= 57) d++;
  if (d > i && d < to && (s.charCodeAt(d) === 46 || s.charCodeAt(d) === 41) && markerEnds(s, d + 1, to)) return d + 1;
  return -1;
}

/** A GFM footnote definition's start `[^label]:` (a container too): 1–999 characters, no space or bracket unless escaped. */
function footnoteLabelEnd(s: string, i: number, to: number): number {
  if (s.charCodeAt(i + 1) !== 94) return -1; // ^
  let k = i + 2;
  for (let size = 0; k < to && size <= 999; k++, size++) {
    const c = s.charCodeAt(k);
    if (c === 93) return size > 0 && s.charCodeAt(k + 1) === 58 ? k + 2 : -1; // ]:
    if (c === 91 || isSpace(c) || c === 13) return -1;
    if (c === 92) k++; // an escaped character
  }
  return -1;
}

/**
 * The prefix of s[from, to): where the markers that open or continue
 * containers end. With limits, it stops before the marker or space that would
 * pass them (where the guard cuts a line's nesting).
 */
export function scanPrefix(s: string, from: number, to: number, maxDepth = Infinity, maxIndent = Infinity): Prefix {
  let i = from;
  let depth = 0;
  let indent = 0;
  while (i < to) {
    if (isSpace(s.charCodeAt(i))) {
      if (indent === maxIndent) break;
      indent++;
      i++;
      continue;
    }
    const end = depth === maxDepth ? -1 : markerEnd(s, i, to);
    if (end === -1) break;
    depth++;
    i = end;
  }
  return { end: i, depth, indent };
}

/** Only spaces and tabs (and the CR of a CRLF line ending): CommonMark's blank line. */
export function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!isSpace(c) && c !== 13) return false;
  }
  return true;
}

/** A setext underline: up to 3 spaces, a run of `=` or `-`, then only spaces (when the line before is text). */
export function isUnderline(s: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && i - from < 3 && s.charCodeAt(i) === 32) i++;
  const c = s.charCodeAt(i);
  if (i >= to || (c !== 61 && c !== 45)) return false;
  while (i < to && s.charCodeAt(i) === c) i++;
  return isBlank(s, i, to);
}

/**
 * Fast path: one pass over the text that over-counts everything the slow path
 * bounds (totals for the whole document where the slow path counts per
 * segment). False means the slow path would change nothing.
 */
export function needsGuard(text: string): boolean {
  let containerLevels = 0;
  let setext = 0;
  let inBlock = false; // the line before is not blank
  let lazy = 0;
  let containerInBlock = false;
  const ends = new LineEnds(text);
  const pipes = new Hops(text, '|');
  for (let start = 0; start <= text.length;) {
    const end = ends.next(start);
    if (isBlank(text, start, end)) {
      inBlock = false;
      containerInBlock = false;
      lazy = 0;
    } else {
      const p = scanPrefix(text, start, end);
      if (p.depth > MAX_DEPTH || p.indent > MAX_INDENT) return true;
      if (p.depth > 0) {
        containerInBlock = true;
        if ((containerLevels += p.depth) > MAX_CONTAINER_LEVELS) return true;
      } else if (containerInBlock && ++lazy > MAX_LAZY_LINES) return true;
      if (inBlock && isUnderline(text, start, end) && ++setext > MAX_SETEXT) return true;
      inBlock = true;
      if (pipes.count(start, end) > MAX_PIPES) return true;
    }
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return false;
}
