// Which files a check run covers. Named files are always checked; directories
// and globs expand to Markdown files (*.md, *.markdown), of which those that are
// not reports are later skipped with a note. Expansion is deterministic
// (sorted) so --shard splits a corpus the same way on every machine.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Target {
  path: string;
  /** Named on the command line (checked even if it does not look like a report). */
  explicit: boolean;
}

export interface Expansion {
  targets: Target[];
  /** Arguments that matched nothing. */
  missing: string[];
}

export const IGNORE = ['**/node_modules/**', '**/.git/**'];
/** The files a folder holds reports in: Markdown. As a glob (under a folder) and as a test of a path. */
export const MARKDOWN_GLOB = '**/*.{md,markdown}';
export const MARKDOWN_FILE = /\.(md|markdown)$/;

export async function expand(args: readonly string[], cwd = process.cwd()): Promise<Expansion> {
  const seen = new Set<string>();
  const targets: Target[] = [];
  const missing: string[] = [];
  const add = (path: string, explicit: boolean) => {
    const abs = resolve(cwd, path);
    if (seen.has(abs)) return;
    seen.add(abs);
    targets.push({ path, explicit });
  };
  for (const arg of args) {
    let isDir = false;
    let exists = false;
    try {
      const st = statSync(resolve(cwd, arg));
      exists = true;
      isDir = st.isDirectory();
    } catch {
      exists = false;
    }
    if (exists && !isDir) { add(arg, true); continue; }
    // Loaded only for a directory or a pattern: checking named files (an editor, a pre-commit hook) starts sooner.
    const { glob, isDynamicPattern } = await import('tinyglobby');
    if (!exists && !isDynamicPattern(arg)) { missing.push(arg); continue; }
    const patterns = isDir ? [`${arg.replace(/\/+$/, '')}/${MARKDOWN_GLOB}`] : [arg];
    // followSymbolicLinks false: a symlink loop in a corpus must not hang the run.
    const found = await glob(patterns, { cwd, ignore: IGNORE, followSymbolicLinks: false, onlyFiles: true, expandDirectories: false });
    if (found.length === 0 && !isDir) missing.push(arg);
    for (const f of found.sort()) add(f, false);
  }
  return { targets, missing };
}

/** Deterministic shard i of n (1-based) by position in the sorted list. */
export function shard<T>(items: readonly T[], index: number, count: number): T[] {
  return items.filter((_, i) => i % count === index - 1);
}
