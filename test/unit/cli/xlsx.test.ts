// `nianbao data --format xlsx`: the workbook read back with exceljs holds the
// same figures as the CSV of the same files, every figure as a number, agency
// and year first, header rows frozen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cli } from '../../support/cli.ts';
import { parseCsv } from '../cross/csv.ts';

const INPUTS = ['test/fixtures/review', 'test/fixtures/seeds'];

type Value = ExcelJS.CellValue;

/** The CSV field and the workbook cell hold the same thing: both empty, the same number (a rate to the CSV's 6 places), or the same text. */
function same(csv: string, cell: Value, where: string): void {
  if (csv === '') { assert.ok(cell === null || cell === undefined || cell === '', `${where}: CSV empty, xlsx ${String(cell)}`); return; }
  if (/^-?\d+(\.\d+)?$/.test(csv)) {
    assert.equal(typeof cell, 'number', `${where}: ${csv} is a number in the workbook`);
    assert.ok(Math.abs((cell as number) - Number(csv)) < 5e-7, `${where}: ${csv} vs ${String(cell)}`);
    return;
  }
  // The CSV keeps formula-like text as text with a leading apostrophe; the workbook stores the text itself.
  assert.equal(String(cell), csv.startsWith("'") ? csv.slice(1) : csv, where);
}

test('data --format xlsx: reports sheet and one sheet per table, read back with exceljs, equal the CSV', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-xlsx-'));
  const csvPath = join(dir, 'data.csv');
  const xlsxPath = join(dir, 'data.xlsx');
  assert.equal((await cli(['data', '-o', csvPath, ...INPUTS])).code, 0);
  const r = await cli(['data', '--format', 'xlsx', '-o', xlsxPath, ...INPUTS]);
  assert.equal(r.code, 0, r.stderr);
  const csv = parseCsv(readFileSync(csvPath, 'utf8').slice(1));
  const head = csv[0];
  const body = csv.slice(1);
  assert.equal(body.length, 14, '9 review fixtures and 5 seeds');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['报告', '表二 主动公开', '表三 依申请公开', '表四 复议诉讼']);

  let compared = 0;
  const figureColumns = new Set<string>();
  for (const ws of wb.worksheets) {
    const reports = ws.name === '报告';
    const namesRow = reports ? 2 : 3;
    // Frozen header rows and the agency and year columns; agency and year first.
    const view = ws.views[0] as { state?: string; xSplit?: number; ySplit?: number };
    assert.deepEqual({ state: view.state, xSplit: view.xSplit, ySplit: view.ySplit }, { state: 'frozen', xSplit: 2, ySplit: namesRow }, ws.name);
    assert.deepEqual([ws.getRow(1).getCell(1).value, ws.getRow(1).getCell(2).value], ['机关', '年度']);
    const names = (ws.getRow(namesRow).values as Value[]).slice(1).map(String);
    assert.deepEqual(names.slice(0, 2), ['agency', 'year']);
    assert.equal(ws.rowCount, namesRow + body.length, ws.name);
    // Rows are in the CSV's order: match them by path.
    const pathCol = names.indexOf('path');
    for (let i = 0; i < body.length; i++) {
      const row = ws.getRow(namesRow + 1 + i);
      const csvRow = body[i];
      assert.equal(row.getCell(pathCol + 1).value, csvRow[head.indexOf('path')]);
      names.forEach((name, c) => {
        if (name === 'indicator.notes') return;
        const at = head.indexOf(name);
        assert.ok(at >= 0, `${ws.name}: column ${name} is a CSV column`);
        const cell = row.getCell(c + 1).value;
        // The format's id (2019, 2021) is a name, kept as text.
        if (name === 'template') assert.equal(cell, csvRow[at]);
        else same(csvRow[at], cell, `${ws.name} ${csvRow[head.indexOf('path')]} ${name}`);
        compared++;
        if (!reports && c >= 3) figureColumns.add(name);
      });
    }
  }
  // Every figure column of the CSV is on a table sheet.
  assert.deepEqual(head.filter((h) => /^t\d/.test(h)).sort(), [...figureColumns].sort());
  assert.ok(compared > 2000, `compared ${compared} cells`);
  // A few by hand: seed 000's 采购总金额 2,105.015 万元 and 本年增/减 −4 as numbers; 教育局 2022's 公开率 12/16.
  const t2 = wb.getWorksheet('表二 主动公开')!;
  const t2names = (t2.getRow(3).values as Value[]).slice(1).map(String);
  const s0 = body.findIndex((x) => x[head.indexOf('path')] === 'test/fixtures/seeds/000.md');
  assert.equal(t2.getRow(4 + s0).getCell(t2names.indexOf('t2.9.procurement.amount') + 1).value, 2105.015);
  assert.equal(t2.getRow(4 + s0).getCell(t2names.indexOf('t2.5.other_services.change') + 1).value, -4);
  const rep = wb.getWorksheet('报告')!;
  const rnames = (rep.getRow(2).values as Value[]).slice(1).map(String);
  const edu = body.findIndex((x) => x[head.indexOf('path')] === 'test/fixtures/review/2022/education.md');
  const open = rep.getRow(3 + edu).getCell(rnames.indexOf('indicator.open_rate') + 1);
  assert.equal(open.value, 0.75);
  assert.equal(open.numFmt, '0.0%');
  // 卫生健康委员会 2022: unreliable indicators are said so in the notes column.
  const health = body.findIndex((x) => x[head.indexOf('path')] === 'test/fixtures/review/2022/health.md');
  assert.match(String(rep.getRow(3 + health).getCell(rnames.indexOf('indicator.notes') + 1).value), /公开率：不可靠：表三：4 处勾稽关系不成立/);
});

test('data --format xlsx without -o is refused with a clear message', async () => {
  const r = await cli(['data', '--format', 'xlsx', 'test/fixtures/review']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /xlsx 格式需要用 -o 指定输出文件/);
});
