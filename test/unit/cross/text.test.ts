// The readers under the cross rules: numerals, dates, figures, statements,
// paragraphs, a report's identity from its first lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { identify } from '../../../server/src/engine/cross/identity.ts';
import { statements } from '../../../server/src/engine/cross/statements.ts';
import { chineseNumber, dates, figures, fold, paragraphs, sectionAt } from '../../../server/src/engine/cross/prose.ts';
import { root } from '../../support/engine.ts';

test('Chinese numerals', () => {
  const cases: [string, number | undefined][] = [['三', 3], ['十', 10], ['十二', 12], ['二十五', 25], ['一百零五', 105], ['二百', 200], ['一千二百三十', 1230], ['两', 2], ['二〇二一', 2021], ['万', undefined], ['百', undefined]];
  for (const [s, n] of cases) assert.equal(chineseNumber(s), n, s);
});

test('fold keeps offsets', () => {
  const s = '收到申请２５８件，　共计';
  assert.equal(fold(s).length, s.length);
  assert.equal(fold(s), '收到申请258件, 共计');
});

test('figures: counts with units, not days, dates, ordinals or estimates', () => {
  const f = (s: string) => figures(s).map((x) => [x.value, x.approximate]);
  assert.deepEqual(f('收到申请258件'), [[258, false]]);
  assert.deepEqual(f('予以公开十二件次'), [[12, false]]);
  assert.deepEqual(f('15个工作日内答复'), []);
  assert.deepEqual(f('2020年12月'), []);
  assert.deepEqual(f('第三项'), []);
  assert.deepEqual(f('290余件'), []);
  assert.deepEqual(f('约30件'), [[30, true]]);
  assert.deepEqual(f('1,024条'), [[1024, false]]);
});

test('dates in their written forms', () => {
  const d = (s: string) => dates(s).map((x) => [x.year, x.month, x.day]);
  assert.deepEqual(d('发布时间: 2021-02-04 17:11'), [[2021, 2, 4]]);
  assert.deepEqual(d('2021年1月27日'), [[2021, 1, 27]]);
  assert.deepEqual(d('2021/1/5 和 2021.01.06'), [[2021, 1, 5], [2021, 1, 6]]);
  assert.deepEqual(d('二〇二二年一月三十日'), [[2022, 1, 30]]);
  assert.deepEqual(d('2021年13月1日'), []);
});

test('statements: what was read, on which bases', () => {
  const st = (s: string, year = 2021) => statements({ text: s, start: 0, end: s.length }, year).map((x) => `${x.metric}${x.applicant ? '/' + x.applicant.zh : ''}=${x.value}:${x.bases.map((b) => b.rows.join('+')).join('|')}`);
  assert.deepEqual(st('全年共收到政府信息公开申请25件，上年结转2件，结转下年度继续办理5件。'), ['received=25:new|new+carried_in', 'carried_in=2:carried_in', 'carry_over=5:carry_over']);
  assert.deepEqual(st('全年受理政府信息公开申请27件（含上年结转2件）。'), ['accepted=27:new+carried_in', 'carried_in=2:carried_in']);
  assert.deepEqual(st('新收申请25件，其中自然人申请20件。'), ['new=25:new', 'new/自然人=20:new']);
  assert.deepEqual(st('行政复议和行政诉讼各1件。'), ['litigation=1:counts', 'review=1:counts']);
  assert.deepEqual(st('行政复议和行政诉讼共3件。'), []);
  assert.deepEqual(st('全年收到市长信箱来信163件。'), []);
  assert.deepEqual(st('2020年收到申请10件。'), []);
  assert.deepEqual(st('全年无因政府信息公开引起的行政复议。'), ['review=0:counts']);
  assert.deepEqual(st('对无法提供的，告知申请人可依法申请行政复议或提起行政诉讼。'), []);
  assert.deepEqual(st('没有现成信息需要另行制作的，申请人可以申请行政复议。'), []);
  // A negated keyword counts what it is not: 未受理 3 is no 受理 3, nor 尚未办结 5 a 办结 5; the applicants after it neither.
  assert.deepEqual(st('全年受理政府信息公开申请25件，未受理申请3件。'), ['accepted=25:new|new+carried_in']);
  assert.deepEqual(st('不予受理政府信息公开申请2件。'), []);
  assert.deepEqual(st('依申请公开方面，办结22件，尚未办结5件，未予答复的申请1件。'), ['completed=22:results_total|new|new+carried_in']);
  assert.deepEqual(st('未受理申请3件，其中自然人申请2件。'), []);
  assert.deepEqual(st('全年受理申请25件，没有办结的申请0件，未处理申请2件。'), ['accepted=25:new|new+carried_in']);
  // The applicant right before the keyword: that applicant's figure; two applicants joined before it: not read.
  assert.deepEqual(st('法人或其他组织新收申请6件。'), ['new/法人或其他组织=6:new']);
  assert.deepEqual(st('全年新收申请25件，其中法人或其他组织新收申请6件。'), ['new=25:new', 'new/法人或其他组织=6:new']);
  assert.deepEqual(st('自然人共收到申请20件。'), ['received/自然人=20:new|new+carried_in']);
  assert.deepEqual(st('自然人和法人或其他组织新收申请26件。'), []);
});

