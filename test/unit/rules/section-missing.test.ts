import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { applyEdits } from '../../../server/src/engine/fixes.ts';
import { diagnosticAt, fixed, lineWith, ruleSuite, textAt } from './helpers.ts';

ruleSuite('section-missing');

test('section-missing: points at the next section present and inserts the missing one before it', () => {
  const d = diagnosticAt('section-missing', 'section-missing', lineWith('section-missing', '## 六、其他需要报告的事项'));
  assert.equal(d.message.zh, '缺少「五、存在的主要问题及改进情况」');
  assert.equal(d.message.en, 'Missing section “五、存在的主要问题及改进情况”');
  assert.equal(textAt('section-missing', d), '## 六、其他需要报告的事项');
  assert.equal(d.fix!.changesFigure, false, 'a section without a table changes no figure');
  assert.deepEqual(d.fix!.title, { zh: '插入「五、存在的主要问题及改进情况」', en: 'Insert “五、存在的主要问题及改进情况”' });
  // The inserted heading takes the report's heading style (## here).
  assert.equal(d.fix!.edits[0].newText, '## 五、存在的主要问题及改进情况\n\n（待补充）\n\n');
  const after = analyze(fixed('section-missing', d));
  assert.deepEqual(after.report.sections.map((s) => s.def?.id), ['overview', 'proactive', 'requests', 'review', 'problems', 'other']);
});

test('section-missing: a missing section with a table is inserted with the table (a figure change), in bold style', () => {
  const d = diagnosticAt('section-missing-2019', 'section-missing', lineWith('section-missing-2019', '**五、存在的主要问题及改进情况**'));
  assert.equal(d.message.zh, '缺少「四、政府信息公开行政复议、行政诉讼情况」');
  assert.equal(d.fix!.changesFigure, true);
  assert.deepEqual(d.fix!.title, { zh: '插入「四、政府信息公开行政复议、行政诉讼情况」及其表格', en: 'Insert “四、政府信息公开行政复议、行政诉讼情况” with its table' });
  assert.ok(d.fix!.edits[0].newText.startsWith('**四、政府信息公开行政复议、行政诉讼情况**\n\n| 行政复议 |'));
  const after = analyze(fixed('section-missing-2019', d));
  assert.ok(after.report.tables.some((t) => t.def.id === 't4' && t.rows.length === 1), 'table 4 read from the inserted text');
});

test('section-missing: the last section missing is reported on the title and appended at the end', () => {
  const d = diagnosticAt('section-missing-2019', 'section-missing', 1);
  assert.equal(d.message.zh, '缺少「六、其他需要报告的事项」');
  const text = fixed('section-missing-2019', d);
  assert.ok(text.endsWith('\n\n**六、其他需要报告的事项**\n\n（待补充）\n\n') || text.endsWith('\n**六、其他需要报告的事项**\n\n（待补充）\n\n'));
});

test('section-missing: the inserted section starts its own block, even right after a table', () => {
  const text = [
    '# 某县司法局2022年政府信息公开工作年度报告',
    '',
    '| 第二十条第（一）项 | | | |',
    '| --- | --- | --- | --- |',
    '## 二、主动公开政府信息情况',
    '',
    '（表二）',
    '',
  ].join('\n');
  const d = analyze(text).diagnostics.find((x) => x.ruleId === 'section-missing' && x.message.zh === '缺少「一、总体情况」')!;
  assert.equal(d.fix!.edits[0].newText, '\n## 一、总体情况\n\n（待补充）\n\n', 'a blank line first: a line right after a table would be a table row');
  const after = analyze(applyEdits(text, d.fix!.edits));
  assert.ok(after.report.sections.some((s) => s.def?.id === 'overview'));
});

test('section-missing: with the sections out of order, the fix adds no section-order finding', () => {
  const text = ['# 某县司法局2022年政府信息公开工作年度报告', '', '## 三、收到和处理政府信息公开申请情况', '', '（表三）', '', '## 四、政府信息公开行政复议、行政诉讼情况', '', '（表四）', '',
    '## 五、存在的主要问题及改进情况', '', '无。', '', '## 二、主动公开政府信息情况', '', '（表二）', '', '## 六、其他需要报告的事项', '', '无。', ''].join('\n');
  const before = analyze(text).diagnostics;
  const d = before.find((x) => x.ruleId === 'section-missing')!;
  assert.equal(d.message.zh, '缺少「一、总体情况」');
  assert.equal(textAtRange(text, d.range), '## 三、收到和处理政府信息公开申请情况', 'goes first, not before the misplaced 二');
  const after = analyze(applyEdits(text, d.fix!.edits)).diagnostics;
  assert.deepEqual(after.filter((x) => x.ruleId === 'section-order').map((x) => x.message.zh), before.filter((x) => x.ruleId === 'section-order').map((x) => x.message.zh));
});

