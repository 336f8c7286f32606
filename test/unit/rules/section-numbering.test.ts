import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticAt, diagnosticsOf, lineWith, ruleSuite, textAt } from './helpers.ts';

ruleSuite('section-numbering');

test('section-numbering: a lost numeral is inserted before the separator', () => {
  const d = diagnosticAt('section-numbering', 'section-numbering', lineWith('section-numbering', '、主动公开政府信息情况'));
  assert.equal(d.message.zh, '「主动公开政府信息情况」缺少序号「二」');
  assert.equal(d.message.en, '“主动公开政府信息情况” lacks its numeral 二');
  const e = d.fix!.edits[0];
  assert.equal(e.range.start, e.range.end, 'an insertion');
  assert.equal(e.newText, '二');
});

test('section-numbering: an Arabic numeral and seed 004’s 五 to 九 are renumbered', () => {
  const d = diagnosticAt('section-numbering', 'section-numbering', lineWith('section-numbering', '4、政府信息公开行政复议'));
  assert.equal(d.message.zh, '「政府信息公开行政复议、行政诉讼情况」的序号应为「四」，实为「4」');
  assert.equal(textAt('section-numbering', d), '4');
  const all = diagnosticsOf('section-numbering-2019', 'section-numbering');
  assert.deepEqual(all.map((x) => `${textAt('section-numbering-2019', x)}→${x.fix!.edits[0].newText}`), ['五→二', '六→三', '七→四', '八→五', '九→六']);
});
