// Paragraphs of one report that are the same, or nearly the same, as
// paragraphs of another (内容雷同). Fixed wording every report shares (the
// opening 本报告根据…编制, the 统计期限, the contact line, 无。) is left out.
import { similarity } from '../parse/label-normalize.ts';
import type { Report } from '../model.ts';
import { compact, paragraphs, type Paragraph } from './prose.ts';

export const MIN_CHARS = 30;
export const MIN_SIMILARITY = 0.9;

const BOILERPLATE = [
  /^本(?:年度)?报告(?:是)?(?:根据|依据|按照)/,
  /统计期限|统计时限|数据统计/,
  /(?:本|年度)报告[^。]{0,24}(?:电子版|可在|网站|下载|查阅|索取)/,
  /如对本(?:年度)?报告|联系(?:地址|电话|方式)|邮政?编码|联系人/,
  /^无[。.]?$|^无其他需要报告的事项/,
  /^现(?:将|就)[^。]{0,40}报告如下[:：]?$/,
];

export function isBoilerplate(text: string): boolean {
  const c = compact(text);
  return BOILERPLATE.some((re) => re.test(c));
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
