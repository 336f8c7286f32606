// Matching what a report wrote against a template's labels. Width, spacing and
// quote style never matter; a listed variant is accepted; a near miss (typo,
// label cut short) is matched but flagged so table-row-label can report it.
import type { LabelMatch } from '../model.ts';
import { detached } from '../detach.ts';
import { normLabel, similarity } from './label-normalize.ts';

export interface Labelled {
  label: string;
  variants?: string[];
}

export interface LabelHit<T> {
  item: T;
  match: LabelMatch;
  score: number;
}

const NUMBERING = /^(\(?[一二三四五六七八九十]+\)?[、.]?|\(?\d+\)?[.、]?)/;

function numbering(norm: string): string {
  const m = NUMBERING.exec(norm);
  return m ? m[1].replace(/[、.]$/, '') : '';
}

const MATCH_RANK: Record<LabelMatch, number> = { exact: 6, equivalent: 5, variant: 4, fuzzy: 2, prefix: 2, inferred: 1, unknown: 0 };

// The same label texts are matched against the same template rows on every
// keystroke and in every report: each (items, text) pair is worked out once.
// Keyed by the items array, so arrays built afresh per call simply miss.
const memo = new WeakMap<readonly Labelled[], Map<string, LabelHit<Labelled> | undefined>>();
const MEMO_LIMIT = 5_000;

export function matchLabel<T extends Labelled>(text: string, items: readonly T[]): LabelHit<T> | undefined {
  let byText = memo.get(items);
  if (!byText) memo.set(items, (byText = new Map()));
  if (byText.has(text)) return byText.get(text) as LabelHit<T> | undefined;
  const hit = computeMatch(text, items);
  if (byText.size > MEMO_LIMIT) byText.clear();
  byText.set(detached(text), hit);
  return hit;
}

function computeMatch<T extends Labelled>(text: string, items: readonly T[]): LabelHit<T> | undefined {
  const norm = normLabel(text);
  if (norm === '') return undefined;
  let best: LabelHit<T> | undefined;
  const consider = (hit: LabelHit<T>) => {
    if (!best || MATCH_RANK[hit.match] > MATCH_RANK[best.match] || (MATCH_RANK[hit.match] === MATCH_RANK[best.match] && hit.score > best.score)) best = hit;
  };
  const num = numbering(norm);
  for (const item of items) {
    const official = normLabel(item.label);
    if (official === '') continue;
    if (text.trim() === item.label) { consider({ item, match: 'exact', score: 1 }); continue; }
    if (norm === official) { consider({ item, match: 'equivalent', score: 1 }); continue; }
    if (item.variants?.some((v) => normLabel(v) === norm)) { consider({ item, match: 'variant', score: 1 }); continue; }
    // The official label followed by an explanatory note in brackets, as provincial forms add: accepted.
    if (norm.startsWith(official) && /^\(.*\)$/.test(norm.slice(official.length))) { consider({ item, match: 'variant', score: 1 }); continue; }
    // Near misses must keep the numbering: "6.属于四类过程性信息" is never row 5.
    if (numbering(official) !== num) continue;
    const body = norm.slice(num.length);
    // A label cut down to its numbering, "(六)": the one row with that numbering.
    if (body === '' && num !== '' && items.filter((x) => numbering(normLabel(x.label)) === num).length === 1) { consider({ item, match: 'prefix', score: 0.5 }); continue; }
    if (body.length < 2) continue;
    const score = similarity(norm, official);
    if (score >= 0.75) consider({ item, match: 'fuzzy', score });
    else if (official.startsWith(norm) && body.length >= 4) consider({ item, match: 'prefix', score: norm.length / official.length });
    else if (norm.startsWith(official)) consider({ item, match: 'fuzzy', score: official.length / norm.length });
  }
  return best;
}
