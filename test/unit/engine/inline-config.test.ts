// <!-- nianbao-disable… --> comments in the report: what they accept, what is
// reported about them (disable-unused, disable-unknown-rule), and their fixes.
// The example report's findings without comments are, by line:
// balance@63 cell-empty@55 section-missing@1 section-title@73 table-row-label@45
// total-results@63 total-review@71 total-row@63 (hand-checked in README's example).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { applyEdits } from '../../../server/src/engine/fixes.ts';
import { parseDirectives } from '../../../server/src/engine/inline-config.ts';
import { findings, fixture, lineOf } from '../../support/engine.ts';

const BASE = fixture('examples/2022-with-mistakes.md');
const ALL = ['balance@63', 'cell-empty@55', 'section-missing@1', 'section-title@73', 'table-row-label@45', 'total-results@63', 'total-review@71', 'total-row@63'];

/** The example with `comment` inserted as its own line before line `line` (1-based); later findings move down a line. */
function insertBefore(text: string, line: number, comment: string): string {
  const lines = text.split('\n');
  lines.splice(line - 1, 0, comment);
  return lines.join('\n');
}

const TABLE3_START = 33; // the header row of table 3
const TABLE3_END = 65; // the blank line after its last row

test('the example without comments has the findings listed above', () => {
  assert.deepEqual(findings(BASE), ALL);
});

test('disable-next-line above a heading accepts that heading\'s finding only', () => {
  const text = insertBefore(BASE, 73, '<!-- nianbao-disable-next-line section-title -->');
  assert.deepEqual(findings(text), ['balance@63', 'cell-empty@55', 'section-missing@1', 'table-row-label@45', 'total-results@63', 'total-review@71', 'total-row@63']);
  const a = analyze(text);
  assert.deepEqual(a.suppressed.map((d) => `${d.ruleId}@${lineOf(text, d.range.start)}`), ['section-title@74']);
});

test('disable ids … enable around table 3 accepts those rules there and nowhere else', () => {
  let text = insertBefore(BASE, TABLE3_END, '<!-- nianbao-enable total-row balance -->');
  text = insertBefore(text, TABLE3_START, '<!-- nianbao-disable total-row, balance -- 两列含跨年件，已在正文说明 -->');
  assert.deepEqual(findings(text), ['cell-empty@56', 'section-missing@1', 'section-title@75', 'table-row-label@46', 'total-results@64', 'total-review@73']);
});

test('a disable without ids accepts every rule until the enable; table 4 after it still reports', () => {
  let text = insertBefore(BASE, TABLE3_END, '<!-- nianbao-enable -->');
  text = insertBefore(text, TABLE3_START, '<!-- nianbao-disable -->');
  assert.deepEqual(findings(text), ['section-missing@1', 'section-title@75', 'total-review@73']);
});

test('a disable without an enable runs to the end; enable of one id re-enables only it', () => {
  let text = insertBefore(BASE, 68, '<!-- nianbao-enable total-review -->');
  text = insertBefore(text, 3, '<!-- nianbao-disable -->');
  // section-missing is at the very start (line 1), before the comment.
  assert.deepEqual(findings(text), ['section-missing@1', 'total-review@73']);
});

test('a disable that covers nothing is reported, and its fix removes the comment line', () => {
  const comment = '<!-- nianbao-disable-next-line total-row -->';
  const text = insertBefore(BASE, 7, comment);
  const a = analyze(text);
  const unused = a.diagnostics.filter((d) => d.ruleId === 'disable-unused');
  assert.equal(unused.length, 1);
  assert.equal(lineOf(text, unused[0].range.start), 7);
  assert.equal(unused[0].severity, 'warning');
  assert.equal(unused[0].message.zh, 'nianbao-disable-next-line 注释中的「total-row」没有屏蔽任何问题：下一行没有这条规则的问题，可以删除');
  assert.equal(unused[0].fix?.changesFigure, false);
  assert.equal(applyEdits(text, unused[0].fix!.edits), BASE);
  // The real total-row finding is untouched.
  assert.ok(a.diagnostics.some((d) => d.ruleId === 'total-row'));
});

