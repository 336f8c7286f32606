// The source map of a PDF import: each Markdown line and each table cell
// knows its page, and a cell its table, row and column on the PDF's grid.
// arith.wps.pdf: table 2 on page 1 (grid rows: title, header, 规章, …), table
// 3 from page 2 (three header rows, then 一、 二、 and the result rows; three
// label columns before 自然人).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { importReport } from '../../../../server/src/host/published/index.ts';

const FILE = new URL('../../../fixtures/pdf/arith.wps.pdf', import.meta.url);

describe('PDF source map', async () => {
  const r = await importReport(readFileSync(FILE), { fileName: 'arith.wps.pdf' });
  const lines = r.markdown.split('\n');
  const lineOf = (start: string) => lines.findIndex((l) => l.startsWith(start)) + 1;

  it('gives every heading and paragraph its page', () => {
    const map = new Map(r.sourceMap!.lines.map((l) => [l.line, l.src]));
    assert.deepEqual(map.get(lineOf('# ')), { page: 1 });
    assert.deepEqual(map.get(lineOf('## 三、')), { page: 1 });
    assert.deepEqual(map.get(lineOf('## 四、')), { page: 3 });
  });

  it('gives each cell of a leaf row its page, table, row and column', () => {
    const line = lineOf('| 4.保护第三方合法权益 |');
    const cells = r.sourceMap!.cells.filter((c) => c.line === line).map((c) => [c.cell, c.src]);
    assert.deepEqual(cells[0], [0, { page: 2, table: 1, row: 10, col: 2 }]);
    assert.deepEqual(cells[1], [1, { page: 2, table: 1, row: 10, col: 3 }]);
    assert.deepEqual(cells[7], [7, { page: 2, table: 1, row: 10, col: 9 }]);
  });

  it('maps table 2 and table 4 rows too, and leaves the delimiter rows unmapped', () => {
    const line = lineOf('| 行政许可 |');
    assert.deepEqual(r.sourceMap!.cells.find((c) => c.line === line && c.cell === 1)?.src, { page: 1, table: 0, row: 6, col: 1 });
    const t4 = lineOf('| 1 | 0 | 1 | 1 | 3 |');
    assert.deepEqual(r.sourceMap!.cells.find((c) => c.line === t4 && c.cell === 14)?.src, { page: 3, table: 2, row: 3, col: 14 });
    const delimiters = lines.map((l, i) => (/^\|(-{3}|---:?)\|/.test(l) ? i + 1 : 0)).filter(Boolean);
    for (const d of delimiters) assert.equal(r.sourceMap!.lines.some((l) => l.line === d), false);
  });

  it('is absent for sources without positions', async () => {
    const t = await importReport('某局2021年政府信息公开工作年度报告\n一、总体情况\n正文。\n', {});
    assert.equal(t.sourceMap, undefined);
  });
});
