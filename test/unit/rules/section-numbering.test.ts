import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { diagnosticAt, diagnosticsOf, lineWith, ruleSuite, textAt } from './helpers.ts';

ruleSuite('section-numbering');

test('section-numbering: a lost numeral is inserted before the separator', () => {
  const d = diagnosticAt('section-numbering', 'section-numbering', lineWith('section-numbering', '、主动公开政府信息情况'));
  assert.equal(d.message.zh, '「主动公开政府信息情况」缺少序号「二」');
  assert.equal(d.message.en, '“主动公开政府信息情况” lacks its numeral 二');
  const e = d.fix!.edits[0];
  assert.equal(e.range.start, e.range.end, 'an insertion');
  assert.equal(e.newText, '二');
  assert.equal(textAt('section-numbering', d), '、主动公开政府信息情况', 'shown on the whole heading: there is no numeral to point at');
});

test('section-numbering: an Arabic numeral and seed 004’s 五 to 九 are renumbered', () => {
  const d = diagnosticAt('section-numbering', 'section-numbering', lineWith('section-numbering', '4、政府信息公开行政复议'));
  assert.equal(d.message.zh, '「政府信息公开行政复议、行政诉讼情况」的序号应为「四」，实为「4」');
  assert.equal(textAt('section-numbering', d), '4');
  const all = diagnosticsOf('section-numbering-2019', 'section-numbering');
  assert.deepEqual(all.map((x) => `${textAt('section-numbering-2019', x)}→${x.fix!.edits[0].newText}`), ['五→二', '六→三', '七→四', '八→五', '九→六']);
});

// 一、总体情况 with sub-items numbered like sections, in a short report; `rest` is 二 to 六.
const HEAD = '# 某县司法局2022年政府信息公开工作年度报告\n\n## 一、总体情况\n\n';
const REST = ['## 二、主动公开政府信息情况', '（表二）', '## 三、收到和处理政府信息公开申请情况', '（表三）', '## 四、政府信息公开行政复议、行政诉讼情况', '（表四）',
  '## 五、存在的主要问题及改进情况', '无。', '## 六、其他需要报告的事项', '无。'].join('\n\n') + '\n';
const subItems = (text: string) => analyze(text).diagnostics.filter((d) => d.ruleId === 'section-numbering').map((d) => text.slice(d.range.start, d.range.end));

test('section-numbering: 总体情况 sub-items in bold, as headings, on consecutive lines or after a table are each reported at the numeral', () => {
  // Found by npm run mutate (section-numbering.ts overviewItems: the numeral's place after ** or ###, the next line, lines after a table).
  const text = HEAD + '**一、主动公开**\n\n全年主动公开信息856条。\n\n### 二、依申请公开\n\n全年收到申请25件。\n三、政府信息管理。完成规范性文件清理。\n四、平台建设。网站运行平稳。\n\n'
    + '| 项目 | 数量 |\n| --- | --- |\n| 一、主动公开 | 856 |\n\n五、监督保障。\n\n' + REST;
  const ds = analyze(text).diagnostics.filter((d) => d.ruleId === 'section-numbering');
  assert.deepEqual(ds.map((d) => text.slice(d.range.start, d.range.end)), ['一、', '二、', '三、', '四、', '五、']);
  assert.deepEqual(ds.map((d) => d.fix!.edits.map((e) => e.newText).join()), ['（一）', '（二）', '（三）', '（四）', '（五）']);
  assert.ok(ds.every((d) => d.fix!.changesFigure === false), 'renumbering changes no figure');
  // A table without outer pipes whose header names the sub-items: its cells are not sub-items; the line after the table is.
  assert.deepEqual(subItems(HEAD + '一、主动公开 | 二、依申请公开\n--- | ---\n856 | 25\n\n三、政府信息管理\n\n' + REST), ['三、']);
});

test('section-numbering: a draft of 一、总体情况 alone, no table, a sub-item being typed at the very end', () => {
  // Found by npm run mutate (section-numbering.ts overviewItems: the last line without a line break; a report without tables).
  assert.deepEqual(subItems(HEAD + '一、组织领导\n\n加强领导。\n\n二、'), ['一、', '二、']);
});
