// compact() (engine/cross/prose.ts) no longer folds after NFKC: NFKC already
// maps what fold() maps (full-width ASCII, U+3000, U+00A0). Checked against
// the former definition on every code point and on generated strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compact, fold } from '../../../server/src/engine/cross/prose.ts';

/** The former definition: NFKC, then fold, then no whitespace or emphasis. */
const former = (s: string) => fold(s.normalize('NFKC')).replace(/\*\*|__|[\s\u3000]+/g, '');

test('compact: full-width figures and spaces folded, whitespace and emphasis dropped', () => {
  assert.equal(compact('２０２１年　**全年**收到 申请\u00a0２５件。'), '2021年全年收到申请25件。');
  assert.equal(compact('（一）__本年新收__政府信息公开申请数量'), '(一)本年新收政府信息公开申请数量');
  assert.equal(compact('ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｃｏｍ'), 'info@example.com');
});

test('compact equals the former definition on every code point', () => {
  const differ: number[] = [];
  for (let c = 0; c <= 0x10ffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const s = String.fromCodePoint(c);
    if (compact(s) !== former(s)) differ.push(c);
  }
  assert.deepEqual(differ, []);
});

test('compact equals the former definition on generated strings', () => {
  const unit = fc.constantFrom('２', '０', 'Ａ', '　', '\u00a0', ' ', '\t', '\n', '*', '_', '年', '件', '，', '。', '㈠', '①', 'ﬁ', '\u0301', 'e', '1', '％', '（', '）');
  fc.assert(fc.property(fc.string({ unit, maxLength: 40 }), (s) => {
    assert.equal(compact(s), former(s));
  }), { numRuns: 5000 });
});
