// `--cache` for `check` and `data`: a file checked before, with the same
// bytes, the same nianbao, templates and configuration, and the same
// previous-year report (carryover and copied-text compare with it), is not
// checked again; its stored result is printed as it was.
//
// One JSON file per command under the cache location (default
// node_modules/.cache/nianbao, as eslint and prettier keep theirs):
// - `files`: per path, its size, mtime, ctime, inode and the SHA-256 of its
//   bytes, and the report's identity (agency, year) used to pair it with last
//   year's (a published form's read by importing it, only when pairing needs
//   it, and kept while its bytes are the same). A file whose size, mtime, ctime and inode are unchanged is not
//   read again (git's index does the same; ctime changes on every write and
//   cannot be set back); any other file is read and hashed, so a touched but
//   unchanged file still hits, and a published form (PDF, Word) is keyed by
//   its bytes like any other file.
// - `results`: per path, the key it was checked under and the result.
// - `batch`: the pairing of the run's files (last year's report, copies,
//   other agencies' reports, a region's units) and the key of what it was
//   computed from (every file's path and bytes, and its configuration): a
//   re-run over the same files reuses it instead of pairing 10,000 reports
//   again (most of such a re-run's time once the results are stored).
// The key hashes: nianbao's version and the bundle's own bytes (a rebuilt
// nianbao is another nianbao), the built-in templates, the run's options,
// the file's configuration and user templates (their contents), the file's
// bytes, and the path and bytes of the previous-year report it was paired
// with and of every other report it is compared with (its copies, other
// agencies' reports sharing wording, a region's units, and the units found
// missing). A cache file that cannot be read, is not JSON, or is of another
// format or schema is ignored and written anew. Written atomically at the
// end of the run (a temporary file and a rename).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Identity } from '../engine/cross/identity.ts';
import { builtinTemplates } from '../engine/templates/builtin.ts';
import { detectForm } from '../host/form.ts';
import { configFor, type LoadedConfig } from '../host/nianbaorc.ts';
import { identifyFile } from '../host/previous-year-files.ts';
import { VERSION } from '../host/version.ts';

export const CACHE_FORMAT = 'nianbao-cache';
// 2: a published form's identity is its import's (schema 1 stored what its raw bytes decoded to).
// 3: identities carry the text's hash and sentence fingerprints (copies and other agencies' reports are paired by them).
// 4: an imported Markdown report beside its published source is not a copy of it (copy-identical) and pairs with next year as one report.
// 5: the batch's pairing is stored (batch).
export const CACHE_SCHEMA = 5;
export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'nianbao');

interface FileState {
  size: number;
  mtimeMs: number;
  /** Changes on every write, and cannot be set back (utimes sets only mtime and atime). */
  ctimeMs: number;
  ino: number;
  sha256: string;
  /** null: the file cannot be read as a report (check reports why); absent: a published form not identified yet (identityOf). */
  identity?: Identity | null;
}

interface Stored<T> {
  key: string;
  result: T;
}

interface CacheData<T> {
  format: typeof CACHE_FORMAT;
  schema: typeof CACHE_SCHEMA;
  command: string;
  files: Record<string, FileState>;
  results: Record<string, Stored<T>>;
  batch?: Stored<unknown>;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

let buildHash: string | undefined;
/** nianbao itself: its version and, when bundled, the bundle's bytes (dist/cli.cjs). */
function nianbaoHash(): string {
  if (buildHash !== undefined) return buildHash;
  let bundle = '';
  try {
    const here = fileURLToPath(import.meta.url);
    if (here.endsWith('.cjs')) bundle = sha256(readFileSync(here));
  } catch {
    // Not a file (an eval'd worker): the version alone.
  }
  return (buildHash = sha256(JSON.stringify({ VERSION, bundle, templates: builtinTemplates })));
}

export class ResultCache<T> {
  readonly file: string;
  private data: CacheData<T>;
  private readonly seen = new Map<string, FileState | undefined>();
  private readonly configKeys = new WeakMap<LoadedConfig, string>();
  /** Why the stored cache was not used, if it was not (tests and --verbose-like diagnostics). */
  readonly discarded: string | undefined;
  hits = 0;
  misses = 0;
  /** Something differs from the file as read: a re-run over an unchanged corpus does not write tens of megabytes back. */
  private changed = false;

  /**
   * @param location directory of the cache files (--cache-location)
   * @param command `check` or `data`: each has its own file
   * @param options what else the results depend on (format options, language…)
   * @param readIdentity a report's agency and year from its file, for pairing (data-command.ts)
   */
  constructor(location: string, private readonly command: string, options: unknown, private readonly readIdentity: (path: string) => Identity | undefined) {
    this.file = resolve(location, `${command}.json`);
    this.runKey = sha256(JSON.stringify({ nianbao: nianbaoHash(), command, options }));
    const empty: CacheData<T> = { format: CACHE_FORMAT, schema: CACHE_SCHEMA, command, files: {}, results: {} };
    let why: string | undefined;
    try {
      const value = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<CacheData<T>> | null;
      if (!value || typeof value !== 'object' || value.format !== CACHE_FORMAT || value.schema !== CACHE_SCHEMA || value.command !== command
        || typeof value.files !== 'object' || value.files === null || typeof value.results !== 'object' || value.results === null) why = 'not a nianbao cache of this kind';
      this.data = why ? empty : (value as CacheData<T>);
    } catch (e) {
      why = (e as { code?: string }).code === 'ENOENT' ? undefined : `unreadable: ${e instanceof Error ? e.message : String(e)}`;
      this.data = empty;
    }
    this.discarded = why;
    this.changed = this.data === empty;
  }

