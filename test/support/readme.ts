// The README's configuration snippets, so the tests run them as written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './engine.ts';

/** The fenced code blocks of the given language under a `###` heading of the README, in order. */
export function readmeBlocks(heading: string, lang = 'yaml'): string[] {
  const text = readFileSync(join(root, 'README.md'), 'utf8');
  const start = text.indexOf(`\n### ${heading}\n`);
  if (start < 0) throw new Error(`README has no heading ### ${heading}`);
  const end = text.slice(start + 1).search(/\n#{2,3} /);
  const part = end < 0 ? text.slice(start) : text.slice(start, start + 1 + end);
  return [...part.matchAll(new RegExp('```' + lang + '\\n([^]*?)```', 'g'))].map((m) => m[1]);
}
