// Fixes: each changes only its range; applying all of them leaves none of the
// fixed findings and adds none; --fix without figures never touches a number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { applyEdits, selectFixEdits } from '../../../server/src/engine/fixes.ts';
import { fixture } from '../../support/engine.ts';

const FILES = ['examples/2022-with-mistakes.md', 'test/fixtures/seeds/000.md', 'test/fixtures/seeds/002.md', 'test/fixtures/seeds/003.md', 'test/fixtures/seeds/004.md'];

for (const file of FILES) {
  test(`${file}: every fix changes only its range and clears its finding`, () => {
    const text = fixture(file);
    const before = analyze(text).diagnostics;
    for (const d of before.filter((x) => x.fix)) {
      const after = applyEdits(text, d.fix!.edits);
      const e = d.fix!.edits[0];
      assert.equal(after.slice(0, e.range.start), text.slice(0, e.range.start));
      assert.equal(after.slice(after.length - (text.length - e.range.end)), text.slice(e.range.end));
      const again = analyze(after).diagnostics;
      assert.ok(!again.some((x) => x.ruleId === d.ruleId && x.message.zh === d.message.zh), `${d.ruleId}: ${d.message.zh} still reported`);
    }
  });

  test(`${file}: fixes that change no figure leave every number in place`, () => {
    const text = fixture(file);
    const edits = selectFixEdits(analyze(text).diagnostics, { figures: false });
    const after = applyEdits(text, edits);
    const numbers = (s: string) => (s.match(/\d+/g) ?? []).filter((n) => n.length < 8);
    // Labels and titles may change; figures in tables may not.
    const tableNumbers = (s: string) => s.split('\n').filter((l) => l.startsWith('|')).flatMap((l) => l.split('|').slice(2)).flatMap(numbers);
    assert.deepEqual(tableNumbers(after), tableNumbers(text));
    const again = analyze(after);
    const safeBefore = analyze(text).diagnostics.filter((d) => d.fix && !d.fix.changesFigure).length;
    assert.equal(again.diagnostics.filter((d) => d.fix && !d.fix.changesFigure).length, 0, `${safeBefore} safe fixes left something fixable`);
    assert.equal(applyEdits(after, selectFixEdits(again.diagnostics)), after, 'fix-all twice equals once');
  });
}

test('examples/2022-with-mistakes.md: fix all with figures gives a clean report', () => {
  let text = fixture('examples/2022-with-mistakes.md');
  for (let i = 0; i < 3; i++) text = applyEdits(text, selectFixEdits(analyze(text).diagnostics, { figures: true }));
  const left = analyze(text).diagnostics;
  assert.deepEqual(left.map((d) => `${d.ruleId}: ${d.message.zh}`), []);
});
