// Runs the bundled CLI (dist/cli.cjs, built by `npm test` before the tests) as
// a child process, the way users and CI run it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './engine.ts';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Run {
  const entry = process.env.NIANBAO_CLI_SOURCE ? ['--import', 'tsx', join(root, 'server/src/cli/main.ts')] : [join(root, 'dist/cli.cjs')];
  if (!process.env.NIANBAO_CLI_SOURCE && !existsSync(entry[0])) throw new Error('dist/cli.cjs is missing: run `node esbuild.mjs` (node test/run.mjs builds it before the tests)');
  const r = spawnSync(process.execPath, [...entry, ...args], {
    cwd: options.cwd ?? root,
    env: { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', ...options.env },
    encoding: 'utf8',
    input: options.input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch directory holding copies of the given repository files. */
export function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-test-'));
  for (const [to, from] of Object.entries(files)) cpSync(join(root, from), join(dir, to));
  return dir;
}
