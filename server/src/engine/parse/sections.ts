// Finding the six required sections. A section heading may be a Markdown
// heading of any level, a bold paragraph or a plain paragraph line; it may use
// full- or half-width punctuation, an accepted title variant, a lost numeral
// (、主动公开政府信息情况) or another numbering (seed 004 numbers them 五 to 九).
import type { Root, RootContent } from 'mdast';
import type { LabelMatch, SectionHit } from '../model.ts';
import type { SectionDef, Template } from '../templates/template.ts';
import { normLabel, similarity } from './label-normalize.ts';

const HEADING_LINE = /^(\s{0,3}#{1,6}[ \t]+)?(\*\*|__)?[ \t]*([一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})?[ \t]*([、.．,，][ \t]*)?(.+?)[ \t]*(\*\*|__)?[ \t]*[:：]?[ \t]*$/;

interface TitleHit {
  def: SectionDef;
  match: LabelMatch;
  score: number;
}

export function matchSectionTitle(title: string, sections: readonly SectionDef[]): TitleHit | undefined {
  const norm = normLabel(title);
  if (norm.length < 2 || norm.length > 40) return undefined;
  let best: TitleHit | undefined;
  for (const def of sections) {
    const official = normLabel(def.title);
    let hit: TitleHit | undefined;
    if (title === def.title) hit = { def, match: 'exact', score: 1 };
    else if (norm === official) hit = { def, match: 'equivalent', score: 1 };
    else if (def.variants?.some((v) => normLabel(v) === norm)) hit = { def, match: 'variant', score: 0.99 };
    else if (norm.includes(official)) hit = { def, match: 'fuzzy', score: 0.9 };
    else {
      const s = Math.max(similarity(norm, official), ...(def.variants ?? []).map((v) => similarity(norm, normLabel(v))));
      if (s >= 0.6) hit = { def, match: 'fuzzy', score: s };
    }
    if (hit && (!best || hit.score > best.score)) best = hit;
  }
  return best;
}

function firstLine(text: string, start: number, end: number): { start: number; end: number } {
  const nl = text.indexOf('\n', start);
  const lineEnd = nl === -1 || nl > end ? end : nl;
  return { start, end: lineEnd > start && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd };
}

function candidate(text: string, node: RootContent, template: Template): Omit<SectionHit, 'end'> | undefined {
  if (node.type !== 'heading' && node.type !== 'paragraph') return undefined;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const line = firstLine(text, start, end);
  const multiLine = line.end < end;
  const src = text.slice(line.start, line.end);
  const m = HEADING_LINE.exec(src);
  if (!m) return undefined;
  const [, hashes, bold, numeral, sep, title] = m;
  const kind = node.type === 'heading' ? 'heading' : bold ? 'bold' : 'paragraph';
  // A plain paragraph counts as a heading only when it looks like one: a numeral or a lone separator first.
  if (kind === 'paragraph' && !numeral && !sep) return undefined;
  if (numeral && !sep && kind === 'paragraph') return undefined;
  const hit = matchSectionTitle(title, template.sections);
  if (!hit) return undefined;
  if (multiLine && hit.score < 0.8) return undefined;
  const titleStart = line.start + src.indexOf(title, (hashes?.length ?? 0) + (bold?.length ?? 0) + (numeral?.length ?? 0));
  const numeralStart = numeral ? line.start + src.indexOf(numeral, (hashes?.length ?? 0)) : titleStart - (sep?.length ?? 0);
  const prefix = (hashes ?? '') + (bold ?? '');
  return {
    def: hit.def,
    numeral: numeral ?? '',
    numeralRange: { start: numeralStart, end: numeral ? numeralStart + numeral.length : numeralStart },
    title,
    titleRange: { start: titleStart, end: titleStart + title.length },
    range: line,
    kind,
    prefix,
    match: hit.match,
  };
}

export function findSections(text: string, root: Root, template: Template): SectionHit[] {
  const hits: Omit<SectionHit, 'end'>[] = [];
  for (const node of root.children) {
    const c = candidate(text, node, template);
    if (c) hits.push(c);
  }
  const kept = withoutOverviewItems(hits);
  return kept.map((h, i) => ({ ...h, end: i + 1 < kept.length ? kept[i + 1].range.start : text.length }));
}

/**
 * 总体情况's sub-items numbered like sections (一、主动公开 … under
 * 一、总体情况) look like near matches of the required sections that come
 * later under their full titles. Such a near match right after 总体情况, whose
 * section is found again further on by a closer match, is a sub-item: it stays
 * in 总体情况 (section-numbering reports its numeral).
 */
function withoutOverviewItems<T extends Omit<SectionHit, 'end'>>(hits: T[]): T[] {
  const o = hits.findIndex((h) => h.def?.id === 'overview');
  if (o === -1) return hits;
  let j = o + 1;
  while (j < hits.length && hits[j].match === 'fuzzy' && hits.slice(j + 1).some((h) => h.def === hits[j].def && h.match !== 'fuzzy')) j++;
  return j === o + 1 ? hits : [...hits.slice(0, o + 1), ...hits.slice(j)];
}
