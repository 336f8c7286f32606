// text-table-mismatch on a corpus of reports written for it: correct text in
// many wordings gives no finding; one wrong figure gives exactly one finding,
// on that figure, naming what was compared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { reportMarkdown, type ReportSpec } from './build.ts';

// Default figures (build.ts): 新收 25 (自然人 20, 商业企业 5), 上年结转 2, 予以公开 12, 部分公开 2,
// 不予公开 1, 无法提供 4, 不予处理 2, 其他处理 1, （七）总计 22, 结转下年度 5;
// table 4 here: 行政复议 1, 直接起诉 1, 复议后起诉 1.
const T4 = { review: [1, 0, 0, 0], direct: [0, 1, 0, 0], after: [0, 0, 0, 1] };
const ZERO_T3 = { new: [0, 0], carried_in: [0, 0] } as ReportSpec['t3'];

interface Case {
  name: string;
  text: string;
  year?: number;
  t3?: ReportSpec['t3'];
  t4?: ReportSpec['t4'];
}

const correct: Case[] = [
  { name: '共收到 / 上年结转 / 结转下年度', text: '全年共收到政府信息公开申请25件，上年结转2件，结转下年度继续办理5件。' },
  { name: '受理（含上年结转）/ 办结', text: '2021年，我单位全年受理政府信息公开申请27件（含上年结转2件），办结22件。' },
  { name: '新收 with applicants', text: '本年度新收政府信息公开申请25件，其中自然人申请20件，法人或其他组织申请5件。' },
  { name: 'the applicant before the keyword: 法人或其他组织新收申请5件 is its column, not 一、本年新收 25', text: '全年法人或其他组织新收政府信息公开申请5件，自然人新收申请20件。' },
  { name: 'two applicants joined before the keyword: not read', text: '自然人和法人或其他组织新收政府信息公开申请26件。' },
  { name: '受理 and every outcome', text: '依申请公开方面，全年受理25件，均已按期答复；予以公开12件，部分公开2件，不予公开1件，无法提供4件，不予处理2件，其他处理1件。' },
  { name: '办结 / 行政复议 / 行政诉讼', text: '全年办结政府信息公开申请22件，结转下年度继续办理5件。全年因政府信息公开被申请行政复议1件，被提起行政诉讼2件。' },
  { name: 'Chinese numerals, 件次', text: '收到依申请公开件二十五件次，予以公开十二件次。' },
  { name: '新收 plus 上年结转 = 办理', text: '本年度新收申请25件，加上上年结转的2件，共办理政府信息公开申请27件。' },
  { name: '案件 … 起', text: '行政复议方面，全年发生行政复议案件1起；行政诉讼方面，未经复议直接起诉1起，复议后起诉1起。' },
  { name: 'statements of absence', text: '本年度未收到政府信息公开申请，未发生因政府信息公开引起的行政复议、行政诉讼。', t3: ZERO_T3, t4: {} },
  { name: '接收 with 商业企业, 已办结 with 予以公开', text: '本年度共接收政府信息公开申请25件，其中商业企业5件；上年结转2件；已办结22件，其中予以公开12件。' },
  { name: '2019 format: 新收 / 办理完毕', year: 2020, text: '2020年，本机关新收政府信息公开申请25件，办理完毕22件，结转下年度继续办理5件。' },
  { name: 'full-width digits, 宗', text: '全年新收政府信息公开申请２５宗，上年结转２宗。' },
  {
    name: 'comparisons, other years, deadlines, other business, running totals',
    text: '与去年相比，全年收到申请数量较上年增加3件。收到申请后15个工作日内答复。全年办理市长热线交办事项163件。截至年底累计受理申请300件。上年收到申请8件。上半年受理申请10件。依申请公开方面，全年办理群众来信来访150件。收到申请约30件。',
  },
  { name: 'a number shared by two keywords', text: '全年行政复议和行政诉讼共3件。', t4: T4 },
  // Found by npm run mutate (statements.ts: the clause runs on after the figure to its break).
  { name: 'a running total or a part of the year named after the figure, in its clause', text: '共收到政府信息公开申请300件（累计）。收到政府信息公开申请10件（上半年）。' },
  // Found by npm run mutate (statements.ts: 申请行政复议 is not an application for information).
  { name: '申请行政复议 before 办结: not a statement about applications for information', text: '全年申请行政复议案件办结1件。' },
  // A count in the clause of a statement of absence: it is about a part of the agency, not the whole.
  { name: 'a count in the clause of 未收到申请 (3个乡镇)', text: '全年新收政府信息公开申请25件，下属3个乡镇未收到申请。' },
  // A negated keyword is not its figure: 未受理 3, 不予受理 1 and 尚未办结 4 are none of 受理 25 / 27 or 办结 22.
  { name: '未受理 / 不予受理 / 尚未办结 (negated keywords)', text: '全年受理政府信息公开申请25件，未受理申请3件，不予受理申请1件；办结政府信息公开申请22件，尚未办结的申请4件。' },
  // Found by npm run mutate (statements.ts: 新收, 收到, 受理, 办结 count applications only when 申请 is said).
  { name: '新收 / 收到 / 受理 / 办结 of letters and complaints, not applications', text: '全年新收群众来信30件，收到市长信箱来信40件，受理投诉50件，办结来信60件。' },
  // Found by npm run mutate (statements.ts QUALIFIED): a count of valid or compliant applications is a part, not the table's row.
  { name: '有效 / 合规 applications are a part of those received', text: '全年收到政府信息公开申请25件，受理有效申请20件，合规申请办结18件。' },
  // Found by npm run mutate (statements.ts: a keyword and the applicant right after it are two words, not one overlap).
  { name: '新收自然人申请20件 (the applicant right after the keyword)', text: '本年度新收自然人申请20件。' },
  // Found by npm run mutate (statements.ts scopeOf): a bracket closes where 含上年结转 may stand; 加上上年结转 after it is another clause's.
  { name: '受理25件（依申请公开），加上上年结转的2件: the bracket ends the scope of 含上年结转', text: '本年度受理政府信息公开申请25件（依申请公开），加上上年结转的2件，共办理27件。' },
  // Found by npm run mutate (statements.ts: what may stand between a keyword and its figure).
  { name: '收到12345热线转来的申请3件: digits between the keyword and the figure (a part, not the count)', text: '全年共收到政府信息公开申请25件，其中收到12345热线转来的申请3件。' },
  { name: '收到的申请，主要涉及规划建设类10件: a count after a clause break is not the keyword\'s', text: '本年度收到的政府信息公开申请，主要涉及规划建设类10件。' },
  { name: 'a keyword 21 characters before the figure is too far to be read (26 not compared)', text: '全年收到政府网站和信函等方式提交的政府信息公开申请26件。' },
  { name: '约二十件至二十六件: a range is not read', text: '全年收到政府信息公开申请约二十件至二十六件。' },
  { name: '受理二十五件（三十人次）: the second count of one keyword is not read', text: '本年度政府信息公开申请受理二十五件（三十人次）。' },
  { name: '共收到各类政府信息公开申请25件 (各 without two keywords)', text: '全年共收到各类政府信息公开申请25件。' },
  { name: '行政复议和 行政诉讼共3件 (a space after the joining word)', text: '全年行政复议和 行政诉讼共3件。', t4: T4 },
  { name: '被申请行政复议1件，其中自然人申请1件: table 4 has no applicant columns', text: '全年被申请行政复议1件，其中自然人申请1件。', t4: T4 },
  // Found by npm run mutate (statements.ts: statements of absence about another year, a part, or reconsideration).
  { name: '上年度未发生…行政复议: last year\'s absence', text: '上年度未发生因政府信息公开引起的行政复议。', t4: T4 },
  { name: '2020年未发生…行政复议 in a 2021 report: another year\'s absence', text: '2020年未发生因政府信息公开引起的行政复议。', t4: T4 },
  { name: '未收到行政复议申请: reconsideration, not applications for information', text: '全年共收到政府信息公开申请25件，未收到行政复议申请。' },
  { name: '3个乡镇未收到申请: a count opening the clause of 未收到申请', text: '全年新收政府信息公开申请25件，3个乡镇未收到申请。' },
  { name: '未受理申请3件，其中自然人申请2件: the applicants after a negated keyword are not parts of the 受理 before it', text: '全年受理政府信息公开申请25件，未受理申请3件，其中自然人申请2件。' },
  { name: '自然人和 法人或其他组织新收…26件 (two applicants joined, a space after the joining word): not read', text: '自然人和 法人或其他组织新收政府信息公开申请26件。' },
];

