// Inputs that make Markdown parsing super-linear or overflow its stack,
// each a function of the size in characters (bench/adversarial.ts times them;
// guard.test.ts checks what the guard makes of them; adversarial.integration.test.ts runs
// the nesting families far past the bounds). Measured before the guard, on a
// busy 2-core machine: docs/reliability.md.

/** `unit` repeated to `size` characters. */
const repeat = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Lines of `line` (which may hold line breaks itself) to about `size` characters. */
const lines = (line: string, head = '') => (size: number) => head + Array.from({ length: Math.ceil((size - head.length) / (line.length + 1)) }, () => line).join('\n');

export interface Family {
  build: (size: number) => string;
  /** What it exercises (the guard's bound, or why it is only timed). */
  why: string;
  /** The smaller of the two sizes timed; the default suits most. */
  size?: number;
}

export const FAMILIES: Record<string, Family> = {
  // Nesting in one line: the stack (MAX_DEPTH).
  'quote, list, quote… in one line': { build: repeat('> - '), why: 'nesting' },
  'list, quote, list… in one line': { build: repeat('- > '), why: 'nesting' },
  'tight quote-list nesting': { build: repeat('>- '), why: 'nesting' },
  'ordered list and quote nesting': { build: repeat('1. > '), why: 'nesting' },
  'footnote definitions nested': { build: repeat('[^a]: '), why: 'nesting' },
  'footnotes and quotes nested': { build: repeat('[^a]: > '), why: 'nesting' },
  'quotes nested': { build: repeat('>'), why: 'nesting' },
  // Mixed container nesting: every container kind micromark knows, alternating.
  'bullet list and quote nesting': { build: repeat('* > '), why: 'nesting' },
  'ordered list with parens and quote nesting': { build: repeat('> 1) '), why: 'nesting' },
  'quote and list nesting with tabs': { build: repeat('>\t-\t'), why: 'nesting' },
  'list, footnote, quote, ordered list nesting': { build: repeat('- [^a]: > 1. '), why: 'nesting' },
  'lines nesting deeper and deeper': { build: (n) => { let s = ''; for (let k = 1; s.length < n; k++) s += '> - '.repeat(k % 40) + 'x\n'; return s.slice(0, n); }, why: 'containers' },
  // Container lines in one segment (MAX_CONTAINER_LEVELS).
  'list items': { build: lines('- x'), why: 'containers' },
  'nested list items': { build: lines('- - x'), why: 'containers' },
  'quoted nested lists': { build: lines('> - > - x'), why: 'containers' },
  'numbered items with bullets': { build: lines('1. xx\n   - a\n   - b'), why: 'containers' },
  'footnote definitions': { build: lines('[^a]: x'), why: 'containers' },
  // Lazy continuation lines (MAX_LAZY_LINES).
  'lazy lines in a quote': { build: lines('b', '> a\n'), why: 'lazy lines' },
  'lazy lines in a list': { build: lines('b', '- a\n'), why: 'lazy lines' },
  'lazy lines in deep containers': { build: lines('b', '> - > - a\n'), why: 'lazy lines' },
  'lazy lines after each item': { build: lines('> - x\nyy'), why: 'lazy lines' },
  // Setext underlines (MAX_SETEXT).
  'setext headings (=)': { build: lines('a\n='), why: 'setext' },
  'setext headings (-)': { build: lines('a\n-'), why: 'setext' },
  // One paragraph of many lines: each line's text tokens used to be merged
  // with one splice of the paragraph's events (lines × characters); with the
  // inline constructs out of the parser's map (block-syntax.ts) a line is one
  // token, so no bound is needed.
  'paragraph of short words': { build: lines('ab cd ef gh ij'), why: 'paragraph', size: 64_000 },
  'paragraph of punctuation': { build: lines('!!!!!!!!!!'), why: 'paragraph', size: 64_000 },
  'paragraph of emphasis marks': { build: lines('*a_*a_*a_'), why: 'paragraph', size: 64_000 },
  'paragraph of figures': { build: lines('本年新收申请2023件，办结1999件'), why: 'paragraph', size: 64_000 },
  // Autolink literals in one paragraph: remark-gfm's transform, which spliced
  // all the link nodes in with one call, is dropped (block-syntax.ts).
  'e-mail addresses': { build: repeat('a@b.co '), why: 'autolinks' },
  'www addresses': { build: repeat('www.a.co '), why: 'autolinks' },
  'URLs': { build: repeat('http://a.co '), why: 'autolinks' },
  // Pipes (MAX_PIPES) and tables.
  'a row of many cells': { build: (n) => '|' + repeat(' a |')(n - 1), why: 'pipes' },
  'many small tables in one block': { build: lines('|a|\n|-|\nx'), why: 'tables' },
  // Inline syntax: not parsed (block-syntax.ts); timed so that a change there shows.
  'emphasis around a letter': { build: (n) => '*'.repeat(n >> 1) + 'x' + '*'.repeat(n >> 1), why: 'inline' },
  'underscores around a letter': { build: (n) => '_'.repeat(n >> 1) + 'x' + '_'.repeat(n >> 1), why: 'inline' },
  'emphasis openers and closers': { build: repeat('*a_'), why: 'inline' },
  'emphasis closers': { build: repeat('a* '), why: 'inline' },
  'strikethrough closers': { build: repeat('a~ '), why: 'inline' },
  'brackets opened then closed': { build: (n) => '['.repeat(n >> 1) + ']'.repeat(n >> 1), why: 'inline' },
  'closing brackets': { build: repeat(']'), why: 'inline' },
  'image starts': { build: repeat('!['), why: 'inline' },
  'link starts': { build: repeat('[a]('), why: 'inline' },
  'an unclosed bracket before words': { build: (n) => '[' + repeat(' a')(n - 1), why: 'inline' },
  'backtick runs of growing length': { build: (n) => { let s = ''; for (let k = 1; s.length < n; k++) s += '`'.repeat(k) + 'a'; return s; }, why: 'inline' },
  'unclosed HTML comments': { build: repeat('a<!--'), why: 'inline' },
  'unclosed CDATA': { build: repeat('a<![CDATA['), why: 'inline' },
  'entities': { build: repeat('&amp;a'), why: 'inline' },
  'escapes': { build: repeat('\\*a'), why: 'inline' },
  // Linear but slow: timed so that it stays linear.
  'link definitions': { build: (n) => Array.from({ length: Math.ceil(n / 9) }, (_, i) => `[a${i}]: b`).join('\n').slice(0, n), why: 'definitions' },
};
