// year-mismatch, publish-date, fee-statement, copied-text and carryover on
// reports written for each case, and what the six cross rules find on the
// five seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { applyEdits, selectFixEdits } from '../../../server/src/engine/fixes.ts';
import { LineIndex } from '../../../server/src/engine/lines.ts';
import { rules } from '../../../server/src/engine/rules/index.ts';
import { root } from '../../support/engine.ts';
import { reportMarkdown, type ReportSpec } from './build.ts';

const CROSS = ['text-table-mismatch', 'year-mismatch', 'publish-date', 'fee-statement', 'copied-text', 'carryover'];

function run(text: string, previous?: string) {
  const prev = previous === undefined ? undefined : analyze(previous).report;
  const a = analyze(text, { previous: prev });
  assert.deepEqual(a.failures, []);
  return a.diagnostics;
}
const only = (id: string, text: string, previous?: string) => run(text, previous).filter((d) => d.ruleId === id);
const spec = (s: ReportSpec) => reportMarkdown(s);

test('the six rules are registered with their ids, severities and both languages', () => {
  const want: Record<string, string> = { 'text-table-mismatch': 'warning', 'year-mismatch': 'warning', 'publish-date': 'warning', 'fee-statement': 'warning', 'copied-text': 'warning', carryover: 'error' };
  for (const [id, severity] of Object.entries(want)) {
    const r = rules.find((x) => x.id === id);
    assert.ok(r, id);
    assert.equal(r.severity, severity, id);
    assert.ok(r.description.zh && r.description.en);
  }
});

test('a correct report gives none of the cross findings', () => {
  const text = spec({ overview: ['2021年，本机关全年共收到政府信息公开申请25件，上年结转2件，结转下年度继续办理5件。'], published: '发布时间：2022-01-20' });
  assert.deepEqual(run(text).filter((d) => CROSS.includes(d.ruleId)).map((d) => d.message.zh), []);
});

// year-mismatch

test('year-mismatch: this year\'s facts under last year, with a fix to the report year', () => {
  const text = spec({ year: 2020, overview: ['2019年,办理依申请公开事项3项,无因依申请公开引起的复议或诉讼。'] });
  const f = only('year-mismatch', text);
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0].range.start, f[0].range.end), '2019');
  assert.match(f[0].message.zh, /2019 年名下/);
  assert.equal(f[0].fix?.edits[0].newText, '2020');
  assert.equal(f[0].fix?.changesFigure, true);
});

test('year-mismatch: up to five years back is a leftover, further back is history; a long sentence is quoted to 40 characters', () => {
  // Found by npm run mutate (year-mismatch.ts: the five-year window, inclusive; the quote's length).
  const said = (s: string) => only('year-mismatch', spec({ year: 2021, overview: [s] })).map((d) => d.message.zh);
  assert.deepEqual(said('2016年，本机关共受理政府信息公开申请25件。'), ['2021 年度报告中写“2016年，本机关共受理政府信息公开申请25件。”：本年度的情况写在了 2016 年名下，可能沿用了以前年度报告的文字']);
  assert.deepEqual(said('2015年，本机关共受理政府信息公开申请25件。'), []);
  assert.deepEqual(said('2020年，本机关坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央国务院关于政务公开工作的决策部署，共受理政府信息公开申请25件。'), [
    '2021 年度报告中写“2020年，本机关坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中…”：本年度的情况写在了 2020 年名下，可能沿用了以前年度报告的文字',
  ]);
});

test('year-mismatch: plans, comparisons, history and references are not findings', () => {
  const ok = [
    '针对2020年存在的问题，本年度逐项进行了整改。',
    '全年共收到申请25件，较上年增加3件，2020年同期为22件。',
    '2022年，我局将继续深化政务公开，计划新建专栏2个。',
    '自2019年以来，累计公开规范性文件120件。',
    '根据《2020年政务公开工作要点》，全年公开政府信息856条。',
    '2020年度报告发布后，我们对照反馈意见完成整改5项。',
    '2021年，本机关全年共收到政府信息公开申请25件。',
    '2019年至2021年，共办理申请70件。',
    '2020年12月，召开政务公开工作会议1次。',
    '本机关2020年度报告发布后收到意见2条，已全部答复。',
    '本报告按照2019年政府信息公开工作年度报告格式编制。',
  ];
  for (const p of ok) assert.deepEqual(only('year-mismatch', spec({ overview: [p] })).map((d) => d.message.zh), [], p);
});

test('year-mismatch: the 统计期限 names another year than the title', () => {
  const text = spec({ year: 2021 }).replace('统计期限为2021年1月1日至2021年12月31日', '统计期限为2020年1月1日至2020年12月31日');
  const f = only('year-mismatch', text);
  assert.equal(f.length, 2);
  assert.ok(f.every((d) => text.slice(d.range.start, d.range.end) === '2020'));
  assert.ok(f.every((d) => d.fix?.edits[0].newText === '2021'));
  const fixed = applyEdits(text, f.flatMap((d) => d.fix!.edits));
  assert.deepEqual(only('year-mismatch', fixed), []);
});

