// Runs the command line as users and CI run it. `cli` runs the bundle
// (dist/cli.cjs, built by test/run.mjs before the tests) in this process:
// its `runCli` with the arguments, the working directory and the streams a
// child process would have (no terminal, NO_COLOR, a Chinese locale), so a
// case costs no process start and no fresh load of the engine. Its worker
// threads are the bundle's (dist/worker.cjs), as in a real run. `cliProcess`
// spawns `node dist/cli.cjs` for what only a process shows (the exit status
// of the process itself, the bundle's own start-up); a few smoke tests use it.
// NIANBAO_CLI_SOURCE=1 runs the sources instead of the bundle, either way. Run
// alone after an edit, a test file needs `node esbuild.mjs` first.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliIO } from '../../server/src/cli/io.ts';
import { root } from './engine.ts';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** An in-process run also keeps each write to standard error as it came (a progress counter's steps). */
export interface InProcessRun extends Run {
  stderrWrites: string[];
}

type RunCli = (args: readonly string[], io: CliIO) => Promise<number>;
let loaded: RunCli | undefined;
/** In-process runs change the working directory: one at a time. */
let queue: Promise<unknown> = Promise.resolve();

const MISSING = 'dist/cli.cjs is missing: run `node esbuild.mjs` (node test/run.mjs builds it before the tests)';

async function runCliOf(): Promise<RunCli> {
  if (loaded) return loaded;
  const bundle = join(root, 'dist/cli.cjs');
  if (process.env.NIANBAO_CLI_SOURCE) {
    loaded = (await import(pathToFileURL(join(root, 'server/src/cli/main.ts')).href)).runCli as RunCli;
  } else {
    if (!existsSync(bundle)) throw new Error(MISSING);
    loaded = (createRequire(import.meta.url)(bundle) as { runCli: RunCli }).runCli;
  }
  return loaded;
}

/**
 * `nianbao ARGS` run in this process from `cwd` (default: the repository), its output as a child process
 * would print it; `terminal` makes both streams terminals (as `nianbao` in a console).
 */
export function cli(args: string[], options: { cwd?: string; terminal?: boolean } = {}): Promise<InProcessRun> {
  const run = queue.then(async () => {
    const runCli = await runCliOf();
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const io: CliIO = {
      stdout: (s) => void stdout.push(Buffer.from(s)),
      stderr: (s) => void stderr.push(Buffer.from(s)),
      stdoutTTY: !!options.terminal,
      stderrTTY: !!options.terminal,
      env: { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8' },
    };
    const before = process.cwd();
    process.chdir(options.cwd ?? root);
    try {
      const code = await runCli(args, io);
      return { code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), stderrWrites: stderr.map((b) => b.toString('utf8')) };
    } finally {
      process.chdir(before);
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

/** `node dist/cli.cjs ARGS` as a child process. */
export function cliProcess(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Run {
  const entry = process.env.NIANBAO_CLI_SOURCE ? ['--import', 'tsx', join(root, 'server/src/cli/main.ts')] : [join(root, 'dist/cli.cjs')];
  if (!process.env.NIANBAO_CLI_SOURCE && !existsSync(entry[0])) throw new Error(MISSING);
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
