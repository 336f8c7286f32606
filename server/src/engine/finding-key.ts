// What a finding is, without where it is: its rule, what it concerns in the
// report's structure (subject.ts: a cell, row, table or section) and the first
// line of the text it covers with every figure masked. Lines added or removed
// elsewhere leave it unchanged, and so does a wrong total corrected to another
// wrong total; rewording a heading or a paragraph makes it another finding.
// Baselines (baseline.ts) and SARIF's partialFingerprints are made of it.
// The message is left out on purpose: a reworded message in a new nianbao
// version must not turn accepted findings into new ones.
import type { Report } from './model.ts';
import { subjectOf } from './subject.ts';
import type { Diagnostic } from './types.ts';

export interface FindingKey {
  ruleId: string;
  subject: string;
  /** The first line of the covered text, figures as #, spaces collapsed, at most 80 characters. */
  covered: string;
}

const COVERED_MAX = 80;

export function maskFigures(s: string): string {
  return s.replace(/[0-9０-９]+(?:[.,．][0-9０-９]+)*/g, '#').replace(/\s+/g, ' ').trim();
}

export function findingKey(report: Report, d: Pick<Diagnostic, 'ruleId' | 'range'>): FindingKey {
  const text = report.text.slice(d.range.start, d.range.end);
  const nl = text.indexOf('\n');
  const first = maskFigures(nl === -1 ? text : text.slice(0, nl));
  return { ruleId: d.ruleId, subject: subjectOf(report, d.range), covered: [...first].slice(0, COVERED_MAX).join('') };
}

/** One string per key, for maps. */
export function keyString(k: FindingKey): string {
  return JSON.stringify([k.ruleId, k.subject, k.covered]);
}
