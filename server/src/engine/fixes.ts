// Applying text edits. Edits are applied back to front; an edit that overlaps
// one already taken is skipped (identical edits count once), so applying a
// set of fixes never corrupts text.
import type { Diagnostic, TextEdit } from './types.ts';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const taken: TextEdit[] = [];
  for (const e of sorted) {
    const last = taken[taken.length - 1];
    if (last && last.range.start === e.range.start && last.range.end === e.range.end && last.newText === e.newText) continue;
    if (last && e.range.start < last.range.end) continue;
    if (last && e.range.start === last.range.start && last.range.start === last.range.end && e.range.start === e.range.end) continue;
    taken.push(e);
  }
  let out = text;
  for (let i = taken.length - 1; i >= 0; i--) {
    const e = taken[i];
    out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  }
  return out;
}

export interface FixSelection {
  /** Also apply fixes that set or correct a number (--fix-figures). */
  figures?: boolean;
  /** Only fixes of these rules. */
  ruleIds?: readonly string[];
}

export function selectFixEdits(diagnostics: readonly Diagnostic[], select: FixSelection = {}): TextEdit[] {
  return diagnostics
    .filter((d) => d.fix && (select.figures || !d.fix.changesFigure) && (!select.ruleIds || select.ruleIds.includes(d.ruleId)))
    .flatMap((d) => d.fix!.edits);
}