  private readonly runKey: string;

  /** The file's state now: from the stored one when size, mtime and inode are unchanged, else read and hashed. */
  state(path: string): FileState | undefined {
    const abs = resolve(path);
    if (this.seen.has(abs)) return this.seen.get(abs);
    let state: FileState | undefined;
    try {
      const st = statSync(abs);
      const old = this.data.files[abs];
      if (old && old.size === st.size && old.mtimeMs === st.mtimeMs && old.ctimeMs === st.ctimeMs && old.ino === st.ino && typeof old.sha256 === 'string') state = old;
      else {
        const bytes = readFileSync(abs);
        const hash = sha256(bytes);
        // Unchanged bytes keep their identity; otherwise it is read from the file (a published form's when asked: identityOf).
        const identity = old && old.sha256 === hash ? old.identity : detectForm(bytes, abs).form === 'markdown' ? this.readIdentity(abs) ?? null : undefined;
        state = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, sha256: hash, identity };
      }
    } catch {
      state = undefined;
    }
    this.seen.set(abs, state);
    if (state !== this.data.files[abs]) this.changed = true;
    if (state) this.data.files[abs] = state;
    else delete this.data.files[abs];
    return state;
  }

  /** The report's identity for pairing; undefined when unreadable. A published form is imported the first time (async). */
  async identityOf(path: string): Promise<Identity | undefined> {
    const state = this.state(path);
    if (!state) return undefined;
    if (state.identity === undefined) {
      state.identity = (await identifyFile(resolve(path))) ?? null;
      this.changed = true;
    }
    return state.identity ?? undefined;
  }

  /** identityOf for each path, one at a time. */
  async identities(paths: readonly string[]): Promise<(Identity | undefined)[]> {
    const out: (Identity | undefined)[] = [];
    for (const p of paths) out.push(await this.identityOf(p));
    return out;
  }

  /** The key a file's result is stored under; undefined when the file or its configuration cannot be read (never cached). */
  key(path: string, previous: string | undefined, config?: string, others: readonly string[] = [], note = ''): string | undefined {
    const state = this.state(path);
    if (!state) return undefined;
    let loaded: LoadedConfig;
    try {
      loaded = configFor(path, config);
    } catch {
      return undefined;
    }
    const configKey = this.configKey(loaded);
    const prev = previous ? this.state(previous) : undefined;
    // The path as written too: fingerprints and output carry it.
    // The other reports it is compared with (copies, other agencies', a region's units): their paths and bytes.
    const rest = others.flatMap((o) => [resolve(o), this.state(o)?.sha256 ?? '']);
    return sha256([this.runKey, configKey, path, resolve(path), state.sha256, previous ? resolve(previous) : '', prev?.sha256 ?? '', ...rest, note].join('\u0000'));
  }

  /**
   * The pairing of `paths` (computed by `pair`, or the stored one when every file has the bytes and the
   * configuration it had when it was stored). A file that cannot be read counts as such in the key.
   */
  async batch<B>(paths: readonly string[], config: string | undefined, pair: () => Promise<B>): Promise<B> {
    const parts = [this.runKey, config ?? ''];
    for (const path of paths) {
      let configKey = '';
      try {
        configKey = this.configKey(configFor(path, config));
      } catch {
        configKey = 'unreadable';
      }
      parts.push(path, resolve(path), this.state(path)?.sha256 ?? '', configKey);
    }
    const key = sha256(parts.join('\u0000'));
    const stored = this.data.batch;
    if (stored && stored.key === key) return stored.result as B;
    const result = await pair();
    this.data.batch = { key, result };
    this.changed = true;
    return result;
  }

  private configKey(loaded: LoadedConfig): string {
    let configKey = this.configKeys.get(loaded);
    if (configKey === undefined) {
      configKey = sha256(JSON.stringify({ path: loaded.path ?? null, config: loaded.config, templates: loaded.templates }));
      this.configKeys.set(loaded, configKey);
    }
    return configKey;
  }

  get(path: string, key: string | undefined): T | undefined {
    if (key === undefined) return undefined;
    const stored = this.data.results[resolve(path)];
    if (stored && stored.key === key) {
      this.hits++;
      return stored.result;
    }
    this.misses++;
    return undefined;
  }

  set(path: string, key: string | undefined, result: T): void {
    if (key === undefined) return;
    this.data.results[resolve(path)] = { key, result };
    this.changed = true;
  }

  /** Writes the cache atomically; a cache that cannot be written is reported, never fatal. */
  save(): string | undefined {
    if (!this.changed) return undefined;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, JSON.stringify(this.data));
        renameSync(tmp, this.file);
      } catch (e) {
        try {
          unlinkSync(tmp);
        } catch {
          // never written
        }
        throw e;
      }
      return undefined;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }
}
