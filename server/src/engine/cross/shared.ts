// Paragraphs two reports share (内容雷同 between agencies): the same wording,
// figures aside, beyond the formula sentences every report must contain; and
// the cheap fingerprints by which a batch of files finds which pairs to
// compare at all (sentences written alike), without parsing every file
// against every other.
import { similarity } from '../parse/label-normalize.ts';
import type { Report } from '../model.ts';
import { compact, paragraphs, sentences, type Paragraph } from './prose.ts';
import { isBoilerplateParagraph, isFormula, maskNumbers } from './formulas.ts';

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

/**
 * The characters of a paragraph that are wording: without its figures and
 * without formula sentences. A paragraph of figure statements
 * (全年收到申请25件，办结23件) is written alike by every agency and says
 * nothing about copying.
 */
function wordingLength(p: Paragraph): number {
  return sentences(p).filter((s) => !isFormula(s.text)).map((s) => maskNumbers(compact(s.text)).replace(/#/g, '')).reduce((n, s) => n + s.length, 0);
}

interface Prepared { p: Paragraph; c: string; m: string; grams: Float64Array }

/** Trigrams, by which pairs that cannot reach the similarity are left out before the edit distance (mayBeSimilar). */
const Q = 3;

/** The text's trigrams as numbers (three UTF-16 units, 48 bits), sorted, repeats kept: a multiset intersected by one merge. */
function grams(s: string): Float64Array {
  const n = Math.max(0, s.length - Q + 1);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = s.charCodeAt(i) * 4294967296 + s.charCodeAt(i + 1) * 65536 + s.charCodeAt(i + 2);
  return out.sort();
}

/** Reports are immutable once analysed; one in a batch is compared with many others, so its paragraphs are prepared once. */
const preparedOf = new WeakMap<Report, Prepared[]>();

function prepare(report: Report): Prepared[] {
  let out = preparedOf.get(report);
  if (!out) {
    out = paragraphs(report)
      .filter((p) => !isBoilerplateParagraph(p.text) && wordingLength(p) >= MIN_CHARS)
      .map((p) => { const c = compact(p.text); const m = maskNumbers(c); return { p, c, m, grams: grams(m) }; });
    preparedOf.set(report, out);
  }
  return out;
}

/**
 * Whether two texts can be `min` similar by edit distance, from the trigrams
 * they share: texts within edit distance d share at least
 * max(|a|,|b|) − Q + 1 − Q·d trigrams (each edit breaks at most Q of them),
 * so a pair sharing fewer is not within the distance, and its edit distance
 * (quadratic in the length) is not computed. Never leaves out a pair that
 * would match: the findings are those of comparing every pair.
 */
function mayBeSimilar(a: Prepared, b: Prepared, min: number): boolean {
  const max = Math.max(a.m.length, b.m.length);
  const need = max - Q + 1 - Q * Math.floor((1 - min) * max + 1e-9);
  if (need <= 0) return true;
  const x = a.grams, y = b.grams;
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

/** Each paragraph of `report` with its best match in `other` at ≥ minSimilarity, figures aside. */
export function sharedParagraphs(report: Report, other: Report, minSimilarity = MIN_SIMILARITY): Shared[] {
  const theirs = prepare(other);
  const exact = new Map(theirs.map((x) => [x.m, x]));
  const out: Shared[] = [];
  for (const x of prepare(report)) {
    const same = exact.get(x.m);
    if (same) { out.push({ paragraph: x.p, other: same.p, similarity: 1, numbersDiffer: same.c !== x.c }); continue; }
    let best: { y: Prepared; s: number } | undefined;
    for (const y of theirs) {
      if (Math.min(x.m.length, y.m.length) / Math.max(x.m.length, y.m.length) < minSimilarity) continue;
      if (!mayBeSimilar(x, y, minSimilarity)) continue;
      sharedWork.distances++;
      const s = boundedSimilarity(x.m, y.m);
      if (s >= minSimilarity && (!best || s > best.s)) best = { y, s };
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
      const c = maskNumbers(compact(s.text));
      if (c.length < MIN_SENTENCE || isFormula(s.text)) continue;
      out.add(hash(c));
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** The whole text's hash, line ends, trailing spaces and a byte order mark aside: equal for two copies of one file. */
export function textHash(text: string): number {
  return hash(text.replace(/^\ufeff/, '').replace(/[ \t]+$/gm, '').replace(/\r\n?/g, '\n').trim());
}
