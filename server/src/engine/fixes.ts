// Applying text edits in one pass. An edit that overlaps one already taken is
// skipped and identical edits count once, so applying a set of fixes never
// corrupts text.
import type { Diagnostic, TextEdit } from './types.ts';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // Stable order: by position, insertions at one point in the order given.
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.range.start - b.e.range.start || a.e.range.end - b.e.range.end || a.i - b.i).map((x) => x.e);
  const taken: TextEdit[] = [];
  for (const e of sorted) {
    if (taken.some((t) => t.range.start === e.range.start && t.range.end === e.range.end && t.newText === e.newText)) continue;
    const last = taken[taken.length - 1];
    // Overlap: two edits share replaced text (insertions at one point do not overlap).
    if (last && e.range.start < last.range.end) continue;
    taken.push(e);
  }
  let out = '';
  let at = 0;
  for (const e of taken) {
    out += text.slice(at, e.range.start) + e.newText;
    at = e.range.end;
  }
  return out + text.slice(at);
}

/** True when two edits change overlapping text. Insertions at the same point do not overlap. */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  return a.range.start < b.range.end && b.range.start < a.range.end;
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
