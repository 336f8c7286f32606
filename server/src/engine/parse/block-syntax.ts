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
// For the same reason the mdast transforms the extensions bring are dropped:
// GFM's literal-autolink transform searches every text node with URL and email
// patterns to split out links, a fifth of a cold parse, and a link node inside
// a paragraph is nothing the engine reads.
import type { Processor } from 'unified';

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

const withoutTransforms = ({ transforms: _dropped, ...rest }: FromMarkdownExtension): FromMarkdownExtension => rest;

/** Must be used after remark-gfm: unified runs attachers in order, so GFM's extensions are there to edit. */
export function blockSyntaxOnly(this: Processor): void {
  const data = this.data() as ParserData;
  (data.micromarkExtensions ??= []).push({ disable: { null: INLINE_CONSTRUCTS } });
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map((e) =>
    Array.isArray(e) ? e.map(withoutTransforms) : withoutTransforms(e),
  );
}