function textAtRange(text: string, r: { start: number; end: number }): string {
  return text.slice(r.start, r.end);
}

// Sections 一 to 四 of a short report; the tests below add 五, 六 and code fences.
const HEAD = ['# 某县司法局2022年政府信息公开工作年度报告', '', '## 一、总体情况', '', '无。', '', '## 二、主动公开政府信息情况', '', '（表二）', '',
  '## 三、收到和处理政府信息公开申请情况', '', '（表三）', '', '## 四、政府信息公开行政复议、行政诉讼情况', '', '（表四）', ''];
const FIVE = ['## 五、存在的主要问题及改进情况', '', '无。', ''];
const SIX_TEXT = '## 六、其他需要报告的事项\n\n（待补充。须写明本年度信息处理费的收取情况：收取的金额，或未收取。）\n\n';

/** The one section-missing finding of a text. */
function missing(text: string) {
  const ds = analyze(text).diagnostics.filter((x) => x.ruleId === 'section-missing');
  assert.equal(ds.length, 1, ds.map((x) => x.message.zh).join('; '));
  return ds[0];
}

test('section-missing: no fix where the section would land inside an open code fence (it would not be a heading there)', () => {
  // Found by npm run mutate (section-missing.ts insideFence: fences never seen, never closed, closed by any fence line).
  // 六 goes at the end, and the text ends inside a fence: ``` never closed, ```` not closed by ```, ~~~ not closed by ```.
  for (const tail of [['```', '附件清单'], ['````', '附件', '```', '清单'], ['~~~', '附件', '```', '清单']]) {
    const d = missing([...HEAD, ...FIVE, ...tail, ''].join('\n'));
    assert.equal(d.message.zh, '缺少「六、其他需要报告的事项」', tail.join(' '));
    assert.equal(d.fix, undefined, `no fix after ${tail.join(' ')}`);
  }
});

test('section-missing: a closed code fence before the insertion point, or an open one after it, leaves the fix', () => {
  // Found by npm run mutate (section-missing.ts insideFence: the closing line, the text scanned, its first character).
  const closed = [...HEAD, ...FIVE, '```', '附件清单', '```', ''].join('\n');
  assert.deepEqual(missing(closed).fix?.edits, [{ range: { start: closed.length, end: closed.length }, newText: '\n' + SIX_TEXT }]);
  // The closing line indented, with spaces after it.
  const spaced = [...HEAD, ...FIVE, '```', '附件清单', '  ```  ', ''].join('\n');
  assert.deepEqual(missing(spaced).fix?.edits, [{ range: { start: spaced.length, end: spaced.length }, newText: '\n' + SIX_TEXT }]);
  // CRLF line ends: the closing line is ``` and a carriage return; the inserted lines end in CRLF too.
  const crlf = closed.replace(/\n/g, '\r\n');
  assert.deepEqual(missing(crlf).fix?.edits, [{ range: { start: crlf.length, end: crlf.length }, newText: ('\n' + SIX_TEXT).replace(/\n/g, '\r\n') }]);
  // A fenced block at the very start of the text, closed.
  const first = ['```', '说明', '```', '', ...HEAD, ...FIVE].join('\n');
  assert.deepEqual(missing(first).fix?.edits, [{ range: { start: first.length, end: first.length }, newText: '\n' + SIX_TEXT }]);
  // 五 goes before 六; the fence left open under 六 comes after that point.
  const after = [...HEAD, '## 六、其他需要报告的事项', '', '```', '附件清单', ''].join('\n');
  const six = after.indexOf('## 六');
  assert.deepEqual(missing(after).fix?.edits, [{ range: { start: six, end: six }, newText: '## 五、存在的主要问题及改进情况\n\n（待补充）\n\n' }]);
});

// Sections by numeral, as the short reports above write them.
const SECTION: Record<string, string[]> = {
  一: ['## 一、总体情况', '', '无。', ''], 二: ['## 二、主动公开政府信息情况', '', '（表二）', ''], 三: ['## 三、收到和处理政府信息公开申请情况', '', '（表三）', ''],
  四: ['## 四、政府信息公开行政复议、行政诉讼情况', '', '（表四）', ''], 五: FIVE, 六: ['## 六、其他需要报告的事项', '', '无。', ''],
};
const TITLE = ['# 某县司法局2022年政府信息公开工作年度报告', ''];
const written = (order: string) => [...TITLE, ...[...order].flatMap((n) => SECTION[n])].join('\n');
/** The line of each section-order finding. */
const misplaced = (text: string) => analyze(text).diagnostics.filter((x) => x.ruleId === 'section-order').map((x) => text.slice(x.range.start, x.range.end));

