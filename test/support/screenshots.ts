// Where tests save screenshots: test/e2e/.output/ (gitignored), so a test
// run never changes tracked files. `npm run screenshots` sets
// NIANBAO_SCREENSHOTS=docs/images to refresh the pictures of the README and
// the docs on purpose (the end-to-end suite and the review page's test).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

export function screenshotDir(): string {
  const dir = process.env.NIANBAO_SCREENSHOTS ? resolve(ROOT, process.env.NIANBAO_SCREENSHOTS) : join(ROOT, 'test/e2e/.output');
  mkdirSync(dir, { recursive: true });
  return dir;
}
