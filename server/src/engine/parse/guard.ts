// Bounding what the Markdown parser is asked to do. Some inputs make
// micromark's time or stack explode, and no report needs any of them. Before
// parsing, the excess is turned into inert characters of the same length, so
// every offset stays valid for the original text, and an ordinary report is
// returned unchanged (the same string). What is bounded, and why
// (measurements in docs/reliability.md):
//
//  - nesting: more than MAX_DEPTH quotes, list markers or footnote labels, or
//    MAX_INDENT spaces, before a line's text overflow the stack; the deeper
//    prefix becomes text;
//  - pipes: a row of 100,000 cells takes minutes; pipes past MAX_PIPES in a
//    line become broken bars;
//  - lists and quotes: micromark copies the whole event list of a parse call
//    each time a container starts a new item, and walks back through the
//    paragraph for each lazy line, so containers are quadratic in the lines
//    around them (2,000 lines of `- - x` took 14 s). In a segment (blocks.ts:
//    a stretch no container survives) with more than MAX_CONTAINER_LEVELS
//    container markers, or a run of non-blank lines with more than
//    MAX_LAZY_LINES lines after its first container line, every container
//    marker of the segment becomes text;
//  - setext underlines: each one also copies the events; past MAX_SETEXT in a
//    segment they become text.
//
// Inline syntax (emphasis, brackets, code spans, autolinks), where micromark
// is also super-linear, is not parsed at all (block-syntax.ts), and with it
// went the two bounds paragraphs needed: merging a paragraph's text tokens
// cost its lines × its characters, and remark-gfm's autolink transform
// overflowed the stack on 80,000 addresses. The limits and the fast path,
// which runs on every keystroke, are in guard-scan.ts.
import { segments } from './blocks.ts';
import { isBlank, isSpace, isUnderline, MAX_CONTAINER_LEVELS, MAX_DEPTH, MAX_INDENT, MAX_LAZY_LINES, MAX_PIPES, MAX_SETEXT, needsGuard, scanPrefix } from './guard-scan.ts';

export { MAX_CONTAINER_LEVELS, MAX_DEPTH, MAX_INDENT, MAX_LAZY_LINES, MAX_PIPES, MAX_SETEXT } from './guard-scan.ts';

const INERT = '\u3000'; // ideographic space: text to CommonMark, never indentation or a marker
const BROKEN_BAR = '\u00a6';
const FULLWIDTH_EQUALS = '\uff1d';
const FULLWIDTH_HYPHEN = '\uff0d';

/** Nesting past MAX_DEPTH / MAX_INDENT becomes text; pipes past MAX_PIPES become broken bars. */
function guardLine(line: string): string {
  let out = line;
  const p = scanPrefix(out, 0, out.length);
  if (p.depth > MAX_DEPTH || p.indent > MAX_INDENT) {
    // Keep the first levels; the rest of the prefix becomes plain text.
    const cut = scanPrefix(out, 0, p.end, MAX_DEPTH, MAX_INDENT).end;
    out = out.slice(0, cut) + INERT.repeat(p.end - cut) + out.slice(p.end);
  }
  let pipes = 0;
  for (let k = 0; k < out.length; k++) if (out.charCodeAt(k) === 124) pipes++;
  if (pipes > MAX_PIPES) {
    let seen = 0;
    out = out.replace(/\|/g, () => (++seen > MAX_PIPES ? BROKEN_BAR : '|'));
  }
  return out;
}

/** The line with its container markers (quotes, list items, footnote labels) made text; spaces kept, so indentation is unchanged. */
function flattenLine(line: string): string {
  const p = scanPrefix(line, 0, line.length);
  if (p.depth === 0) return line;
  let prefix = '';
  for (let k = 0; k < p.end; k++) prefix += isSpace(line.charCodeAt(k)) ? line[k] : INERT;
  return prefix + line.slice(p.end);
}

/** Per segment: too many container markers or lazy lines flatten the segment; underlines past MAX_SETEXT become text. */
function guardSegments(lines: string[], breaks: readonly string[]): void {
  let line = 0;
  let at = 0; // offset of lines[line]
  for (const seg of segments(join(lines, breaks))) {
    const first = line;
    while (line < lines.length && at < seg.end) at += lines[line].length + breaks[line++].length;
    let levels = 0;
    let lazy = 0;
    let containerInBlock = false;
    let tooLazy = false;
    let setext = 0;
    for (let k = first; k < line; k++) {
      const s = lines[k];
      if (isBlank(s, 0, s.length)) { containerInBlock = false; lazy = 0; continue; }
      const depth = scanPrefix(s, 0, s.length).depth;
      if (depth > 0) { levels += depth; containerInBlock = true; }
      else if (containerInBlock && ++lazy > MAX_LAZY_LINES) tooLazy = true;
      const prev = lines[k - 1];
      if (k > first && !isBlank(prev, 0, prev.length) && isUnderline(s, 0, s.length) && ++setext > MAX_SETEXT) {
        lines[k] = s.replace(/[=-]/g, (c) => (c === '=' ? FULLWIDTH_EQUALS : FULLWIDTH_HYPHEN));
      }
    }
    if (levels > MAX_CONTAINER_LEVELS || tooLazy) for (let k = first; k < line; k++) lines[k] = flattenLine(lines[k]);
  }
}

/** The text with pathological input made inert; the same string when there is none. */
export function guardText(text: string): string {
  if (!needsGuard(text)) return text;
  // Lines without their endings (CommonMark's: LF, CRLF, or a lone CR), and the endings.
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines = parts.filter((_, i) => i % 2 === 0).map(guardLine);
  const breaks = [...parts.filter((_, i) => i % 2 === 1), ''];
  guardSegments(lines, breaks);
  const out = join(lines, breaks);
  return out === text ? text : out;
}

function join(lines: readonly string[], breaks: readonly string[]): string {
  let out = '';
  for (let k = 0; k < lines.length; k++) out += lines[k] + breaks[k];
  return out;
}