test('section-missing: out of order, the section goes where the fewest sections end up on its wrong side', () => {
  // Found by npm run mutate (section-missing.ts insertBefore: the search for the best place, ties, repeated headings).
  // 五 written between 一 and 二: 四 goes before 六 (only 五 on its wrong side), not before 五 (二 and 三 would be).
  const early = written('一五二三六');
  const d = missing(early);
  assert.equal(d.message.zh, '缺少「四、政府信息公开行政复议、行政诉讼情况」');
  assert.equal(textAtRange(early, d.range), '## 六、其他需要报告的事项');
  assert.equal(d.fix!.edits[0].range.start, early.indexOf('## 六'));
  assert.deepEqual(misplaced(early), ['## 五、存在的主要问题及改进情况']);
  assert.deepEqual(misplaced(applyEdits(early, d.fix!.edits)), ['## 五、存在的主要问题及改进情况']);
  // 五 written between 二 and 三: before 五 or before 六, one section on the wrong side either way; the first
  // such place is taken, so that section-order still reports 三, as before the fix (not 五).
  const tie = written('一二五三六');
  const t = missing(tie);
  assert.equal(t.fix!.edits[0].range.start, tie.indexOf('## 五'));
  assert.deepEqual(misplaced(tie), ['## 三、收到和处理政府信息公开申请情况']);
  assert.deepEqual(misplaced(applyEdits(tie, t.fix!.edits)), ['## 三、收到和处理政府信息公开申请情况']);
  // 一 and 二 written again after 六 (an appendix repeating them) do not count: 五 still goes before 六.
  const repeated = written('一二三四六一二');
  const r = missing(repeated);
  assert.equal(r.message.zh, '缺少「五、存在的主要问题及改进情况」');
  assert.deepEqual(r.fix!.edits, [{ range: { start: repeated.indexOf('## 六'), end: repeated.indexOf('## 六') }, newText: '## 五、存在的主要问题及改进情况\n\n（待补充）\n\n' }]);
});

test('section-missing: a report with a title and no section gets all six, appended in order at the end', () => {
  // Found by npm run mutate (section-missing.ts: the place found when no section is present).
  const text = '# 某县司法局2022年政府信息公开工作年度报告\n\n本局全年依法公开政府信息。\n';
  const a = analyze(text);
  assert.deepEqual(a.failures, []);
  const ds = a.diagnostics.filter((x) => x.ruleId === 'section-missing');
  assert.deepEqual(ds.map((x) => x.message.zh), ['缺少「一、总体情况」', '缺少「二、主动公开政府信息情况」', '缺少「三、收到和处理政府信息公开申请情况」',
    '缺少「四、政府信息公开行政复议、行政诉讼情况」', '缺少「五、存在的主要问题及改进情况」', '缺少「六、其他需要报告的事项」']);
  for (const x of ds) {
    assert.equal(textAtRange(text, x.range), '某县司法局2022年政府信息公开工作年度报告', 'shown on the title');
    assert.deepEqual(x.fix!.edits.map((e) => e.range), [{ start: text.length, end: text.length }]);
  }
  assert.equal(ds[0].fix!.edits[0].newText, '\n一、总体情况\n\n（待补充）\n\n');
});

test('section-missing: without a title the finding is shown on the first line; the inserted text starts a block of its own', () => {
  // Found by npm run mutate (section-missing.ts: the range without a title, the line breaks before the inserted section).
  const two = ['## 一、总体情况', '', '无。', '', '## 二、主动公开政府信息情况', '', '（表二）', ''].join('\n');
  const d = analyze(two).diagnostics.find((x) => x.ruleId === 'section-missing')!;
  assert.equal(d.message.zh, '缺少「三、收到和处理政府信息公开申请情况」');
  assert.deepEqual(d.range, { start: 0, end: '## 一、总体情况'.length }, 'the first line');
  assert.deepEqual(d.fix!.edits[0].range, { start: two.length, end: two.length });
  assert.ok(d.fix!.edits[0].newText.startsWith('\n## 三、收到和处理政府信息公开申请情况\n\n|'), 'one line break: the text ends in one');
  // One line, no line break at the end: the range is the whole text, and two line breaks go first.
  const one = '## 一、总体情况';
  const e = analyze(one).diagnostics.find((x) => x.ruleId === 'section-missing' && x.message.zh === '缺少「五、存在的主要问题及改进情况」')!;
  assert.deepEqual(e.range, { start: 0, end: one.length });
  assert.deepEqual(e.fix!.edits, [{ range: { start: one.length, end: one.length }, newText: '\n\n## 五、存在的主要问题及改进情况\n\n（待补充）\n\n' }]);
  // A text that starts with blank lines and lacks 一: inserted before 二, no line break added (a blank line is there).
  const blank = '\n\n' + [...'二三四五六'].flatMap((n) => SECTION[n]).join('\n');
  const f = missing(blank);
  assert.equal(f.message.zh, '缺少「一、总体情况」');
  assert.deepEqual(f.fix!.edits, [{ range: { start: 2, end: 2 }, newText: '## 一、总体情况\n\n（待补充）\n\n' }]);
});
