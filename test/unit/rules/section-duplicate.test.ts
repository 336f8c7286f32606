import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticAt, fixture, lineOf, lineWith, ruleSuite } from './helpers.ts';

ruleSuite('section-duplicate');

test('section-duplicate: the second heading is reported, the first given as related', () => {
  const first = lineWith('section-duplicate', '## 六、其他需要报告的事项');
  const second = lineWith('section-duplicate', '## 六、其他需要报告的事项', first + 1);
  const d = diagnosticAt('section-duplicate', 'section-duplicate', second);
  assert.equal(d.message.zh, '「六、其他需要报告的事项」重复出现');
  assert.equal(d.message.en, '“六、其他需要报告的事项” appears twice');
  assert.equal(lineOf(fixture('section-duplicate').text, d.related![0].range.start), first);
});

test('section-duplicate: a title repeated as a table caption is a duplicate, and the first heading is not empty', () => {
  const second = lineWith('section-duplicate-2019', '**二、主动公开政府信息情况**', lineWith('section-duplicate-2019', '**二、主动公开政府信息情况**') + 1);
  diagnosticAt('section-duplicate-2019', 'section-duplicate', second);
});
