import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
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

// Short reports with their sections in a given order (by numeral).
const SECTION: Record<string, string> = {
  一: '## 一、总体情况\n\n无。\n', 二: '## 二、主动公开政府信息情况\n\n（表二）\n', 三: '## 三、收到和处理政府信息公开申请情况\n\n（表三）\n',
  四: '## 四、政府信息公开行政复议、行政诉讼情况\n\n（表四）\n', 五: '## 五、存在的主要问题及改进情况\n\n无。\n', 六: '## 六、其他需要报告的事项\n\n无。\n',
};
const written = (order: string) => ['# 某县司法局2022年政府信息公开工作年度报告\n', ...[...order].map((n) => SECTION[n])].join('\n');
const found = (text: string) => analyze(text).diagnostics.filter((d) => d.ruleId === 'section-order').map((d) => [text.slice(d.range.start, d.range.end), d.message.zh]);

test('section-order: two swapped pairs, each the later one reported before the section it belongs before', () => {
  // Found by npm run mutate (section-order.ts longestIncreasing: which of two equally long ordered runs is kept).
  assert.deepEqual(found(written('一三二四六五')), [
    ['## 二、主动公开政府信息情况', '「二、主动公开政府信息情况」应在「三、收到和处理政府信息公开申请情况」之前'],
    ['## 五、存在的主要问题及改进情况', '「五、存在的主要问题及改进情况」应在「六、其他需要报告的事项」之前'],
  ]);
});

test('section-order: a section written too early is out of place, not “before” a section it already precedes', () => {
  // Found by npm run mutate (section-order.ts: the section it belongs before is looked for among those before it only).
  assert.deepEqual(found(written('一五二三四六')), [['## 五、存在的主要问题及改进情况', '「五、存在的主要问题及改进情况」位置不对']]);
});

test('section-order: a heading written again later is section-duplicate\'s finding, not a section out of order', () => {
  // Found by npm run mutate (section-order.ts: first occurrences only).
  assert.deepEqual(found(written('一二三四五六二')), []);
});