test('year-mismatch: the text calls the report another year\'s', () => {
  const text = spec({ year: 2021, overview: ['现将本机关2020年度政府信息公开工作年度报告公布如下。'] });
  const f = only('year-mismatch', text);
  assert.equal(f.length, 1);
  assert.match(f[0].message.zh, /2020 年度报告/);
});

test('year-mismatch: a table header naming the wrong 上一年', () => {
  const text = spec({ year: 2020 }).replace('| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |', '| 信息内容 | 上一年项目数量（指2018年事项数） | 本年增/减 | 处理决定数量 |');
  const f = only('year-mismatch', text);
  assert.equal(f.length, 1, f.map((d) => d.message.zh).join('\n'));
  assert.match(f[0].message.zh, /此处应为 2019 年/);
  const right = spec({ year: 2020 }).replace('| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |', '| 信息内容 | 上一年项目数量（指2019年事项数） | 本年增/减 | 处理决定数量 |');
  assert.deepEqual(only('year-mismatch', right), []);
});

test('year-mismatch: the 统计期限\'s messages, with and without a year in the title', () => {
  // Found by npm run mutate (year-mismatch.ts: 标题 named only when the title has the year; the fix and the related title year likewise).
  const titled = spec({ year: 2021 }).replace('至2021年12月31日', '至2020年12月31日');
  assert.deepEqual(only('year-mismatch', titled).map((d) => [titled.slice(d.range.start, d.range.end), d.message.zh, d.message.en, d.fix?.edits[0].newText, d.related?.map((r) => [titled.slice(r.range.start, r.range.end), r.message.zh, r.message.en])]), [
    ['2020', '统计期限写的是 2020 年，而报告标题年度为 2021 年', 'The reporting period names 2020, but the report\'s title is for 2021', '2021', [['2021', '标题年度 2021', 'title year 2021']]],
  ]);
  // No year in the title: the year is the 统计期限's first; the end year left from 2020 is reported without a fix.
  const untitled = titled.replace('某市测试局2021年政府信息公开工作年度报告', '某市测试局政府信息公开工作年度报告');
  assert.equal(analyze(untitled).report.yearRange, undefined);
  assert.deepEqual(only('year-mismatch', untitled).map((d) => [untitled.slice(d.range.start, d.range.end), d.message.zh, d.message.en, d.fix, d.related]), [
    ['2020', '统计期限写的是 2020 年，而报告年度为 2021 年', 'The reporting period names 2020, but the report is for 2021', undefined, undefined],
  ]);
});

test('year-mismatch: without a year in the title, the text\'s leftovers are reported with no fix', () => {
  // Found by npm run mutate (year-mismatch.ts: a fix only where the title's year can be written in).
  const text = spec({ year: 2021, overview: ['现将本机关2020年度政府信息公开工作年度报告公布如下。', '2020年，本机关共受理政府信息公开申请25件。'] })
    .replace('某市测试局2021年政府信息公开工作年度报告', '某市测试局政府信息公开工作年度报告');
  assert.equal(analyze(text).report.year, 2021);
  const f = only('year-mismatch', text);
  assert.deepEqual(f.map((d) => [text.slice(d.range.start, d.range.end), d.fix]), [['2020', undefined], ['2020', undefined]]);
});

test('year-mismatch: a report whose year cannot be read is not judged', () => {
  // Found by npm run mutate (year-mismatch.ts: no year, nothing to compare with).
  const text = spec({ year: 2021, overview: ['（一）2019年，本机关共受理政府信息公开申请25件。'], signed: '' })
    .replace('某市测试局2021年政府信息公开工作年度报告', '某市测试局政府信息公开工作年度报告').replace('统计期限为2021年1月1日至2021年12月31日。', '统计期限为一个自然年度。');
  assert.equal(analyze(text).report.year, undefined);
  assert.deepEqual(only('year-mismatch', text), []);
});

test('year-mismatch: table headers with the year written after 上一年 or 本年, or before (上一年); free tables and other headers are not judged', () => {
  // Found by npm run mutate (year-mismatch.ts: which year a header cell expects, where the finding points; only the official tables).
  const header = '| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |';
  const with2020 = (from: string, to: string) => spec({ year: 2020 }).replace(header, header.replace(from, to));
  const said = (text: string) => only('year-mismatch', text).map((d) => [text.slice(d.range.start, d.range.end), d.message.zh]);
  assert.deepEqual(said(with2020('上一年项目数量', '上一年项目数量（2019年）')), []);
  assert.deepEqual(said(with2020('上一年项目数量', '2019年（上一年）项目数量')), []);
  assert.deepEqual(said(with2020('上一年项目数量', '2019年度（上年）项目数量')), []);
  assert.deepEqual(said(with2020('本年增/减', '本年（2020年）增/减')), []);
  assert.deepEqual(said(with2020('本年增/减', '本年较上年（2019年）增/减')), []);
  assert.deepEqual(said(with2020('处理决定数量', '处理决定数量（2020年，不含上一年结转）')), []);
  assert.deepEqual(said(with2020('本年增/减', '本年（2019年）增/减')), [['2019', '表头「本年（2019年）增/减」写的是 2019 年，2020 年度报告此处应为 2020 年']]);
  assert.deepEqual(said(with2020('上一年项目数量', '上一年项目数量（2020年）')), [['2020', '表头「上一年项目数量（2020年）」写的是 2020 年，2020 年度报告此处应为 2019 年']]);
  // A header with another year but neither 上一年 nor 本年 says nothing about which year the column is.
  assert.deepEqual(said(with2020('处理决定数量', '处理决定数量（含2018年立案）')), []);
  // A table of the text's own, comparing with earlier years.
  const free = spec({ year: 2020, overview: ['近年主动公开情况如下。', '| 项目 | 2018年 | 本年较2018年增减 |\n|---|---|---|\n| 主动公开 | 800 | 56 |', '全年共公开政府信息856条。'] });
  assert.deepEqual(said(free), []);
});

