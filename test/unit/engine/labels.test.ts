// Matching a written label against a template's labels (parse/labels.ts): which of two near misses wins. Found by
// npm run mutate (the ranks of the kinds of match): a label cut short that is the beginning of one official label
// and, loosely, like another short one. Expected items written by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchLabel } from '../../../server/src/engine/parse/labels.ts';
import { builtinTemplates } from '../../../server/src/engine/templates/builtin.ts';
import { labelsOf } from '../../../server/src/engine/templates/label-sets.ts';

const t2019 = builtinTemplates.find((t) => t.tables.some((x) => x.rows.some((r) => r.label === '其他对外管理服务事项')))!;

test('matchLabel: a label cut short is the official label it begins, not a short label it looks a little like', () => {
  // Among 2019's labels: table 2's row 其他对外管理服务事项 and table 3's column 其他.
  for (const text of ['其他对外管', '其他对外管理', '其他对外管理服']) {
    const hit = matchLabel(text, labelsOf(t2019));
    assert.deepEqual(hit && [hit.item.label, hit.match], ['其他对外管理服务事项', 'prefix'], text);
  }
});

test('matchLabel: the official label itself, and with a bracketed note, is the label', () => {
  const exact = matchLabel('其他对外管理服务事项', labelsOf(t2019));
  assert.deepEqual(exact && [exact.item.label, exact.match], ['其他对外管理服务事项', 'exact']);
  const noted = matchLabel('其他对外管理服务事项（含备案）', labelsOf(t2019));
  assert.deepEqual(noted && [noted.item.label, noted.match], ['其他对外管理服务事项', 'variant']);
});

test('matchLabel: a numbering with one character after it is too little to guess a row from', () => {
  const rows = t2019.tables.find((t) => t.id === 't3')!.rows;
  assert.equal(matchLabel('（七）总', rows), undefined);
  assert.equal(matchLabel('（七）计', rows), undefined);
  const two = matchLabel('（七）总数', rows);
  assert.deepEqual(two && [two.item.label, two.match], ['（七）总计', 'fuzzy']);
});

test('matchLabel: table 2 rows cut short: three characters of four are alike enough, four characters begin a longer label', () => {
  const rows = t2019.tables.find((t) => t.rows.some((r) => r.label === '其他对外管理服务事项'))!.rows;
  const near = matchLabel('行政许', rows);
  assert.deepEqual(near && [near.item.label, near.match, near.score], ['行政许可', 'fuzzy', 0.75]);
  const cut = matchLabel('其他对外', rows);
  assert.deepEqual(cut && [cut.item.label, cut.match], ['其他对外管理服务事项', 'prefix']);
  assert.equal(matchLabel('其他对', rows), undefined, 'three characters are too few to be read as the beginning of a label');
});
