// Fix safety, one text at a time (fix-safety.test.ts runs it over generated
// faulty reports; test/unit/engine/fixes.test.ts checks the fixtures the same
// way). For every diagnostic with a fix, applying that fix alone:
//  - changes only the text inside its edit ranges, and does change it;
//  - leaves no finding of the same rule at the place the fix changed;
//  - adds no finding (counted per rule: a fix may reword another finding);
// and applying all safe fixes twice gives what applying them once gives.
//
// Re-analysis goes through an IncrementalParser, as in the editor: a fix
// changes one or two parse units, so checking a report's fixes costs little
// more than analysing it once (test/unit/perf/incremental.test.ts proves the
// trees equal a full parse).
import { analyze } from '../../../server/src/engine/analyze.ts';
import { applyEdits, editsOverlap, selectFixEdits } from '../../../server/src/engine/fixes.ts';
import { IncrementalParser } from '../../../server/src/engine/parse/incremental.ts';
import type { Diagnostic, Range, TextEdit } from '../../../server/src/engine/types.ts';

export interface FixSafetyCount {
  fixes: number;
  byRule: Map<string, number>;
}

/** Where a range of the old text lies in the new one (a position inside an edit goes to that edit's new text). */
export function mapRange(range: Range, edits: readonly TextEdit[]): Range {
  const map = (p: number, side: 'start' | 'end') => {
    let shift = 0;
    for (const e of edits) {
      const delta = e.newText.length - (e.range.end - e.range.start);
      if (e.range.end <= p && !(e.range.end === p && side === 'start' && e.range.start === p)) shift += delta;
      else if (e.range.start < p || (e.range.start === p && side === 'end' && e.range.end > p)) return side === 'start' ? e.range.start + shift : e.range.start + shift + e.newText.length;
    }
    return p + shift;
  };
  return { start: map(range.start, 'start'), end: Math.max(map(range.start, 'start'), map(range.end, 'end')) };
}

const touches = (a: Range, b: Range) => a.start <= b.end && b.start <= a.end;

function countByRule(ds: readonly Diagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of ds) m.set(d.ruleId, (m.get(d.ruleId) ?? 0) + 1);
  return m;
}

/** The text with the edits spliced in by hand (they must not overlap): what applyEdits must give. */
function splice(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.range.start) + e.newText;
    at = e.range.end;
  }
  return out + text.slice(at);
}

const where = (label: string, d: Diagnostic) => `${label}: ${d.ruleId} at ${d.range.start}-${d.range.end} (${d.message.zh})`;

/**
 * A figure fix makes a cross check that compares the prose with that figure
 * speak up when the prose quoted the old figure (the generator writes the
 * prose from the figures it was given, wrong total included): the finding is
 * true and comes from the number the user chose to change, so it may appear.
 */
const MAY_FOLLOW_A_FIGURE = new Set(['text-table-mismatch']);

/** Checks every fix of `text` (see the head of this file); returns what failed, counts what it checked into `count`. */
export function checkFixes(text: string, label: string, count: FixSafetyCount): string[] {
  const problems: string[] = [];
  const fail = (d: Diagnostic, what: string) => problems.push(`${where(label, d)}: ${what}`);
  const parser = new IncrementalParser();
  const before = analyze(text, { root: parser.update(text) });
  if (before.failures.length > 0) return [`${label}: rules failed: ${before.failures.map((f) => f.ruleId).join(', ')}`];
  const beforeCounts = countByRule(before.diagnostics);
  for (const d of before.diagnostics) {
    if (!d.fix) continue;
    count.fixes++;
    count.byRule.set(d.ruleId, (count.byRule.get(d.ruleId) ?? 0) + 1);
    const edits = d.fix.edits;
    if (edits.length === 0) { fail(d, 'a fix without edits'); continue; }
    const inside = edits.every((e) => e.range.start >= 0 && e.range.start <= e.range.end && e.range.end <= text.length);
    if (!inside) { fail(d, 'an edit outside the text'); continue; }
    if (edits.some((e, i) => edits.some((f, j) => j > i && editsOverlap(e, f)))) { fail(d, 'its edits overlap'); continue; }
    const after = applyEdits(text, edits);
    if (after !== splice(text, edits)) { fail(d, 'the text outside its edits changed'); continue; }
    if (after === text) { fail(d, 'the fix changes nothing'); continue; }

    const again = analyze(after, { root: parser.update(after) });
    if (again.failures.length > 0) { fail(d, `rules failed after the fix: ${again.failures.map((f) => f.ruleId).join(', ')}`); continue; }
    const place = mapRange(d.range, edits);
    const stays = again.diagnostics.find((x) => x.ruleId === d.ruleId && (x.message.zh === d.message.zh || touches(x.range, place)));
    if (stays) fail(d, `still reported after its fix, as “${stays.message.zh}” at ${stays.range.start}`);
    const left = new Map(beforeCounts);
    left.set(d.ruleId, left.get(d.ruleId)! - 1);
    for (const [rule, n] of countByRule(again.diagnostics)) {
      if (n <= (left.get(rule) ?? 0) || (d.fix.changesFigure && MAY_FOLLOW_A_FIGURE.has(rule))) continue;
      const added = again.diagnostics.filter((x) => x.ruleId === rule).map((x) => x.message.zh);
      fail(d, `its fix added ${rule}: ${added.join('; ')}`);
    }
  }
  const once = applyEdits(text, selectFixEdits(before.diagnostics));
  if (once !== text) {
    const twice = applyEdits(once, selectFixEdits(analyze(once, { root: parser.update(once) }).diagnostics));
    if (twice !== once) problems.push(`${label}: fix-all twice differs from once`);
  }
  return problems;
}
