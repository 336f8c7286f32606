// Which files of a batch (the files checked together, or a workspace) are
// compared with which, beyond last year's report: other copies of the same
// report (same agency and year) and other agencies' reports of the same year
// that share a sentence (fingerprints from shared.ts). Pure: the caller reads
// the files. Near-linear in the batch: copies come from a map keyed by agency
// and year, and peers from an index of sentence → holders in which each
// sentence counts for at most MAX_HOLDERS files (see there).
import { agencyKey, type Identity } from './identity.ts';

export interface BatchItem {
  path: string;
  identity: Identity;
  /** textFingerprints(text). */
  prints?: readonly number[];
}

export interface RelatedFiles {
  /** Other files of the same agency and year: copies of the same report. */
  copies: string[];
  /**
   * Among `copies`, set by the host from file names: the Markdown report this
   * file was imported into (→ 'import'), or the published file it was imported
   * from (→ 'source'). Not two published copies (copy-identical, copy-differs).
   */
  importPairs?: Record<string, 'source' | 'import'>;
  /** Other agencies' reports of the same year that share wording. */
  peers: string[];
}

/** Peers compared at most per file, those sharing the most sentences first: a whole batch copied from one model stays readable. */
export const MAX_PEERS = 10;

/**
 * A sentence held by more files than this (a model sentence a whole province
 * copied) proposes as peers only its first MAX_HOLDERS holders in batch order,
 * not every file holding it: otherwise a batch of 10,000 reports written from
 * one model would compare every pair. Beyond the cap, two files that share
 * only such sentences, neither among the first holders, are not compared with
 * each other (each is still compared with the first holders, so the copied
 * wording is still reported).
 */
export const MAX_HOLDERS = 64;

export function pairRelated(items: readonly BatchItem[]): Map<string, RelatedFiles> {
  const byYear = new Map<number, BatchItem[]>();
  for (const it of items) {
    if (!it.identity.agency || it.identity.year === undefined) continue;
    let g = byYear.get(it.identity.year);
    if (!g) byYear.set(it.identity.year, (g = []));
    g.push(it);
  }
  const out = new Map<string, RelatedFiles>();
  for (const group of byYear.values()) {
    // Agencies as small integers: compared in the inner loop below.
    const agencyIds = new Map<string, number>();
    const agencyOf = Int32Array.from(group, (it) => {
      const k = agencyKey(it.identity.agency!);
      let id = agencyIds.get(k);
      if (id === undefined) agencyIds.set(k, (id = agencyIds.size));
      return id;
    });
    // Agency → its files of this year (copies of one report).
    const byAgency: number[][] = Array.from({ length: agencyIds.size }, () => []);
    agencyOf.forEach((a, i) => byAgency[a].push(i));
    // Sentence → the first MAX_HOLDERS + 1 files holding it (one more, so a file among them still sees MAX_HOLDERS others).
    const holders = new Map<number, number[]>();
    group.forEach((it, i) => {
      for (const h of it.prints ?? []) {
        const l = holders.get(h);
        if (!l) holders.set(h, [i]);
        else if (l.length <= MAX_HOLDERS) l.push(i);
      }
    });
    // Each file's rank by path (localeCompare, equal paths equal rank): the tie-break of peers sharing as many sentences.
    const rank = pathRanks(group);
    // Sentences shared with each other file, counted in one array reused per file (a map per file was most of a cached re-run).
    const shared = new Int32Array(group.length);
    const touched: number[] = [];
    group.forEach((it, i) => {
      const agency = agencyOf[i];
      const copies = byAgency[agency].filter((j) => j !== i).map((j) => group[j].path);
      for (const h of it.prints ?? []) {
        for (const j of holders.get(h)!) {
          if (agencyOf[j] === agency) continue;
          if (shared[j]++ === 0) touched.push(j);
        }
      }
      // touched is in first-met order, as the map's entries were: the stable sort keeps it among equals.
      const peers = touched
        .sort((a, b) => shared[b] - shared[a] || rank[a] - rank[b])
        .slice(0, MAX_PEERS)
        .map((j) => group[j].path);
      for (const j of touched) shared[j] = 0;
      touched.length = 0;
      if (copies.length || peers.length) out.set(it.path, { copies, peers });
    });
  }
  return out;
}

function pathRanks(group: readonly BatchItem[]): Int32Array {
  const order = group.map((_, i) => i).sort((a, b) => group[a].path.localeCompare(group[b].path));
  const rank = new Int32Array(group.length);
  order.forEach((j, k) => {
    rank[j] = k > 0 && group[order[k - 1]].path.localeCompare(group[j].path) === 0 ? rank[order[k - 1]] : k;
  });
  return rank;
}

/**
 * The copies and peers of one file among `items`: what `pairRelated(items)`
 * gives for it, found for that file alone (the editor asks per document, and
 * most of a workspace is never asked about). Prints are sorted and unique
 * (textFingerprints), so a peer's count is the number of sentences shared.
 */
export function relatedFor(item: BatchItem, items: readonly BatchItem[]): RelatedFiles | undefined {
  const { agency, year } = item.identity;
  if (!agency || year === undefined) return undefined;
  const key = agencyKey(agency);
  const mine = new Set(item.prints ?? []);
  const copies: string[] = [];
  const shared: [string, number][] = [];
  for (const o of items) {
    if (o.path === item.path || !o.identity.agency || o.identity.year !== year) continue;
    if (agencyKey(o.identity.agency) === key) {
      copies.push(o.path);
      continue;
    }
    let n = 0;
    for (const h of o.prints ?? []) if (mine.has(h)) n++;
    if (n) shared.push([o.path, n]);
  }
  const peers = shared.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_PEERS).map(([p]) => p);
  return copies.length || peers.length ? { copies, peers } : undefined;
}
