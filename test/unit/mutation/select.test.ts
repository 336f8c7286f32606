// What `npm run mutate -- --resume` and `--resume --recheck` keep of the results they resume from
// (test/mutation/select.ts): the selection only, no run. Expected statuses written by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keepsStatus, resumeFrom, settledKeys, type Result } from '../../mutation/select.ts';

test('--resume keeps every status; --recheck keeps only killed and timeout', () => {
  assert.equal(keepsStatus('killed', false), true);
  assert.equal(keepsStatus('timeout', false), true);
  assert.equal(keepsStatus('survived', false), true);
  assert.equal(keepsStatus('no-coverage', false), true);
  assert.equal(keepsStatus(undefined, false), false);
  assert.equal(keepsStatus('killed', true), true);
  assert.equal(keepsStatus('timeout', true), true);
  assert.equal(keepsStatus('survived', true), false);
  assert.equal(keepsStatus('no-coverage', true), false);
  assert.equal(keepsStatus(undefined, true), false);
});

const previous = (): Result[] => [
  { key: 'a#1', module: 'A', status: 'killed', killedBy: 'a test', files: 3, ms: 100 },
  { key: 'a#2', module: 'A', status: 'timeout', killedBy: 'timeout', files: 2, ms: 9000 },
  { key: 'a#3', module: 'A', status: 'survived', files: 4, ms: 300 },
  { key: 'a#4', module: 'A', status: 'no-coverage', files: 0 },
  { key: 'a#5', module: 'A' },
  { key: 'b#1', module: 'B', status: 'survived', files: 1, ms: 50 },
  { key: 'b#2', module: 'B', status: 'killed', killedBy: 'b test', files: 1, ms: 40 },
  { key: 'b#3', module: 'B' },
];
// Module A's mutants as discovered today: a#6 is new (its source changed), a#3's key is gone.
const slice = (): Result[] => ['a#1', 'a#2', 'a#4', 'a#5', 'a#6'].map((key) => ({ key, module: 'A' }));

test('--recheck on a slice: its survivors and mutants without coverage run again, its kills are kept, other modules kept whole', () => {
  const mutants = slice();
  const others = resumeFrom(mutants, previous(), true);
  assert.deepEqual(mutants, [
    { key: 'a#1', module: 'A', status: 'killed', killedBy: 'a test', files: 3, ms: 100 },
    { key: 'a#2', module: 'A', status: 'timeout', killedBy: 'timeout', files: 2, ms: 9000 },
    { key: 'a#4', module: 'A' },
    { key: 'a#5', module: 'A' },
    { key: 'a#6', module: 'A' },
  ]);
  // Module B is outside the slice: its survivor keeps its status (it is not run); a mutant never run is not carried.
  assert.deepEqual(others, [
    { key: 'b#1', module: 'B', status: 'survived', files: 1, ms: 50 },
    { key: 'b#2', module: 'B', status: 'killed', killedBy: 'b test', files: 1, ms: 40 },
  ]);
});

test('--resume without --recheck keeps survivors and mutants without coverage too', () => {
  const mutants = slice();
  resumeFrom(mutants, previous(), false);
  assert.deepEqual(mutants.map((m) => m.status), ['killed', 'timeout', 'no-coverage', undefined, undefined]);
});

test('--mutant: the named mutants run whatever their status; other modules are still kept', () => {
  const mutants = slice();
  const others = resumeFrom(mutants, previous(), false, false);
  assert.deepEqual(mutants.map((m) => m.status), [undefined, undefined, undefined, undefined, undefined]);
  assert.deepEqual(others.map((m) => m.key), ['b#1', 'b#2']);
});

test('--recheck keeps the survivors docs/mutants/ settles (equivalent, not killed); those it says a test kills now run again', () => {
  const doc = [
    '| key | where | verdict |',
    '|---|---|---|',
    '| `a#3` | a.ts:3 `x` → `y` | **equivalent**: no input tells them apart |',
    '| `a#4` | a.ts:4 `x` → `y` | **not killed**: left, the reason |',
    '| `a#5` | a.ts:5 `x` → `y` | **not killed, deliberately**: the one text it changes |',
    '| `a#6` | a.ts:6 `x` → `y` | **equivalent** as far as the templates go: none of the texts tried |',
    '| `a#7` | a.ts:7 `x` → `y` | **killed** by a test written since (checked with --mutant) |',
    'prose naming `a#8` and **equivalent** outside a row',
  ].join('\n');
  const settled = settledKeys([doc]);
  assert.deepEqual([...settled].sort(), ['a#3', 'a#4', 'a#5', 'a#6']);
  assert.equal(keepsStatus('survived', true, true), true);
  assert.equal(keepsStatus('no-coverage', true, true), true);
  assert.equal(keepsStatus(undefined, true, true), false);
  const mutants: Result[] = ['a#3', 'a#4', 'a#7', 'a#8'].map((key) => ({ key, module: 'A' }));
  const before: Result[] = [
    { key: 'a#3', module: 'A', status: 'survived', files: 4, ms: 300 },
    { key: 'a#4', module: 'A', status: 'no-coverage', files: 0 },
    { key: 'a#7', module: 'A', status: 'survived', files: 2, ms: 90 },
    { key: 'a#8', module: 'A', status: 'survived', files: 1, ms: 20 },
  ];
  resumeFrom(mutants, before, true, true, settled);
  assert.deepEqual(mutants.map((m) => m.status), ['survived', 'no-coverage', undefined, undefined]);
});
