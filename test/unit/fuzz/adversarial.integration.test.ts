// Adversarial Markdown (adversarial.ts) far past the parser's bounds: the
// families that nest containers (quotes, list items, footnotes, alone and
// mixed) at 10× the size bench/adversarial.ts times them at, and every family
// at its usual size, are analysed without a throw and without a rule failing.
// Unguarded, mixed nesting overflowed the stack (docs/reliability.md). Times
// are not asserted here: `npm run bench:parser` measures them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { FAMILIES } from './adversarial.ts';

const TITLE = '# 某市某局2021年政府信息公开工作年度报告\n\n';

test('every nesting family at 200,000 characters: analysed, nothing overflows the stack', () => {
  const nesting = Object.entries(FAMILIES).filter(([, f]) => f.why === 'nesting');
  assert.ok(nesting.length >= 11, 'alone and mixed');
  for (const [name, family] of nesting) {
    const text = TITLE + family.build(200_000) + '\n';
    let a: ReturnType<typeof analyze> | undefined;
    assert.doesNotThrow(() => { a = analyze(text); }, name);
    assert.deepEqual(a!.failures, [], name);
    // The title is still read: the nesting after it is bounded text, not a crash or a different document.
    assert.equal(a!.report.title?.text, '某市某局2021年政府信息公开工作年度报告', name);
  }
});

test('every family at 16,000 characters: analysed without a rule failing', () => {
  for (const [name, family] of Object.entries(FAMILIES)) {
    const a = analyze(family.build(16_000));
    assert.deepEqual(a.failures, [], name);
  }
});
