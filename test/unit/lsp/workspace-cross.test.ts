// The editor compares a report with the workspace's other reports as `check`
// compares the files of a batch (server/src/lsp/workspace-index.ts,
// crossInputs): other agencies' reports sharing wording (shared-text), other
// copies of the same report (copy-differs), and for a region's report the
// units its .nianbaorc.json declares (rollup-mismatch, rollup-incomplete).
// Over an in-memory workspace; expectations are the fixtures' as written in
// test/fixtures/cross/make.ts and the cross tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { relatedFor, pairRelated } from '../../../server/src/engine/cross/batch.ts';
import { MemoryWorkspace } from '../../../server/src/host/workspace.ts';
import { WorkspaceIndex } from '../../../server/src/lsp/workspace-index.ts';

const CROSS = new URL('../../fixtures/cross/', import.meta.url);
const read = (rel: string) => readFileSync(new URL(rel, CROSS), 'utf8');
const WS = '/ws';
const uri = (path: string) => pathToFileURL(path).href;
const doc = (path: string, text: string, version = 1) => TextDocument.create(uri(path), 'markdown', version, text);

function index(files: Record<string, string>) {
  const changed: string[] = [];
  const ws = new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([rel, text]) => [join(WS, rel), text])));
  const ix = new WorkspaceIndex({ workspace: ws, changed: (uris) => changed.push(...uris) });
  return { ix, changed };
}

const ids = (text: string, inputs: Parameters<typeof analyze>[1], rule: string) =>
  analyze(text, inputs).diagnostics.filter((d) => d.ruleId === rule).map((d) => d.message.zh);