interface Wrong extends Case {
  /** The wrong figure as written, which the finding must cover. */
  wrong: string;
  /** What the message must say was compared (the metric read and the table's cell). */
  says?: string;
}

const wrong: Wrong[] = [
  { name: '收到 26 (table 25, or 27 with carried in)', text: '全年共收到政府信息公开申请26件，上年结转2件，结转下年度继续办理5件。', wrong: '26' },
  { name: '受理 28 含上年结转 (table 27)', text: '2021年，我单位全年受理政府信息公开申请28件（含上年结转2件），办结22件。', wrong: '28' },
  { name: '自然人 19 (table 20)', text: '本年度新收政府信息公开申请25件，其中自然人申请19件，法人或其他组织申请5件。', wrong: '19' },
  { name: '予以公开 11 (table 12)', text: '依申请公开方面，全年受理25件，均已按期答复；予以公开11件，部分公开2件，不予公开1件，无法提供4件，不予处理2件，其他处理1件。', wrong: '11' },
  { name: '行政复议 2 (table 1)', text: '全年办结政府信息公开申请22件，结转下年度继续办理5件。全年因政府信息公开被申请行政复议2件，被提起行政诉讼2件。', wrong: '2', },
  { name: '二十六件 (table 25)', text: '收到依申请公开件二十六件次，予以公开十二件次。', wrong: '二十六' },
  { name: '上年结转 3 (table 2)', text: '全年共收到政府信息公开申请25件，上年结转3件，结转下年度继续办理5件。', wrong: '3' },
  { name: '复议后起诉 2 (table 1)', text: '行政复议方面，全年发生行政复议案件1起；行政诉讼方面，未经复议直接起诉1起，复议后起诉2起。', wrong: '2', says: '正文“复议后起诉”的数字 2 与表四「复议后起诉·总计」为 1' },
  { name: '未发生行政复议 but table 1', text: '本年度未收到政府信息公开申请，未发生因政府信息公开引起的行政复议、行政诉讼。', t3: ZERO_T3, t4: { review: [1, 0, 0, 0] }, wrong: '未发生因政府信息公开引起的行政复议' },
  { name: '商业企业 7 (table 5, or 6 with carried in)', text: '本年度共接收政府信息公开申请25件，其中商业企业7件；上年结转2件；已办结22件，其中予以公开12件。', wrong: '7' },
  { name: '2019 format: 结转下年度 4 (table 5)', year: 2020, text: '2020年，本机关新收政府信息公开申请25件，办理完毕22件，结转下年度继续办理4件。', wrong: '4' },
  // Found by npm run mutate (statements.ts: the window after a statement of absence): a count in the next
  // clause is another statement, and the absence is still read (the table has 25 received).
  { name: '未收到申请, then 办结3件 in the next clause (table 25)', text: '本年度未收到申请，办结3件。', wrong: '未收到申请' },
  { name: '无…行政复议 after a count in the clause before (table 1)', text: '全年收到政府信息公开申请25件，无因政府信息公开引起的行政复议。', wrong: '无因政府信息公开引起的行政复议' },
  // Found by npm run mutate (statements.ts: each outcome's keyword): every outcome and both kinds of litigation,
  // one wrong figure at a time.
  { name: '部分公开 3 (table 2)', text: '依申请公开方面，全年受理25件，均已按期答复；予以公开12件，部分公开3件，不予公开1件，无法提供4件，不予处理2件，其他处理1件。', wrong: '3', says: '正文“部分公开”的数字 3 与表三「（二）部分公开」的「总计」列为 2' },
  { name: '不予公开 2 (table 1)', text: '依申请公开方面，全年受理25件，均已按期答复；予以公开12件，部分公开2件，不予公开2件，无法提供4件，不予处理2件，其他处理1件。', wrong: '2', says: '正文“不予公开”的数字 2 与表三「（三）不予公开」各项之和的「总计」列为 1' },
  { name: '无法提供 5 (table 4)', text: '依申请公开方面，全年受理25件，均已按期答复；予以公开12件，部分公开2件，不予公开1件，无法提供5件，不予处理2件，其他处理1件。', wrong: '5', says: '正文“无法提供”的数字 5 与表三「（四）无法提供」各项之和的「总计」列为 4' },
  { name: '不予处理 3 (table 2)', text: '依申请公开方面，全年受理25件，均已按期答复；予以公开12件，部分公开2件，不予公开1件，无法提供4件，不予处理3件，其他处理1件。', wrong: '3', says: '正文“不予处理”的数字 3 与表三「（五）不予处理」各项之和的「总计」列为 2' },
  { name: '其他处理 2 (table 1)', text: '依申请公开方面，全年受理25件，均已按期答复；予以公开12件，部分公开2件，不予公开1件，无法提供4件，不予处理2件，其他处理2件。', wrong: '2', says: '正文“其他处理”的数字 2 与表三「（六）其他处理」的「总计」列为 1' },
  { name: '直接起诉 2 (table 1)', text: '行政复议方面，全年发生行政复议案件1起；行政诉讼方面，未经复议直接起诉2起，复议后起诉1起。', wrong: '2', says: '正文“直接起诉”的数字 2 与表四「未经复议直接起诉·总计」为 1' },
  { name: '办结 23 (table 22)', text: '全年办结政府信息公开申请23件。', wrong: '23', says: '正文“办结”的数字 23 与表三「（七）总计」的「总计」列为 22，或表三「一、本年新收」的「总计」列为 25，或表三「一、本年新收」＋「二、上年结转」的「总计」列为 27' },
  { name: '办理 28 (table 22 results, 25 new, 27 with carried in)', text: '全年共办理政府信息公开申请28件。', wrong: '28', says: '正文“办理”的数字 28 与表三「（七）总计」的「总计」列为 22，或表三「一、本年新收」的「总计」列为 25，或表三「一、本年新收」＋「二、上年结转」的「总计」列为 27' },
  // Each kind of applicant by its own words (statements.ts APPLICANTS), against its own column.
  { name: '科研机构 1 (table 0)', text: '本年度新收政府信息公开申请25件，其中科研机构1件。', wrong: '1', says: '正文“新收（科研机构）”的数字 1 与表三「一、本年新收」的「科研机构」列为 0' },
  { name: '公益组织 2 (table 0)', text: '本年度新收政府信息公开申请25件，其中公益组织2件。', wrong: '2', says: '正文“新收（社会公益组织）”的数字 2 与表三「一、本年新收」的「社会公益组织」列为 0' },
  { name: '法律服务机构 3 (table 0)', text: '本年度新收政府信息公开申请25件，其中法律服务机构3件。', wrong: '3', says: '正文“新收（法律服务机构）”的数字 3 与表三「一、本年新收」的「法律服务机构」列为 0' },
  { name: '法人 6 (table 5)', text: '本年度新收政府信息公开申请25件，其中法人6件。', wrong: '6', says: '正文“新收（法人或其他组织）”的数字 6 与表三「一、本年新收」的「法人或其他组织」列为 5' },
  { name: '法人或其他组织新收申请6件 (table 5)', text: '全年法人或其他组织新收政府信息公开申请6件。', wrong: '6', says: '正文“新收（法人或其他组织）”的数字 6 与表三「一、本年新收」的「法人或其他组织」列为 5' },
  // Found by npm run mutate (statements.ts basesFor: 新收 … 含上年结转 is compared with 一 + 二).
  { name: '新收 28 含上年结转 (table 27)', text: '本年度新收政府信息公开申请28件（含上年结转2件）。', wrong: '28', says: '正文“新收”的数字 28 与表三「一、本年新收」＋「二、上年结转」的「总计」列为 27' },
  // Found by npm run mutate (statements.ts clauseBounds): a plan word ending the clause before (草拟) is not this clause's.
  { name: '收到 26 after a clause ending in 草拟 (table 25, or 27)', text: '年度工作计划已于年初草拟，全年收到政府信息公开申请26件。', wrong: '26' },
  // Found by npm run mutate (statements.ts scopeOf): 含上年结转 after the figure, without brackets, in its clause.
  { name: '受理 25 含上年结转 without brackets (table 27)', text: '全年受理政府信息公开申请25件含上年结转2件。', wrong: '25', says: '正文“受理”的数字 25 与表三「一、本年新收」＋「二、上年结转」的「总计」列为 27' },
  // Found by npm run mutate (statements.ts basesFor): which rows each keyword is compared with, with and without 含上年结转.
  { name: '收到 28 含上年结转 (table 27)', text: '全年收到政府信息公开申请28件（含上年结转2件）。', wrong: '28', says: '正文“收到”的数字 28 与表三「一、本年新收」＋「二、上年结转」的「总计」列为 27' },
  { name: '受理 26 (table 25, or 27 with carried in)', text: '全年受理政府信息公开申请26件。', wrong: '26', says: '正文“受理”的数字 26 与表三「一、本年新收」的「总计」列为 25，或表三「一、本年新收」＋「二、上年结转」的「总计」列为 27' },
  { name: '办结 28 含上年结转 (table 22, or 27)', text: '全年办结政府信息公开申请28件（含上年结转2件）。', wrong: '28', says: '正文“办结”的数字 28 与表三「（七）总计」的「总计」列为 22，或表三「一、本年新收」＋「二、上年结转」的「总计」列为 27' },
  { name: '办理 29 含上年结转 (table 22, or 27)', text: '全年共办理政府信息公开申请29件（含上年结转2件）。', wrong: '29', says: '正文“办理”的数字 29 与表三「（七）总计」的「总计」列为 22，或表三「一、本年新收」＋「二、上年结转」的「总计」列为 27' },
  // Found by npm run mutate (statements.ts scopeOf): 含上年结转 inside the figure's bracket, whatever the bracket holds before it.
  { name: '受理 25（其中新申请23件，含上年结转2件）(table 27)', text: '全年受理政府信息公开申请25件（其中新申请23件，含上年结转2件）。', wrong: '25', says: '表三「一、本年新收」＋「二、上年结转」的「总计」列为 27' },
  { name: '受理 25（含上年结转 with the bracket left open (table 27)', text: '全年受理政府信息公开申请25件（含上年结转2件。', wrong: '25', says: '表三「一、本年新收」＋「二、上年结转」的「总计」列为 27' },
  { name: '受理 25（含上年结转）(table 27)', text: '全年受理政府信息公开申请25件（含上年结转）。', wrong: '25', says: '表三「一、本年新收」＋「二、上年结转」的「总计」列为 27' },
  // Found by npm run mutate (statements.ts yearBefore): a year named after the figure is not the year it is about.
  { name: '收到 26, then 较2020年 in the next clause (table 25, or 27)', text: '全年共收到政府信息公开申请26件，较2020年增加3件。', wrong: '26' },
  // Found by npm run mutate (statements.ts): a keyword 20 characters before its figure is still read.
  { name: '收到 26, 20 characters after the keyword (table 25, or 27)', text: '全年收到政府网站和信函方式提交的政府信息公开申请26件。', wrong: '26' },
  // Found by npm run mutate (statements.ts: statements of absence).
  { name: '2021年未发生…行政复议 but table 1 (the report year named)', text: '2021年未发生因政府信息公开引起的行政复议。', t4: T4, wrong: '未发生因政府信息公开引起的行政复议' },
  { name: '未发生…行政诉讼 but table 1', text: '本年度未发生因政府信息公开引起的行政诉讼。', t4: { direct: [0, 1, 0, 0] }, wrong: '未发生因政府信息公开引起的行政诉讼' },
  { name: '未发生…行政复议 opening the sentence, but table 1', text: '未发生因政府信息公开引起的行政复议。', t4: T4, wrong: '未发生因政府信息公开引起的行政复议' },
  { name: '未收到政府信息公开申请, 未发生行政复议 in the next clause (table 25)', text: '全年未收到政府信息公开申请，未发生行政复议、行政诉讼。', t4: {}, wrong: '未收到政府信息公开申请' },
];

