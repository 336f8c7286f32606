// Property tests of the engine (fast-check, seeded). The unit suite runs 30
// cases per generator and the integration suite 150 (test/support/budget.ts);
// FUZZ_RUNS changes that, and `npm run fuzz` runs 20,000.
// For every input: analyze does not throw and no rule fails (how long it takes
// is bench/adversarial.ts's business); every range lies in the document; distinct fixes
// never overlap; applying all safe fixes removes those findings and adds none;
// fix-all twice equals once; table formatting changes no cell's text.
import { test } from 'node:test';
import fc from 'fast-check';
import { invariants } from './invariants.ts';
import { byteMutation, cellMutation, lineMutation, randomMarkdown } from './mutate.ts';

import { budget } from '../../support/budget.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? budget(30, 150));
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);

const opts = { seed: SEED, numRuns: RUNS, endOnFailure: true };

test('random Markdown built from report fragments', () => {
  fc.assert(fc.property(randomMarkdown, (t) => invariants(t)), opts);
});

test('real reports mutated cell by cell', () => {
  fc.assert(fc.property(cellMutation, (t) => invariants(t)), opts);
});

test('real reports mutated line by line', () => {
  fc.assert(fc.property(lineMutation, (t) => invariants(t)), opts);
});

test('real reports mutated byte by byte', () => {
  fc.assert(fc.property(byteMutation, (t) => invariants(t)), opts);
});
