// `npm run snippets`: rewrites snippets/nianbao.json from the templates. The
// snippets test (test/protocol/manifest.test.ts) only compares the committed
// file with what the templates give and fails when it is out of date; a test
// run never writes it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snippetsFile } from '../../server/src/lsp/snippets-file.ts';
import { root } from './engine.ts';

const path = join(root, 'snippets/nianbao.json');
writeFileSync(path, JSON.stringify(snippetsFile(), null, 2) + '\n');
console.log(`wrote ${path}`);
