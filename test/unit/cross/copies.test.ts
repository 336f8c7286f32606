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

// copy-differs and copy-identical in the engine: what is a difference, and how the other file is named.

const P = '全年通过门户网站主动公开政府信息856条，其中政策文件41条，切实保障人民群众的知情权。';
/** 行政处罚 12, 行政强制 left blank. */
const COPY = reportMarkdown({ agency: '某县司法局', overview: [P] }).replace('| 行政处罚 | 0 |', '| 行政处罚 | 12 |').replace('| 行政强制 | 0 |', '| 行政强制 |  |');

function copyFindings(here: string, there: string, other: { sameReport?: boolean; importPair?: 'source' | 'import' } = {}) {
  const a = analyze(here, { others: [{ path: 'b.md', report: analyze(there).report, sameReport: true, ...other }] });
  assert.deepEqual(a.failures, []);
  return a.diagnostics.filter((d) => d.ruleId.startsWith('copy-')).map((d) => [d.ruleId, here.slice(d.range.start, d.range.end).trim(), d.message.zh, d.message.en]);
}

test('copy-differs: a figure written another way (12件) is no difference; a blank against a figure is, in both languages', () => {
  const other = COPY.replace('| 行政处罚 | 12 |', '| 行政处罚 | 12件 |').replace('| 行政强制 |  |', '| 行政强制 | 3 |');
  assert.deepEqual(copyFindings(COPY, other), [
    ['copy-differs', '', '表二 第二十条第（六）项 行政强制「本年处理决定数量」此处为 （空），同一份报告的另一副本 b.md 中为 3', 'Table 2 Art. 20 (6) 行政强制 «本年处理决定数量» is (blank) here but 3 in the other copy of this report, b.md'],
  ]);
  assert.deepEqual(copyFindings(other, COPY), [
    ['copy-differs', '3', '表二 第二十条第（六）项 行政强制「本年处理决定数量」此处为 3，同一份报告的另一副本 b.md 中为 （空）', 'Table 2 Art. 20 (6) 行政强制 «本年处理决定数量» is 3 here but (blank) in the other copy of this report, b.md'],
  ]);
});

test('copy-differs: figures of a table the other copy does not have are not compared', () => {
  const noT4 = COPY.replace(/四、政府信息公开行政复议、行政诉讼情况\n\n(\|.*\n)+/, '四、政府信息公开行政复议、行政诉讼情况\n\n');
  assert.notEqual(noT4, COPY);
  assert.deepEqual(copyFindings(COPY, noT4), []);
});

test('copy-differs: a paragraph reworded, with two figures changed, cut to its first half, or missing — each said in both languages', () => {
  const two = COPY.replace(P, '全年通过门户网站主动公开政府信息865条，其中政策文件14条，切实保障人民群众的知情权。');
  assert.deepEqual(copyFindings(COPY, two), [
    ['copy-differs', P, '此段的数字与同一份报告的另一副本 b.md 不同：此处 → 彼处 856 → 865，41 → 14', "This paragraph's figures differ from the other copy of this report, b.md: here → there 856 → 865, 41 → 14"],
  ]);
  const reworded = COPY.replace(P, '全年通过政府网站主动发布政府信息856条，其中政策文件41条，有力保障人民群众的知情权。');
  assert.deepEqual(copyFindings(COPY, reworded), [
    ['copy-differs', P, '此段与同一份报告的另一副本 b.md 中的对应段落文字不同（相似度 86%）', 'This paragraph is worded differently in the other copy of this report, b.md (86% similar)'],
  ]);
  // Half as long (22 of 44 characters, its first half): still its counterpart, 50 % alike.
  const half = COPY.replace(P, P.slice(0, 22));
  assert.deepEqual(copyFindings(COPY, half), [
    ['copy-differs', P, '此段与同一份报告的另一副本 b.md 中的对应段落文字不同（相似度 50%）', 'This paragraph is worded differently in the other copy of this report, b.md (50% similar)'],
  ]);
  const missing = COPY.replace(`${P}\n\n`, '');
  assert.deepEqual(copyFindings(COPY, missing), [
    ['copy-differs', P, '同一份报告的另一副本 b.md 中没有此段', 'The other copy of this report, b.md does not have this paragraph'],
  ]);
});

test('copy-differs: of two paragraphs like this one in the other copy, the closer is its counterpart', () => {
  const near = P.replace('切实', '有效'); // 2 characters of 44
  const far = '全年通过政府网站主动发布政府信息856条，其中政策文件41条，有力保障人民群众的知情权。';
  for (const both of [[near, far], [far, near]]) {
    const other = COPY.replace(P, both.join('\n\n'));
    assert.deepEqual(copyFindings(COPY, other), [
      ['copy-differs', P, '此段与同一份报告的另一副本 b.md 中的对应段落文字不同（相似度 95%）', 'This paragraph is worded differently in the other copy of this report, b.md (95% similar)'],
    ]);
  }
});

