// The baseline of the benchmarks: a bare unified().use(remarkParse).use(remarkGfm).parse
// of each file, one after the other, in one process. Plain JavaScript, so no
// TypeScript loader is timed. Usage: node bench/bare-parse.mjs FILE|DIR...
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

const processor = unified().use(remarkParse).use(remarkGfm);

function* files(p) {
  if (statSync(p).isDirectory()) for (const n of readdirSync(p).sort()) yield* files(join(p, n));
  else if (p.endsWith('.md')) yield p;
}

let count = 0;
let nodes = 0;
for (const arg of process.argv.slice(2)) {
  for (const f of files(arg)) {
    const tree = processor.parse(readFileSync(f, 'utf8'));
    nodes += tree.children.length;
    count++;
  }
}
process.stdout.write(`${count} files, ${nodes} top-level nodes\n`);
