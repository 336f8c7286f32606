// Web pages: rowspan/colspan spread into a regular grid, page furniture
// dropped, the official tables read into the project layout.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { cellKey } from '../../../server/src/engine/model.ts';
import { importHtml, tableGrid } from '../../../server/src/host/published/html.ts';
import { importReport } from '../../../server/src/host/published/index.ts';

const FIXTURE = new URL('../../fixtures/import/official-2021.html', import.meta.url);

function firstTable(html: string): Element {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  return tree.children.find((n): n is Element => n.type === 'element' && n.tagName === 'table')!;
}

describe('HTML tables on a grid', () => {
  it('spreads rowspan and colspan; a merged cell keeps its text in its first cell, the cells it covers are empty', () => {
    const grid = tableGrid(firstTable('<table><tr><td rowspan="2" colspan="2">A</td><td>B</td></tr><tr><td>C</td></tr><tr><td>D</td><td colspan="2">E</td></tr></table>'));
    assert.deepEqual(grid, [['A', '', 'B'], ['', '', 'C'], ['D', 'E', '']]);
  });

  it('keeps line breaks inside a cell as line breaks of that cell', () => {
    const grid = tableGrid(firstTable('<table><tr><td><p>本年新</p><p>制作数量</p></td><td>1<br>2</td></tr></table>'));
    assert.deepEqual(grid, [['本年新\n制作数量', '1\n2']]);
  });

  it('caps absurd spans instead of building a huge grid', () => {
    const grid = tableGrid(firstTable('<table><tr><td colspan="100000" rowspan="100000">x</td></tr><tr><td>y</td></tr></table>'));
    assert.ok(grid[0].length <= 201);
    assert.equal(grid.length, 2);
  });
});

describe('import of an official-format web page (test/fixtures/import/official-2021.html)', async () => {
  const r = await importReport(readFileSync(FIXTURE), { fileName: 'official-2021.html' });
  const a = analyze(r.markdown);

  it('reads as a 2021-format report with no table-shape error (indeed no problem at all)', () => {
    assert.equal(a.isReport, true);
    assert.equal(a.report.template.id, '2021');
    assert.deepEqual(a.diagnostics.filter((d) => d.ruleId === 'table-shape'), []);
    assert.deepEqual(a.diagnostics.map((d) => `${d.ruleId}: ${d.message.zh}`), []);
  });

  it('puts every figure in the cell it had in the page', () => {
    const t3 = a.report.tables.find((t) => t.def.id === 't3')!;
    const row = (id: string) => t3.def.columns.map((c) => t3.cells.get(cellKey(id, c.id))?.ref.text);
    assert.deepEqual(row('new'), ['10', '2', '0', '1', '1', '0', '14']);
    assert.deepEqual(row('withheld.third_party'), ['1', '0', '0', '0', '0', '0', '1']);
    assert.deepEqual(row('unavailable.not_held'), ['2', '1', '0', '0', '0', '0', '3']);
    assert.deepEqual(row('carry_over'), ['1', '0', '0', '1', '0', '0', '2']);
    const t4 = a.report.tables.find((t) => t.def.id === 't4')!;
    assert.deepEqual(t4.def.columns.map((c) => t4.cells.get(cellKey('counts', c.id))?.ref.text).join(' '), '1 0 1 1 3 0 1 0 0 1 0 0 0 1 1');
    const fees = a.report.tables.find((t) => t.def.id === 't2.8')!;
    assert.equal(fees.cells.get(cellKey('fees', 'amount'))?.ref.text, '4068.208');
    assert.equal(r.account.cellsPlaced, 200);
    assert.equal(r.account.cellsEmpty, 0);
    assert.deepEqual(r.account.unplaced, []);
  });

  it('keeps title, date line and narrative word for word; drops navigation, scripts, styles, print/share links and font pickers', () => {
    assert.match(r.markdown, /^# 某市文化和旅游局2021年政府信息公开工作年度报告\n\n发布时间：2022-01-20 09:30　来源：某市文化和旅游局\n/);
    assert.ok(r.markdown.includes('一是公开内容不够丰富；二是政策解读形式单一。下一步，我局将进一步加强培训，丰富解读形式。'));
    assert.ok(r.markdown.includes('收到政府信息公开申请14件\\*次\\*'), 'Markdown characters escaped, not dropped');
    for (const chrome of ['欢迎访问', '互动交流', '您的当前位置', '字体', '统计代码', 'color', '打印本页', '关闭窗口', '分享到', '扫一扫', '版权所有', 'example.invalid']) assert.ok(!r.markdown.includes(chrome), chrome);
    assert.match(r.markdown, /\n## 一、总体情况\n[\s\S]*\n## 六、其他需要报告的事项\n/);
    assert.match(r.markdown, /\n1\\\. 完善工作制度；\n\n2\\\. 加强平台建设。\n/);
  });

  it('writes the tables in the layout of the scaffold: group rows on their own line, one label column', () => {
    assert.match(r.markdown, /\n\| 三、本年度办理结果 \|( {2}\|){7}\n\| （一）予以公开 \| 5 \| 1 \| 0 \| 0 \| 1 \| 0 \| 7 \|\n/);
    assert.match(r.markdown, /\n\| 第二十条第（五）项 \|( {2}\|){3}\n\| 信息内容 \| 本年处理决定数量 \|( {2}\|){2}\n\| 行政许可 \| 565 \|( {2}\|){2}\n/);
  });

  it('keeps a table that is not a report table as it was', () => {
    const html = '<h1>某局2021年政府信息公开工作年度报告</h1><p>一、总体情况</p><table><tr><td>联系人</td><td>电话</td></tr><tr><td>张三</td><td>0000-1234567</td></tr></table><p>二、主动公开政府信息情况</p>';
    const m = importHtml(html).markdown;
    assert.match(m, /\| 联系人 \| 电话 \|\n\|---\|---\|\n\| 张三 \| 0000-1234567 \|/);
  });

  it('reads a GB2312 page by its declared charset', async () => {
    const iconv = (await import('iconv-lite')).default;
    const page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><h1>某局2021年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本年度。</p><p>二、主动公开政府信息情况</p></body></html>';
    const r2 = await importReport(iconv.encode(page, 'gb2312'), { fileName: 'a.htm' });
    assert.equal(r2.account.encoding, 'gb18030');
    assert.match(r2.markdown, /^# 某局2021年政府信息公开工作年度报告\n/);
  });
});
