// shared-text, copy-identical and copy-differs: the fixtures of
// test/fixtures/cross/shared and copies (written by make.ts) checked together
// by the CLI, in one thread and in workers; the pairing of a batch; and the
// near misses (the formula sentences every report has; paragraphs of figures).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { pairRelated } from '../../../server/src/engine/cross/batch.ts';
import { identify, pairPrevious } from '../../../server/src/engine/cross/identity.ts';
import { textFingerprints, textHash } from '../../../server/src/engine/cross/shared.ts';
import { rules } from '../../../server/src/engine/rules/index.ts';
import { cli } from '../../support/cli.ts';
import { reportMarkdown } from './build.ts';

const CROSS = 'test/fixtures/cross';
interface JsonFile { path: string; diagnostics: { ruleId: string; line: number; message: string; severity: string }[] }
const run = async (...args: string[]) => (JSON.parse((await cli(['check', '--format', 'json', ...args])).stdout) as { files: JsonFile[] }).files;
const of = (files: JsonFile[], name: string, id: string) => files.find((f) => f.path.endsWith(name))!.diagnostics.filter((d) => d.ruleId === id);

test('the three rules: shared-text and copy-differs warn, copy-identical informs', () => {
  const want: Record<string, string> = { 'shared-text': 'warning', 'copy-differs': 'warning', 'copy-identical': 'info' };
  for (const [id, severity] of Object.entries(want)) assert.equal(rules.find((r) => r.id === id)?.severity, severity, id);
});

test('shared-text: two agencies share a paragraph (figures changed) and section 五, reported on both with the other\'s agency and path', async () => {
  const files = await run('--jobs', '0', `${CROSS}/shared`);
  const finance = of(files, 'finance.md', 'shared-text');
  assert.deepEqual(finance.map((d) => d.message), [
    `此段与「某市教育局」的报告（${CROSS}/shared/education.md）中的一段除数字外完全相同：各单位的年度报告应写本单位的情况（与其他单位雷同）`,
    `此段与「某市教育局」的报告（${CROSS}/shared/education.md）中的一段完全相同：各单位的年度报告应写本单位的情况（与其他单位雷同）`,
  ]);
  const education = of(files, 'education.md', 'shared-text');
  assert.equal(education.length, 2);
  assert.ok(education.every((d) => d.message.includes(`「某市财政局」的报告（${CROSS}/shared/finance.md）`)));
  // The third agency shares only the formula sentences (本报告根据…编制，统计期限…).
  assert.deepEqual(of(files, 'health.md', 'shared-text'), []);
});

test('copies: identical copies are one info each and no warning; differing copies name the figure', async () => {
  const same = await run('--jobs', '0', `${CROSS}/copies/identical`);
  for (const name of ['portal.md', 'platform.md']) {
    const info = of(same, name, 'copy-identical');
    assert.equal(info.length, 1, name);
    assert.equal(info[0].severity, 'info');
    assert.match(info[0].message, /是同一份报告（同一机关、同一年度），内容相同/);
    assert.deepEqual(of(same, name, 'copy-differs'), []);
  }
  const differ = await run('--jobs', '0', `${CROSS}/copies/differs`);
  assert.deepEqual(of(differ, 'portal.md', 'copy-differs').map((d) => d.message), [
    `表二 第二十条第（六）项 行政处罚「本年处理决定数量」此处为 0，同一份报告的另一副本 ${CROSS}/copies/differs/platform.md 中为 3`,
  ]);
  assert.deepEqual(of(differ, 'platform.md', 'copy-differs').map((d) => d.message), [
    `表二 第二十条第（六）项 行政处罚「本年处理决定数量」此处为 3，同一份报告的另一副本 ${CROSS}/copies/differs/portal.md 中为 0`,
  ]);
  assert.deepEqual(of(differ, 'portal.md', 'copy-identical'), []);
});

test('data counts the cross rules as check does: shared-text in the records of a folder', async () => {
  const out = JSON.parse((await cli(['data', '--format', 'json', `${CROSS}/shared`])).stdout) as { reports: { path: string; rules: Record<string, number>; warnings: number }[] };
  const rules = (name: string) => out.reports.find((r) => r.path.endsWith(name))!.rules;
  // 教育局 and 财政局 share 一、总体情况's paragraph (figures aside) and 五; 卫健委 only the formula sentences.
  assert.equal(rules('education.md')['shared-text'], 2);
  assert.equal(rules('finance.md')['shared-text'], 2);
  assert.equal(rules('health.md')['shared-text'], 0);
});