function run(c: Case) {
  const text = reportMarkdown({ year: c.year ?? 2021, overview: [c.text], t3: c.t3, t4: c.t4 ?? T4 });
  const a = analyze(text);
  assert.deepEqual(a.failures, []);
  return { text, findings: a.diagnostics.filter((d) => d.ruleId === 'text-table-mismatch'), all: a.diagnostics };
}

for (const c of correct) {
  test(`correct text, no finding: ${c.name}`, () => {
    const { findings, all } = run(c);
    assert.deepEqual(findings.map((f) => f.message.zh), []);
    // The report itself is sound: no arithmetic finding hides a bad fixture.
    assert.deepEqual(all.filter((d) => d.severity === 'error').map((d) => d.ruleId), []);
  });
}

for (const c of wrong) {
  test(`one wrong figure, one finding: ${c.name}`, () => {
    const { text, findings } = run(c);
    assert.equal(findings.length, 1, findings.map((f) => f.message.zh).join('\n'));
    const f = findings[0];
    const overviewAt = text.indexOf(c.text);
    assert.ok(f.range.start >= overviewAt && f.range.end <= overviewAt + c.text.length, 'the finding is in the sentence');
    assert.equal(text.slice(f.range.start, f.range.end), c.wrong);
    // The message names both places and what was compared.
    assert.match(f.message.zh, /正文「.+」(（即 0）)?与表格不一致：比较的是/);
    assert.match(f.message.zh, /表[三四]/);
    if (c.says) assert.ok(f.message.zh.includes(c.says), f.message.zh);
    assert.match(f.message.en, /compared/);
    assert.ok((f.related ?? []).length > 0, 'related points at the table cells');
  });
}

