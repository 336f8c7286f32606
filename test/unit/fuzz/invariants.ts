// The invariants every engine input must satisfy (see engine.test.ts).
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { applyEdits, editsOverlap, selectFixEdits } from '../../../server/src/engine/fixes.ts';
import { formatTables, splitRow } from '../../../server/src/lsp/table-format.ts';
import type { TextEdit } from '../../../server/src/engine/types.ts';

export const stats = { cases: 0 };

// Findings are compared by rule id: a fix may change another finding's wording (a renumbered title) without adding one.
function key(d: { ruleId: string }): string {
  return d.ruleId;
}

export function invariants(text: string): void {
  stats.cases++;
  // No time bound here: load, not a bug, would fail it. Time is measured in bench/adversarial.ts.
  const a = analyze(text);
  assert.deepEqual(a.failures, []);
  const edits: TextEdit[] = [];
  for (const d of a.diagnostics) {
    assert.ok(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length, `${d.ruleId} range outside the document`);
    for (const e of d.fix?.edits ?? []) {
      assert.ok(e.range.start >= 0 && e.range.start <= e.range.end && e.range.end <= text.length, `${d.ruleId} fix outside the document`);
      edits.push(e);
    }
  }
  const distinct = edits.filter((e, i) => edits.findIndex((f) => f.range.start === e.range.start && f.range.end === e.range.end && f.newText === e.newText) === i);
  for (let i = 0; i < distinct.length; i++) for (let j = i + 1; j < distinct.length; j++) {
    assert.ok(!editsOverlap(distinct[i], distinct[j]), `overlapping fixes at ${distinct[i].range.start}-${distinct[i].range.end} and ${distinct[j].range.start}-${distinct[j].range.end}`);
  }
  const safe = a.diagnostics.filter((d) => d.fix && !d.fix.changesFigure);
  if (safe.length > 0) {
    const once = applyEdits(text, selectFixEdits(a.diagnostics));
    const b = analyze(once);
    const before = new Map<string, number>();
    for (const d of a.diagnostics) before.set(key(d), (before.get(key(d)) ?? 0) + 1);
    for (const d of safe) before.set(key(d), before.get(key(d))! - 1);
    for (const d of b.diagnostics) {
      const left = before.get(key(d)) ?? 0;
      assert.ok(left > 0, `after safe fixes a finding appeared or stayed: ${key(d)}`);
      before.set(key(d), left - 1);
    }
    assert.equal(applyEdits(once, selectFixEdits(b.diagnostics)), once, 'fix-all twice differs from once');
  }
  // Formatting rewrites whole table lines; each line must keep its cells' text (delimiter rows only change dashes).
  const cells = (line: string) => splitRow(line.trim()).map((c) => c.trim()).map((c) => (/^:?-+:?$/.test(c) ? '---' : c));
  for (const e of formatTables(text, a.report.rawTables.map((t) => t.range))) {
    const before = text.slice(e.range.start, e.range.end).split(/\r?\n/);
    const after = e.newText.split(/\r?\n/);
    assert.equal(after.length, before.length, 'formatting changed the number of lines');
    before.forEach((line, i) => assert.deepEqual(cells(after[i]).filter((c, k) => c !== '' || k < cells(line).length), cells(line), `formatting changed a cell: ${line}`));
  }
}

export const invariantsForDebug = invariants;
