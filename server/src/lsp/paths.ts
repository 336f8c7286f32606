// File URIs to paths. Only `file:` documents have a directory to search for
// `.nianbaorc.json` and a path to match against `files` globs; untitled
// documents and other schemes get neither.
import { fileURLToPath } from 'node:url';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    // VS Code encodes a Windows drive colon (file:///c%3A/...); node wants it plain.
    return fileURLToPath(uri.replace(/^file:\/\/\/([a-zA-Z])%3[aA]/, 'file:///$1:'));
  } catch {
    return undefined;
  }
}

/** Forward-slash path of `path` relative to `base`, or undefined when it is not inside. */
export function relativeInside(base: string, path: string): string | undefined {
  const b = base.replace(/\\/g, '/').replace(/\/+$/, '');
  const p = path.replace(/\\/g, '/');
  if (!p.startsWith(b + '/')) return undefined;
  return p.slice(b.length + 1);
}
