// The workspace's reports by agency and year, so that the rules comparing two
// years (carryover, copied-text) find last year's report while a report is
// edited, whether that report is open or only on disk. Per file only its path,
// agency and year are kept, read from the head of the file the way the CLI's
// first pass reads them (identify); last year's report is analysed only when
// an open document needs it, and kept until it changes. The text of an open
// document wins over its file on disk. Pairing is the CLI's: the same agency's
// report for the year before, when there is exactly one.
//
// The server feeds it the workspace folders (scan), watched-file events and
// open documents; `changed` names the open documents whose previous-year
// report is no longer the one they were analysed with, to be checked again.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FILE_SIZE } from '../host/limits.ts';
import { loadPreviousReport } from '../host/previous-year.ts';
import { decodeBytes } from '../host/decode.ts';
import { IGNORE, MARKDOWN_FILE } from '../host/discovery.ts';
import { DiskWorkspace, type Workspace } from '../host/workspace.ts';
import { matchesGlob } from '../host/glob-match.ts';
import { analyze, type AnalyzeOptions } from '../engine/analyze.ts';
import { identify, pairPrevious, type Identity } from '../engine/cross/identity.ts';
import type { Report } from '../engine/model.ts';
import { isMarkdown } from './analyses.ts';
import { uriToPath } from './paths.ts';

/** What the server registers with didChangeWatchedFiles for the index. */
export const REPORT_WATCHERS = [{ globPattern: '**/*.md' }, { globPattern: '**/*.markdown' }];

/** LSP FileChangeType.Deleted. */
const DELETED = 3;

export interface WorkspaceIndexOptions {
  /** At most this many files are indexed (the first in path order); default 2,000. */
  maxFiles?: number;
  /** Larger files are not indexed (bytes); default host/limits.ts's MAX_FILE_SIZE. */
  maxFileSize?: number;
  /** Bytes read from the head of each file for its title; default 128 KiB. */
  headBytes?: number;
  /** A folder walk stops after this long (ms); default 10 s. */
  walkTimeoutMs?: number;
  log?: (message: string) => void;
  /** Where report files are listed and read; default the disk. */
  workspace?: Workspace;
  /** Open documents (URIs) whose previous-year report changed or may have: check them again. */
  changed?: (uris: string[]) => void;
}

export type PreviousOptions = Pick<AnalyzeOptions, 'templates' | 'template' | 'blankCells'>;

interface Entry {
  identity: Identity;
  /** Changes whenever the text may have changed; previous reports are cached by it. */
  stamp: number;
}

interface DiskEntry extends Entry {
  size: number;
  mtimeMs: number;
}

interface OpenEntry extends Entry {
  text: string;
}

interface CachedReport {
  key: string;
  stamp: number;
  templates: PreviousOptions['templates'];
  template: PreviousOptions['template'];
  blankCells: PreviousOptions['blankCells'];
  report: Report | undefined;
}

const CACHED_REPORTS = 16;

/** An open document's key: its path when it is a file (so it meets its file on disk), else its URI. */
export function keyOf(uri: string): string {
  const path = uriToPath(uri);
  return path === undefined ? uri : resolve(path);
}

function sameIdentity(a: Identity | undefined, b: Identity | undefined): boolean {
  return a?.agency === b?.agency && a?.year === b?.year;
}

/**
 * Text of the first bytes of a file. A cut may fall inside a character:
 * up to three trailing bytes are dropped until the bytes decode.
 */
export function decodeHead(buf: Uint8Array, truncated: boolean): string {
  if (!truncated) return decodeBytes(buf).text;
  for (let cut = 0; ; cut++) {
    try {
      return decodeBytes(buf.subarray(0, buf.length - cut)).text;
    } catch (error) {
      if (cut >= 3) throw error;
    }
  }
}

