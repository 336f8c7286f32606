// Adversarial Markdown (adversarial.ts): every family completes analyze() in
// time proportional to its size. Each is timed at n and 2n characters:
// t(2n) must stay under 3 × t(n) + 0.25 s (quadratic would be 4×) and under
// 1 s + 0.1 ms per character (unguarded, the quadratic families take tens of
// seconds at these sizes). A failed ratio is measured again, four times at most,
// because the machine may be busy. Then the families that overflowed the
// stack run at 10× the size. About 30 s.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { FAMILIES } from './adversarial.ts';

const SIZE = 16_000;
const cap = (chars: number) => 1000 + chars * 0.1;

function time(text: string): number {
  const t0 = performance.now();
  const a = analyze(text);
  const ms = performance.now() - t0;
  assert.deepEqual(a.failures, []);
  return ms;
}

for (const [name, family] of Object.entries(FAMILIES)) {
  test(`adversarial input, ${family.why}: ${name}`, (t) => {
    const n = family.size ?? SIZE;
    const small = family.build(n);
    const large = family.build(2 * n);
    assert.ok(large.length >= 1.9 * small.length, 'the sizes double');
    let t1 = time(small);
    assert.ok(t1 < cap(small.length), `${small.length} characters took ${t1.toFixed(0)} ms`);
    let t2 = time(large);
    for (let retry = 0; retry < 4 && t2 >= 3 * t1 + 250; retry++) {
      t1 = Math.min(t1, time(small));
      t2 = Math.min(t2, time(large));
    }
    t.diagnostic(`${small.length} chars ${t1.toFixed(0)} ms, ${large.length} chars ${t2.toFixed(0)} ms`);
    assert.ok(t2 < cap(large.length), `${large.length} characters took ${t2.toFixed(0)} ms`);
    assert.ok(t2 < 3 * t1 + 250, `doubling the size took ${(t2 / t1).toFixed(1)}× the time (${t1.toFixed(0)} → ${t2.toFixed(0)} ms)`);
  });
}

// Stack depth does not grow with time: these fail at once, not slowly, when unguarded.
const STACK = ['quote, list, quote… in one line', 'ordered list and quote nesting', 'footnote definitions nested', 'footnotes and quotes nested', 'e-mail addresses', 'www addresses', 'URLs'];

test('adversarial input at 10× the size: nothing overflows the stack', () => {
  for (const name of STACK) {
    const text = FAMILIES[name].build(name.includes('nest') || name.includes('…') ? 200_000 : 700_000);
    assert.doesNotThrow(() => time(text), name);
  }
});
