// A unified plugin that turns off micromark's inline (text) constructs:
// emphasis, links and images, code spans, autolinks, character references and
// escapes, inline HTML, hard breaks, and GFM's strikethrough, footnote calls,
// literal autolinks and task-list checks.
//
// Why: the engine reads only block structure from the tree (top-level headings
// and paragraphs, tables and their rows, each by its source offsets) and takes
// all text from the source itself, so inline parsing is work whose result is
// thrown away. It is also where micromark is super-linear: 10,000 `*` around a
// letter took 6.5 s with inline constructs and 0.1 s without; long runs of `~`,
// `[a](`, backticks or `*a` took seconds too. Block constructs (and GFM tables,
// which split cells at pipes before any inline parsing) are untouched, so every
// node the engine reads keeps its type and position: a paragraph's or a cell's
// content is simply one text node.
//
// Turning a construct off (micromark's `disable`) does not take its character
// out of the text tokenizer's map, so text still breaks into a data token at
// every `!`, `*`, `[`, letter or digit that could start one, and micromark
// merges those tokens again with one array splice per run: a paragraph of
// punctuation cost its lines × its characters (2,000 lines of `!!!!!!!!!!`
// took 0.3 s, and ten times the garbage). So each parse's own construct map
// (`this.parser.constructs`, made fresh per parse by combineExtensions) also
// loses the inline constructs, by a construct tried at the start of every
// block, before any block's text is tokenized. `disable` stays: it is
// micromark's documented switch, and holds even where the map is not edited.
//
// For the same reason the mdast transforms the extensions bring are dropped:
// GFM's literal-autolink transform searches every text node with URL and email
// patterns to split out links, a fifth of a cold parse, and a link node inside
// a paragraph is nothing the engine reads.
import type { Processor } from 'unified';
import type { Construct, ConstructRecord, State, TokenizeContext } from 'micromark-util-types';

/** micromark's names of the inline constructs (CommonMark core and the GFM extensions). */
export const INLINE_CONSTRUCTS = [
  'attention',
  'autolink',
  'characterEscape',
  'characterReference',
  'codeText',
  'hardBreakEscape',
  'htmlText',
  'labelEnd',
  'labelStartImage',
  'labelStartLink',
  'strikethrough',
  'gfmFootnoteCall',
  'gfmPotentialFootnoteCall',
  'wwwAutolink',
  'protocolAutolink',
  'emailAutolink',
  'tasklistCheck',
];

interface FromMarkdownExtension {
  transforms?: unknown[];
}

interface ParserData {
  micromarkExtensions?: unknown[];
  fromMarkdownExtensions?: (FromMarkdownExtension | FromMarkdownExtension[])[];
}

const inline = new Set(INLINE_CONSTRUCTS);
const edited = new WeakSet<ConstructRecord>();

/** Removes the inline constructs from a construct map, in place. */
function removeInline(map: ConstructRecord): void {
  for (const code of Object.keys(map)) {
    const entry = map[code];
    const kept = (Array.isArray(entry) ? entry : entry ? [entry] : []).filter((c) => !c.name || !inline.has(c.name));
    if (kept.length > 0) map[code] = kept;
    else delete map[code];
  }
}

/**
 * Tried first at the start of every block (micromark's `flowInitial`, key
 * `null`: any character): edits the parse's text and string maps once, then
 * declines, so the block is parsed as before.
 */
const removeInlineConstructs: Construct = {
  name: 'nianbaoRemoveInlineConstructs',
  tokenize(this: TokenizeContext, _effects, _ok, nok): State {
    const { text, string } = this.parser.constructs;
    if (!edited.has(text)) {
      edited.add(text);
      removeInline(text);
      removeInline(string);
    }
    return nok;
  },
};

const withoutTransforms = ({ transforms: _dropped, ...rest }: FromMarkdownExtension): FromMarkdownExtension => rest;

/** Must be used after remark-gfm: unified runs attachers in order, so GFM's extensions are there to edit. */
export function blockSyntaxOnly(this: Processor): void {
  const data = this.data() as ParserData;
  (data.micromarkExtensions ??= []).push({ disable: { null: INLINE_CONSTRUCTS } }, { flowInitial: { null: [removeInlineConstructs] } });
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map((e) =>
    Array.isArray(e) ? e.map(withoutTransforms) : withoutTransforms(e),
  );
}