test('statements: an applicant with a count of table 4, after it or before it, is not read (table 4 has no applicant columns)', () => {
  // Found by npm run mutate (statements.ts: 其中自然人… is a part of the statement before it only when that one is read in table 3).
  const st = (s: string) => statements({ text: s, start: 0, end: s.length }, 2021).map((x) => `${x.metric}${x.applicant ? '/' + x.applicant.zh : ''}=${x.value}`);
  assert.deepEqual(st('全年被申请行政复议3件，其中自然人申请2件。'), ['review=3']);
  assert.deepEqual(st('全年新收申请25件，被申请行政复议3件，其中自然人申请2件。'), ['new=25', 'review=3']);
  // An applicant right before a keyword of table 4 (法人或其他组织提出行政复议1件) leaves the figure unread.
  assert.deepEqual(st('法人或其他组织提出行政复议1件。'), []);
});

test('statements: a paragraph is read for the year of the report it is in (last year\'s paragraph copied into this year\'s report)', () => {
  // Found by npm run mutate (statements.ts: readings are kept by paragraph text and report year; kept by text alone, the
  // 2020 report's reading of the paragraph was given to the 2021 report, and the other way round).
  const text = '2020年，本机关收到政府信息公开申请31件。';
  const st = (year: number) => statements({ text, start: 0, end: text.length }, year).map((x) => `${x.metric}=${x.value}`);
  assert.deepEqual(st(2020), ['received=31']);
  assert.deepEqual(st(2021), []);
  assert.deepEqual(st(2020), ['received=31']);
});

test('paragraphs leave out tables, headings and the title, and know their section', () => {
  const text = readFileSync(`${root}test/fixtures/seeds/001.md`, 'utf8');
  const ps = paragraphs(analyze(text).report);
  assert.ok(ps.every((p) => !p.text.includes('|')));
  assert.ok(!ps.some((p) => p.text.includes('2021年政府信息公开工作年度报告')));
  const fee = ps.find((p) => p.text === '未收取信息处理费。');
  assert.equal(fee?.section, 'other');
  assert.equal(ps.find((p) => p.text.startsWith('2021年,我局全年收到依申请公开件'))?.section, 'overview');
});

test('a compendium of the five seeds, twice: every paragraph\'s section is the one sectionAt finds (the sweep that replaced a scan per paragraph), and none is a table row or a section heading', () => {
  const seeds = ['000', '001', '002', '003', '004'].map((id) => readFileSync(`${root}test/fixtures/seeds/${id}.md`, 'utf8'));
  const text = [...seeds, ...seeds].join('\n\n');
  const report = analyze(text).report;
  const ps = paragraphs(report);
  assert.ok(report.sections.length >= 50, `sections: ${report.sections.length}`);
  assert.ok(ps.length > 100, `paragraphs: ${ps.length}`);
  for (const p of ps) assert.equal(p.section, sectionAt(report, p.start), p.text.slice(0, 40));
  assert.ok(ps.some((p) => p.section === 'overview') && ps.some((p) => p.section === 'problems'));
  assert.ok(ps.every((p) => !p.text.startsWith('|')));
  const headings = new Set(report.sections.map((s) => s.range.start));
  assert.ok(ps.every((p) => !headings.has(p.start)));
});

test('identify: the parser\'s title, agency and year from the first lines', () => {
  for (const id of ['000', '001', '002', '003', '004']) {
    const text = readFileSync(`${root}test/fixtures/seeds/${id}.md`, 'utf8');
    const r = analyze(text).report;
    const i = identify(text);
    assert.equal(i.agency, r.agency, id);
    assert.equal(i.year, r.year, id);
  }
});
