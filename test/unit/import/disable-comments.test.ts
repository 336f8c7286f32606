// `import` keeps the reviewers' <!-- nianbao-disable … --> comments (engine/
// inline-config.ts): from a web page (an exported report edited and brought
// back) and from Markdown re-imported, so what was accepted stays accepted.
// Other HTML comments are dropped as before.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { importHtml } from '../../../server/src/host/published/html.ts';
import { importText } from '../../../server/src/host/published/index.ts';

const PAGE = readFileSync(new URL('../../fixtures/import/official-2021.html', import.meta.url), 'utf8');
const ROW1 = '<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>10</td><td>2</td><td>0</td><td>1</td><td>1</td><td>0</td><td>14</td></tr>';

/** The official page with table 3's row 一 total 15 where its parts sum to 14 (total-row, balance), the table wrapped in comments. */
function page(): string {
  assert.ok(PAGE.includes(ROW1));
  const t3 = PAGE.indexOf('<table border="1" cellspacing="0">\n<tbody>\n<tr><td colspan="3" rowspan="3">（本列数据');
  const t3End = PAGE.indexOf('</table>', t3) + '</table>'.length;
  assert.ok(t3 > 0 && t3End > t3);
  return PAGE.slice(0, t3) + '<!-- nianbao-disable total-row balance -- 已核实 -->\n<!-- 编辑器留下的普通注释 -->\n' + PAGE.slice(t3, t3End).replace(ROW1, ROW1.replace('<td>14</td>', '<td>15</td>')) + '\n<!--nianbao-enable total-row balance-->' + PAGE.slice(t3End);
}

describe('import keeps disable comments', () => {
  it('from a web page: the directives as their own blocks around table 3, other comments dropped', () => {
    const md = importHtml(page()).markdown;
    const lines = md.split('\n');
    const disable = lines.indexOf('<!-- nianbao-disable total-row balance -- 已核实 -->');
    const enable = lines.indexOf('<!--nianbao-enable total-row balance-->');
    const header = lines.findIndex((l) => l.startsWith('| （本列数据的勾稽关系为'));
    const carried = lines.findIndex((l) => l.startsWith('| 四、结转下年度继续办理'));
    assert.ok(disable !== -1 && enable !== -1, md);
    assert.ok(disable < header && header < carried && carried < enable, 'disable before table 3, enable after it');
    assert.ok(!md.includes('普通注释'));
    const a = analyze(md);
    assert.deepEqual(a.suppressed.map((d) => d.ruleId).sort(), ['balance', 'total-row']);
    assert.deepEqual(a.diagnostics.filter((d) => ['balance', 'total-row', 'disable-unused', 'disable-unknown-rule'].includes(d.ruleId)), []);
  });

  it('without the comments the same page has the findings (the comments are what accepts them)', () => {
    const bare = page().replace(/<!--\s*nianbao-[^>]*-->/g, '');
    const ids = analyze(importHtml(bare).markdown).diagnostics.map((d) => d.ruleId);
    assert.ok(ids.includes('total-row') && ids.includes('balance'), ids.join(' '));
  });

  it('Markdown imported again keeps them, and checks the same', () => {
    const md = importHtml(page()).markdown;
    const again = importText(md, { markdown: true }).markdown;
    for (const c of ['<!-- nianbao-disable total-row balance -- 已核实 -->', '<!--nianbao-enable total-row balance-->']) assert.ok(again.includes(c), c);
    const ids = (t: string) => analyze(t).diagnostics.map((d) => d.ruleId).sort();
    assert.deepEqual(ids(again), ids(md));
    assert.equal(analyze(again).suppressed.length, 2);
  });
});
