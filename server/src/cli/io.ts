// What a run of the command line talks to: its two output streams, whether
// they are terminals, and the environment. `bin` (main.ts run as a program)
// passes the process's; the tests pass their own and run the bundled CLI in
// their process (test/support/cli.ts), with no child process per case.
import type { Lang } from '../engine/types.ts';

export interface CliIO {
  /** Standard output, written as given (no newline added); `export -o -` writes bytes. */
  stdout(s: string | Uint8Array): void;
  /** Standard error, written as given. */
  stderr(s: string): void;
  /** Colour on standard output. */
  stdoutTTY: boolean;
  /** A progress counter on standard error. */
  stderrTTY: boolean;
  env: Record<string, string | undefined>;
}

export function processIO(): CliIO {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdoutTTY: !!process.stdout.isTTY,
    stderrTTY: !!process.stderr.isTTY,
    env: process.env,
  };
}

/** The messages' language when --lang is not given: English if the locale says so. */
export function defaultLang(env: CliIO['env']): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(locale) ? 'en' : 'zh';
}