test('worker threads find the same pairs as one thread', async () => {
  const one = await run('--jobs', '0', `${CROSS}/shared`, `${CROSS}/copies`);
  const two = await run('--jobs', '2', `${CROSS}/shared`, `${CROSS}/copies`);
  assert.equal(one.length, 7);
  assert.deepEqual(two, one);
});

test('copy-differs in the engine: a paragraph whose figures differ names them; a paragraph the other lacks', () => {
  const a = reportMarkdown({ agency: '某县司法局', overview: ['全年通过门户网站主动公开政府信息856条，其中政策文件41条，切实保障人民群众的知情权。', '新增“法律援助”专栏，集中发布援助指南和办理流程。'] });
  const b = a.replace('856条', '865条').replace('新增“法律援助”专栏，集中发布援助指南和办理流程。\n', '');
  const d = analyze(a, { others: [{ path: 'b.md', report: analyze(b).report, sameReport: true }] }).diagnostics.filter((x) => x.ruleId === 'copy-differs');
  assert.deepEqual(d.map((x) => x.message.zh), [
    '此段的数字与同一份报告的另一副本 b.md 不同：此处 → 彼处 856 → 865',
    '同一份报告的另一副本 b.md 中没有此段',
  ]);
});

test('shared-text: paragraphs of figures alone and formula sentences are not copying', () => {
  const a = reportMarkdown({ agency: '甲局', overview: ['全年收到申请25件，办结23件，结转2件。', '本报告电子版可在本局门户网站下载，如对本报告有疑问，请与本局办公室联系。'] });
  const b = reportMarkdown({ agency: '乙局', overview: ['全年收到申请31件，办结30件，结转1件。', '本报告电子版可在本局门户网站下载，如对本报告有疑问，请与本局办公室联系。'] });
  const d = analyze(a, { others: [{ path: 'b.md', report: analyze(b).report, sameReport: false }] }).diagnostics.filter((x) => x.ruleId === 'shared-text');
  // build.ts's default section 五 is the same in both: that one is reported.
  assert.deepEqual(d.map((x) => a.slice(x.range.start, x.range.end)), ['一是主动公开的深度和广度仍需拓展；二是政策解读形式较为单一。下一步将建立信息发布台账，丰富解读形式。']);
});

test('pairing: copies by agency and year, peers by a shared sentence; two identical copies of last year pair as one', () => {
  const item = (path: string, text: string) => ({ path, identity: { ...identify(text), textHash: textHash(text) }, prints: textFingerprints(text) });
  const finance = reportMarkdown({ agency: '财政局', year: 2022, overview: ['本局坚持以公开为常态、不公开为例外，切实保障人民群众的知情权、参与权和监督权。'], problems: ['信息发布审核机制不够健全。'] });
  const education = reportMarkdown({ agency: '教育局', year: 2022, overview: ['本局坚持以公开为常态、不公开为例外，切实保障人民群众的知情权、参与权和监督权。'], problems: ['招生信息发布不够及时。'] });
  const health = reportMarkdown({ agency: '卫健委', year: 2022, problems: ['医疗机构信息更新不够及时。'] });
  const pairs = pairRelated([item('f.md', finance), item('e.md', education), item('h.md', health), item('f2.md', finance)]);
  assert.deepEqual(pairs.get('f.md'), { copies: ['f2.md'], peers: ['e.md'] });
  assert.deepEqual(pairs.get('e.md'), { copies: [], peers: ['f.md', 'f2.md'] });
  assert.equal(pairs.get('h.md'), undefined);
  const last = reportMarkdown({ agency: '财政局', year: 2021 });
  const prev = pairPrevious([item('f.md', finance), item('a.md', last), item('b.md', last)]);
  assert.equal(prev.get('f.md'), 'a.md');
  const draft = last.replace('持续推进', '认真推进');
  assert.equal(pairPrevious([item('f.md', finance), item('a.md', last), item('b.md', draft)]).get('f.md'), undefined);
});
