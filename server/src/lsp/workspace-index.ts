// The workspace's reports by agency and year, so that the rules comparing a
// report with others find them while it is edited, whether they are open or
// only on disk: last year's report (carryover, copied-text), other copies of
// the same report and other agencies' reports of the same year sharing
// wording (copy-identical, copy-differs, shared-text), and for a region's
// report the units its .nianbaorc.json "rollup" declares (rollup-mismatch,
// rollup-incomplete). Per file only its path, agency, year and sentence
// fingerprints are kept, read from the head of the file the way the CLI's
// first pass reads them (identify, textFingerprints); the other reports are
// analysed only when an open document needs them, and kept until they
// change. The text of an open document wins over its file on disk. Pairing
// is the CLI's (engine/cross/identity.ts, batch.ts; host/rollup-config.ts).
//
// The server feeds it the workspace folders (scan), watched-file events and
// open documents; `changed` names the open documents whose other reports are
// no longer the ones they were analysed with (one changed, or another file
// now pairs with them), to be checked again.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FILE_SIZE } from '../host/limits.ts';
import { loadPreviousReport } from '../host/previous-year-files.ts';
import { decodeBytes } from '../host/decode.ts';
import { IGNORE, MARKDOWN_FILE } from '../host/discovery.ts';
import { DiskWorkspace, type Workspace } from '../host/workspace.ts';
import { matchesGlob } from '../host/glob-match.ts';
import { analyze, type AnalyzeOptions } from '../engine/analyze.ts';
import { relatedFor, type BatchItem, type RelatedFiles } from '../engine/cross/batch.ts';
import { identify, pairPrevious, type Identity } from '../engine/cross/identity.ts';
import type { Unit } from '../engine/cross/rollup.ts';
import { textFingerprints } from '../engine/cross/shared.ts';
import type { Report } from '../engine/model.ts';
import type { OtherReport } from '../engine/rules/rule.ts';
import { resolveRollup, type RollupSetting } from '../host/rollup-config.ts';
import { isMarkdown, type CrossInputs } from './analyses.ts';
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
  /** Changes whenever the text may have changed; other reports are cached by it. */
  stamp: number;
  /** textFingerprints of the text (the head, for a file on disk); an open document's on first need. */
  prints?: number[];
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

/** Reports analysed for comparisons kept at once: a region's units, a report's peers and copies, last years. */
const CACHED_REPORTS = 64;

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

