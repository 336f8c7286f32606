// Paragraphs two reports share (内容雷同 between agencies): the same wording,
// figures aside, beyond the formula sentences every report must contain; and
// the cheap fingerprints by which a batch of files finds which pairs to
// compare at all (sentences written alike), without parsing every file
// against every other.
import { similarity } from '../parse/label-normalize.ts';
import type { Report } from '../model.ts';
import { compact, paragraphs, sentences, type Paragraph } from './prose.ts';
import { isFormulaCompact, maskNumbers } from './formulas.ts';

export const MIN_CHARS = 30;
export const MIN_SIMILARITY = 0.9;
/** A sentence counts for fingerprints from this many characters. */
const MIN_SENTENCE = 20;

export interface Shared {
  paragraph: Paragraph;
  other: Paragraph;
  similarity: number;
  /** The wording is the same and only figures differ. */
  numbersDiffer: boolean;
}

/** One sentence of a paragraph as the comparisons read it: compact text, and whether it is a formula sentence. */
function readSentences(text: string): { c: string; formula: boolean }[] {
  return sentences({ text, start: 0 }).map((s) => { const c = compact(s.text); return { c, formula: isFormulaCompact(c) }; });
}

/**
 * Whether a paragraph is compared at all: not boilerplate (every sentence a
 * formula, formulas.ts), and at least MIN_CHARS characters of wording once
 * figures and formula sentences are taken out. A paragraph of figure
 * statements (全年收到申请25件，办结23件) is written alike by every agency and
 * says nothing about copying.
 */
function compared(p: Paragraph): boolean {
  const ss = readSentences(p.text);
  if (ss.length > 0 && ss.every((s) => s.formula)) return false;
  let wording = 0;
  for (const s of ss) if (!s.formula) wording += maskNumbers(s.c).replace(/#/g, '').length;
  return wording >= MIN_CHARS;
}

/** Trigrams, by which pairs that cannot reach the similarity are left out before the edit distance (mayBeSimilar). */
const Q = 3;
/**
 * Buckets of the trigram histogram: the first, cheap bound on the trigrams two
 * texts share. Counts are bytes below 128, four to a 32-bit word, so that the
 * bound takes 32 word operations (minHistogram).
 */
const BUCKETS = 128;
const WORDS = BUCKETS / 4;
const MAX_COUNT = 127;

interface Prepared {
  p: Paragraph;
  /** compact(p.text) */
  c: string;
  /** maskNumbers(c): what is compared. */
  m: string;
  /** Position among the report's compared paragraphs: the first of equally good matches wins. */
  index: number;
  /** The text's trigrams per bucket (histogram()); undefined when a bucket would overflow (a text of many thousand characters). */
  hist: Int32Array | undefined;
  /** The sorted trigrams, made on the first pair the histogram lets through. */
  grams?: Float64Array;
}

interface PreparedReport {
  list: Prepared[];
  /** Masked text → the last paragraph with it (a paragraph word for word the same but for figures). */
  exact: Map<string, Prepared>;
  /** `list` by the length of m, then by index: the paragraphs of a length window are a run of it. */
  byLength: Prepared[];
}

/** The bucket of a trigram: a mix of its three UTF-16 units (any fixed function keeps the bound exact; a good mix keeps it tight). */
function bucket(c0: number, c1: number, c2: number): number {
  let h = Math.imul(c0, 0x9e3779b1) ^ Math.imul(c1, 0x85ebca77) ^ Math.imul(c2, 0xc2b2ae3d);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 12)) & (BUCKETS - 1);
}

/** Trigrams per bucket, bucket k in byte k % 4 of word k / 4; undefined when a count would pass MAX_COUNT. */
export function histogram(s: string): Int32Array | undefined {
  const bytes = new Uint8Array(BUCKETS);
  for (let i = 0; i + Q <= s.length; i++) {
    const b = bucket(s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2));
    if (bytes[b] === MAX_COUNT) return undefined;
    bytes[b]++;
  }
  const out = new Int32Array(WORDS);
  for (let w = 0; w < WORDS; w++) out[w] = bytes[4 * w] | (bytes[4 * w + 1] << 8) | (bytes[4 * w + 2] << 16) | (bytes[4 * w + 3] << 24);
  return out;
}

/**
 * Σ over buckets of the smaller count: at least the number of trigrams the two
 * texts share (a shared trigram is in the same bucket of both). Four buckets
 * per step: with every byte below 128, byte k of (a | 0x80…) − (b & 0x7f…) has
 * its high bit set exactly when a's count is at least b's, with no borrow
 * between bytes; that picks the smaller byte, and the bytes are summed in two
 * 16-bit lanes (at most 32 · 2 · 127 each).
 */
export function minHistogram(a: Int32Array, b: Int32Array): number {
  let lanes = 0;
  for (let w = 0; w < WORDS; w++) {
    const x = a[w], y = b[w];
    const ge = ((x | 0x80808080) - (y & 0x7f7f7f7f)) & 0x80808080;
    const mask = (ge >>> 7) * 0xff;
    const min = (y & mask) | (x & ~mask);
    lanes += (min & 0x00ff00ff) + ((min >>> 8) & 0x00ff00ff);
  }
  return (lanes & 0xffff) + (lanes >>> 16);
}

/** The text's trigrams as numbers (three UTF-16 units, 48 bits), sorted, repeats kept: a multiset intersected by one merge. */
function grams(s: string): Float64Array {
  const n = Math.max(0, s.length - Q + 1);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = s.charCodeAt(i) * 4294967296 + s.charCodeAt(i + 1) * 65536 + s.charCodeAt(i + 2);
  return out.sort();
}

