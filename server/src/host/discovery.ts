// Which files a check run covers. Named files are always checked; directories
// expand to Markdown files (*.md, *.markdown), and with `published` to the
// published forms too (PDF, Word, web page, text); globs to what they match.
// Files that are not reports are later skipped with a note. Expansion is deterministic
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
  /** Directories with no Markdown report that hold published ones, which were not taken (no `published`): how many. */
  publishedOnly: { dir: string; count: number }[];
}

export interface ExpandOptions {
  /** Whether a directory's published forms are taken too (`--published`, or the setting of the directory's .nianbaorc.json). */
  published?: (dir: string) => boolean;
}

const PUBLISHED = '{pdf,docx,html,htm,txt}';

export const IGNORE = ['**/node_modules/**', '**/.git/**'];
/** The files a folder holds reports in: Markdown. As a glob (under a folder) and as a test of a path. */
export const MARKDOWN_GLOB = '**/*.{md,markdown}';
export const MARKDOWN_FILE = /\.(md|markdown)$/;

export async function expand(args: readonly string[], cwd = process.cwd(), options: ExpandOptions = {}): Promise<Expansion> {
  const seen = new Set<string>();
  const targets: Target[] = [];
  const missing: string[] = [];
  const publishedOnly: Expansion['publishedOnly'] = [];
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
    const dir = arg.replace(/\/+$/, '');
    const published = isDir && (options.published?.(resolve(cwd, dir)) ?? false);
    // Globs match case-insensitively on the extension: published files are often 报告.PDF.
    const patterns = isDir ? [published ? `${dir}/**/*.{md,markdown,pdf,docx,html,htm,txt}` : `${dir}/${MARKDOWN_GLOB}`] : [arg];
    // followSymbolicLinks false: a symlink loop in a corpus must not hang the run.
    const globOptions = { cwd, ignore: IGNORE, followSymbolicLinks: false, onlyFiles: true, expandDirectories: false, caseSensitiveMatch: !isDir };
    const found = await glob(patterns, globOptions);
    if (found.length === 0 && !isDir) missing.push(arg);
    if (found.length === 0 && isDir && !published) {
      const others = await glob([`${dir}/**/*.${PUBLISHED}`], globOptions);
      if (others.length) publishedOnly.push({ dir: arg, count: others.length });
    }
    for (const f of found.sort()) add(f, false);
  }
  return { targets, missing, publishedOnly };
}

/** Deterministic shard i of n (1-based) by position in the sorted list. */
export function shard<T>(items: readonly T[], index: number, count: number): T[] {
  return items.filter((_, i) => i % count === index - 1);
}
