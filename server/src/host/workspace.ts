// The files a long-running front end (the language server) reads, behind one
// interface, as vscode-markdown-languageservice injects its IWorkspace: the
// server is built from a Workspace, `DiskWorkspace` over the file system and
// `MemoryWorkspace` for tests that need no disk. Reads are synchronous (config
// files and report heads are small, and the engine's callers are
// synchronous); listing a folder is not (a big workspace is walked in the
// background).
//
// Watching: in an editor the client watches the disk and tells the server
// (didChangeWatchedFiles), so `DiskWorkspace.watch` reports nothing; a
// `MemoryWorkspace` reports its own writes and deletions the same way.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { posix, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { IGNORE, MARKDOWN_FILE, MARKDOWN_GLOB } from './discovery.ts';

export interface FileStat {
  size: number;
  mtimeMs: number;
  isFile: boolean;
}

/** LSP's FileChangeType values. */
export type FileChange = { path: string; type: 1 | 2 | 3 };

export interface Workspace {
  /** Size, time and kind of a path; undefined when nothing is there or it cannot be read. */
  stat(path: string): FileStat | undefined;
  /** A file's bytes, or its first `maxBytes`; throws (as node:fs does, with `code`) when it cannot be read. */
  readFile(path: string, maxBytes?: number): Uint8Array;
  /** The Markdown files (*.md, *.markdown) under a folder, absolute and sorted; dot folders, node_modules and .git skipped. */
  listMarkdown(folder: string, signal?: AbortSignal): Promise<string[]>;
  /** Changes the workspace itself knows of (created 1, changed 2, deleted 3); returns the unsubscribe. */
  watch(listener: (changes: FileChange[]) => void): () => void;
}


export class DiskWorkspace implements Workspace {
  stat(path: string): FileStat | undefined {
    try {
      const st = statSync(path);
      return { size: st.size, mtimeMs: st.mtimeMs, isFile: st.isFile() };
    } catch {
      return undefined;
    }
  }

  readFile(path: string, maxBytes?: number): Uint8Array {
    if (maxBytes === undefined) return readFileSync(path);
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(Math.min(maxBytes, statSync(path).size));
      const n = readSync(fd, buf, 0, buf.length, 0);
      return buf.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  }

  async listMarkdown(folder: string, signal?: AbortSignal): Promise<string[]> {
    // Imported on the first walk, not at start-up: a window without a folder never needs it.
    const { glob } = await import('tinyglobby');
    // followSymbolicLinks false: a symlink loop must not hang the server.
    const list = await glob([MARKDOWN_GLOB], { cwd: folder, absolute: true, ignore: IGNORE, followSymbolicLinks: false, onlyFiles: true, expandDirectories: false, signal });
    return list.map((p) => resolve(p)).sort();
  }

  watch(): () => void {
    return () => undefined;
  }
}

function enoent(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
}

/** Files held in memory by absolute path; every write and deletion is reported to the watchers. */
export class MemoryWorkspace implements Workspace {
  private readonly files = new Map<string, { bytes: Uint8Array; mtimeMs: number }>();
  private readonly listeners = new Set<(changes: FileChange[]) => void>();
  private clock = 0;

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.put(path, content);
  }

  private put(path: string, content: string | Uint8Array): boolean {
    const key = resolve(path);
    const existed = this.files.has(key);
    this.files.set(key, { bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : content, mtimeMs: ++this.clock });
    return existed;
  }

  write(path: string, content: string | Uint8Array): void {
    const existed = this.put(path, content);
    this.emit([{ path: resolve(path), type: existed ? 2 : 1 }]);
  }

  delete(path: string): void {
    const key = resolve(path);
    if (this.files.delete(key)) this.emit([{ path: key, type: 3 }]);
  }

  private emit(changes: FileChange[]): void {
    for (const l of this.listeners) l(changes);
  }

  stat(path: string): FileStat | undefined {
    const key = resolve(path);
    const f = this.files.get(key);
    if (f) return { size: f.bytes.length, mtimeMs: f.mtimeMs, isFile: true };
    const under = key.endsWith(sep) ? key : key + sep;
    for (const k of this.files.keys()) if (k.startsWith(under)) return { size: 0, mtimeMs: 0, isFile: false };
    return undefined;
  }

  readFile(path: string, maxBytes?: number): Uint8Array {
    const f = this.files.get(resolve(path));
    if (!f) throw enoent(path);
    return maxBytes === undefined ? f.bytes : f.bytes.subarray(0, maxBytes);
  }

  async listMarkdown(folder: string): Promise<string[]> {
    const ignored = picomatch(IGNORE, { dot: true });
    const out: string[] = [];
    for (const k of this.files.keys()) {
      const rel = relative(resolve(folder), k);
      if (!rel || rel.startsWith('..') || !MARKDOWN_FILE.test(k)) continue;
      const posixRel = rel.split(sep).join(posix.sep);
      if (posixRel.split('/').some((part) => part.startsWith('.')) || ignored(posixRel)) continue;
      out.push(k);
    }
    return out.sort();
  }

  watch(listener: (changes: FileChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
