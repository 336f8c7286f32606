// Fix safety over generated faulty reports (faults.ts): every fix of every
// finding changes only its range, clears its finding and adds none, and
// fix-all twice equals once (the checks: fix-safety.ts). The unit suite checks
// 20 reports and the integration suite 200 (test/support/budget.ts); FIX_SAFETY_REPORTS changes the count and `npm run fuzz` checks
// 1,000 (about 45 s on a busy 2-core machine: each report is the generator's
// smallest, 3,600 characters, and its fixes are re-analysed incrementally).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { generateReport } from '../../../bench/generate.ts';
import { checkFixes, mapRange, type FixSafetyCount } from './fix-safety.ts';
import { EXTRA_FAULTS, faultyReport } from './faults.ts';
import { budget } from '../../support/budget.ts';

const REPORTS = Number(process.env.FIX_SAFETY_REPORTS ?? budget(20, 200));

test(`fix safety: every fix in ${REPORTS} generated faulty reports`, (t) => {
  const count: FixSafetyCount = { fixes: 0, byRule: new Map() };
  const problems: string[] = [];
  const extras = new Set<string>();
  const started = performance.now();
  for (let seed = 1; seed <= REPORTS; seed++) {
    const r = faultyReport(seed);
    extras.add(r.extra);
    problems.push(...checkFixes(r.text, `${r.name} (${[...r.errors, r.extra].join(', ')})`, count));
  }
  const seconds = (performance.now() - started) / 1000;
  t.diagnostic(`${REPORTS} reports, ${count.fixes} fixes checked in ${seconds.toFixed(1)} s, ${problems.length} failures`);
  t.diagnostic([...count.byRule].map(([rule, n]) => `${rule} ${n}`).join(', '));
  assert.deepEqual(problems.slice(0, 20), []);
  // Not vacuous: the corpus has faults of every kind and they bring fixes of most rules that have one.
  assert.equal(extras.size, Math.min(REPORTS, Object.keys(EXTRA_FAULTS).length));
  if (REPORTS >= 200) {
    assert.ok(count.fixes >= 2 * REPORTS, `only ${count.fixes} fixes`);
    assert.ok(count.byRule.size >= 12, `fixes of ${[...count.byRule.keys()].join(', ')} only`);
  }
});

// Found by the test above: a blank term of a row whose total is also wrong keeps the
// row's relations from being judged; filling it with 0 brought total-row or balance up.
test('cell-empty and cell-invalid offer no figure when the relations contradict each other', () => {
  const report = generateReport(5, { bytes: 0, errors: [] }).text;
  const row = report.split('\n').find((l) => l.startsWith('| 一、本年新收'))!;
  const cells = row.split('|');
  assert.equal(cells[4].trim(), '98', 'the row this test edits: 自然人 98 … 总计 115');
  for (const [written, rule] of [['', 'cell-empty'], ['/', 'cell-invalid']] as const) {
    // 自然人 left out and 总计 one too high: the row's total asks for 99, the column's balance for 98.
    const bad = [...cells];
    bad[4] = ` ${written} `;
    bad[10] = ' 116 ';
    const text = report.replace(row, bad.join('|'));
    const d = analyze(text).diagnostics.find((x) => x.ruleId === rule && x.message.zh.startsWith('一、本年新收「自然人」'));
    assert.ok(d, `${rule} is reported`);
    assert.equal(d.fix, undefined, `${rule}: no fix`);
    assert.deepEqual(checkFixes(text, rule, { fixes: 0, byRule: new Map() }), []);
    // With the total right, the blank's value is determined and fixed.
    bad[10] = ' 115 ';
    const right = analyze(report.replace(row, bad.join('|'))).diagnostics.find((x) => x.ruleId === rule);
    assert.deepEqual(right?.fix?.edits.map((e) => e.newText.trim()), ['98'], `${rule}: fixed to 98`);
  }
});

test('fix safety: mapRange follows a range through edits before, around and after it', () => {
  const edits = [{ range: { start: 2, end: 4 }, newText: 'abcd' }, { range: { start: 10, end: 10 }, newText: 'xyz' }];
  assert.deepEqual(mapRange({ start: 0, end: 1 }, edits), { start: 0, end: 1 }, 'before every edit');
  assert.deepEqual(mapRange({ start: 5, end: 8 }, edits), { start: 7, end: 10 }, 'after the first edit: shifted by 2');
  assert.deepEqual(mapRange({ start: 2, end: 4 }, edits), { start: 2, end: 6 }, 'the replaced range: the new text');
  assert.deepEqual(mapRange({ start: 10, end: 10 }, edits), { start: 12, end: 15 }, 'an insertion point: the inserted text');
  assert.deepEqual(mapRange({ start: 11, end: 12 }, edits), { start: 16, end: 17 }, 'after both');
});
