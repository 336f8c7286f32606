// The preview plugin in markdown-it, as VS Code's Markdown preview runs it:
// a report's tables 2–4 in the official merged layout, a cell with a finding
// outlined with its message as the title, a group's sum on hover; a file
// that is not a report rendered exactly as without the plugin; one analysis
// per text however often the preview renders it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { nianbaoPreview } from '../../../server/src/export/preview.ts';

const root = new URL('../../../', import.meta.url);
const MISTAKES = readFileSync(new URL('examples/2022-with-mistakes.md', root), 'utf8');
const CLEAN_2019 = readFileSync(new URL('examples/2020-clean-2019-format.md', root), 'utf8');
const plain = () => new MarkdownIt({ html: true });
const withPlugin = (o = {}) => new MarkdownIt({ html: true }).use(nianbaoPreview, o);
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('preview plugin', () => {
  const html = withPlugin().render(MISTAKES);

  it('draws tables 2, 3 and 4 in the official layout in place of the three GFM tables', () => {
    assert.equal(count(html, /<table class="official /g), 3);
    assert.equal(count(html, /<table>/g), 0);
    assert.match(html, /<th class="note" rowspan="3" colspan="3">（本列数据的勾稽关系为/);
    assert.match(html, /rowspan="22"[^>]*>三、本年度办理结果<\/td>/);
    assert.match(html, /<th class="hd nb-sum" colspan="5" title="[^"]*">行政复议<\/th><th class="hd nb-sum" colspan="10" title="[^"]*">行政诉讼<\/th>/);
    // The rest of the report is markdown-it's own rendering.
    assert.match(html, /<h1>某县市场监督管理局2022年政府信息公开工作年度报告<\/h1>/);
  });

  it('outlines the wrong total (七）总计「自然人」 with its messages as the title', () => {
    const cell = /<td class="fig nb-finding nb-error" data-cell="t3\.results_total\.natural_person" style="outline: 2px solid #e51400[^"]*" data-rules="balance total-results total-row" title="([^"]*)">23<\/td>/.exec(html);
    assert.ok(cell, 'marked cell');
    assert.match(cell[1], /（七）总计「自然人」应为 24（各办理结果之和），实为 23 \[total-results\]/);
    assert.match(html, /data-cell="t4\.counts\.direct\.total"[^>]*title="未经复议直接起诉「总计」应为 2（结果维持＋结果纠正＋其他结果＋尚未审结），实为 3 \[total-review\]">3<\/td>/);
    assert.match(html, /<td class="lab nb-finding nb-warning"[^>]*title="行标签「5.属于三类内部事务息」应为「5.属于三类内部事务信息」 \[table-row-label\]">5.属于三类内部事务息<\/td>/);
    // Every error in the three tables is on a marked cell (the sixth, a missing section, is not in a table).
    const a = analyze(MISTAKES);
    const errors = a.diagnostics.filter((d) => d.severity === 'error' && a.report.tables.some((t) => d.range.start >= t.range.start && d.range.start <= t.range.end));
    assert.equal(errors.length, 5);
    for (const d of errors) assert.ok(html.includes(`${d.message.zh} [${d.ruleId}]`), d.message.zh);
  });

  it('a row group and a column group give their sums on hover (totals left out)', () => {
    assert.match(html, /<td class="lab grp nb-sum" rowspan="22" title="三、本年度办理结果 合计（21 行之和）\n自然人 24；/);
    assert.match(html, /<td class="lab grp nb-sum" rowspan="8" title="（三）不予公开 合计（8 行之和）\n自然人 1；商业企业 0；科研机构 0；社会公益组织 0；法律服务机构 0；其他 0；总计 1">/);
    assert.match(html, /<th class="hd nb-sum" colspan="5" title="行政复议 合计（结果维持＋结果纠正＋其他结果＋尚未审结）\n1">行政复议<\/th>/);
    assert.match(html, /<th class="hd nb-sum" colspan="10" title="行政诉讼 合计（未经复议直接起诉、复议后起诉 的结果维持＋结果纠正＋其他结果＋尚未审结）\n2">行政诉讼<\/th>/);
    assert.match(html, /<th class="hd nb-sum" colspan="5" title="法人或其他组织 合计（商业企业＋科研机构＋社会公益组织＋法律服务机构＋其他）\n一、本年新收 6\n（一）予以公开 4\n/);
  });

  it('keeps the preview\'s line mapping (data-line of the table it replaces)', () => {
    const line = MISTAKES.split('\n').findIndex((l) => l.startsWith('| （本列数据的勾稽关系'));
    assert.match(html, new RegExp(`<div class="nianbao-official code-line" data-line="${line}">`));
  });

  it('English messages when asked', () => {
    assert.match(withPlugin({ lang: 'en' }).render(MISTAKES), /title="[^"]*\[total-results\]/);
    assert.match(withPlugin({ lang: 'en' }).render(MISTAKES), /should be 24/);
  });

  it('a 2019-format report: five blocks in table 2, no marks in a clean report', () => {
    const h = withPlugin().render(CLEAN_2019);
    assert.equal(count(h, /<th class="lab"[^>]*colspan="4">第二十条/g), 5);
    assert.equal(count(h, /nb-finding/g), 0);
  });

  it('as the writer types, the preview is what a fresh render of the new text gives (incremental parse)', () => {
    const md = withPlugin();
    md.render(MISTAKES);
    // Correct the wrong total, then break another cell: each render equals a fresh plugin's.
    const steps = [MISTAKES.replace('| （七）总计 | 23 |', '| （七）总计 | 24 |'), MISTAKES.replace('| （七）总计 | 23 |', '| （七）总计 | 24 |').replace('| 一、本年新收政府信息公开申请数量 | 25 |', '| 一、本年新收政府信息公开申请数量 | 26 |')];
    assert.notEqual(steps[0], MISTAKES);
    assert.notEqual(steps[1], steps[0]);
    for (const text of steps) assert.equal(md.render(text), withPlugin().render(text));
    assert.doesNotMatch(md.render(steps[0]), /data-cell="t3\.results_total\.natural_person"[^>]*nb-finding|nb-finding[^>]*data-cell="t3\.results_total\.natural_person"/);
    assert.match(md.render(steps[1]), /class="fig nb-finding nb-error" data-cell="t3\.new\.natural_person"/);
  });

  it('files that are not reports come out exactly as markdown-it renders them', () => {
    const notes = '# 会议纪要\n\n| 事项 | 件数 |\n|---|---:|\n| 行政复议 | 3 |\n\n讨论本年度办理结果。\n';
    const readme = '# Tables\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    for (const text of [notes, readme]) assert.equal(withPlugin().render(text), plain().render(text));
  });

  it('analyses each text once however often it renders, and a file without the tables\' words not at all', () => {
    let calls = 0;
    const md = withPlugin({ analyze: (t: string) => { calls++; return analyze(t); } });
    md.render(MISTAKES);
    md.render(MISTAKES);
    assert.equal(calls, 1);
    md.render(MISTAKES + '\n补充一段。\n');
    assert.equal(calls, 2);
    md.render('# 普通文件\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    assert.equal(calls, 2);
  });
});
