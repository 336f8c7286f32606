import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { diagnosticAt, lineWith, ruleSuite, textAt } from './helpers.ts';

ruleSuite('table-shape');

test('table-shape: a row with a value cell too many or too few', () => {
  const extra = diagnosticAt('table-shape', 'table-shape', lineWith('table-shape', '| （一）予以公开 |'));
  assert.equal(extra.message.zh, '「（一）予以公开」行应有 7 个数值单元格，实有 8 个');
  assert.equal(extra.message.en, 'Row “（一）予以公开” should have 7 value cells, found 8');
  const short = diagnosticAt('table-shape', 'table-shape', lineWith('table-shape', '| 4.保护第三方合法权益 |'));
  assert.equal(short.message.zh, '「4.保护第三方合法权益」行应有 7 个数值单元格，实有 6 个');
  assert.equal(short.fix, undefined, 'which figure is missing cannot be known');
});

test('table-shape: a row given twice', () => {
  const first = lineWith('table-shape', '| 2.重复申请 |');
  const d = diagnosticAt('table-shape', 'table-shape', lineWith('table-shape', '| 2.重复申请 |', first + 1));
  assert.equal(d.message.zh, '「2.重复申请」行重复出现');
});

test('table-shape: table 2 headers cut short or unknown are set to the format’s column', () => {
  const cut = diagnosticAt('table-shape', 'table-shape', lineWith('table-shape', '本年处理决定数 |'));
  assert.equal(cut.message.zh, '表头「本年处理决定数」应为「本年处理决定数量」');
  assert.equal(textAt('table-shape', cut), '本年处理决定数');
  assert.deepEqual(cut.fix!.edits.map((e) => e.newText), ['本年处理决定数量']);
  assert.equal(cut.fix!.changesFigure, false);
  const unknown = diagnosticAt('table-shape', 'table-shape', lineWith('table-shape', '| 有效件数 |'));
  assert.equal(unknown.message.zh, '表头「有效件数」应为「现行有效件数」', 'the column at that position');
});

test('table-shape: another block’s headers after a lost 第二十条 row are not wrong headers of the block above', () => {
  const text = [
    '# 某县司法局2022年政府信息公开工作年度报告',
    '',
    '| 第二十条第（一）项 | | | |',
    '| --- | --- | --- | --- |',
    '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '| 规章 | 0 | 0 | 0 |',
    '| 行政规范性文件 | 3 | 1 | 25 |',
    '| 信息内容 | 本年处理决定数量 | | |',
    '| 行政许可 | 120 | | |',
    '',
  ].join('\n');
  assert.deepEqual(analyze(text).diagnostics.filter((d) => d.ruleId === 'table-shape').map((d) => d.message.zh), []);
});
