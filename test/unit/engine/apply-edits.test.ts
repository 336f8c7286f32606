// applyEdits and editsOverlap (fixes.ts): the one place every fix reaches the text. Found by npm run mutate:
// the order of insertions at one point, identical edits counted once, and adjacent edits were read by no test
// of their own. Expected texts written by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, editsOverlap } from '../../../server/src/engine/fixes.ts';
import type { TextEdit } from '../../../server/src/engine/types.ts';

const edit = (start: number, end: number, newText: string): TextEdit => ({ range: { start, end }, newText });

test('applyEdits: insertions at one point go in in the order given', () => {
  assert.equal(applyEdits('ab', [edit(1, 1, 'X'), edit(1, 1, 'Y')]), 'aXYb');
  assert.equal(applyEdits('ab', [edit(1, 1, 'Y'), edit(1, 1, 'X')]), 'aYXb');
  assert.equal(applyEdits('abc', [edit(2, 2, '3'), edit(1, 1, '1'), edit(1, 1, '2'), edit(2, 2, '4')]), 'a12b34c');
});

test('applyEdits: an edit given twice is applied once', () => {
  assert.equal(applyEdits('ab', [edit(1, 1, 'X'), edit(1, 1, 'X')]), 'aXb');
  assert.equal(applyEdits('abc', [edit(1, 2, 'X'), edit(1, 2, 'X')]), 'aXc');
});

test('applyEdits: edits that share only a start, or only an end, are not the same edit', () => {
  // An insertion at 1 and a replacement of [1, 2) with the same text: both apply.
  assert.equal(applyEdits('abc', [edit(1, 1, 'X'), edit(1, 2, 'X')]), 'aXXc');
  // A replacement of [0, 1) and an insertion at its end, with the same text: both apply.
  assert.equal(applyEdits('abc', [edit(0, 1, 'X'), edit(1, 1, 'X')]), 'XXbc');
});

test('applyEdits: of two edits replacing shared text, the first is taken', () => {
  assert.equal(applyEdits('abcd', [edit(1, 3, 'X'), edit(2, 4, 'Y')]), 'aXd');
});

test('editsOverlap: adjacent edits and insertions at one point do not overlap; shared text does', () => {
  assert.equal(editsOverlap(edit(0, 1, 'x'), edit(1, 2, 'y')), false);
  assert.equal(editsOverlap(edit(1, 2, 'y'), edit(0, 1, 'x')), false);
  assert.equal(editsOverlap(edit(1, 1, 'x'), edit(1, 1, 'y')), false);
  assert.equal(editsOverlap(edit(0, 2, 'x'), edit(1, 3, 'y')), true);
  assert.equal(editsOverlap(edit(1, 3, 'y'), edit(0, 2, 'x')), true);
});
