// Reading a figure out of a table cell (parse/numbers.ts), case by case. Found by npm run mutate: a figure in
// bold, a cell with spaces around it and a negative change in table 2 were read by no test of their own (the
// rule tests meet cells already trimmed, and table 2's signed column has no relation). Expected values by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeValue, parseCell } from '../../../server/src/engine/parse/numbers.ts';

test('parseCell: plain, full-width, with thousands separators, a unit or a note', () => {
  assert.deepEqual(parseCell('3'), { kind: 'number', value: 3 });
  assert.deepEqual(parseCell('１２'), { kind: 'number', value: 12 });
  assert.deepEqual(parseCell('1,234'), { kind: 'number', value: 1234 });
  assert.deepEqual(parseCell('5件'), { kind: 'number', value: 5 });
  assert.deepEqual(parseCell('55（含自然失效29件）'), { kind: 'number', value: 55 });
  assert.deepEqual(parseCell('0'), { kind: 'number', value: 0 });
});

test('parseCell: a figure in bold, or with spaces around it, is the figure', () => {
  assert.deepEqual(parseCell('**3**'), { kind: 'number', value: 3 });
  assert.deepEqual(parseCell('__12__'), { kind: 'number', value: 12 });
  assert.deepEqual(parseCell('  7 '), { kind: 'number', value: 7 });
  assert.equal(looksLikeValue(' 7 '), true);
});

test('parseCell: a change in table 2 keeps its sign and size, whichever minus is written', () => {
  assert.deepEqual(parseCell('-3', 'signed'), { kind: 'number', value: -3 });
  assert.deepEqual(parseCell('－4', 'signed'), { kind: 'number', value: -4 });
  assert.deepEqual(parseCell('\u22125', 'signed'), { kind: 'number', value: -5 });
  assert.deepEqual(parseCell('+2', 'signed'), { kind: 'number', value: 2 });
  assert.deepEqual(parseCell('-0', 'signed'), { kind: 'number', value: -0 });
});

test('parseCell: a count cannot be negative or a fraction; money can have cents', () => {
  assert.deepEqual(parseCell('-3'), { kind: 'invalid', reason: 'negative' });
  assert.deepEqual(parseCell('1.5'), { kind: 'invalid', reason: 'fraction' });
  assert.deepEqual(parseCell('2.0'), { kind: 'number', value: 2 });
  // A zero written with a minus is still zero, in a count too.
  const zero = parseCell('－0');
  assert.ok(zero.kind === 'number' && zero.value === 0, JSON.stringify(zero));
  assert.deepEqual(parseCell('1.5', 'money'), { kind: 'number', value: 1.5 });
  assert.deepEqual(parseCell('-1.25', 'money'), { kind: 'number', value: -1.25 });
});

test('parseCell: blank, a slash and words', () => {
  assert.deepEqual(parseCell(''), { kind: 'empty' });
  assert.deepEqual(parseCell('  '), { kind: 'empty' });
  assert.deepEqual(parseCell('/'), { kind: 'invalid', reason: 'slash' });
  assert.deepEqual(parseCell('／'), { kind: 'invalid', reason: 'slash' });
  assert.deepEqual(parseCell('见附件'), { kind: 'invalid', reason: 'text' });
  assert.equal(looksLikeValue('—'), true);
  assert.equal(looksLikeValue('无'), true);
  assert.equal(looksLikeValue('见附件'), false);
});