describe('workspace index: the cross-report rules', () => {
  it('shared-text: 教育局 and 财政局 share two paragraphs, 卫健委 none; a rewritten 五 in the open 财政局 counts, and re-checks 教育局', async () => {
    const files = { 'education.md': read('shared/education.md'), 'finance.md': read('shared/finance.md'), 'health.md': read('shared/health.md') };
    const { ix, changed } = index(files);
    await ix.scan([WS]);
    const edu = join(WS, 'education.md');
    ix.openDocument(doc(edu, files['education.md']));
    const inputs = ix.crossInputs(uri(edu), {});
    assert.deepEqual(inputs.others?.map((o) => [o.path, o.sameReport]), [['finance.md', false]]);
    assert.equal(inputs.previous, undefined);
    assert.equal(ix.crossInputs(uri(edu), {}), inputs, 'the same object while nothing changes');
    const shared = ids(files['education.md'], inputs, 'shared-text');
    assert.equal(shared.length, 2);
    assert.ok(shared.every((m) => m.includes('「某市财政局」的报告（finance.md）')), shared.join('\n'));

    // 财政局 opened with its own 五: only the paragraph of 一、总体情况 is still shared.
    const five = '一是政务公开工作机制还不够健全，个别科室对主动公开的时限把握不严，信息发布存在滞后现象；二是政策解读形式较为单一，图解、视频等解读产品数量偏少。';
    assert.ok(files['finance.md'].includes(five));
    changed.length = 0;
    ix.openDocument(doc(join(WS, 'finance.md'), files['finance.md'].replace(five, '预算公开的说明还不够通俗，部分专项资金分配结果公开不及时；下一步将编写预算解读材料，资金下达后及时公开分配结果。')));
    assert.deepEqual(changed, [uri(edu)], '教育局 is checked again');
    const after = ix.crossInputs(uri(edu), {});
    assert.notEqual(after, inputs);
    assert.equal(ids(files['education.md'], after, 'shared-text').length, 1);
  });

  it('copies: the same report twice with one figure changed → one copy-differs naming the figure and the other file', async () => {
    const files = { 'portal.md': read('copies/differs/portal.md'), 'platform.md': read('copies/differs/platform.md') };
    const { ix } = index(files);
    await ix.scan([WS]);
    const portal = join(WS, 'portal.md');
    ix.openDocument(doc(portal, files['portal.md']));
    const inputs = ix.crossInputs(uri(portal), {});
    assert.deepEqual(inputs.others?.map((o) => [o.path, o.sameReport]), [['platform.md', true]]);
    assert.deepEqual(ids(files['portal.md'], inputs, 'copy-differs'), ['表二 第二十条第（六）项 行政处罚「本年处理决定数量」此处为 0，同一份报告的另一副本 platform.md 中为 3']);
  });

  it('roll-up: the county\'s one wrong cell, exactly; a unit corrected on disk clears it; a missing unit is not judged, once', async () => {
    const files = { 'county.md': read('rollup/county.md'), 'units/education.md': read('rollup/units/education.md'), 'units/finance.md': read('rollup/units/finance.md'), 'units/health.md': read('rollup/units/health.md') };
    const ws = new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([rel, text]) => [join(WS, rel), text])));
    const changed: string[] = [];
    const ix = new WorkspaceIndex({ workspace: ws, changed: (uris) => changed.push(...uris) });
    await ix.scan([WS]);
    const county = join(WS, 'county.md');
    ix.openDocument(doc(county, files['county.md']));
    // test/fixtures/cross/rollup/.nianbaorc.json
    const rollup = { entries: [{ region: 'county.md', units: ['units/*.md'] }], base: WS };
    const inputs = ix.crossInputs(uri(county), {}, rollup);
    assert.deepEqual(inputs.rollup?.units.map((u) => u.path).sort(), ['units/education.md', 'units/finance.md', 'units/health.md']);
    assert.deepEqual(inputs.rollup?.missing, []);
    // 行政处罚 本年处理决定数量: the county says 15, its units 0 + 0 + 14.
    assert.deepEqual(ids(files['county.md'], inputs, 'rollup-mismatch'), ['表二 第二十条第（六）项 行政处罚「本年处理决定数量」为 15，3 个下属单位的报告合计为 14（某县教育局 0 ＋ 某县财政局 0 ＋ 某县卫生健康局 14）']);
    assert.equal(ix.crossInputs(uri(county), {}, rollup), inputs, 'unchanged: the same object, so the analysis is reused');

    // 卫生健康局 corrected on disk (15): the watcher's event re-checks the county, and nothing is reported.
    const unit = join(WS, 'units/health.md');
    assert.ok(files['units/health.md'].includes('| 行政处罚 | 14 |  |  |'));
    changed.length = 0;
    ws.write(unit, files['units/health.md'].replace('| 行政处罚 | 14 |  |  |', '| 行政处罚 | 15 |  |  |'));
    ix.filesChanged([{ uri: uri(unit), type: 2 }]);
    await ix.idle();
    assert.deepEqual(changed, [uri(county)]);
    const fixed = ix.crossInputs(uri(county), {}, rollup);
    assert.deepEqual(fixed.rollup?.units.length, 3);
    assert.deepEqual(ids(files['county.md'], fixed, 'rollup-mismatch'), []);
    // Without a roll-up in its configuration the county is not compared.
    assert.equal(ix.crossInputs(uri(county), {}).rollup, undefined);

    // A unit without a report (民政局 in rollup-missing's config): not judged, said once.
    const missing = { entries: [{ region: '某县人民政府', units: ['某县教育局', '某县卫生健康局', '某县财政局', '某县民政局'] }], base: WS };
    const m = index({ 'county.md': read('rollup-missing/county.md'), 'units/education.md': read('rollup-missing/units/education.md'), 'units/finance.md': read('rollup-missing/units/finance.md'), 'units/health.md': read('rollup-missing/units/health.md') });
    await m.ix.scan([WS]);
    const text = read('rollup-missing/county.md');
    m.ix.openDocument(doc(county, text));
    const partial = m.ix.crossInputs(uri(county), {}, missing);
    assert.deepEqual(partial.rollup?.missing, ['某县民政局']);
    const incomplete = ids(text, partial, 'rollup-incomplete');
    assert.equal(incomplete.length, 1);
    assert.match(incomplete[0], /某县民政局/);
    assert.deepEqual(ids(text, partial, 'rollup-mismatch'), []);
  });

  it('relatedFor gives for one file what pairRelated gives for the batch', () => {
    const item = (path: string, agency: string, year: number, prints: number[]) => ({ path, identity: { agency, year }, prints });
    const items = [
      item('f.md', '某市财政局', 2022, [1, 2, 3]),
      item('f2.md', '某市财政局', 2022, [1, 2, 3]),
      item('e.md', '某市教育局', 2022, [2, 3, 9]),
      item('h.md', '某市卫健委', 2022, [3, 8]),
      item('old.md', '某市教育局', 2021, [1, 2, 3]),
      item('x.md', '某市交通局', 2022, [7]),
    ];
    // f shares 2 sentences with e and 1 with h; its copy f2 is the same agency and year; 2021 and x share nothing with it this year.
    assert.deepEqual(relatedFor(items[0], items), { copies: ['f2.md'], peers: ['e.md', 'h.md'] });
    assert.deepEqual(relatedFor(items[2], items), { copies: [], peers: ['f.md', 'f2.md', 'h.md'] });
    assert.equal(relatedFor(items[5], items), undefined);
    const all = pairRelated(items);
    for (const it of items) assert.deepEqual(relatedFor(it, items), all.get(it.path), it.path);
  });
});
