// remark (unified + remark-parse + remark-gfm, block syntax only) for the
// units the direct block scan declines (markdown.ts). In the CLI, worker,
// server and exporter bundles this module is dist/lib/remark.cjs, required
// on the first such unit through server/src/lazy/remark.ts (esbuild.mjs): a
// report made only of headings, paragraphs and tables never loads micromark,
// and a cold `nianbao check` does not compile it.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { blockSyntaxOnly } from './block-syntax.ts';

const processor = unified().use(remarkParse).use(remarkGfm).use(blockSyntaxOnly);

/** One unified parse of the whole text (quadratic in table cells; for tests and comparisons). */
export function parseWhole(text: string): Root {
  return processor.parse(text) as Root;
}
