// Tests that run the bundles need dist/: test/run.mjs builds it before the
// suites. Run alone without it, such a test fails and says what to run; it
// never skips (a clean checkout would then pass without testing anything).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './engine.ts';

export function needDist(file = 'dist/cli.cjs'): void {
  assert.ok(existsSync(join(root, file)), `${file} is missing: run \`node esbuild.mjs\` first (node test/run.mjs builds it before the suites)`);
}
