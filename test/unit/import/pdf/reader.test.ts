// The PDF reader's parts on hand-made input: text tidying, radicals, page
// numbers, ruling lines → grid with merged cells (y-flipped CTM, open ends),
// borderless tables, a vertical label pdf.js read only in part.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageSegs } from '../../../../server/src/host/published/pdf/extract.ts';
import type { PageData, Run, Seg } from '../../../../server/src/host/published/pdf/geometry.ts';
import { findGrids } from '../../../../server/src/host/published/pdf/grid.ts';
import { documentItems } from '../../../../server/src/host/published/pdf/document.ts';
import { isPageNumber } from '../../../../server/src/host/published/pdf/layout.ts';
import { mapRadicals, tidySpaces } from '../../../../server/src/host/published/pdf/glyph-text.ts';

const run = (str: string, x: number, y: number, size = 10, extra: Partial<Run> = {}): Run => ({ str, x, y, w: size * [...str].length * (/^[\x20-\x7e]+$/.test(str) ? 0.5 : 1), h: size, size, vertical: false, order: 0, ...extra });
const h = (y: number, a: number, b: number): Seg => ({ axis: 'h', pos: y, a, b, w: 0.48 });
const v = (x: number, a: number, b: number): Seg => ({ axis: 'v', pos: x, a, b, w: 0.48 });
const page = (runs: Run[], segs: Seg[] = [], n = 1): PageData => ({ page: n, width: 595, height: 842, runs, segs, images: 0 });

describe('text', () => {
  it('takes out spaces between CJK characters and inside split figures, keeps them in dates and between words', () => {
    assert.equal(tidySpaces('总 计'), '总计');
    assert.equal(tidySpaces('商 业 企'), '商业企');
    assert.equal(tidySpaces('202 3年'), '2023年');
    assert.equal(tidySpaces('1 2 5'), '125');
    assert.equal(tidySpaces('2022-01-20 09:30'), '2022-01-20 09:30');
    assert.equal(tidySpaces('Times New Roman'), 'Times New Roman');
    assert.equal(tidySpaces('2020 年'), '2020 年');
  });

  it('maps radicals to the ideographs, never a figure or full-width digit', () => {
    assert.equal(mapRadicals('⼈⺠政府⽹站'), '人民政府网站');
    assert.equal(mapRadicals('⻔⼾⻓⻚'), '门户长页');
    assert.equal(mapRadicals('１２３ 4068.208'), '１２３ 4068.208');
  });

  it('knows page numbers', () => {
    for (const t of ['- 3 -', '— 12 —', '第 2 页 共 5 页', '第2页', '2 / 5', '共5页 第2页']) assert.equal(isPageNumber(t), true, t);
    for (const t of ['3', '一、总体情况', '2021年']) assert.equal(isPageNumber(t), false, t);
  });
});

describe('ruling lines', () => {
  it('maps paths through a y-flipped CTM (WPS: 1 0 0 -1 0 842 cm) and drops clips and white fills', () => {
    const OPS = { save: 10, restore: 11, transform: 12, constructPath: 91, stroke: 20, fill: 22, endPath: 28, setLineWidth: 2, setFillRGBColor: 59, setStrokeRGBColor: 58 } as never;
    const path = (paint: number, ...pts: number[]) => [paint, [new Float32Array([0, pts[0], pts[1], 1, pts[2], pts[3]])], null];
    const ops = {
      fnArray: [12, 2, 91, 91, 59, 91],
      argsArray: [[1, 0, 0, -1, 0, 842], [0.48], path(20, 100, 100, 300, 100), path(28, 100, 50, 300, 50), ['#ffffff'], [22, [new Float32Array([0, 0, 0, 1, 400, 0, 1, 400, 1, 1, 0, 1, 4])], null]],
    };
    const { segs } = pageSegs(ops, OPS, 842, 0);
    assert.equal(segs.length, 1);
    // In user space y = 100 from the flipped origin: 100 pt from the TOP of the page.
    assert.deepEqual({ ...segs[0], w: Math.round(segs[0].w * 100) / 100 }, { axis: 'h', pos: 100, a: 100, b: 300, w: 0.48 });
  });

  it('finds merged cells where a border is missing, and closes a table cut by a page break', () => {
    // Three columns, three rows; the first column's cell spans rows 2–3; no bottom line.
    const segs = [h(100, 50, 350), h(120, 50, 350), h(140, 150, 350), v(50, 100, 160), v(150, 100, 160), v(250, 100, 160), v(350, 100, 160)];
    const [g] = findGrids(segs);
    assert.deepEqual(g.ys, [100, 120, 140, 160]);
    assert.equal(g.cells.length, 8);
    const merged = g.cells[g.cellAt[1][0]];
    assert.deepEqual([merged.r0, merged.r1, merged.c0, merged.c1], [1, 3, 0, 1]);
  });

  it('merges Chromium’s doubled borders (two lines 0.75 pt apart)', () => {
    const segs = [h(100, 50, 250), h(100.75, 50, 250), h(130, 50, 250), v(50, 100, 130), v(150, 100, 130), v(150.75, 100, 130), v(250, 100, 130)];
    const [g] = findGrids(segs);
    assert.equal(g.xs.length, 3);
    assert.equal(g.ys.length, 2);
  });
});

