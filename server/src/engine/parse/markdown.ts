// Markdown to mdast with unified + remark-parse + remark-gfm. Positions are kept
// on every node; offsets are into the original text. Inline constructs are
// turned off (block-syntax.ts): the engine reads block structure only.
//
// parseMarkdown parses in units (blocks.ts, units.ts) so that time grows
// linearly with the document: remark-gfm's table parser is quadratic in the
// table cells of the text it is given. parseWhole is the plain one-call parse;
// test/unit/perf/equivalence.test.ts proves both give the engine the same.
//
// Each unit is first offered to the direct block scan (direct-blocks.ts),
// which reads the headings, paragraphs, tables, one-line lists, quotes and
// comments reports are made of without micromark; any unit it is not sure
// of goes to remark. parsePiece is that choice, for one unit.
import type { Root } from 'mdast';
import { scanBlocks } from './direct-blocks.ts';
import { parseWhole } from './remark.ts';
import { parseInUnits } from './units.ts';

export { parseWhole };

/** One unit: the direct scan's skeleton tree when it knows every line, else remark's tree. */
export function parsePiece(text: string): Root {
  return scanBlocks(text) ?? parseWhole(text);
}

export function parseMarkdown(text: string): Root {
  return parseInUnits(text, parsePiece);
}

/** The whole document in units, every unit parsed by remark (the reference the direct scan is tested against). */
export function parseMarkdownWithRemark(text: string): Root {
  return parseInUnits(text, parseWhole);
}
