// Every fixture of test/fixtures/rules/ against its sidecar, all rules at once;
// the two layouts of table 3; CRLF; and --fix / --fix --fix-figures over each
// fixture until nothing is left to apply.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { applyEdits, selectFixEdits } from '../../../server/src/engine/fixes.ts';
import type { Diagnostic } from '../../../server/src/engine/types.ts';
import { added, analyzed, assertFindings, CORE_RULES, findings, fixtures, layoutPairs } from './helpers.ts';

const core = new Set<string>(CORE_RULES);
const coreOf = (ds: readonly Diagnostic[]) => ds.filter((d) => core.has(d.ruleId));

describe('fixtures: every finding of the core rules, and nothing else', () => {
  for (const f of fixtures()) {
    test(f.name, () => {
      const a = analyzed(f);
      assert.deepEqual(a.failures, []);
      assert.ok(a.isReport, 'read as a report');
      for (const e of f.expected) assert.ok(core.has(e.ruleId), `${e.ruleId} is a core rule id`);
      assertFindings(findings(f.text, a.diagnostics), f.expected);
    });
  }
});

describe('fixtures: format and layout', () => {
  test('both formats and both table 3 layouts are covered', () => {
    const templates = new Set(fixtures().map((f) => analyzed(f).report.template.id));
    assert.deepEqual([...templates].sort(), ['2019', '2021']);
    assert.ok(layoutPairs().length >= 8, 'layout pairs');
  });
  for (const f of fixtures()) {
    test(`${f.name} is read with the format of its year`, () => {
      const r = analyzed(f).report;
      assert.equal(r.templateSource, 'year');
      assert.equal(r.template.id, (r.year ?? 0) <= 2020 ? '2019' : '2021');
    });
  }
});

describe('both layouts of table 3 give the same diagnostics', () => {
  for (const [one, three] of layoutPairs()) {
    test(`${one.name} ≡ ${three.name}`, () => {
      const show = (ds: readonly Diagnostic[]) => coreOf(ds).map((d) => `${d.ruleId} | ${d.message.zh} | ${d.fix ? 'fix' : '-'}`).sort();
      assert.deepEqual(show(analyzed(three).diagnostics), show(analyzed(one).diagnostics));
    });
  }
});

describe('CRLF line endings give the same findings, and fixes keep CRLF', () => {
  for (const f of fixtures().filter((x) => x.expected.some((e) => e.fixable))) {
    test(f.name, () => {
      const crlf = f.text.replace(/\n/g, '\r\n');
      const a = analyze(crlf);
      assertFindings(findings(crlf, a.diagnostics), f.expected);
      for (const d of a.diagnostics) for (const e of d.fix?.edits ?? []) assert.ok(!/(^|[^\r])\n/.test(e.newText), `${d.ruleId}: “${JSON.stringify(e.newText)}” uses CRLF`);
    });
  }
});

/** Applies the selected fixes round after round (overlapping edits wait for the next round), as `--fix` does until nothing changes. */
function fixAll(text: string, figures: boolean): { text: string; rounds: number } {
  let rounds = 0;
  for (; rounds < 8; rounds++) {
    const edits = selectFixEdits(analyze(text).diagnostics.filter((d) => core.has(d.ruleId)), { figures });
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    if (next === text) break;
    text = next;
  }
  return { text, rounds };
}

for (const figures of [false, true]) {
  describe(figures ? '--fix --fix-figures' : '--fix (no figure changes)', () => {
    for (const f of fixtures().filter((x) => x.expected.some((e) => e.fixable))) {
      test(f.name, () => {
        const before = coreOf(analyzed(f).diagnostics);
        const { text, rounds } = fixAll(f.text, figures);
        assert.ok(rounds < 8, 'fixing settles');
        const after = coreOf(analyze(text).diagnostics);
        // Nothing fixable of the selection is left, and fixing added nothing.
        assert.deepEqual(after.filter((d) => d.fix && (figures || !d.fix.changesFigure)).map((d) => `${d.ruleId}: ${d.message.zh}`), []);
        assert.deepEqual(added(before, after).map((d) => `${d.ruleId}: ${d.message.zh}`), []);
        if (!figures) {
          // No figure changed: every line of the file that holds a number in a table cell is still there.
          const figureLines = (t: string) => t.split('\n').filter((l) => /^\|/.test(l) && /\|\s*-?[\d.,]+\s*(?=\|)/.test(l)).map((l) => l.replace(/\s+/g, ''));
          const kept = new Set(figureLines(text).map((l) => l.split('|').filter((c) => /^-?[\d.,]+$/.test(c)).join('|')));
          for (const l of figureLines(f.text)) assert.ok(kept.has(l.split('|').filter((c) => /^-?[\d.,]+$/.test(c)).join('|')), `figures of “${l}” unchanged`);
        }
      });
    }
  });
}