describe('document', () => {
  it('drops page numbers drawn mid-text and joins a paragraph across the page break; the title over two lines is one line', () => {
    const body = (s: string, y: number, x = 74, n = 1) => run(s, x, y, 16, { w: 446 - x + 74 });
    const p1 = page([run('- 1 -', 480, 802, 13), run('某市某局', 250, 120, 22), run('2021年政府信息公开工作年度报告', 130, 150, 22), body('一、总体情况', 200, 106), { ...body('本年度我局认真贯彻落实条例，全年主动公开政府信', 230, 106) }, body('息一千条。', 258, 74)]);
    p1.runs[5].w = 100;
    p1.runs.push(body('二、主动公开政府信息情况', 286, 106), body('本段在第一页结束时到达右边距并且不缩进所以', 760, 106));
    const p2 = page([run('- 2 -', 90, 802, 13), body('接在下一页继续。', 100, 74)], [], 2);
    p2.runs[1].w = 120;
    const { items, dropped } = documentItems([p1, p2]);
    const texts = items.map((i) => (i.kind === 'line' ? i.text : '[table]'));
    assert.deepEqual(dropped, ['- 1 -', '- 2 -']);
    assert.equal(texts[0], '某市某局2021年政府信息公开工作年度报告');
    assert.ok(texts.includes('本年度我局认真贯彻落实条例，全年主动公开政府信息一千条。'), texts.join(' / '));
    assert.ok(texts.includes('本段在第一页结束时到达右边距并且不缩进所以接在下一页继续。'), texts.join(' / '));
  });

  it('completes a vertical group label that pdf.js read only in part, and says so', () => {
    const segs = [h(100, 50, 350), h(120, 50, 350), h(140, 50, 350), v(50, 100, 140), v(100, 100, 140), v(250, 100, 140), v(350, 100, 140)];
    // Only the first row boundary exists beside the label: the label cell spans both rows.
    segs[1] = h(120, 100, 350);
    const runs = [run('三、本', 70, 104, 10, { vertical: true, w: 10, h: 30 }), run('（一）予以公开', 105, 114), run('5', 300, 114, 10), run('（二）部分公开', 105, 134), run('1', 300, 134, 10)];
    const { items, notes } = documentItems([page(runs, segs)]);
    const t = items.find((i) => i.kind === 'cells');
    assert.ok(t && t.kind === 'cells');
    assert.equal(t.grid![0][0], '三、本年度办理结果');
    assert.match(notes[0].zh, /竖排的「三、本」只读出 3 个字.*补全为「三、本年度办理结果」/);
  });

  it('reads a table drawn without borders by its columns; a label wrapped over two lines keeps its figures', () => {
    const l = (s: string, x: number, y: number) => run(s, x, y, 10);
    const runs = [
      l('1.本机关不掌握相关政府', 60, 200), l('2', 300, 207), l('1', 350, 207), l('3', 400, 207), l('信息', 60, 214),
      l('2.没有现成信息需要另行制作', 60, 230), l('0', 300, 230), l('0', 350, 230), l('0', 400, 230),
      l('3.补正后申请内容仍不明确', 60, 250), l('0', 300, 250), l('0', 350, 250), l('0', 400, 250),
    ];
    const { items } = documentItems([page(runs)]);
    const t = items.find((i) => i.kind === 'cells');
    assert.ok(t && t.kind === 'cells', JSON.stringify(items));
    assert.deepEqual(t.grid, [['1.本机关不掌握相关政府\n信息', '2', '1', '3'], ['2.没有现成信息需要另行制作', '0', '0', '0'], ['3.补正后申请内容仍不明确', '0', '0', '0']]);
  });
});