test('法人或其他组织 is all five organisation columns, 其他 included', () => {
  // The 商业企业 figures moved to 其他 in every row of table 3 (the relations still hold).
  const inOther = (text: string) => text.replace(/^\| (.+?) \| (\d+) \| (\d+) \| 0 \| 0 \| 0 \| 0 \| (\d+) \|$/gm, '| $1 | $2 | 0 | 0 | 0 | 0 | $3 | $4 |');
  const report = (sentence: string) => inOther(reportMarkdown({ overview: [sentence], t4: T4 }));
  const right = report('本年度新收政府信息公开申请25件，其中自然人申请20件，法人或其他组织申请5件。');
  assert.ok(right.includes('| 一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 5 | 25 |'), 'the figures are in 其他');
  const ok = analyze(right);
  assert.deepEqual(ok.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message.zh), [], 'the table holds');
  assert.deepEqual(ok.diagnostics.filter((d) => d.ruleId === 'text-table-mismatch').map((d) => d.message.zh), []);
  const wrong = report('本年度新收政府信息公开申请25件，其中自然人申请20件，法人或其他组织申请6件。');
  const f = analyze(wrong).diagnostics.filter((d) => d.ruleId === 'text-table-mismatch');
  assert.deepEqual(f.map((d) => wrong.slice(d.range.start, d.range.end)), ['6']);
  assert.match(f[0].message.zh, /「法人或其他组织」列为 5/);
});