/** Reports are immutable once analysed; one in a batch is compared with many others, so its paragraphs are prepared once. */
const preparedOf = new WeakMap<Report, PreparedReport>();

function prepare(report: Report): PreparedReport {
  let out = preparedOf.get(report);
  if (!out) {
    const list = paragraphs(report)
      .filter(compared)
      .map((p, index): Prepared => { const c = compact(p.text); const m = maskNumbers(c); return { p, c, m, index, hist: histogram(m) }; });
    out = {
      list,
      exact: new Map(list.map((x) => [x.m, x])),
      byLength: [...list].sort((a, b) => a.m.length - b.m.length || a.index - b.index),
    };
    preparedOf.set(report, out);
  }
  return out;
}

/**
 * Whether two texts can be `min` similar by edit distance, from the trigrams
 * they share: texts within edit distance d share at least
 * max(|a|,|b|) − Q + 1 − Q·d trigrams (each edit breaks at most Q of them),
 * so a pair sharing fewer is not within the distance, and its edit distance
 * (quadratic in the length) is not computed. The shared trigrams are bounded
 * first by the histograms (in each bucket at most the smaller count is
 * shared), then counted by a merge of the sorted trigrams. Never leaves out a
 * pair that would match: the findings are those of comparing every pair.
 */
function mayBeSimilar(a: Prepared, b: Prepared, min: number): boolean {
  const max = Math.max(a.m.length, b.m.length);
  const need = max - Q + 1 - Q * Math.floor((1 - min) * max + 1e-9);
  if (need <= 0) return true;
  const ha = a.hist, hb = b.hist;
  if (ha && hb && minHistogram(ha, hb) < need) return false;
  const x = (a.grams ??= grams(a.m)), y = (b.grams ??= grams(b.m));
  let i = 0, j = 0, common = 0;
  while (i < x.length && j < y.length) {
    if (common + Math.min(x.length - i, y.length - j) < need) return false;
    if (x[i] === y[j]) {
      if (++common >= need) return true;
      i++; j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return common >= need;
}

/** Edit distances computed by sharedParagraphs (a work counter for tests; no clock). */
export const sharedWork = { distances: 0 };

/** The first index in `sorted` (by m.length) whose length is at least `length`. */
function firstOfLength(sorted: readonly Prepared[], length: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].m.length < length) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Each paragraph of `report` with its best match in `other` at ≥ minSimilarity, figures aside.
 * Candidates come from the run of `other`'s paragraphs whose length allows the similarity
 * (a window a little wider than the ratio test, which then decides exactly as for every pair).
 */
export function sharedParagraphs(report: Report, other: Report, minSimilarity = MIN_SIMILARITY): Shared[] {
  const theirs = prepare(other);
  const out: Shared[] = [];
  for (const x of prepare(report).list) {
    const same = theirs.exact.get(x.m);
    if (same) { out.push({ paragraph: x.p, other: same.p, similarity: 1, numbersDiffer: same.c !== x.c }); continue; }
    const len = x.m.length;
    const from = minSimilarity > 0 ? firstOfLength(theirs.byLength, Math.floor(len * minSimilarity) - 1) : 0;
    const to = minSimilarity > 0 && len > 0 ? Math.ceil(len / minSimilarity) + 1 : Infinity;
    let best: { y: Prepared; s: number } | undefined;
    for (let k = from; k < theirs.byLength.length; k++) {
      const y = theirs.byLength[k];
      if (y.m.length > to) break;
      if (Math.min(len, y.m.length) / Math.max(len, y.m.length) < minSimilarity) continue;
      if (!mayBeSimilar(x, y, minSimilarity)) continue;
      sharedWork.distances++;
      const s = boundedSimilarity(x.m, y.m);
      if (s >= minSimilarity && (!best || s > best.s || (s === best.s && y.index < best.y.index))) best = { y, s };
    }
    if (best) out.push({ paragraph: x.p, other: best.y.p, similarity: best.s, numbersDiffer: false });
  }
  return out;
}

/**
 * Edit-distance similarity, for texts of a size it can afford: the distance
 * costs the product of the lengths, so beyond 4 million (two 2,000-character
 * paragraphs) only equality is judged. A megabyte-long paragraph must not
 * stall a check.
 */
export function boundedSimilarity(a: string, b: string, maxProduct = 4_000_000): number {
  if (a === b) return 1;
  return a.length * b.length > maxProduct ? 0 : similarity(a, b);
}

/** FNV-1a, 32 bits: fingerprints only pick candidate pairs; the comparison itself reads the text. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Hashes of the prose sentences of a text (not tables, not headings), figures
 * masked, formula sentences and short ones left out: two reports that share
 * a paragraph share at least one of these. Read from the raw text, no parse.
 */
export function textFingerprints(text: string): number[] {
  const out = new Set<number>();
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('|') || t.startsWith('#')) continue;
    for (const s of sentences({ text: t, start: 0 })) {
      const c = compact(s.text);
      const m = maskNumbers(c);
      if (m.length < MIN_SENTENCE || isFormulaCompact(c)) continue;
      out.add(hash(m));
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** The whole text's hash, line ends, trailing spaces and a byte order mark aside: equal for two copies of one file. */
export function textHash(text: string): number {
  return hash(text.replace(/^\ufeff/, '').replace(/[ \t]+$/gm, '').replace(/\r\n?/g, '\n').trim());
}
