// The Markdown files tests run the engine over: every .md under a folder, and
// the repository's own (test/fixtures and examples), in the order the file
// system lists them.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './engine.ts';

/** Every .md file under dir, folders included; none when dir does not exist. */
export function markdownFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? markdownFiles(p) : name.endsWith('.md') ? [p] : [];
  });
}

/** The fixtures' and the examples' Markdown files: real reports' shapes and the rules' cases. */
export function repositoryMarkdown(): string[] {
  return [...markdownFiles(join(root, 'test/fixtures')), ...markdownFiles(join(root, 'examples'))];
}
