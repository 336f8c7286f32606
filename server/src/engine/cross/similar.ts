// Paragraphs of one report that are the same, or nearly the same, as
// paragraphs of another (内容雷同). Fixed wording every report shares (the
// opening 本报告根据…编制, the 统计期限, the contact line, 无。) is left out.
import { similarity } from '../parse/label-normalize.ts';
import type { Report } from '../model.ts';
import { compact, paragraphs, type Paragraph } from './prose.ts';
import { YEARLY_FORMULAS } from './formulas.ts';

export const MIN_CHARS = 30;
export const MIN_SIMILARITY = 0.9;

export function isBoilerplate(text: string): boolean {
  const c = compact(text);
  return YEARLY_FORMULAS.some((re) => re.test(c));
}

export interface Copy {
  paragraph: Paragraph;
  /** The matching paragraph of the other report. */
  other: Paragraph;
  otherIndex: number;
  similarity: number;
}

/** Each paragraph of `report` (≥ MIN_CHARS, not boilerplate) with its best match in `other` at ≥ minSimilarity. */
export function copiedParagraphs(report: Report, other: Report, minSimilarity = MIN_SIMILARITY): Copy[] {
  const theirs = paragraphs(other).map((p, i) => ({ p, i, c: compact(p.text) })).filter((x) => x.c.length >= MIN_CHARS && !isBoilerplate(x.p.text));
  const exact = new Map(theirs.map((x) => [x.c, x]));
  const out: Copy[] = [];
  for (const p of paragraphs(report)) {
    const c = compact(p.text);
    if (c.length < MIN_CHARS || isBoilerplate(p.text)) continue;
    const same = exact.get(c);
    if (same) { out.push({ paragraph: p, other: same.p, otherIndex: same.i, similarity: 1 }); continue; }
    let best: { x: (typeof theirs)[number]; s: number } | undefined;
    for (const x of theirs) {
      const ratio = Math.min(c.length, x.c.length) / Math.max(c.length, x.c.length);
      if (ratio < minSimilarity) continue;
      const s = similarity(c, x.c);
      if (s >= minSimilarity && (!best || s > best.s)) best = { x, s };
    }
    if (best) out.push({ paragraph: p, other: best.x.p, otherIndex: best.x.i, similarity: best.s });
  }
  return out;
}