test('year-mismatch: the text naming its own report: the range and fix; references to other years\' reports and their notices are not findings', () => {
  // Found by npm run mutate (year-mismatch.ts: the self-reference's range, fix and exceptions).
  const wrong = spec({ year: 2021, overview: ['现将本机关2020年度政府信息公开工作年度报告公布如下。'] });
  assert.deepEqual(only('year-mismatch', wrong).map((d) => [wrong.slice(d.range.start, d.range.end), d.fix?.edits.map((e) => [wrong.slice(e.range.start, e.range.end), e.newText])]), [['2020', [['2020', '2021']]]]);
  const ok = [
    '按照《关于做好2020年度政府信息公开工作年度报告编制工作的通知》要求，现将本机关2021年度政府信息公开工作年度报告公布如下。',
    '2020年度报告已于2021年1月20日在门户网站公开。',
    '对照2020年度报告发布后公众反馈的意见，现将本年度整改情况报告如下。',
  ];
  for (const p of ok) assert.deepEqual(only('year-mismatch', spec({ year: 2021, overview: [p] })).map((d) => d.message.zh), [], p);
  // A sentence that opens with last year's report title and then states counts is one finding, not two.
  const opening = spec({ year: 2021, overview: ['2020年度政府信息公开工作年度报告编制如下：全年共收到政府信息公开申请25件。'] });
  assert.deepEqual(only('year-mismatch', opening).map((d) => d.message.zh), ['正文称本报告为 2020 年度报告，而标题年度为 2021 年']);
});

test('year-mismatch: leftover sentences as agencies write them: indented, numbered, spaced out, in Chinese numerals, with 在, with 未', () => {
  // Found by npm run mutate (year-mismatch.ts: what may stand before the year; the range and fix of a spaced or Chinese year; 无/未 without figures).
  const found = (s: string) => {
    const text = spec({ year: 2021, overview: [s] });
    return only('year-mismatch', text).map((d) => [text.slice(d.range.start, d.range.end), d.fix?.edits[0].newText]);
  };
  assert.deepEqual(found('　　2020年，本机关共受理政府信息公开申请25件。'), [['2020', '2021']]);
  assert.deepEqual(found('（一） 2020 年，本机关共受理政府信息公开申请 25 件。'), [['2020', '2021']]);
  assert.deepEqual(found('1.2020年，本机关共受理政府信息公开申请25件。'), [['2020', '2021']]);
  assert.deepEqual(found('在2020年，本机关共受理政府信息公开申请25件。'), [['2020', '2021']]);
  assert.deepEqual(found('二〇二〇年，本机关共受理政府信息公开申请二十五件。'), [['二〇二〇', undefined]]);
  assert.deepEqual(found('（一）二〇二〇年，本机关共受理政府信息公开申请二十五件。'), [['二〇二〇', undefined]]);
  assert.deepEqual(found('2020年，本机关未收到政府信息公开申请。'), [['2020', '2021']]);
  assert.deepEqual(found('2020年，本机关共受理政府信息公开申请25件，于2020年12月31日前全部办结。'), [['2020', '2021']]);
});

test('year-mismatch: sentences under another year that are not this year\'s facts', () => {
  // Found by npm run mutate (year-mismatch.ts: the report year later in the sentence, no fact verb, no count).
  for (const s of [
    '2020年结转至2021年办理的申请3件，均已办结。',
    '2020年，门户网站改版上线新栏目3个。',
    '2020年，本机关持续推进政府信息公开工作。',
  ]) assert.deepEqual(only('year-mismatch', spec({ year: 2021, overview: [s] })).map((d) => d.message.zh), [], s);
});