test('a miscounted 总计 is left to the arithmetic rules when the text matches the parts', () => {
  const text = reportMarkdown({ overview: ['全年被提起行政诉讼2件。'], t4: T4 }).replace('| 1 | 0 | 0 | 0 | 1 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1 |', '| 1 | 0 | 0 | 0 | 1 | 0 | 1 | 0 | 0 | 2 | 0 | 0 | 0 | 1 | 1 |');
  const a = analyze(text);
  assert.ok(a.diagnostics.some((d) => d.ruleId === 'total-review'));
  assert.deepEqual(a.diagnostics.filter((d) => d.ruleId === 'text-table-mismatch'), []);
});

test('a statement under another year is not compared (year-mismatch reports it)', () => {
  const { findings, all } = run({ name: '', text: '2020年，办理依申请公开事项3项。' });
  assert.deepEqual(findings, []);
  assert.ok(all.some((d) => d.ruleId === 'year-mismatch'));
});

test('no text-table-mismatch on the seeds and examples without a real contradiction', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  for (const f of ['000', '001', '002', '003', '004']) {
    const a = analyze(readFileSync(`test/fixtures/seeds/${f}.md`, 'utf8'));
    assert.deepEqual(a.diagnostics.filter((d) => d.ruleId === 'text-table-mismatch'), [], f);
  }
  for (const f of readdirSync('examples').filter((n) => n.endsWith('.md'))) {
    const a = analyze(readFileSync(`examples/${f}`, 'utf8'));
    assert.deepEqual(a.diagnostics.filter((d) => d.ruleId === 'text-table-mismatch').map((d) => d.message.zh), [], f);
  }
});