test('copy-differs and copy-identical: another agency\'s report is not a copy, whatever it says', () => {
  const two = COPY.replace(P, '全年通过门户网站主动公开政府信息865条，其中政策文件14条，切实保障人民群众的知情权。');
  assert.deepEqual(copyFindings(COPY, two, { sameReport: false }), []);
});

test('copy-differs names an imported Markdown report and its published source as such; copy-identical is silent between them', () => {
  const two = COPY.replace(P, '全年通过门户网站主动公开政府信息865条，其中政策文件14条，切实保障人民群众的知情权。');
  assert.deepEqual(copyFindings(COPY, two, { importPair: 'source' }), [
    ['copy-differs', P, '此段的数字与导入来源 b.md 不同（导入稿与其来源不一致）：此处 → 彼处 856 → 865，41 → 14', "This paragraph's figures differ from the published source b.md (the imported Markdown and its published source differ): here → there 856 → 865, 41 → 14"],
  ]);
  const missing = COPY.replace(`${P}\n\n`, '');
  assert.deepEqual(copyFindings(COPY, missing, { importPair: 'import' }), [
    ['copy-differs', P, '导入稿 b.md 中没有此段（导入稿与其来源不一致）', 'The imported Markdown b.md does not have this paragraph (the imported Markdown and its published source differ)'],
  ]);
  assert.deepEqual(copyFindings(COPY, COPY, { importPair: 'import' }), []);
  assert.deepEqual(copyFindings(COPY, COPY, { importPair: 'source' }), []);
});