test('year-mismatch: the quote is the sentence trimmed, cut after 40 characters', () => {
  // Found by npm run mutate (year-mismatch.ts: the quote's length is counted without the spaces around the sentence).
  const forty = '2020年，本单位共受理政府信息公开申请25件，其中自然人申请20件，法人5件。';
  const fortyOne = '2020年，本单位共受理政府信息公开申请25件，其中自然人申请20件，法人有5件。';
  assert.equal(forty.length, 40);
  assert.equal(fortyOne.length, 41);
  const quote = (s: string) => only('year-mismatch', spec({ year: 2021, overview: [`以下为全年情况。 ${s}`] })).map((d) => /写“(.*)”：/.exec(d.message.zh)?.[1]);
  assert.deepEqual(quote(forty), [forty]);
  assert.deepEqual(quote(fortyOne), [fortyOne.slice(0, 40) + '…']);
  assert.deepEqual(quote('2020年，本单位共受理政府信息公开申请25件。'), ['2020年，本单位共受理政府信息公开申请25件。']);
});

// publish-date

test('publish-date: without sections, a date alone on a line is the signature only in the last third of the text', () => {
  // Found by npm run mutate (publish-date.ts: where the signature is looked for when no section is recognised).
  const para = '本机关认真贯彻落实政府信息公开条例，持续推进政务公开工作。';
  const text = (last: string) => ['# 某市某局2021年政府信息公开工作年度报告', '', para, '', para, '', para, '', para, '', '2023年5月1日', '', para, '', para, '', para, '', last, ''].join('\n');
  const at = text('2022年1月20日').indexOf('2023年5月1日') / text('2022年1月20日').length;
  assert.ok(at > 0.55 && at < 0.62, `the date in the middle stands at ${at.toFixed(2)} of the text`);
  assert.deepEqual(only('publish-date', text('2022年1月20日')).map((d) => d.message.zh), [], 'a date in the middle is not the signature; the signature is in time');
  assert.deepEqual(only('publish-date', text('2022年3月1日')).map((d) => d.message.zh), ['落款日期 2022年3月1日 晚于法定期限 2022年1月31日（《条例》第四十九条：政府部门的年度报告应于每年1月31日前公布）']);
});

test('publish-date: 31 January for a department, 31 March for a people\'s government', () => {
  const late = spec({ year: 2021, published: '发布时间：2022-02-04 17:11' });
  const f = only('publish-date', late);
  assert.equal(f.length, 1);
  assert.equal(late.slice(f[0].range.start, f[0].range.end), '2022-02-04');
  assert.match(f[0].message.zh, /晚于法定期限 2022年1月31日/);
  assert.deepEqual(only('publish-date', spec({ year: 2021, published: '发布日期：2022年1月31日' })), []);
  // The people's government's own report: 31 March.
  assert.deepEqual(only('publish-date', spec({ agency: '某县人民政府', year: 2021, signed: '2022年3月28日' })), []);
  const gov = only('publish-date', spec({ agency: '某县人民政府', year: 2021, signed: '2022年4月2日' }));
  assert.equal(gov.length, 1);
  assert.match(gov[0].message.zh, /2022年3月31日/);
  // Its office is a department: 31 January.
  assert.equal(only('publish-date', spec({ agency: '某县人民政府办公室', year: 2021, signed: '2022年3月28日' })).length, 1);
});

test('publish-date: before the year ends, two years late, Chinese numerals', () => {
  const early = only('publish-date', spec({ year: 2021, signed: '2021年12月20日' }));
  assert.equal(early.length, 1);
  assert.match(early[0].message.zh, /早于报告年度 2021 年结束/);
  const far = only('publish-date', spec({ year: 2020, signed: '2022年1月15日' }));
  assert.equal(far.length, 1);
  assert.match(far[0].message.zh, /晚两年以上/);
  assert.equal(only('publish-date', spec({ year: 2021, signed: '二〇二二年二月三日' })).length, 1);
  assert.deepEqual(only('publish-date', spec({ year: 2021, signed: '二〇二二年一月三十日' })), []);
});

test('publish-date: dates in the text are not the report\'s date', () => {
  const text = spec({ year: 2021, overview: ['2022年3月1日起施行的新办法已于2021年12月公布。'], problems: ['2022年6月30日前完成整改。'], signed: '2022年1月10日' });
  assert.deepEqual(only('publish-date', text), []);
});

test('publish-date: the messages name the date, the deadline and the law, in both languages, and point at the report year', () => {
  // Found by npm run mutate (publish-date.ts: 发布日期 or 落款日期; the department's or the government's article; the related title year).
  const dept = spec({ year: 2021, published: '发布时间：2022-02-04', signed: '' });
  const f = only('publish-date', dept);
  assert.deepEqual(f.map((d) => [dept.slice(d.range.start, d.range.end), d.message.zh, d.message.en]), [[
    '2022-02-04',
    '发布日期 2022年2月4日 晚于法定期限 2022年1月31日（《条例》第四十九条：政府部门的年度报告应于每年1月31日前公布）',
    'The publication date 2022年2月4日 is after the legal deadline 2022年1月31日 (Regulations art. 49: a department\'s report by 31 January)',
  ]]);
  assert.deepEqual(f[0].related?.map((r) => [dept.slice(r.range.start, r.range.end), r.message.zh, r.message.en]), [['2021', '报告年度 2021', 'report year 2021']]);
  const gov = spec({ agency: '某县人民政府', year: 2021, signed: '2022年4月2日' });
  assert.deepEqual(only('publish-date', gov).map((d) => [gov.slice(d.range.start, d.range.end), d.message.zh, d.message.en]), [[
    '2022年4月2日',
    '落款日期 2022年4月2日 晚于法定期限 2022年3月31日（《条例》第四十九条：县级以上地方人民政府的年度报告应于每年3月31日前公布）',
    'The signature date 2022年4月2日 is after the legal deadline 2022年3月31日 (Regulations art. 49: a people\'s government\'s report by 31 March)',
  ]]);
});