test('a statement of absence says what it was read as, in both languages: （即 0）, (that is, 0)', () => {
  // Found by npm run mutate (text-table-mismatch.ts: the English message of a statement of absence).
  const { findings } = run({ name: '', text: '本年度未收到政府信息公开申请，未发生因政府信息公开引起的行政复议、行政诉讼。', t3: ZERO_T3, t4: { review: [1, 0, 0, 0] } });
  assert.equal(findings.length, 1);
  assert.match(findings[0].message.zh, /^正文「未发生因政府信息公开引起的行政复议」（即 0）与表格不一致/);
  assert.match(findings[0].message.en, /^The text says “未发生因政府信息公开引起的行政复议” \(that is, 0\) but the tables disagree/);
});

test('the message quotes the statement from its keyword, or its applicant, to its unit', () => {
  // Found by npm run mutate (statements.ts: the quote of a statement and of an applicant's part of it).
  const total = run({ name: '', text: '全年共收到政府信息公开申请26件，上年结转2件，结转下年度继续办理5件。' }).findings;
  assert.deepEqual(total.map((f) => f.message.zh.slice(0, f.message.zh.indexOf('与表格'))), ['正文「共收到政府信息公开申请26件」']);
  const applicant = run({ name: '', text: '本年度新收政府信息公开申请25件，其中自然人申请19件，法人或其他组织申请5件。' }).findings;
  assert.deepEqual(applicant.map((f) => f.message.zh.slice(0, f.message.zh.indexOf('与表格'))), ['正文「自然人申请19件」']);
  const before = run({ name: '', text: '全年法人或其他组织新收政府信息公开申请6件。' }).findings;
  assert.deepEqual(before.map((f) => f.message.zh.slice(0, f.message.zh.indexOf('与表格'))), ['正文「法人或其他组织新收政府信息公开申请6件」']);
});

