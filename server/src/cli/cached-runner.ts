// `check --cache`: a Runner around another (in this thread or in workers)
// that prints stored results for files whose key is unchanged (cache.ts) and
// checks only the others, in file order as before: the output is the same
// with or without the cache. Pairing each report with last year's, its
// copies, other agencies' reports and a region's units uses the stored
// identities, so an unchanged corpus is not read at all, and the pairing
// itself is stored (cache.batch): an unchanged corpus is not paired again.
import type { Runner } from './check-command.ts';
import type { FileResult } from './check-file.ts';
import type { DataOutcome } from './data-command.ts';
import { pairIdentities, readIdentity } from '../host/previous-year-files.ts';
import { relateIdentities, rollupIdentities } from '../host/related-files.ts';
import { DEFAULT_CACHE_LOCATION, ResultCache } from './cache.ts';

export function cachedRunner(inner: Runner, cache: ResultCache<FileResult>): Runner {
  return async (paths, options, each, pairAmong) => {
    // Last year's reports, copies, other agencies' reports and a region's units, as the inner runner would find
    // them (it is not given pairAmong); stored, and reused while no file's bytes or configuration change.
    const batch = pairAmong
      ? await cache.batch(pairAmong, options.config, async () => {
        const identities = await cache.identities(pairAmong);
        return { previous: pairIdentities(pairAmong, identities), related: relateIdentities(pairAmong, identities), rollup: rollupIdentities(pairAmong, identities, options.config) };
      })
      : undefined;
    const previous = batch ? batch.previous : options.previous;
    const related = batch ? batch.related : options.related;
    const rollup = batch ? batch.rollup : options.rollup;
    const keys = paths.map((t) => {
      const r = related?.[t.path];
      const u = rollup?.[t.path];
      return cache.key(t.path, previous?.[t.path], options.config, [...(r?.copies ?? []), ...(r?.peers ?? []), ...(u?.units ?? [])], u ? `rollup\u0000${u.missing.join('\u0000')}` : '');
    });
    const hits = paths.map((t, i) => {
      const stored = cache.get(t.path, keys[i]);
      return stored ? { ...stored, path: t.path } : undefined;
    });
    const missed = paths.flatMap((_, i) => (hits[i] ? [] : [i]));
    let next = 0;
    const flushTo = (end: number) => {
      for (; next < end; next++) each(hits[next]!);
    };
    let m = 0;
    // Stored results are whole (indicators included), whatever this run prints: the next run may print them.
    await inner(missed.map((i) => paths[i]), { ...options, previous, related, rollup, indicators: true }, (r) => {
      const i = missed[m++];
      flushTo(i);
      // Unreadable files are tried again next time; a file --fix wrote has other bytes now.
      if (r.status !== 'error' && !r.fixed) cache.set(paths[i].path, keys[i], r);
      each(r);
      next = i + 1;
    });
    flushTo(paths.length);
  };
}

export interface OpenCache {
  cache: ResultCache<FileResult>;
  runner(inner: Runner): Runner;
  /** Writes the cache; a cache that cannot be written is a warning on stderr, not a failure. */
  save(): void;
}

/** The `check` cache at `location` (default node_modules/.cache/nianbao under the working directory). */
export function openCheckCache(location: string | undefined, options: unknown, err: (line: string) => void): OpenCache {
  const cache = new ResultCache<FileResult>(location ?? DEFAULT_CACHE_LOCATION, 'check', options, readIdentity);
  return {
    cache,
    runner: (inner) => cachedRunner(inner, cache),
    save: () => saveCache(cache, err),
  };
}

/** The `data` cache: one outcome per file (a record, a problem, or not a report). */
export function openDataCache(location: string | undefined, options: unknown): ResultCache<DataOutcome> {
  return new ResultCache<DataOutcome>(location ?? DEFAULT_CACHE_LOCATION, 'data', options, readIdentity);
}

export function saveCache(cache: ResultCache<unknown>, err: (line: string) => void): void {
  const error = cache.save();
  if (error) err(`nianbao: 无法写入缓存 (cannot write the cache) ${cache.file}: ${error}`);
}
