// The five seeds imported from their original copied text. Nothing lost,
// nothing invented: per table, the figures of the source are exactly the
// figures in the imported table plus those reported as not placed; per row,
// the figures equal those of the hand-made Markdown of the seed (a cell-by-cell
// transcription of the same source); the result reads with no table-shape
// error and in the format the hand-made fixture names.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { looksLikeValue } from '../../../server/src/engine/parse/numbers.ts';
import { importReport, type ImportResult } from '../../../server/src/host/published/index.ts';
import { isSectionHeading } from '../../../server/src/engine/import/build.ts';

const RAW = new URL('../../fixtures/seeds-raw/', import.meta.url);
const HAND = new URL('../../fixtures/seeds/', import.meta.url);
const seeds = readdirSync(RAW).filter((f) => f.endsWith('.txt')).sort();

const PART_OF_SECTION: Record<string, string> = { proactive: 't2', requests: 't3', review: 't4' };

/** A figure as the source wrote it: a cell (line, tab or `|` separated) that reads as a number. */
function isFigure(cell: string): boolean {
  const t = cell.trim();
  return /\d/.test(t) && looksLikeValue(t);
}

/** The source's figures per table part, by section: every cell between the part's section heading and the next heading. */
function sourceFigures(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = { t2: [], t3: [], t4: [] };
  let part: string | undefined;
  const template = analyze('').report.template;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const t = line.trim();
    if (isSectionHeading(t)) {
      const s = template.sections.find((d) => t.includes(d.title) || d.variants?.some((v) => t.includes(v)));
      part = s ? PART_OF_SECTION[s.id] : undefined;
      continue;
    }
    if (!part) continue;
    for (const cell of t.split(/[\t|]/)) if (isFigure(cell)) out[part].push(cell.trim().replace(/\s+/g, ''));
  }
  return out;
}

/** The imported report's figures per part: its table cells plus what it reported as not placed. */
function importedFigures(r: ImportResult): Record<string, string[]> {
  const a = analyze(r.markdown);
  const out: Record<string, string[]> = { t2: [], t3: [], t4: [] };
  for (const t of a.report.tables) for (const row of t.rows) for (const v of row.values) if (isFigure(v.text)) out[t.def.part].push(v.text.replace(/\s+/g, ''));
  for (const u of r.account.unplaced) for (const x of u.text.split(/[\s／]+/)) if (isFigure(x)) out[u.part].push(x);
  return out;
}

/** Figures per row, keyed by table and row of the format (rows the engine maps in that report). */
function rowFigures(markdown: string): Map<string, string[]> {
  const a = analyze(markdown);
  const rows = new Map<string, string[]>();
  for (const t of a.report.tables) {
    for (const r of t.rows) {
      if (!r.row || r.duplicate) continue;
      rows.set(`${t.def.id}/${r.row.id}`, r.values.map((v) => v.text.trim()).filter(isFigure));
    }
  }
  return rows;
}

const sorted = (xs: string[]) => [...xs].sort();