test('copy-identical: on the title, or at the start of a report without one', () => {
  assert.deepEqual(copyFindings(COPY, COPY), [
    ['copy-identical', '某县司法局2021年政府信息公开工作年度报告', '与 b.md 是同一份报告（同一机关、同一年度），内容相同', 'The same report (same agency and year) as b.md, with the same text'],
  ]);
  const untitled = COPY.replace(/^# .*\n\n/, '');
  const a = analyze(untitled, { others: [{ path: 'b.md', report: analyze(untitled).report, sameReport: true }] });
  assert.deepEqual(a.diagnostics.filter((d) => d.ruleId === 'copy-identical').map((d) => d.range), [{ start: 0, end: 0 }]);
});

test('shared-text: a paragraph nearly the same as another agency\'s, with how alike, in both languages; a copy of the same report is not another agency', () => {
  const P2 = '本局坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开，切实保障人民群众的知情权、参与权和监督权。';
  const a = reportMarkdown({ agency: '甲局', overview: [P2], problems: ['信息发布审核机制还不够健全，个别栏目更新不够及时，下一步将建立信息发布台账。'] });
  const b = reportMarkdown({ agency: '乙局', overview: [P2.replace('切实', '有效')], problems: ['本年度发现基层站所上传的办事指南有12项要素不全，已组织逐项补齐。'] });
  const shared = (sameReport: boolean) => analyze(a, { others: [{ path: 'b.md', report: analyze(b).report, sameReport }] }).diagnostics
    .filter((d) => d.ruleId === 'shared-text').map((d) => [a.slice(d.range.start, d.range.end), d.message.zh, d.message.en]);
  assert.deepEqual(shared(false), [
    [P2, '此段与「乙局」的报告（b.md）中的一段几乎相同（相似度 96%）：各单位的年度报告应写本单位的情况（与其他单位雷同）', "This paragraph is nearly the same (96% similar) as one in the report of 乙局 (b.md): each agency's report must describe its own work (copied from another agency)"],
  ]);
  assert.deepEqual(shared(true), []);
});

// Two files of one agency and year that are two reports, not two copies of one (a misnamed agency, a wrong year, a draft beside the final).

const OURS = ['本局全年主动公开政府信息412条，其中政策文件23条。', '本局完成政府信息公开指南修订，新增办事服务栏目6个。', '本局组织政务公开业务培训3次，参训人员120人次。', '本局对门户网站开展自查，整改问题链接8个。'];
const THEIRS = ['全区共受理依申请公开31件，均按期答复。', '区政务服务中心设立政府信息查阅点2处。', '区里召开新闻发布会5场，解读重要政策9项。', '区融媒体中心发布政务信息1200余条。'];
/** Seven paragraphs: the statistics period sentence, four under 一, one each under 五 and 六. */
const spec = (overview: string[]) => ({ agency: '某县司法局', overview, problems: ['信息发布审核机制还不够健全，下一步将建立信息发布台账。'], other: ['本年度未收取信息处理费。'], signed: '' });
const OURS_MD = reportMarkdown(spec(OURS));

test('copy-differs: two reports of one agency and year sharing less than half their paragraphs are said once, on the title, with how much they share', () => {
  // 3 of 7 paragraphs shared (the period sentence, 五, 六); of the 200 figures of the 2021 tables 2–4 (10 + 25 rows × 7 + 15), 行政处罚 differs.
  const theirs = reportMarkdown(spec(THEIRS)).replace('| 行政处罚 | 0 |', '| 行政处罚 | 5 |');
  assert.deepEqual(copyFindings(OURS_MD, theirs), [[
    'copy-differs', '某县司法局2021年政府信息公开工作年度报告',
    '与 b.md 同一机关、同一年度，但内容大部分不同：本文件 7 段文字中 3 段在其中（不计数字）；两份都有的 200 个表格数字中 1 个不同。两份不像同一份报告的副本：请确认哪一份是本机关本年度正式发布的报告，或更正另一份的机关名称、年度',
    "Same agency and year as b.md, but mostly different: 3 of this file's 7 paragraphs are in it (figures aside); 1 of the 200 table figures both have differ. They do not look like copies of one report: check which one this agency published for the year, or correct the other's agency or year",
  ]]);
});

test('copy-differs: the same paragraphs with every table figure different is two reports too (a draft beside the final), said once', () => {
  // Every figure of tables 2–4 one more: the 200 figures differ; the seven paragraphs are the same.
  const theirs = OURS_MD.split('\n').map((l) => (l.startsWith('|') && !l.startsWith('|---') ? l.replace(/\| (\d+) (?=\|)/g, (_, n: string) => `| ${Number(n) + 1} `) : l)).join('\n');
  assert.notEqual(theirs, OURS_MD);
  assert.deepEqual(copyFindings(OURS_MD, theirs).map((f) => f[2]), [
    '与 b.md 同一机关、同一年度，但内容大部分不同：本文件 7 段文字中 7 段在其中（不计数字）；两份都有的 200 个表格数字中 200 个不同。两份不像同一份报告的副本：请确认哪一份是本机关本年度正式发布的报告，或更正另一份的机关名称、年度',
  ]);
});

test('copy-differs: half the paragraphs shared (a figure changed in one of them) is two copies, compared paragraph by paragraph', () => {
  // 4 of 7: the period sentence, 五, 六 and the first overview paragraph with 412 → 413.
  const theirs = reportMarkdown(spec([OURS[0].replace('412', '413'), ...THEIRS.slice(1)]));
  assert.deepEqual(copyFindings(OURS_MD, theirs).map((f) => [f[1], f[2]]), [
    [OURS[0], '此段的数字与同一份报告的另一副本 b.md 不同：此处 → 彼处 412 → 413'],
    [OURS[1], '同一份报告的另一副本 b.md 中没有此段'],
    [OURS[2], '同一份报告的另一副本 b.md 中没有此段'],
    [OURS[3], '同一份报告的另一副本 b.md 中没有此段'],
  ]);
});

test('copy-differs: an imported Markdown report and its source are one report however much they differ; fewer than three paragraphs are compared as copies', () => {
  const theirs = reportMarkdown(spec(THEIRS));
  const imported = copyFindings(OURS_MD, theirs, { importPair: 'source' });
  assert.equal(imported.length, 4);
  assert.ok(imported.every((f) => f[2] === '导入来源 b.md 中没有此段（导入稿与其来源不一致）'));
  // Two paragraphs, neither in the other file: too little to call them two reports.
  const short = (overview: string) => reportMarkdown({ agency: '某县司法局', overview: [overview], problems: [], other: [], signed: '' }).replace(/本报告根据.*\n\n/, '');
  assert.deepEqual(copyFindings(short(OURS[0]), short(THEIRS[0])).map((f) => [f[1], f[2]]), [[OURS[0], '同一份报告的另一副本 b.md 中没有此段']]);
});

// The thresholds of "two reports", each at its edge (the findings of two reports are one line on the title).

const isTwoReports = (found: string[][]) => found.length === 1 && /同一机关、同一年度，但内容大部分不同/.test(found[0][2]);
/** `md` without tables 3 and 4 (their headings kept): table 2's 10 figures are the only ones. */
const onlyTable2 = (md: string) => md.replace(/(三、收到和处理政府信息公开申请情况\n\n)(\|.*\n)+/, '$1').replace(/(四、政府信息公开行政复议、行政诉讼情况\n\n)(\|.*\n)+/, '$1');
/** Adds one to the first `n` figures of table 2 (its rows in order). */
const bumpTable2 = (md: string, n: number) => {
  let left = n;
  return md.replace(/^\|.*$/gm, (line) => line.replace(/\| (\d+) (?=\|)/g, (all, x: string) => (left-- > 0 ? `| ${Number(x) + 1} ` : all)));
};

test('copy-differs: exactly half the paragraphs shared is two copies; one fewer is two reports', () => {
  // Eight paragraphs: the period sentence, five under 一, 五 and 六. The other file shares the period sentence, 五 and 六.
  const five = [...OURS, '本局还开展了政府开放日活动2次。'];
  const ours = reportMarkdown(spec(five));
  const half = reportMarkdown(spec([five[0], ...THEIRS])); // and the first of 一: 4 of 8
  assert.deepEqual(copyFindings(ours, half).map((f) => f[1]), five.slice(1));
  const less = reportMarkdown(spec(THEIRS)); // 3 of 8
  assert.equal(isTwoReports(copyFindings(ours, less)), true);
});

test('copy-differs: three paragraphs are enough to call two files two reports; two are not', () => {
  const bare = (overview: string[]) => reportMarkdown({ agency: '某县司法局', overview, problems: [], other: [], signed: '' }).replace(/本报告根据.*\n\n/, '');
  // Three paragraphs under 一, none in the other file (whose tables are the same): two reports.
  assert.equal(isTwoReports(copyFindings(bare(OURS.slice(0, 3)), bare(THEIRS.slice(0, 3)))), true);
  // Two, none shared: compared as copies, paragraph by paragraph.
  assert.deepEqual(copyFindings(bare(OURS.slice(0, 2)), bare(THEIRS.slice(0, 2))).map((f) => f[2]), ['同一份报告的另一副本 b.md 中没有此段', '同一份报告的另一副本 b.md 中没有此段']);
});

test('copy-differs: ten figures in common with more than half differing is two reports; half, or nine all differing, is two copies', () => {
  const ours = onlyTable2(OURS_MD);
  assert.notEqual(ours, OURS_MD);
  // The same paragraphs; table 2 alone: its 10 figures.
  const six = copyFindings(ours, bumpTable2(ours, 6));
  assert.equal(isTwoReports(six), true);
  assert.match(six[0][2], /本文件 7 段文字中 7 段在其中（不计数字）；两份都有的 10 个表格数字中 6 个不同。/);
  const five = copyFindings(ours, bumpTable2(ours, 5));
  assert.equal(five.length, 5);
  assert.ok(five.every((f) => /^表二 .*此处为 \d+，同一份报告的另一副本 b\.md 中为 \d+$/.test(f[2])));
  // Nine figures in common (the other file lacks 行政事业性收费's row), all nine differing: still two copies.
  const nine = bumpTable2(ours, 10).replace(/^\| 行政事业性收费 .*\n/m, '');
  assert.notEqual(nine, bumpTable2(ours, 10));
  assert.equal(copyFindings(ours, nine).length, 9);
});

test('copy-differs: the figures the message counts are those both files have; none in common leaves them out; no title puts it at the start', () => {
  // The other file: every figure one more, and no table 4 (15 figures): 185 in common, all differing.
  const theirs = bumpTable2(OURS_MD, 1000).replace(/(四、政府信息公开行政复议、行政诉讼情况\n\n)(\|.*\n)+/, '$1');
  assert.match(copyFindings(OURS_MD, theirs)[0][2], /；两份都有的 185 个表格数字中 185 个不同。/);
  // No table in common, paragraphs mostly different: the message has no figures part.
  const noFigures = copyFindings(onlyTable2(OURS_MD), onlyTable2(reportMarkdown(spec(THEIRS))).replace(/(二、主动公开政府信息情况\n\n)(\|.*\n)+/, '$1'));
  assert.deepEqual(noFigures.map((f) => [f[2], f[3]]), [[
    '与 b.md 同一机关、同一年度，但内容大部分不同：本文件 7 段文字中 3 段在其中（不计数字）。两份不像同一份报告的副本：请确认哪一份是本机关本年度正式发布的报告，或更正另一份的机关名称、年度',
    "Same agency and year as b.md, but mostly different: 3 of this file's 7 paragraphs are in it (figures aside). They do not look like copies of one report: check which one this agency published for the year, or correct the other's agency or year",
  ]]);
  // A paragraph with no text of its own (emphasis marks only) is not counted.
  const marks = OURS_MD.replace(OURS[0], `${OURS[0]}\n\n** **`);
  assert.notEqual(marks, OURS_MD);
  assert.match(copyFindings(marks, reportMarkdown(spec(THEIRS)))[0][2], /本文件 7 段文字中 3 段在其中/);
  // Without a title, the finding is at the start of the file.
  const untitled = OURS_MD.replace(/^# .*\n\n/, '');
  const a = analyze(untitled, { others: [{ path: 'b.md', report: analyze(reportMarkdown(spec(THEIRS))).report, sameReport: true }] });
  assert.deepEqual(a.diagnostics.filter((d) => d.ruleId === 'copy-differs').map((d) => d.range), [{ start: 0, end: 0 }]);
});
