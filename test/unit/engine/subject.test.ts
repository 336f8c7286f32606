// subjectOf names what a finding is about; it now looks cells, rows and sections
// up by binary search instead of scanning them per finding (#17). The scan it
// replaced is kept here, written out, as the oracle, with one change: in a
// compendium each table's rows from every report are merged into one table whose
// range spans them all, so tables overlap, and the scan named the first table
// covering the finding even when the finding sat in another table's cell.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import type { Report } from '../../../server/src/engine/model.ts';
import { subjectOf } from '../../../server/src/engine/subject.ts';
import { root } from '../../support/engine.ts';
import { repositoryMarkdown } from '../../support/markdown-files.ts';

const within = (at: number, r: { start: number; end: number }) => at >= r.start && at <= r.end;

function scanned(report: Report, at: number): string {
  const covering = report.tables.filter((t) => within(at, t.range));
  for (const table of covering) for (const cell of table.cells.values()) if (within(at, cell.ref.range)) return `${table.def.id}.${cell.row.id}.${cell.column.id}`;
  for (const table of covering) for (const row of table.rows) if (within(at, row.raw.range)) return `${table.def.id}.${row.row?.id ?? '?'}`;
  if (covering.length) return covering[0].def.id;
  for (const row of report.strayRows) if (within(at, row.raw.range)) return `${row.table.id}.?`;
  for (let i = report.sections.length - 1; i >= 0; i--) {
    const s = report.sections[i];
    if (at >= s.range.start && at <= s.end) return `section.${s.def?.id ?? '?'}`;
  }
  return 'document';
}

/** Every line start and every finding's start: where subjects are asked for. */
function offsets(text: string, starts: readonly number[]): number[] {
  const out = [0, text.length, ...starts];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i, i + 1, i + 3);
  return out.filter((o) => o <= text.length);
}

test('subjects of seed 000 named by structure: a cell, a table, a section, the document', () => {
  const text = readFileSync(`${root}test/fixtures/seeds/000.md`, 'utf8');
  const { report } = analyze(text);
  // Offsets read off the seed: 2541 is the 1 under 商业企业 in 一、本年新收政府信息公开申请数量 (2019 format).
  assert.equal(text.slice(2541, 2542), '1');
  assert.equal(subjectOf(report, { start: 2541, end: 2542 }), 't3.new.commercial');
  assert.equal(subjectOf(report, { start: 2345, end: 2345 }), 't3');
  assert.equal(subjectOf(report, { start: 200, end: 210 }), 'section.overview');
  assert.equal(subjectOf(report, { start: 4360, end: 4360 }), 'section.other');
  assert.equal(subjectOf(report, { start: 0, end: 0 }), 'document');
});

test('in a compendium, a finding in table 2.8\'s cell is that cell, though the merged table 2.1 spans it too', () => {
  const seeds = ['000', '001', '002', '003', '004'].map((id) => readFileSync(`${root}test/fixtures/seeds/${id}.md`, 'utf8'));
  const { report } = analyze([...seeds, ...seeds].join('\n\n'));
  // Offset 2235 is seed 000's 行政事业性收费 row, 本年增/减 column (the compendium starts with seed 000).
  assert.equal(seeds[0].slice(2220, 2236), '| 行政事业性收费 | 0 | ');
  assert.ok(report.tables.filter((t) => within(2235, t.range)).length > 1, 'tables overlap in a compendium');
  assert.equal(subjectOf(report, { start: 2235, end: 2236 }), 't2.8.fees.change');
});

test('on every fixture and example, and a compendium of the seeds three times, the lookup names what the scan named', () => {
  const seeds = ['000', '001', '002', '003', '004'].map((id) => readFileSync(`${root}test/fixtures/seeds/${id}.md`, 'utf8'));
  const texts = [...repositoryMarkdown().map((p) => readFileSync(p, 'utf8')), [...seeds, ...seeds, ...seeds].join('\n\n')];
  let asked = 0;
  for (const [n, text] of texts.entries()) {
    const { report, diagnostics } = analyze(text);
    for (const at of offsets(text, diagnostics.map((d) => d.range.start))) {
      assert.equal(subjectOf(report, { start: at, end: at }), scanned(report, at), `text ${n} offset ${at}`);
      asked++;
    }
  }
  assert.ok(asked > 20_000, `offsets asked: ${asked}`);
});