describe('import of the five seeds from their copied text', () => {
  for (const seed of seeds) {
    const id = seed.slice(0, 3);
    describe(`seed ${id}`, async () => {
      const raw = readFileSync(new URL(seed, RAW));
      const result = await importReport(raw, { fileName: seed });
      const hand = readFileSync(new URL(`${id}.md`, HAND), 'utf8');
      const expected = JSON.parse(readFileSync(new URL(`${id}.expected.json`, HAND), 'utf8')) as { template: string };
      const analysis = analyze(result.markdown);

      it('is a report in the format of the hand-made fixture', () => {
        assert.equal(analysis.isReport, true);
        assert.equal(result.account.template, expected.template);
        assert.equal(analysis.report.template.id, expected.template);
        assert.equal(analysis.failures.length, 0);
      });

      it('holds every figure of the source, per table, placed or reported, none invented', () => {
        const src = sourceFigures(raw.toString('utf8'));
        const got = importedFigures(result);
        for (const part of ['t2', 't3', 't4']) assert.deepEqual(sorted(got[part]), sorted(src[part]), `table ${part}`);
      });

      it('holds per row the figures of the hand-made transcription of the seed', () => {
        const mine = rowFigures(result.markdown);
        const theirs = rowFigures(hand);
        let compared = 0;
        for (const [key, figures] of theirs) {
          if (!mine.has(key)) continue;
          assert.deepEqual(sorted(mine.get(key)!), sorted(figures), key);
          compared++;
        }
        assert.ok(compared >= 20, `compared ${compared} rows`);
        // A row of the hand-made file missing from the import is one whose figures the import reported as not placed.
        const missing = [...theirs.keys()].filter((k) => !mine.has(k));
        if (missing.length) assert.ok(result.account.unplaced.length > 0, `rows missing without an account: ${missing.join(', ')}`);
      });

      it('reads with no table-shape error', () => {
        const shape = analysis.diagnostics.filter((d) => d.ruleId === 'table-shape');
        assert.deepEqual(shape.map((d) => d.message.zh), []);
      });

      it('keeps the tables in the project layout: one label column, a full row of cells', () => {
        for (const t of analysis.report.rawTables) {
          const widths = new Set(t.rows.map((r) => r.cells.length));
          assert.equal(widths.size, 1, 'every row of a table has the same number of cells');
        }
        assert.equal(analysis.report.rawTables.length, 3);
      });

      it('accounts for every value cell', () => {
        const a = result.account;
        const cells = analysis.report.tables.reduce((n, t) => n + t.rows.filter((r) => r.row && !r.row.group).reduce((m, r) => m + r.values.length, 0), 0);
        const unknown = analysis.report.tables.reduce((n, t) => n + t.rows.filter((r) => !r.row && r.values.some((v) => v.text)).reduce((m, r) => m + r.values.length, 0), 0);
        assert.equal(a.cellsPlaced + a.cellsEmpty, cells + unknown);
      });
    });
  }

  it('seed 000: the title and date line kept, the page furniture dropped, short rows left-aligned and reported', async () => {
    const r = await importReport(readFileSync(new URL(seeds[0], RAW)), { fileName: seeds[0] });
    assert.match(r.markdown, /^# 市文化广电和旅游局2020年政府信息公开工作年度报告\n\n发布时间: 2021-02-04 17:11 阅读 6973 次\n/);
    for (const chrome of ['字体颜色', '银色', '打印本页', '您的当前位置', '请输入搜索关键字', '更多分享']) assert.ok(!r.markdown.includes(chrome), chrome);
    assert.match(r.markdown, /\n\| 一、本年新收政府信息公开申请数量 \| 0 \| 1 \| 0 \| 3 \| {2}\| {2}\| {2}\|\n/);
    assert.deepEqual(r.account.shortRows.find((s) => s.row.startsWith('一、本年新收')), { part: 't3', row: '一、本年新收政府信息公开申请数量', found: 4, expected: 7 });
    assert.equal(r.account.shortRows.length, 10);
    assert.deepEqual(r.account.unplaced, []);
  });

  it('seed 002: the title split over two lines joined, a provincial row kept with its figures', async () => {
    const r = await importReport(readFileSync(new URL(seeds[2], RAW)), { fileName: seeds[2] });
    assert.match(r.markdown, /^# 忻州市文化和旅游局 2020年度政府信息公开年度报告\n/);
    assert.match(r.markdown, /\n## 1、 总体情况\n/);
    assert.equal(r.account.unknownRows.length, 1);
    assert.match(r.markdown, /\| 其他主动公开文件（[^|]*） \| 19 \| 19 \| 19 \|/);
    assert.match(r.markdown, /\n {0}忻州市文化和旅游局\n\n2021年1月27日\n$/);
  });

  it('seed 003: the table cut by a page break joined, the row that fell out of the table put back', async () => {
    const r = await importReport(readFileSync(new URL(seeds[3], RAW)), { fileName: seeds[3] });
    assert.match(r.markdown, /\| 政府集中采购 \| 0 \| 0 \| {2}\|/);
    const a = analyze(r.markdown);
    assert.equal(a.report.tables.find((t) => t.def.id === 't3')!.rows.filter((x) => x.row && !x.row.group).length, 23);
    assert.equal(a.diagnostics.filter((d) => d.ruleId === 'table-row-missing').length, 0);
  });

  it('seed 004: the two rows whose labels were lost are not guessed; their figures are kept after the table', async () => {
    const r = await importReport(readFileSync(new URL(seeds[4], RAW)), { fileName: seeds[4] });
    assert.equal(r.account.unplaced.length, 1);
    const u = r.account.unplaced[0];
    assert.equal(u.part, 't3');
    assert.equal(u.after, '(三)不予公开');
    assert.equal(u.text, '0 0 0 0 0 0 0 0 ／ 0 0 0 0 0 0 0 0');
    assert.match(r.markdown, /\n> 未能放入表格的内容：（在「\(三\)不予公开」之后）0 0 0 0 0 0 0 0 ／ 0 0 0 0 0 0 0 0——/);
    const a = analyze(r.markdown);
    assert.deepEqual(a.diagnostics.filter((d) => d.ruleId === 'table-row-missing').map((d) => d.message.zh).sort(), ['收到和处理政府信息公开申请情况缺少「1.属于国家秘密」行', '收到和处理政府信息公开申请情况缺少「2.其他法律行政法规禁止公开」行']);
  });
});