test('publish-date: a title without a year: the agency is read from the title (spaces and all), nothing points at a title year', () => {
  // Found by npm run mutate (publish-date.ts: the reporting body cut from a title that has no year; related only with a title year).
  const noYear = (title: string, signed: string) => spec({ agency: '某县人民政府', year: 2021, signed }).replace('# 某县人民政府2021年政府信息公开工作年度报告', `# ${title}`);
  for (const title of ['某县人民政府政府信息公开工作年度报告', '某县人民政府 政府信息公开工作年度报告']) {
    assert.ok(!noYear(title, '2022年3月20日').includes('2021年政府信息公开工作年度报告'), title);
    assert.deepEqual(only('publish-date', noYear(title, '2022年3月20日')), [], `${title}: a county has until 31 March`);
    const late = only('publish-date', noYear(title, '2022年4月2日'));
    assert.deepEqual(late.map((d) => [d.message.zh, d.related]), [['落款日期 2022年4月2日 晚于法定期限 2022年3月31日（《条例》第四十九条：县级以上地方人民政府的年度报告应于每年3月31日前公布）', undefined]], title);
  }
});

test('publish-date: signed on 31 December of the report year is before the year has ended', () => {
  // Found by npm run mutate (publish-date.ts: the last day of the year is still the year).
  assert.deepEqual(only('publish-date', spec({ year: 2021, signed: '2021年12月31日' })).map((d) => d.message.zh), ['落款日期 2021年12月31日 早于报告年度 2021 年结束：年度报告应在年度结束后发布']);
});

test('publish-date: a report whose year cannot be read is not judged', () => {
  // Found by npm run mutate (publish-date.ts: no year, no deadline).
  const text = spec({ year: 2021, overview: ['本机关持续推进政府信息公开工作。'], signed: '2023年5月1日' })
    .replace('某市测试局2021年政府信息公开工作年度报告', '某市测试局政府信息公开工作年度报告').replace('统计期限为2021年1月1日至2021年12月31日。', '统计期限为一个自然年度。');
  assert.equal(analyze(text).report.year, undefined);
  assert.deepEqual(only('publish-date', text), []);
});

test('publish-date: the signature as agencies write it: indented with full-width spaces, spaced out, right under the name, at the very end without a line break', () => {
  // Found by npm run mutate (publish-date.ts: the line is compared without spaces; line by line to the end of the text).
  const late = '落款日期 2022年3月1日 晚于法定期限 2022年1月31日（《条例》第四十九条：政府部门的年度报告应于每年1月31日前公布）';
  const cases: [string, string][] = [
    ['indented', spec({ year: 2021, signed: '　　　　　　　　2022年3月1日' })],
    ['spaced out', spec({ year: 2021, signed: '2022 年 3 月 1 日' })],
    ['right under the name', spec({ year: 2021, signed: '' }) + '某市测试局\n2022年3月1日\n'],
    ['last line, no line break', spec({ year: 2021, signed: '' }) + '某市测试局\n\n2022年3月1日'],
  ];
  for (const [what, text] of cases) {
    const f = only('publish-date', text);
    assert.deepEqual(f.map((d) => d.message.zh), [late], what);
    assert.equal(text.slice(f[0].range.start, f[0].range.end).replace(/ /g, ''), '2022年3月1日', what);
  }
});

test('publish-date: a date on a line of its own before 六, or among words after it, is not the signature', () => {
  // Found by npm run mutate (publish-date.ts: the signature is looked for after the last section, on a line holding only a date).
  const text = spec({
    year: 2021,
    problems: ['下一步，本机关计划于\n2022年6月30日\n前完成政府网站集约化改造。'],
    other: ['本年度未收取信息处理费。2022年3月1日起施行的《某市政务公开办法》已在本机关网站公开。'],
    signed: '2022年1月20日',
  });
  assert.ok(text.indexOf('\n2022年6月30日\n') > text.length * 2 / 3, 'the lone date stands in the last third of the text');
  assert.deepEqual(only('publish-date', text), []);
});

test('publish-date: a label\'s date must follow it within six characters; a line that names 发布时间 and a date far after it has none', () => {
  // Found by npm run mutate (publish-date.ts: the date after the label, at most six characters on).
  const at = (published: string) => only('publish-date', spec({ year: 2021, published, signed: '' })).map((d) => d.message.zh);
  assert.deepEqual(at('发布日期：　　　　　2022年2月4日'), ['发布日期 2022年2月4日 晚于法定期限 2022年1月31日（《条例》第四十九条：政府部门的年度报告应于每年1月31日前公布）']);
  assert.deepEqual(at('发布日期：　　　　　　2022年2月4日'), []);
  assert.deepEqual(at('本报告的发布时间以门户网站公开之日为准，数据统计截至2021年12月31日。'), []);
  assert.deepEqual(at('2021年12月30日定稿，发布日期：2022-01-20'), []);
});

