// The parser guard's bounds on paragraphs (see guard.ts).
//
// Length. Merging a paragraph's adjacent text events (micromark's
// resolveAllText) moves the rest of the paragraph's events once per line, so
// a paragraph costs about its lines × its characters: 8,000 lines of Chinese
// text with figures took 2.2 s, 8,000 lines of `*a_` 5.3 s. Where a paragraph
// would pass MAX_PARAGRAPH_LINES lines or PARAGRAPH_BUDGET lines × characters,
// that line is blanked, which ends the paragraph (the line's text is not
// parsed; a report written without one blank line is a few hundred lines).
//
// Autolink literals. remark-gfm turns each address or URL in a text node into
// a link and splices all the new nodes in with one call, whose arguments
// overflow the stack past about 80,000 (a 560 KB paragraph of addresses).
// Past MAX_AUTOLINKS in a paragraph, `@`, `://` and `www.` become ＠, ：//
// and www． (plain text of the same length).
//
// A paragraph is approximated from above by a run of non-blank lines. Table
// rows do not count: each cell is merged on its own, and a 1,600-row table is
// a table. But only where micromark itself says a table starts; any other
// line counts, which cuts sooner, never later.
import { isBlank, MAX_AUTOLINKS, paragraphFits, scanPrefix } from './guard-scan.ts';
import { parseWhole } from './markdown.ts';

/** Tables checked with the parser per run of non-blank lines (each check is a parse call); later candidates count as paragraph lines. */
const MAX_TABLE_CHECKS = 64;

/** GFM delimiter row: optional pipes around cells of dashes with optional colons. */
const DELIMITER_ROW = /^[ \t]{0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const startsWithPipe = (line: string) => /^[ \t]{0,3}\|/.test(line);

/**
 * Whether micromark starts a table at lines[k] (header) and lines[k + 1]
 * (delimiter row) of the run starting at b. Asked only when no line of the
 * run up to k is in a quote or list (`nested`): then the line before k, if
 * any, is all the context that decides, and the parser is asked about those
 * two or three lines alone.
 */
function tableAt(lines: readonly string[], b: number, k: number): boolean {
  const from = k > b ? k - 1 : k;
  const root = parseWhole(lines.slice(from, k + 2).join('\n'));
  const last = root.children[root.children.length - 1];
  return last?.type === 'table' && last.position?.start.line === k - from + 1;
}

const mayStartTable = (lines: readonly string[], k: number, e: number) => k + 1 < e && lines[k].includes('|') && DELIMITER_ROW.test(lines[k + 1]);


/** Cuts the paragraph lines of the non-blank lines [b, e) where a paragraph would pass the bounds. */
function cutBlock(lines: string[], b: number, e: number): void {
  let nested = false;
  let checks = 0;
  let runLines = 0;
  let runChars = 0;
  for (let k = b; k < e;) {
    nested ||= scanPrefix(lines[k], 0, lines[k].length).depth > 0;
    if (!nested && checks < MAX_TABLE_CHECKS && mayStartTable(lines, k, e) && (checks++, tableAt(lines, b, k))) {
      // Header, delimiter, then the rows that start with a pipe; a line of another form counts again.
      const header = k;
      while (k < e && (k < header + 2 || startsWithPipe(lines[k]))) k++;
      runLines = 0;
      runChars = 0;
      continue;
    }
    if (paragraphFits(runLines + 1, runChars + lines[k].length)) {
      runLines++;
      runChars += lines[k].length;
    } else {
      lines[k] = ' '.repeat(lines[k].length);
      runLines = 0;
      runChars = 0;
    }
    k++;
  }
}

const AUTOLINK_START = /@|:\/\/|www\./gi;
const inert = (m: string) => (m === '@' ? '\uff20' : m === '://' ? '\uff1a//' : m.slice(0, 3) + '\uff0e');

/** Makes the autolink literal starts past MAX_AUTOLINKS in the lines [b, e) text. */
function capAutolinks(lines: string[], b: number, e: number): void {
  let seen = 0;
  for (let k = b; k < e; k++) {
    if (!/[@:w]/i.test(lines[k])) continue;
    lines[k] = lines[k].replace(AUTOLINK_START, (m) => (++seen > MAX_AUTOLINKS ? inert(m) : m));
  }
}

/** Applies the paragraph bounds to every run of non-blank lines, in place. */
export function guardParagraphs(lines: string[]): void {
  for (let k = 0; k < lines.length;) {
    if (isBlank(lines[k], 0, lines[k].length)) { k++; continue; }
    let e = k;
    let chars = 0;
    for (; e < lines.length && !isBlank(lines[e], 0, lines[e].length); e++) chars += lines[e].length;
    if (!paragraphFits(e - k, chars)) cutBlock(lines, k, e);
    capAutolinks(lines, k, e);
    k = e;
  }
}
