// Matching a path against a config `files` glob, relative to the config's folder.
import picomatch from 'picomatch';
import { relative, resolve } from 'node:path';

export function matchesGlob(path: string, pattern: string, base: string): boolean {
  const rel = relative(base, resolve(path)).split('\\').join('/');
  return picomatch(pattern, { dot: true })(rel);
}