/** Agency, year and sentence fingerprints of a report file from its head; undefined when it is not a readable file within the size limit. */
export function readIdentity(workspace: Workspace, path: string, maxFileSize: number, headBytes: number): (Identity & { size: number; mtimeMs: number }) | undefined {
  try {
    const st = workspace.stat(path);
    if (!st || !st.isFile || st.size > maxFileSize) return undefined;
    const head = workspace.readFile(path, headBytes);
    const text = decodeHead(head, head.length < st.size);
    return { ...identify(text), prints: textFingerprints(text), size: st.size, mtimeMs: st.mtimeMs };
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
  /** Open document URI → which other reports (keys and stamps) it was last analysed with, and its roll-up setting. */
  private readonly resolved = new Map<string, { signature: string; rollup: RollupSetting | undefined }>();
  /** Open document URI → the inputs last given, kept while their signature and options are the same (analyses are cached by them). */
  private readonly given = new Map<string, { signature: string; options: PreviousOptions; rollup: RollupSetting | undefined; inputs: CrossInputs }>();
  /** Copies and peers per key, valid while no entry changed (`generation`). */
  private relatedCache = new Map<string, RelatedFiles | undefined>();
  private relatedGeneration = -1;
  private generation = 0;
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
          disk.set(p, { identity: { agency: r.agency, year: r.year }, prints: r.prints, size: r.size, mtimeMs: r.mtimeMs, stamp });
        });
        // Reads are synchronous: let requests and edits in between batches.
        await new Promise((r) => setImmediate(r));
      }
      if (token !== this.scans) return;
      this.disk = disk;
      this.pairs = undefined;
      this.generation++;
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
    this.generation++;
    this.notify();
  }

  /** A document was closed: its file on disk (read again, it may not have been saved) takes its place. */
  closeDocument(uri: string): void {
    this.resolved.delete(uri);
    this.given.delete(uri);
    const key = keyOf(uri);
    if (!this.open.delete(key)) return;
    this.pairs = undefined;
    this.generation++;
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
    return this.crossInputs(uri, options).previous;
  }

  /**
   * Everything an open document is compared with, as `check` would find it
   * among the workspace's files: last year's report, its copies and other
   * agencies' reports sharing wording, and (with `rollup`, from its
   * .nianbaorc.json) a region's units. The same object while none of those
   * files changes and no other file comes to pair with it; records what was
   * used, so a change re-checks the document. Paths in messages are relative
   * to the workspace folder.
   */
  crossInputs(uri: string, options: PreviousOptions, rollup?: RollupSetting): CrossInputs {
    const deps = this.dependencies(uri, rollup);
    const sig = deps.signature;
    this.resolved.set(uri, { signature: sig, rollup });
    const was = this.given.get(uri);
    if (was && was.signature === sig && was.rollup === rollup && was.options.templates === options.templates && was.options.template === options.template && was.options.blankCells === options.blankCells) return was.inputs;
    const inputs: CrossInputs = {};
    const previous = deps.previous === undefined ? undefined : this.reportOf(deps.previous, options);
    if (previous) inputs.previous = previous;
    const others: OtherReport[] = [];
    for (const [keys, sameReport] of [[deps.related?.copies ?? [], true], [deps.related?.peers ?? [], false]] as const) {
      for (const k of keys) {
        const report = this.reportOf(k, options);
        if (report) others.push({ path: this.displayPath(k), report, sameReport });
      }
    }
    if (others.length) inputs.others = others;
    if (deps.units) {
      const units: Unit[] = [];
      const missing = [...deps.units.missing];
      for (const k of deps.units.units) {
        const report = this.reportOf(k, options);
        if (report) units.push({ path: this.displayPath(k), report });
        else missing.push(this.displayPath(k));
      }
      inputs.rollup = { units, missing };
    }
    this.given.set(uri, { signature: sig, options, rollup, inputs });
    return inputs;
  }

  /** The copies and other agencies' reports (keys) an open document is compared with. */
  relatedOf(uri: string): RelatedFiles | undefined {
    return this.related(keyOf(uri));
  }

  /** A report of the index analysed with `options`, cached by its stamp; undefined when it cannot be read or analysed. */
  private reportOf(prev: string, options: PreviousOptions): Report | undefined {
    const entry = this.entry(prev);
    if (entry === undefined) return undefined;
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

  private printsOf(entry: Entry): number[] {
    if (!entry.prints) entry.prints = 'text' in entry ? textFingerprints((entry as OpenEntry).text) : [];
    return entry.prints;
  }

  /** Copies and peers of a key among the reports of its year (relatedFor: the CLI's pairing, for one file). */
  private related(key: string): RelatedFiles | undefined {
    if (this.relatedGeneration !== this.generation) {
      this.relatedCache = new Map();
      this.relatedGeneration = this.generation;
    }
    if (this.relatedCache.has(key)) return this.relatedCache.get(key);
    const self = this.entry(key);
    const year = self?.identity.year;
    let found: RelatedFiles | undefined;
    if (self && self.identity.agency && year !== undefined) {
      // Only the year's reports need their prints (an open document's are computed on first need).
      const items: BatchItem[] = [];
      for (const [path, e] of this.entries()) if (e.identity.year === year && e.identity.agency) items.push({ path, identity: e.identity, prints: this.printsOf(e) });
      found = relatedFor({ path: key, identity: self.identity, prints: this.printsOf(self) }, items);
    }
    this.relatedCache.set(key, found);
    return found;
  }

  /** What an open document depends on: keys, and a signature of their stamps that changes when any does. */
  private dependencies(uri: string, rollup: RollupSetting | undefined): { previous?: string; related?: RelatedFiles; units?: { units: string[]; missing: string[] }; signature: string } {
    const key = keyOf(uri);
    const previous = this.previousOf(uri);
    const related = this.related(key);
    const self = this.entry(key);
    let units: { units: string[]; missing: string[] } | undefined;
    if (rollup && self) {
      const batch = [...this.entries()].map(([path, e]) => ({ path, identity: e.identity }));
      units = resolveRollup(rollup.entries, rollup.base, { path: key, identity: self.identity }, batch);
    }
    const stamp = (k: string) => `${k}\u0000${this.entry(k)?.stamp ?? ''}`;
    const parts = [
      previous === undefined ? '' : stamp(previous),
      'copies', ...(related?.copies ?? []).map(stamp),
      'peers', ...(related?.peers ?? []).map(stamp),
      'units', ...(units?.units ?? []).map(stamp),
      'missing', ...(units?.missing ?? []),
    ];
    return { previous, related, units, signature: parts.join('\u0001') };
  }

  /** A key as messages name it: relative to the workspace folder holding it, else as it is. */
  private displayPath(key: string): string {
    for (const folder of this.folders) {
      const rel = relative(folder, key);
      if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
    }
    return key;
  }

  /** Open documents whose other reports are no longer the ones they were analysed with. */
  private notify(): void {
    const stale: string[] = [];
    for (const [uri, was] of this.resolved) {
      if (this.dependencies(uri, was.rollup).signature !== was.signature) stale.push(uri);
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
        this.generation++;
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
    this.disk.set(path, { identity, prints: r.prints, size: r.size, mtimeMs: r.mtimeMs, stamp: ++this.stamps });
    this.generation++;
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