test('the English message names the table, the row and the column compared', () => {
  // Found by npm run mutate (text-table-mismatch.ts: "column total" when the text names no applicant).
  const total = run({ name: '', text: '全年共收到政府信息公开申请26件，上年结转2件，结转下年度继续办理5件。' }).findings;
  assert.equal(total.length, 1);
  assert.match(total[0].message.en, /, column total = 25, or .*, column total = 27$/);
  const applicant = run({ name: '', text: '本年度新收政府信息公开申请25件，其中自然人申请19件，法人或其他组织申请5件。' }).findings;
  assert.equal(applicant.length, 1);
  assert.match(applicant[0].message.en, /, column natural persons = 20$/);
});

test('text that repeats a miscounted total, as the table writes it, is not contradicted (total-row reports the total)', () => {
  // Found by npm run mutate (text-table-mismatch.ts: one reading that agrees is enough).
  const base = reportMarkdown({ overview: ['全年共收到政府信息公开申请26件，上年结转2件，结转下年度继续办理5件。'], t4: T4 });
  const row = base.split('\n').find((l) => l.startsWith('| 一、本年新收'))!;
  const text = base.replace(row, row.replace(/\| 25 \|$/, '| 26 |'));
  assert.notEqual(text, base);
  assert.deepEqual(analyze(text).diagnostics.filter((d) => d.ruleId === 'text-table-mismatch' || d.ruleId === 'total-row').map((d) => d.message.zh), [
    '一、本年新收「总计」应为 25（六类申请人之和），实为 26',
  ]);
});

test('a report without table 4, or without table 3: the text is compared with the table there is, and only with it', () => {
  const full = reportMarkdown({ overview: ['全年共收到政府信息公开申请26件，全年因政府信息公开被申请行政复议3件。'] });
  const check = (text: string) => {
    const a = analyze(text);
    assert.deepEqual(a.failures, []);
    return a.diagnostics.filter((d) => d.ruleId === 'text-table-mismatch').map((d) => [text.slice(d.range.start, d.range.end), d.message.zh]);
  };
  const noT4 = full.replace(/四、政府信息公开行政复议、行政诉讼情况\n\n(\|.*\n)+/, '四、政府信息公开行政复议、行政诉讼情况\n\n本年度未发生行政复议、行政诉讼。\n');
  assert.ok(!noT4.includes('| 结果维持 |'), 'table 4 is gone');
  assert.deepEqual(check(noT4), [
    ['26', '正文「共收到政府信息公开申请26件」与表格不一致：比较的是正文“收到”的数字 26 与表三「一、本年新收」的「总计」列为 25，或表三「一、本年新收」＋「二、上年结转」的「总计」列为 27'],
  ]);
  const noT3 = full.replace(/三、收到和处理政府信息公开申请情况\n\n(\|.*\n)+/, '三、收到和处理政府信息公开申请情况\n\n见附表。\n');
  assert.ok(!noT3.includes('| 一、本年新收'), 'table 3 is gone');
  assert.deepEqual(check(noT3), [['3', '正文「行政复议3件」与表格不一致：比较的是正文“行政复议”的数字 3 与表四「行政复议·总计」为 0']]);
});

test('the whole message in both languages, and the cells compared, each once, by their short row names', () => {
  const { text, findings } = run({ name: '', text: '全年办结政府信息公开申请23件。' });
  assert.deepEqual(findings.map((f) => [text.slice(f.range.start, f.range.end), f.message.zh, f.message.en]), [[
    '23',
    '正文「办结政府信息公开申请23件」与表格不一致：比较的是正文“办结”的数字 23 与表三「（七）总计」的「总计」列为 22，或表三「一、本年新收」的「总计」列为 25，或表三「一、本年新收」＋「二、上年结转」的「总计」列为 27',
    'The text says “办结政府信息公开申请23件” but the tables disagree: compared the text\'s completed figure 23 with table 3 3.(7) results total, column total = 22, or table 3 1. new this year, column total = 25, or table 3 1. new + 2. carried in, column total = 27',
  ]]);
  // 一、本年新收 is in two of the readings: it is one related cell.
  assert.deepEqual(findings[0].related!.map((r) => [text.slice(r.range.start, r.range.end).trim(), r.message.zh, r.message.en]), [
    ['22', '（七）总计「总计」= 22', '（七）总计 «总计» = 22'],
    ['25', '一、本年新收「总计」= 25', '一、本年新收 «总计» = 25'],
    ['2', '二、上年结转「总计」= 2', '二、上年结转 «总计» = 2'],
  ]);
  const t4 = run({ name: '', text: '全年因政府信息公开被申请行政复议2件。' }).findings;
  assert.deepEqual(t4.map((f) => f.message.en), ['The text says “行政复议2件” but the tables disagree: compared the text\'s administrative reconsideration figure 2 with table 4 reconsideration total = 1']);
});