test('publish-date: the publication line may open the text (a web page copied whole)', () => {
  // Found by npm run mutate (publish-date.ts: lines are read from the text's first character).
  const text = '发布时间：2022-02-04\n\n' + spec({ year: 2021, signed: '' });
  const f = only('publish-date', text);
  assert.deepEqual(f.map((d) => [d.range.start, text.slice(d.range.start, d.range.end)]), [[5, '2022-02-04']]);
});

test('publish-date: dates in a table are not the report\'s date', () => {
  // Found by npm run mutate (publish-date.ts: table lines, the first and the last included, are left out).
  const table = ['| 政策文件 | 发布日期：2021-03-05 |', '|---|---|', '| 政策解读 | 发布日期：2021-03-08 |'].join('\n');
  const text = spec({ year: 2021, overview: ['本年度主动公开重要政策文件如下。', table, '全年共公开政府信息856条。'] });
  assert.ok(analyze(text).report.rawTables.some((t) => text.slice(t.range.start, t.range.end).startsWith('| 政策文件')), 'the table is read as one');
  assert.deepEqual(only('publish-date', text), []);
});

// fee-statement

test('fee-statement: from 2021, 六 must speak of 信息处理费', () => {
  const none = spec({ year: 2021, other: ['无。'] });
  const f = only('fee-statement', none);
  assert.equal(f.length, 1);
  assert.equal(none.slice(f[0].range.start, f[0].range.end), '六、其他需要报告的事项');
  for (const said of ['本年度未收取信息处理费。', '本机关依据《政府信息公开信息处理费管理办法》收取信息处理费0元。', '无其他需要报告的事项。本年度未向申请人收费。']) {
    assert.deepEqual(only('fee-statement', spec({ year: 2021, other: [said] })), [], said);
  }
  assert.deepEqual(only('fee-statement', spec({ year: 2020, other: ['无。'] })), [], 'not before 2021');
});

test('fee-statement: the heading is named as written; a PDF\'s 费⽤ (Kangxi radical) is 费用; no 六 at all is section-missing\'s', () => {
  // Found by npm run mutate (fee-statement.ts: the numeral in the message, NFKC before matching, the section may be missing).
  const said = (text: string) => only('fee-statement', text).map((d) => d.message.zh);
  assert.deepEqual(said(spec({ year: 2021, other: ['无。'] })), ['「六、其他需要报告的事项」没有说明信息处理费的收取情况：自 2021 年度起应写明本年度收取的信息处理费（或未收取）']);
  const bare = spec({ year: 2021, other: ['无。'] }).replace('六、其他需要报告的事项', '## 其他需要报告的事项');
  assert.deepEqual(only('fee-statement', bare).map((d) => [d.message.zh, d.message.en]), [[
    '「其他需要报告的事项」没有说明信息处理费的收取情况：自 2021 年度起应写明本年度收取的信息处理费（或未收取）',
    '“其他需要报告的事项” says nothing about information-processing fees: from report year 2021 it must state the fees charged (or that none were)',
  ]]);
  // Text taken from a PDF often has Kangxi radicals for common characters: ⽤ (U+2F64) for 用.
  assert.deepEqual(said(spec({ year: 2021, other: ['本年度政府信息公开工作未产生任何费\u2F64。'] })), []);
  assert.equal(said(spec({ year: 2021, other: ['本年度政府信息公开工作未产生任何开支。'] })).length, 1);
  const none = spec({ year: 2021 }).replace('六、其他需要报告的事项\n\n本年度未收取信息处理费。\n', '');
  assert.deepEqual(said(none), []);
  assert.equal(run(none).filter((d) => d.ruleId === 'section-missing').length, 1);
});

// copied-text

const FIVE = '一是政务公开工作机制还不够健全，个别科室对主动公开的时限把握不严，信息发布存在滞后现象；二是政策解读形式较为单一。';

test('copied-text: identical and nearly identical paragraphs of last year\'s report', () => {
  const last = spec({ year: 2021, problems: [FIVE] });
  const same = spec({ year: 2022, problems: [FIVE] });
  const f = only('copied-text', same, last);
  assert.equal(f.length, 1);
  assert.equal(same.slice(f[0].range.start, f[0].range.end), FIVE);
  assert.match(f[0].message.zh, /完全相同/);
  const near = spec({ year: 2022, problems: [FIVE.replace('个别科室', '部分科室')] });
  const g = only('copied-text', near, last);
  assert.equal(g.length, 1);
  assert.match(g[0].message.zh, /几乎相同（相似度 9\d%）/);
});