test('a comment with a used and an unused id: only the unused one is reported, the fix keeps the used one and the reason', () => {
  const text = insertBefore(BASE, 73, '<!-- nianbao-disable-next-line section-title total-row -- 沿用本地标题 -->');
  const unused = analyze(text).diagnostics.filter((d) => d.ruleId === 'disable-unused');
  assert.equal(unused.length, 1);
  assert.match(unused[0].message.zh, /「total-row」没有屏蔽任何问题/);
  const fixed = applyEdits(text, unused[0].fix!.edits);
  assert.equal(fixed, insertBefore(BASE, 73, '<!-- nianbao-disable-next-line section-title -- 沿用本地标题 -->'));
  assert.deepEqual(analyze(fixed).diagnostics.filter((d) => d.ruleId.startsWith('disable-')), []);
});

test('an enable that closes no disable is reported', () => {
  const text = insertBefore(BASE, 7, '<!-- nianbao-enable -->');
  const unused = analyze(text).diagnostics.filter((d) => d.ruleId === 'disable-unused');
  assert.deepEqual(unused.map((d) => d.message.zh), ['nianbao-enable 注释没有可结束的 nianbao-disable，可以删除']);
});

test('what disable-unused says, and its fix\'s title, for each kind of unused comment', () => {
  // Found by npm run mutate (disable-unused.ts: the message and the fix title of each case, in both languages).
  const unused = (line: number, comment: string) => {
    const text = insertBefore(BASE, line, comment);
    return analyze(text).diagnostics.filter((d) => d.ruleId === 'disable-unused').map((d) => ({ zh: d.message.zh, en: d.message.en, fix: d.fix!.title.en, fixZh: d.fix!.title.zh, removed: applyEdits(text, d.fix!.edits) === BASE }));
  };
  assert.deepEqual(unused(7, '<!-- nianbao-disable-next-line -->'), [{
    zh: 'nianbao-disable-next-line 注释没有屏蔽任何问题：下一行没有问题，可以删除',
    en: 'This nianbao-disable-next-line comment suppresses nothing: the next line has no finding. It can be removed',
    fix: 'Remove this comment', fixZh: '删除此注释', removed: true,
  }]);
  assert.deepEqual(unused(7, '<!-- nianbao-disable fee-statement -->'), [{
    zh: 'nianbao-disable 注释中的「fee-statement」没有屏蔽任何问题：此注释之后没有这条规则的问题，可以删除',
    en: '“fee-statement” in this nianbao-disable comment suppresses nothing: after it there is no such finding. It can be removed',
    fix: 'Remove this comment', fixZh: '删除此注释', removed: true,
  }]);
  assert.deepEqual(unused(7, '<!-- nianbao-enable total-row -->'), [{
    zh: 'nianbao-enable 注释没有可结束的 nianbao-disable（「total-row」此前未被关闭），可以删除',
    en: 'This nianbao-enable comment ends no nianbao-disable (“total-row” not disabled before it): it can be removed',
    fix: 'Remove this comment', fixZh: '删除此注释', removed: true,
  }]);
  assert.deepEqual(unused(7, '<!-- nianbao-enable -->'), [{
    zh: 'nianbao-enable 注释没有可结束的 nianbao-disable，可以删除',
    en: 'This nianbao-enable comment ends no nianbao-disable: it can be removed',
    fix: 'Remove this comment', fixZh: '删除此注释', removed: true,
  }]);
  assert.deepEqual(unused(73, '<!-- nianbao-disable-next-line section-title total-row -- 沿用本地标题 -->').map((u) => [u.fixZh, u.fix, u.en]), [[
    '从注释中删除「total-row」', 'Remove “total-row” from the comment',
    '“total-row” in this nianbao-disable-next-line comment suppresses nothing: the next line has no such finding. It can be removed',
  ]]);
});

test('an unknown id is reported at the id with the nearest rule, and not also as unused', () => {
  const text = insertBefore(BASE, 73, '<!-- nianbao-disable-next-line section-titel -->');
  const a = analyze(text);
  const about = a.diagnostics.filter((d) => d.ruleId.startsWith('disable-'));
  assert.equal(about.length, 1);
  assert.equal(about[0].ruleId, 'disable-unknown-rule');
  assert.equal(text.slice(about[0].range.start, about[0].range.end), 'section-titel');
  assert.equal(about[0].message.zh, 'nianbao-disable-next-line 注释中的「section-titel」不是规则 id，是否为「section-title」？');
  assert.equal(about[0].fix, undefined, 'no fix: a corrected id would start hiding findings');
  // Nothing accepted: section-title still reported.
  assert.ok(a.diagnostics.some((d) => d.ruleId === 'section-title'));
  const far = analyze(insertBefore(BASE, 73, '<!-- nianbao-disable-next-line 合计 -->')).diagnostics.find((d) => d.ruleId === 'disable-unknown-rule');
  assert.equal(far?.message.zh, 'nianbao-disable-next-line 注释中的「合计」不是规则 id（规则列表见 docs/rules/）');
});

