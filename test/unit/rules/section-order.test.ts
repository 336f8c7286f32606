import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticAt, lineWith, ruleSuite } from './helpers.ts';

ruleSuite('section-order');

test('section-order: the section out of the longest ordered run is reported, with the section it belongs before', () => {
  const d = diagnosticAt('section-order', 'section-order', lineWith('section-order', '五、存在的主要问题及改进情况'));
  assert.equal(d.message.zh, '「五、存在的主要问题及改进情况」应在「六、其他需要报告的事项」之前');
  assert.equal(d.message.en, '“五、存在的主要问题及改进情况” should come before “六、其他需要报告的事项”');
  assert.equal(d.fix, undefined, 'moving sections is left to the author');
  const e = diagnosticAt('section-order-2019', 'section-order', lineWith('section-order-2019', '## 一、总体情况'));
  assert.equal(e.message.zh, '「一、总体情况」应在「二、主动公开政府信息情况」之前');
});
