// Year over year, one agency's report against last year's: section by
// section, the paragraphs kept word for word, changed, added and removed; and
// every table figure with last year's value, this year's and the change.
// Pure (reports in, plain data out): `nianbao diff` prints it, the review page
// shows each report's figures that changed.
import { reportFigures, slotLabel, unionSlots } from './figures.ts';
import { isBoilerplate } from './similar.ts';
import { compact, paragraphs, type Paragraph } from './prose.ts';
import { similarity } from '../parse/label-normalize.ts';
import type { Report } from '../model.ts';

/** Paragraphs this similar are one paragraph changed; below, one removed and one added. */
const CHANGED_AT = 0.5;

export interface DiffSide {
  path: string;
  agency: string | null;
  year: number | null;
  template: string;
}

export interface ParagraphChange {
  kind: 'kept' | 'changed' | 'added' | 'removed';
  last?: string;
  this?: string;
  /** Similarity of last and this, 0–1 (1 for kept). */
  similarity?: number;
  /** Fixed wording every report shares (本报告根据…编制): kept, but not copying. */
  boilerplate?: boolean;
}

export interface SectionDiff {
  id: string;
  title: string;
  changes: ParagraphChange[];
  counts: { kept: number; changed: number; added: number; removed: number };
}

export interface FigureDiff {
  name: string;
  label: string;
  last: number | string | null;
  this: number | string | null;
  change: number | null;
}

export interface YearDiff {
  last: DiffSide;
  this: DiffSide;
  sections: SectionDiff[];
  figures: FigureDiff[];
  notes: string[];
}

function sectionTitle(report: Report, id: string): string {
  if (id === 'preamble') return '（开头）';
  const hit = report.sections.find((s) => s.def?.id === id);
  const def = report.template.sections.find((s) => s.id === id);
  return hit ? `${hit.numeral ? hit.numeral + '、' : ''}${hit.title}` : def ? `${def.numeral}、${def.title}` : id;
}

function alignParagraphs(last: Paragraph[], now: Paragraph[]): ParagraphChange[] {
  const lastC = last.map((p) => compact(p.text));
  const nowC = now.map((p) => compact(p.text));
  const usedLast = new Set<number>();
  const match = new Map<number, { j: number; s: number }>();
  // Word for word first, then the most similar of what is left.
  nowC.forEach((c, i) => {
    const j = lastC.findIndex((x, k) => !usedLast.has(k) && x === c);
    if (j !== -1) { usedLast.add(j); match.set(i, { j, s: 1 }); }
  });
  nowC.forEach((c, i) => {
    if (match.has(i)) return;
    let best: { j: number; s: number } | undefined;
    lastC.forEach((x, j) => {
      if (usedLast.has(j)) return;
      const s = similarity(c, x);
      if (s >= CHANGED_AT && (!best || s > best.s)) best = { j, s };
    });
    if (best) { usedLast.add(best.j); match.set(i, best); }
  });
  const out: ParagraphChange[] = [];
  now.forEach((p, i) => {
    const m = match.get(i);
    if (!m) out.push({ kind: 'added', this: p.text });
    else if (m.s === 1) out.push({ kind: 'kept', last: last[m.j].text, this: p.text, similarity: 1, ...(isBoilerplate(p.text) ? { boilerplate: true } : {}) });
    else out.push({ kind: 'changed', last: last[m.j].text, this: p.text, similarity: Math.floor(m.s * 100) / 100 });
  });
  last.forEach((p, j) => { if (!usedLast.has(j)) out.push({ kind: 'removed', last: p.text }); });
  return out;
}

export function diffReports(last: Report, now: Report, paths: { last: string; this: string }): YearDiff {
  const side = (r: Report, path: string): DiffSide => ({ path, agency: r.agency ?? null, year: r.year ?? null, template: r.template.id });
  const notes: string[] = [];
  if (last.agency && now.agency && last.agency !== now.agency) notes.push(`机关不同 (different agencies): ${last.agency} / ${now.agency}`);
  if (last.year !== undefined && now.year !== undefined && now.year !== last.year + 1) notes.push(`年度不相邻 (years not consecutive): ${last.year} / ${now.year}`);
  const lp = paragraphs(last);
  const np = paragraphs(now);
  const ids = ['preamble', ...now.template.sections.map((s) => s.id)];
  for (const s of last.template.sections) if (!ids.includes(s.id)) ids.push(s.id);
  const sections: SectionDiff[] = ids.map((id) => {
    const inSection = (p: Paragraph) => (p.section ?? 'preamble') === id;
    const changes = alignParagraphs(lp.filter(inSection), np.filter(inSection));
    const counts = { kept: 0, changed: 0, added: 0, removed: 0 };
    for (const c of changes) counts[c.kind]++;
    return { id, title: sectionTitle(now.sections.some((s) => s.def?.id === id) ? now : last, id), changes, counts };
  }).filter((s) => s.changes.length > 0);
  return { last: side(last, paths.last), this: side(now, paths.this), sections, figures: figureChanges(last, now), notes };
}

/**
 * Every table figure either report has, in this year's template order (then
 * last year's): its stable name, its label (in `lang`), last year's value and
 * this year's (a number, the text written when it is not one, null when the
 * cell is blank or absent) and the change (null when either is not a number).
 */
export function figureChanges(last: Report, now: Report, lang: 'zh' | 'en' = 'zh'): FigureDiff[] {
  const lf = reportFigures(last);
  const nf = reportFigures(now);
  const figures: FigureDiff[] = [];
  for (const slot of unionSlots([now.template, last.template])) {
    const a = lf.get(slot.name);
    const b = nf.get(slot.name);
    if (!a && !b) continue;
    const val = (f: typeof a) => (f ? f.value ?? (f.text === '' ? null : f.text) : null);
    const change = a?.value !== undefined && b?.value !== undefined ? Math.round((b.value - a.value) * 1e6) / 1e6 : null;
    figures.push({ name: slot.name, label: slotLabel(slot, lang), last: val(a), this: val(b), change });
  }
  return figures;
}