test('comments about comments are not accepted by a comment', () => {
  let text = insertBefore(BASE, 7, '<!-- nianbao-disable-next-line total-row -->');
  text = insertBefore(text, 3, '<!-- nianbao-disable -->');
  const ids = analyze(text).diagnostics.map((d) => d.ruleId);
  assert.deepEqual(ids, ['section-missing', 'disable-unused']);
});

test('a rule that could not judge (off, or no previous-year report) does not make its disable unused', () => {
  const off = insertBefore(BASE, 7, '<!-- nianbao-disable-next-line fee-statement -->');
  assert.deepEqual(analyze(off, { rules: { 'fee-statement': 'off' } }).diagnostics.filter((d) => d.ruleId === 'disable-unused'), []);
  const carry = insertBefore(BASE, TABLE3_START, '<!-- nianbao-disable-next-line carryover -->');
  assert.deepEqual(analyze(carry).diagnostics.filter((d) => d.ruleId === 'disable-unused'), []);
  // With the rules on and judged, the same comments are unused.
  assert.equal(analyze(off).diagnostics.filter((d) => d.ruleId === 'disable-unused').length, 1);
});

test('the rules about comments follow the configuration', () => {
  const text = insertBefore(insertBefore(BASE, 7, '<!-- nianbao-enable -->'), 7, '<!-- nianbao-disable-next-line nosuch -->');
  assert.deepEqual(analyze(text, { rules: { 'disable-unused': 'off', 'disable-unknown-rule': 'error' } }).diagnostics.filter((d) => d.ruleId.startsWith('disable-')).map((d) => `${d.ruleId}:${d.severity}`), ['disable-unknown-rule:error']);
});

test('comments inside fenced code are examples, not directives', () => {
  const text = insertBefore(BASE, 7, '```markdown\n<!-- nianbao-disable -->\n```');
  assert.deepEqual(findings(text).length, ALL.length);
  assert.deepEqual(parseDirectives(text), []);
});

test('parsing: ids by spaces or commas, a reason after --, directives only at the start of a comment', () => {
  const d = parseDirectives('<!--nianbao-disable total-row,balance  cell-empty -- 原因 -- 更多 -->\n<!-- 说明 nianbao-disable total-row -->\n<!-- nianbao-disabled x -->');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].ids.map((x) => x.id), ['total-row', 'balance', 'cell-empty']);
  assert.equal(d[0].reason, '原因 -- 更多');
  assert.equal(d[0].kind, 'disable');
});

test('the rule pages\' examples: the bad one produces the finding, the good one does not', () => {
  for (const id of ['disable-unused', 'disable-unknown-rule']) {
    const page = fixture(`docs/rules/${id}.md`);
    const example = (heading: string) => {
      const body = page.slice(page.indexOf(heading));
      return /```markdown\n([\s\S]*?)```/.exec(body)![1];
    };
    const bad = analyze(example('## 错误示例')).diagnostics.map((d) => d.ruleId);
    const good = analyze(example('## 正确示例'));
    assert.ok(bad.includes(id), `${id}: the bad example produces it`);
    assert.ok(!good.diagnostics.some((d) => d.ruleId.startsWith('disable-')), `${id}: the good example produces no finding about comments`);
    assert.equal(good.suppressed.length, 1, `${id}: the good example's comment accepts one finding`);
  }
});

test('disable-next-line covers the next line that is not blank (an import puts blocks a blank line apart)', () => {
  const text = insertBefore(BASE, 72, '<!-- nianbao-disable-next-line section-title -->');
  // The comment at line 72, then the blank line 73, then the heading at 74.
  assert.equal(text.split('\n')[72], '');
  assert.deepEqual(findings(text).filter((f) => f.startsWith('section-title') || f.startsWith('disable-')), []);
});