test('copied-text: rewritten text, short lines, fixed wording, no or wrong previous report', () => {
  const last = spec({ year: 2021, problems: [FIVE], other: ['无。'] });
  assert.deepEqual(only('copied-text', spec({ year: 2022, problems: ['本年度发现基层站所上传的办事指南有12项要素不全，已组织逐项补齐并开展两次专题培训。'] }), last), []);
  // Both reports open with 本报告根据…编制 and end with 本年度未收取信息处理费。: fixed wording, not copying.
  const a = only('copied-text', spec({ year: 2022, problems: ['无。'] }), spec({ year: 2021, problems: ['无。'] }));
  assert.deepEqual(a.map((d) => d.message.zh), []);
  assert.deepEqual(only('copied-text', spec({ year: 2022, problems: [FIVE] })), [], 'no previous report');
  assert.deepEqual(only('copied-text', spec({ year: 2023, problems: [FIVE] }), last), [], 'not the year before');
});

test('copied-text: where last year\'s paragraph was (the opening, a section) and which year, in both languages; a report without a year is compared too', () => {
  const OPENING = '为进一步做好政府信息公开工作，本机关认真贯彻落实条例规定，现将本年度工作情况报告如下。';
  const OVERVIEW = '本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开，切实保障人民群众的知情权、参与权和监督权。';
  const withOpening = (text: string) => text.replace('一、总体情况', `${OPENING}\n\n一、总体情况`);
  const last = withOpening(spec({ year: 2021, overview: [OVERVIEW], problems: [FIVE] }));
  const now = withOpening(spec({ year: 2022, overview: [OVERVIEW.replace('切实', '有效')], problems: [FIVE] }));
  // Without its year: no year in the title, the 统计期限 or the signature.
  const yearless = (text: string) => text.replace(/20\d\d年政府/, '政府').replace(/统计期限为.*?。/, '统计期限为本年度。').replace(/\n20\d\d年1月20日\n/, '\n');
  assert.equal(analyze(yearless(last)).report.year, undefined);
  const found = (text: string, previous: string) => only('copied-text', text, previous).map((d) => [text.slice(d.range.start, d.range.end).slice(0, 10), d.message.zh, d.message.en]);
  const in2021 = [
    [OPENING.slice(0, 10), '此段与2021年度报告开头部分的一段完全相同：年度报告应写本年度的情况（内容雷同）', 'This paragraph is word for word the same as one in 2021 report: the report must describe this year (内容雷同, copied text)'],
    [OVERVIEW.slice(0, 10), '此段与2021年度报告「一」部分的一段几乎相同（相似度 96%）：年度报告应写本年度的情况（内容雷同）', 'This paragraph is nearly the same (96% similar) as one in 2021 report: the report must describe this year (内容雷同, copied text)'],
    [FIVE.slice(0, 10), '此段与2021年度报告「五」部分的一段完全相同：年度报告应写本年度的情况（内容雷同）', 'This paragraph is word for word the same as one in 2021 report: the report must describe this year (内容雷同, copied text)'],
  ];
  assert.deepEqual(found(now, last), in2021);
  assert.deepEqual(found(yearless(now), last), in2021);
  assert.deepEqual(found(now, yearless(last)), [
    [OPENING.slice(0, 10), '此段与上一年度报告开头部分的一段完全相同：年度报告应写本年度的情况（内容雷同）', "This paragraph is word for word the same as one in the previous year's report: the report must describe this year (内容雷同, copied text)"],
    [OVERVIEW.slice(0, 10), '此段与上一年度报告「一」部分的一段几乎相同（相似度 96%）：年度报告应写本年度的情况（内容雷同）', "This paragraph is nearly the same (96% similar) as one in the previous year's report: the report must describe this year (内容雷同, copied text)"],
    [FIVE.slice(0, 10), '此段与上一年度报告「五」部分的一段完全相同：年度报告应写本年度的情况（内容雷同）', "This paragraph is word for word the same as one in the previous year's report: the report must describe this year (内容雷同, copied text)"],
  ]);
});

// carryover

test('carryover: per column, with last year\'s figure as fix', () => {
  const last = spec({ year: 2020 }); // carries over [3, 2], total 5
  const ok = spec({ year: 2021, t3: { new: [20, 5], carried_in: [3, 2], disclosed: [10, 2] } });
  assert.deepEqual(only('carryover', ok, last), []);
  const bad = spec({ year: 2021, t3: { new: [20, 5], carried_in: [3, 1], disclosed: [10, 2] } });
  const f = only('carryover', bad, last);
  assert.equal(f.length, 2);
  assert.ok(f.every((d) => d.severity === 'error'));
  assert.deepEqual(f.map((d) => d.fix?.edits[0].newText), ['2', '5']);
  assert.match(f[0].message.zh, /二、上年结转「商业企业」为 1，而2020年度报告的四、结转下年度继续办理「商业企业」为 2/);
  // Carried in more than was carried over: reported the same way, in the other direction.
  const more = spec({ year: 2021, t3: { new: [20, 5], carried_in: [3, 4], disclosed: [10, 2] } });
  const m = only('carryover', more, last);
  assert.deepEqual(m.map((d) => d.message.zh), [
    '二、上年结转「商业企业」为 4，而2020年度报告的四、结转下年度继续办理「商业企业」为 2',
    '二、上年结转「总计」为 7，而2020年度报告的四、结转下年度继续办理「总计」为 5',
  ]);
  assert.deepEqual(m.map((d) => d.fix?.edits[0].newText), ['2', '5']);
  assert.deepEqual(only('carryover', bad), [], 'silent without a previous report');
  assert.deepEqual(only('carryover', bad, spec({ year: 2019 })), [], 'silent when the previous report is not the year before');
});

