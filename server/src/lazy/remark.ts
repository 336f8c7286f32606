// What `import { parseWhole } from './remark.ts'` gives inside the bundles
// (esbuild.mjs redirects engine/parse/remark.ts here): the parse function of
// dist/lib/remark.cjs, required on the first unit the direct block scan
// declines. Most reports never need it, and compiling micromark, its
// character-entity table and remark-gfm cost every cold run. Never run from
// source, where the import is the module itself.
import type { Root } from 'mdast';

let real: ((text: string) => Root) | undefined;

export function parseWhole(text: string): Root {
  // Left to run time by esbuild.mjs: the file beside the bundle.
  real ??= (require('./lib/remark.cjs') as { parseWhole: (text: string) => Root }).parseWhole;
  return real(text);
}
