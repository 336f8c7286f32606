// The year-over-year comparison in the engine (engine/cross/year-diff.ts),
// which `nianbao diff` prints and the review page lists per report: every
// figure with last year's value, this year's and the change, on reports
// written here with figures chosen by hand; paragraphs kept, changed, added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { diffReports, figureChanges } from '../../../server/src/engine/cross/year-diff.ts';
import { reportMarkdown } from './build.ts';

const report = (s: Parameters<typeof reportMarkdown>[0]) => analyze(reportMarkdown(s)).report;

test('figureChanges: last, this and change per figure; unchanged figures have change 0; labels in either language', () => {
  // 2021: 新收 [20, 5], 结转 [1, 1]; 2022: 新收 [24, 5], 结转 [1, 1], one more 予以公开 (natural person).
  const last = report({ agency: '某市审计局', year: 2021, t3: { new: [20, 5], carried_in: [1, 1], disclosed: [10, 2], partial: [2, 0], other: [1, 0] } });
  const now = report({ agency: '某市审计局', year: 2022, t3: { new: [24, 5], carried_in: [1, 1], disclosed: [14, 2], partial: [2, 0], other: [1, 0] } });
  const figs = figureChanges(last, now);
  const fig = (name: string) => figs.find((f) => f.name === name);
  assert.deepEqual(fig('t3.new.natural_person'), { name: 't3.new.natural_person', label: '表三 一、本年新收「自然人」', last: 20, this: 24, change: 4 });
  // 总计 of 新收: 25 → 29.
  assert.deepEqual([fig('t3.new.total')!.last, fig('t3.new.total')!.this, fig('t3.new.total')!.change], [25, 29, 4]);
  // 予以公开 of natural persons 10 → 14; its carry-over stays (20+1−13 = 8 and 24+1−17 = 8).
  assert.equal(fig('t3.disclosed.natural_person')!.change, 4);
  assert.deepEqual([fig('t3.carry_over.natural_person')!.last, fig('t3.carry_over.natural_person')!.this, fig('t3.carry_over.natural_person')!.change], [8, 8, 0]);
  // Every figure of the 2021 format, once: table 2 has 10, table 3 25 rows × 7, table 4 15.
  assert.equal(figs.length, 10 + 25 * 7 + 15);
  // Exactly the figures above changed: 新收 自然人 and 总计, 予以公开 自然人 and 总计, （七）总计 自然人 and 总计.
  assert.deepEqual(figs.filter((f) => f.change !== 0).map((f) => f.name).sort(), [
    't3.disclosed.natural_person', 't3.disclosed.total', 't3.new.natural_person', 't3.new.total', 't3.results_total.natural_person', 't3.results_total.total']);
  assert.equal(figureChanges(last, now, 'en').find((f) => f.name === 't3.new.natural_person')!.label, 'Table 3 一、本年新收 «自然人»');
});

test('figureChanges: a blank figure is null, a figure written in words is its text; either way the change is null', () => {
  const last = report({ agency: '某市审计局', year: 2021 });
  const plain = reportMarkdown({ agency: '某市审计局', year: 2022 });
  // 一、本年新收: 科研机构 written 待查, 社会公益组织 left blank.
  const text = plain.replace(/^(\| 一、本年新收[^|]*\| 20 \| 5 \| )0 \| 0 \|/m, '$1待查 |  |');
  assert.notEqual(text, plain);
  // blankCells 'each': the blank is a missing figure (by default a table that writes no zero reads its blanks as 0).
  const figs = figureChanges(last, analyze(text, { blankCells: 'each' }).report);
  const f = (name: string) => { const x = figs.find((y) => y.name === name)!; return [x.last, x.this, x.change]; };
  assert.deepEqual(f('t3.new.research'), [0, '待查', null]);
  assert.deepEqual(f('t3.new.public_interest'), [0, null, null]);
  assert.deepEqual(f('t3.new.natural_person'), [20, 20, 0]);
});

test('diffReports: paragraphs kept word for word, changed and added by section; notes on agencies and years', () => {
  const last = report({ agency: '某市审计局', year: 2021, problems: ['一是政务公开工作机制还不够健全，个别科室对公开工作重视不够。', '二是公开内容的深度和广度有待加强。'] });
  const now = report({ agency: '某市审计局', year: 2022, problems: ['一是政务公开工作机制还不够健全，个别科室对公开工作重视不够。', '二是公开内容的深度和广度仍有待进一步加强和完善。', '三是新设了信息公开专栏。'] });
  const d = diffReports(last, now, { last: 'a.md', this: 'b.md' });
  assert.deepEqual([d.last.year, d.this.year, d.this.path], [2021, 2022, 'b.md']);
  assert.deepEqual(d.notes, []);
  const problems = d.sections.find((s) => s.id === 'problems')!;
  assert.deepEqual(problems.counts, { kept: 1, changed: 1, added: 1, removed: 0 });
  assert.deepEqual(d.figures, figureChanges(last, now));
  const other = diffReports(report({ agency: '某市审计局', year: 2019 }), report({ agency: '某市统计局', year: 2022 }), { last: 'a', this: 'b' });
  assert.equal(other.notes.length, 2);
});
