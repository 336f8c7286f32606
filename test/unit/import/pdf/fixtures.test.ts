// Every test PDF (test/fixtures/pdf/, made by its generate.ts from the
// Markdown in src/): `import` gives the figures of the source Markdown cell by
// cell, and `check` of the imported report gives the source's findings (rule
// id and the cell or row each points at). Expected values come from the
// fixtures' source Markdown only.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { importReport } from '../../../../server/src/host/published/index.ts';
import { both, cells, findings } from './compare.ts';
import { FULL_BUDGET } from '../../../support/budget.ts';

const DIR = new URL('../../../fixtures/pdf/', import.meta.url);
const all = readdirSync(DIR).filter((f) => f.endsWith('.pdf')).sort();
// The unit suite reads one PDF of each producer and a table split over pages;
// the integration suite reads them all (test/support/budget.ts).
const QUICK = new Set(['arith.lo.pdf', 'seed-001.chromium.pdf', 'seed-002.wps.pdf', 'split.wps.pdf']);
const pdfs = FULL_BUDGET ? all : all.filter((f) => QUICK.has(f));

describe('PDF fixtures import to their source Markdown', () => {
  it('has fixtures from each producer', () => {
    for (const f of QUICK) assert.ok(all.includes(f), `${f} is a fixture`);
    for (const producer of ['wps', 'chromium', 'lo']) assert.ok(pdfs.some((f) => f.endsWith(`.${producer}.pdf`)), producer);
  });
  for (const file of pdfs) {
    const id = file.replace(/\.(wps|chromium|lo)\.pdf$/, '');
    describe(file, async () => {
      const result = await importReport(readFileSync(new URL(file, DIR)), { fileName: file });
      const source = readFileSync(new URL(`src/${id}.md`, DIR), 'utf8');
      const { src, got } = both(source, result.markdown);

      it('is read in the source format', () => {
        assert.equal(got.isReport, true);
        assert.equal(got.report.template.id, src.report.template.id);
      });

      it('has every figure of the source in its cell', () => {
        const want = cells(src);
        const have = cells(got);
        const diff = [...want].filter(([k, v]) => have.get(k) !== v).map(([k, v]) => `${k}: want ${JSON.stringify(v)}, got ${JSON.stringify(have.get(k))}`);
        assert.deepEqual(diff, []);
      });

      it('gives the findings of the source', () => {
        assert.deepEqual(findings(got), findings(src));
      });

      it('places every cell and loses nothing', () => {
        assert.deepEqual(result.account.unplaced, []);
        assert.equal(result.account.title, src.report.title?.text);
      });
    });
  }
});