test('a table 3 that leaves its zeros blank: a blank compared is named （空） / (blank); an applicant\'s figure in both languages', () => {
  const full = reportMarkdown({ overview: ['本年度新收政府信息公开申请25件，其中科研机构1件。'], t4: T4 });
  const at = full.indexOf('三、收到和处理'), end = full.indexOf('四、政府信息公开行政复议');
  const text = full.slice(0, at) + full.slice(at, end).replace(/\| 0(?= \|)/g, '|  ') + full.slice(end);
  const a = analyze(text);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId), [], 'the blanks are read as 0');
  const f = a.diagnostics.filter((d) => d.ruleId === 'text-table-mismatch');
  assert.deepEqual(f.map((d) => [text.slice(d.range.start, d.range.end), d.message.zh, d.message.en]), [[
    '1',
    '正文「科研机构1件」与表格不一致：比较的是正文“新收（科研机构）”的数字 1 与表三「一、本年新收」的「科研机构」列为 0',
    'The text says “科研机构1件” but the tables disagree: compared the text\'s new from research institutions figure 1 with table 3 1. new this year, column research institutions = 0',
  ]]);
  assert.deepEqual(f[0].related!.map((r) => [r.message.zh, r.message.en]), [['一、本年新收「科研机构」= （空）', '一、本年新收 «科研机构» = (blank)']]);
});

test('text that matches the parts of a miscounted （七）总计, on one of its readings, is not contradicted', () => {
  // （七）总计 written 23, its parts add up to 22: total-row's finding. 办结 22 is read against 22, 25 or 27.
  const base = reportMarkdown({ overview: ['全年办结政府信息公开申请22件。'], t4: T4 });
  const row = base.split('\n').find((l) => l.startsWith('| （七）总计'))!;
  const text = base.replace(row, row.replace(/\| 22 \|$/, '| 23 |'));
  assert.notEqual(text, base);
  const a = analyze(text);
  assert.ok(a.diagnostics.some((d) => d.ruleId === 'total-row'));
  assert.deepEqual(a.diagnostics.filter((d) => d.ruleId === 'text-table-mismatch').map((d) => d.message.zh), []);
});

test('a table 3 without the row of 上年结转: 受理, which may include it, is not judged; 新收 still is', () => {
  const without = (sentence: string) => reportMarkdown({ overview: [sentence], t4: T4 }).split('\n').filter((l) => !l.startsWith('| 二、上年结转')).join('\n');
  const judged = (sentence: string) => {
    const text = without(sentence);
    const a = analyze(text);
    assert.deepEqual(a.failures, []);
    return a.diagnostics.filter((d) => d.ruleId === 'text-table-mismatch').map((d) => text.slice(d.range.start, d.range.end));
  };
  assert.deepEqual(judged('全年受理政府信息公开申请26件。'), []);
  assert.deepEqual(judged('全年新收政府信息公开申请24件。'), ['24']);
});

test('the cells compared are listed up to 20: 法人或其他组织 of （三）不予公开 is 40 cells (eight rows, five columns)', () => {
  const { text, findings } = run({ name: '', text: '全年不予公开1件，其中法人或其他组织3件。' });
  assert.deepEqual(findings.map((f) => [text.slice(f.range.start, f.range.end), f.message.zh]), [
    ['3', '正文「法人或其他组织3件」与表格不一致：比较的是正文“不予公开（法人或其他组织）”的数字 3 与表三「（三）不予公开」各项之和的「法人或其他组织」列为 0'],
  ]);
  const related = findings[0].related!.map((r) => r.message.zh);
  assert.equal(related.length, 20);
  assert.deepEqual([related[0], related[19]], ['（三）1.国家秘密「商业企业」= 0', '（三）4.保护第三方合法权益「其他」= 0']);
});