/** Agency and year of a report file from its head; undefined when it is not a readable file within the size limit. */
export function readIdentity(workspace: Workspace, path: string, maxFileSize: number, headBytes: number): (Identity & { size: number; mtimeMs: number }) | undefined {
  try {
    const st = workspace.stat(path);
    if (!st || !st.isFile || st.size > maxFileSize) return undefined;
    const head = workspace.readFile(path, headBytes);
    return { ...identify(decodeHead(head, head.length < st.size)), size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    // Unreadable, binary or gone: not a report the index can offer.
    return undefined;
  }
}

/** The Markdown files under the folders, as the CLI expands a folder (node_modules, .git and dot folders skipped), sorted, at most `maxFiles`. */
export async function listReportFiles(workspace: Workspace, folders: readonly string[], maxFiles: number, walkTimeoutMs = 10_000): Promise<{ paths: string[]; truncated: boolean; timedOut: boolean }> {
  const found = new Set<string>();
  let timedOut = false;
  for (const folder of folders) {
    const signal = AbortSignal.timeout(walkTimeoutMs);
    const list = await workspace.listMarkdown(folder, signal);
    if (signal.aborted) timedOut = true;
    for (const p of list) found.add(p);
  }
  const paths = [...found];
  return { paths: paths.slice(0, maxFiles), truncated: paths.length > maxFiles, timedOut };
}

export class WorkspaceIndex {
  private readonly maxFiles: number;
  private readonly maxFileSize: number;
  private readonly headBytes: number;
  private readonly walkTimeoutMs: number;
  private readonly log: (message: string) => void;
  private readonly changed: (uris: string[]) => void;
  private readonly workspace: Workspace;

  private folders: string[] = [];
  /** Report files on disk: absolute path → identity. */
  private disk = new Map<string, DiskEntry>();
  /** Open Markdown documents: key (path, or URI when not a file) → identity and text. */
  private readonly open = new Map<string, OpenEntry>();
  /** Key → the key of its previous-year report; recomputed when an identity changes. */
  private pairs: Map<string, string> | undefined;
  /** Open document URI → which previous report (key and stamp) it was last analysed with. */
  private readonly resolved = new Map<string, string>();
  private readonly reports: CachedReport[] = [];
  /** Disk work (scans, file events) runs one job at a time, in order. */
  private queue: Promise<void> = Promise.resolve();
  private stamps = 0;
  private scans = 0;

  constructor(options: WorkspaceIndexOptions = {}) {
    this.maxFiles = options.maxFiles ?? 2000;
    this.maxFileSize = options.maxFileSize ?? MAX_FILE_SIZE;
    this.headBytes = options.headBytes ?? 128 * 1024;
    this.walkTimeoutMs = options.walkTimeoutMs ?? 10_000;
    this.log = options.log ?? (() => undefined);
    this.changed = options.changed ?? (() => undefined);
    this.workspace = options.workspace ?? new DiskWorkspace();
  }

  /** Number of report files indexed from disk. */
  get size(): number {
    return this.disk.size;
  }

  /** Resolves when the disk work queued so far is done. */
  idle(): Promise<void> {
    return this.queue;
  }

  /** (Re)index the workspace folders; replaces what was indexed from disk before. */
  scan(folders: readonly string[]): Promise<void> {
    this.folders = folders.map((f) => resolve(f));
    const token = ++this.scans;
    return this.enqueue(async () => {
      if (token !== this.scans) return; // A newer scan is queued behind this one.
      const { paths, truncated, timedOut } = await listReportFiles(this.workspace, this.folders, this.maxFiles, this.walkTimeoutMs);
      if (truncated) this.log(`nianbao: the workspace has more than ${this.maxFiles} Markdown files; only the first ${this.maxFiles} are searched for previous-year reports.`);
      if (timedOut) this.log('nianbao: listing the workspace\'s Markdown files took too long; previous-year reports are searched among those found so far.');
      const disk = new Map<string, DiskEntry>();
      const BATCH = 32;
      for (let i = 0; i < paths.length; i += BATCH) {
        const batch = paths.slice(i, i + BATCH);
        const read = batch.map((p) => readIdentity(this.workspace, p, this.maxFileSize, this.headBytes));
        batch.forEach((p, k) => {
          const r = read[k];
          if (!r) return;
          const old = this.disk.get(p);
          // Unchanged since the last scan: same stamp, so nothing is analysed again.
          const stamp = old && old.size === r.size && old.mtimeMs === r.mtimeMs ? old.stamp : ++this.stamps;
          disk.set(p, { identity: { agency: r.agency, year: r.year }, size: r.size, mtimeMs: r.mtimeMs, stamp });
        });
        // Reads are synchronous: let requests and edits in between batches.
        await new Promise((r) => setImmediate(r));
      }
      if (token !== this.scans) return;
      this.disk = disk;
      this.pairs = undefined;
      this.notify();
    });
  }

  /**
   * didChangeWatchedFiles: report files are read again (or dropped) in the
   * background, and the documents that depend on them are named to `changed`.
   * Returns true when some change is not a report file (a `.nianbaorc.json`,
   * a folder): the caller's general re-check is needed for those.
   */
  filesChanged(changes: readonly { uri: string; type: number }[]): boolean {
    let other = false;
    const paths: { path: string; deleted: boolean }[] = [];
    for (const c of changes) {
      const path = uriToPath(c.uri);
      if (path !== undefined && MARKDOWN_FILE.test(path)) paths.push({ path: resolve(path), deleted: c.type === DELETED });
      else {
        other = true;
        // A deleted folder takes its reports with it; watchers name only the folder.
        if (path !== undefined && c.type === DELETED) paths.push({ path: resolve(path), deleted: true });
      }
    }
    if (paths.length) void this.enqueue(async () => {
      for (const { path, deleted } of paths) {
        if (deleted) this.remove(path);
        else await this.refresh(path, true);
      }
      this.notify();
    });
    return other;
  }

  /** An open document's text (on open and on every change). Non-Markdown documents are ignored. */
  openDocument(doc: TextDocument): void {
    if (!isMarkdown(doc)) return;
    const key = keyOf(doc.uri);
    const text = doc.getText();
    // Only the head, as read from disk; a document too large to check is no one's previous report.
    const identity = text.length > this.maxFileSize ? {} : identify(text.slice(0, this.headBytes));
    if (!sameIdentity(this.entry(key)?.identity, identity)) this.pairs = undefined;
    this.open.set(key, { identity, text, stamp: ++this.stamps });
    this.notify();
  }

  /** A document was closed: its file on disk (read again, it may not have been saved) takes its place. */
  closeDocument(uri: string): void {
    this.resolved.delete(uri);
    const key = keyOf(uri);
    if (!this.open.delete(key)) return;
    this.pairs = undefined;
    this.notify();
    if (this.disk.has(key)) {
      void this.enqueue(async () => {
        await this.refresh(key, false);
        this.notify();
      });
    }
  }

  /** The key (path, or URI) of the previous-year report of an open document, if one is found. */
  previousOf(uri: string): string | undefined {
    return this.pairing().get(keyOf(uri));
  }

  /**
   * The previous-year report of an open document, analysed with the
   * document's templates (as the CLI does); the same object while neither
   * file changes. Records which one was used, so a change re-checks the document.
   */
  previousReport(uri: string, options: PreviousOptions): Report | undefined {
    const prev = this.previousOf(uri);
    const entry = prev === undefined ? undefined : this.entry(prev);
    this.resolved.set(uri, signature(prev, entry));
    if (prev === undefined || entry === undefined) return undefined;
    const at = this.reports.findIndex((c) => c.key === prev);
    const hit = at >= 0 ? this.reports[at] : undefined;
    if (at >= 0) this.reports.splice(at, 1);
    if (hit && hit.stamp === entry.stamp && hit.templates === options.templates && hit.template === options.template && hit.blankCells === options.blankCells) {
      this.reports.push(hit);
      return hit.report;
    }
    const open = this.open.get(prev);
    let report: Report | undefined;
    if (open) {
      try {
        report = analyze(open.text, { templates: options.templates, template: options.template, blankCells: options.blankCells }).report;
      } catch {
        report = undefined;
      }
    } else {
      report = loadPreviousReport(prev, options, (path) => this.readText(path));
    }
    this.reports.push({ key: prev, stamp: entry.stamp, templates: options.templates, template: options.template, blankCells: options.blankCells, report });
    if (this.reports.length > CACHED_REPORTS) this.reports.shift();
    return report;
  }

  /** Agency and year of every report the index knows (open documents win), for tests and logs. */
  identities(): Map<string, Identity> {
    return new Map([...this.entries()].map(([k, e]) => [k, e.identity]));
  }

  private entry(key: string): Entry | undefined {
    return this.open.get(key) ?? this.disk.get(key);
  }

  private *entries(): Iterable<[string, Entry]> {
    for (const [k, e] of this.disk) if (!this.open.has(k)) yield [k, e];
    yield* this.open;
  }

  private pairing(): Map<string, string> {
    if (!this.pairs) this.pairs = pairPrevious([...this.entries()].map(([path, e]) => ({ path, identity: e.identity })));
    return this.pairs;
  }

  /** Open documents whose previous report is no longer the one they were analysed with. */
  private notify(): void {
    const stale: string[] = [];
    for (const [uri, was] of this.resolved) {
      const prev = this.previousOf(uri);
      if (signature(prev, prev === undefined ? undefined : this.entry(prev)) !== was) stale.push(uri);
    }
    if (stale.length) this.changed(stale);
  }

  private inWorkspace(path: string): boolean {
    return this.folders.some((folder) => {
      const rel = relative(folder, path);
      if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
      // The folder walk skips dot folders and files, node_modules and .git: so do events.
      if (rel.split(/[\\/]/).some((part) => part.startsWith('.'))) return false;
      return !IGNORE.some((g) => matchesGlob(path, g, folder));
    });
  }

  private remove(path: string): void {
    const under = path.endsWith(sep) ? path : path + sep;
    for (const k of [...this.disk.keys()]) {
      if (k === path || k.startsWith(under)) {
        this.disk.delete(k);
        this.pairs = undefined;
      }
    }
  }

  /** Reads a file's identity again; `force` gives it a new stamp even when size and time look the same. */
  private async refresh(path: string, force: boolean): Promise<void> {
    const old = this.disk.get(path);
    if (!old && (!this.inWorkspace(path) || this.disk.size >= this.maxFiles)) return;
    const r = readIdentity(this.workspace, path, this.maxFileSize, this.headBytes);
    if (!r) {
      if (old) this.remove(path);
      return;
    }
    if (!force && old && old.size === r.size && old.mtimeMs === r.mtimeMs) return;
    const identity = { agency: r.agency, year: r.year };
    if (!sameIdentity(old?.identity, identity)) this.pairs = undefined;
    this.disk.set(path, { identity, size: r.size, mtimeMs: r.mtimeMs, stamp: ++this.stamps });
  }

  /** A report file's text through the workspace, refused above the size limit (as `nianbao check` reads it). */
  private readText(path: string): string {
    const st = this.workspace.stat(path);
    if (!st?.isFile) throw new Error(`not a file: ${path}`);
    if (st.size > this.maxFileSize) throw new Error(`文件过大 (file too large): ${st.size} > ${this.maxFileSize}`);
    return decodeBytes(this.workspace.readFile(path)).text;
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.queue.then(job).catch((error: unknown) => this.log(`nianbao: indexing the workspace failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
    this.queue = run;
    return run;
  }
}

function signature(prev: string | undefined, entry: Entry | undefined): string {
  return prev === undefined || entry === undefined ? '' : `${prev}\u0000${entry.stamp}`;
}