test('carryover: a blank or unreadable figure on either side is not compared (cell-empty and cell-invalid report it)', () => {
  // Found by npm run mutate (carryover.ts: either figure missing skips the column, not only both).
  const last = spec({ year: 2020 }); // carries over [3, 2], total 5
  const now = spec({ year: 2021, t3: { new: [20, 5], carried_in: [3, 2], disclosed: [10, 2] } });
  const blankNow = now.replace('| 二、上年结转政府信息公开申请数量 | 3 | 2 |', '| 二、上年结转政府信息公开申请数量 | | 2 |');
  const blankLast = last.replace('| 四、结转下年度继续办理 | 3 | 2 |', '| 四、结转下年度继续办理 | 无 | 2 |');
  assert.notEqual(blankNow, now);
  assert.notEqual(blankLast, last);
  assert.deepEqual(only('carryover', blankNow, last).map((d) => d.message.zh), []);
  assert.deepEqual(only('carryover', now, blankLast).map((d) => d.message.zh), []);
});

test('carryover: its fix changes a figure, so --fix leaves it to --fix-figures', () => {
  // Found by npm run mutate (carryover.ts: changesFigure).
  const bad = spec({ year: 2021, t3: { new: [20, 5], carried_in: [3, 1], disclosed: [10, 2] } });
  const f = only('carryover', bad, spec({ year: 2020 }));
  assert.equal(f.length, 2);
  assert.deepEqual(selectFixEdits(f), []);
  assert.deepEqual(selectFixEdits(f, { figures: true }).map((e) => e.newText), ['2', '5']);
});

test('carryover: a report without table 3, this year\'s or last year\'s, is not compared and nothing fails', () => {
  // Found by npm run mutate (carryover.ts: either table 3 missing, not only both).
  const last = spec({ year: 2020 });
  const now = spec({ year: 2021, t3: { new: [20, 5], carried_in: [3, 1], disclosed: [10, 2] } });
  const without = (text: string) => {
    const start = text.indexOf('三、收到和处理政府信息公开申请情况');
    const end = text.indexOf('四、政府信息公开行政复议、行政诉讼情况');
    assert.ok(start > 0 && end > start);
    return text.slice(0, start) + '三、收到和处理政府信息公开申请情况\n\n（表格见附件）\n\n' + text.slice(end);
  };
  assert.deepEqual(only('carryover', now, without(last)), []);
  assert.deepEqual(only('carryover', without(now), last), []);
  assert.equal(only('carryover', now, last).length, 2, 'with both tables, the two columns that differ');
});

// The five seeds

function seedFindings(id: string): string[] {
  const text = readFileSync(`${root}test/fixtures/seeds/${id}.md`, 'utf8');
  const lines = new LineIndex(text);
  return analyze(text).diagnostics.filter((d) => CROSS.includes(d.ruleId)).map((d) => `${d.ruleId}@${lines.position(d.range.start).line + 1}`);
}

test('seeds: what the cross rules find', () => {
  assert.deepEqual(seedFindings('000'), ['publish-date@31', 'year-mismatch@41']);
  assert.deepEqual(seedFindings('001'), []);
  assert.deepEqual(seedFindings('002'), []);
  assert.deepEqual(seedFindings('003'), ['publish-date@113']);
  assert.deepEqual(seedFindings('004'), ['fee-statement@112']);
});

test('seed 000: published 2021-02-04, after 31 January; the 2019 sentence', () => {
  const text = readFileSync(`${root}test/fixtures/seeds/000.md`, 'utf8');
  const d = analyze(text).diagnostics;
  const p = d.find((x) => x.ruleId === 'publish-date')!;
  assert.equal(text.slice(p.range.start, p.range.end), '2021-02-04');
  assert.match(p.message.zh, /2021年2月4日 晚于法定期限 2021年1月31日/);
  const y = d.find((x) => x.ruleId === 'year-mismatch')!;
  assert.equal(text.slice(y.range.start, y.range.end), '2019');
  assert.ok(text.slice(y.range.start).startsWith('2019年,办理依申请公开事项3项'));
});

test('seed 003: a 2020 report signed 2022年1月15日', () => {
  const text = readFileSync(`${root}test/fixtures/seeds/003.md`, 'utf8');
  const p = analyze(text).diagnostics.find((x) => x.ruleId === 'publish-date')!;
  assert.equal(text.slice(p.range.start, p.range.end), '2022年1月15日');
  assert.match(p.message.zh, /晚两年以上/);
});
