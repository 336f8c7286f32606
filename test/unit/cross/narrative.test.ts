// problems-section, doubled-word, all-handled and section-numbering's
// 总体情况 sub-items: reports written for each case and the near misses that
// must stay silent (a legitimate double, a claim about last year's
// carried-in applications, sub-items numbered （一）).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { applyEdits } from '../../../server/src/engine/fixes.ts';
import { rules } from '../../../server/src/engine/rules/index.ts';
import type { CheckSettings } from '../../../server/src/engine/settings.ts';
import { DEFAULT_T3, reportMarkdown } from './build.ts';

function findings(id: string, text: string, previous?: string, checks?: CheckSettings) {
  const a = analyze(text, { previous: previous === undefined ? undefined : analyze(previous).report, checks });
  assert.deepEqual(a.failures, []);
  return a.diagnostics.filter((d) => d.ruleId === id).map((d) => ({ ...d, text: text.slice(d.range.start, d.range.end) }));
}

const PROBLEMS = ['一是政策解读形式较为单一，图解、视频等解读产品偏少；二是依申请公开答复文书说理不够充分。下一步将丰富解读形式，制定答复文书范本。'];

test('the narrative rules are registered as warnings', () => {
  for (const id of ['problems-section', 'doubled-word', 'all-handled']) assert.equal(rules.find((r) => r.id === id)?.severity, 'warning', id);
});

// problems-section

test('problems-section: 五 written as 无', () => {
  const f = findings('problems-section', reportMarkdown({ problems: ['无。'] }));
  assert.equal(f.length, 1);
  assert.equal(f[0].text, '无。');
  assert.match(f[0].message.zh, /只写了“无”/);
});

test('problems-section: 五 shorter than the threshold, which is a setting', () => {
  const text = reportMarkdown({ problems: ['信息发布还不够及时，将进一步改进。'] });
  const f = findings('problems-section', text);
  assert.equal(f.length, 1);
  assert.match(f[0].message.zh, /只有 15 个字（少于 30 个字）/);
  assert.deepEqual(findings('problems-section', text, undefined, { problems: { minChars: 10 } }), []);
});

test('problems-section: 五 the same as last year\'s, in paragraphs too short for copied-text', () => {
  const short = ['一是信息发布不够及时。', '二是解读形式较为单一。', '下一步将建立发布台账，丰富解读形式。'];
  const before = reportMarkdown({ year: 2021, problems: short });
  const now = reportMarkdown({ year: 2022, problems: short });
  const f = findings('problems-section', now, before);
  assert.equal(f.length, 1);
  assert.match(f[0].message.zh, /与2021年度报告完全相同/);
  assert.deepEqual(findings('copied-text', now, before), []);
});

test('problems-section: a real 五, or one copied paragraph by paragraph (copied-text\'s finding), is not reported', () => {
  assert.deepEqual(findings('problems-section', reportMarkdown({ problems: PROBLEMS })), []);
  const before = reportMarkdown({ year: 2021, problems: PROBLEMS });
  const now = reportMarkdown({ year: 2022, problems: PROBLEMS });
  assert.deepEqual(findings('problems-section', now, before), []);
  assert.equal(findings('copied-text', now, before).length, 1);
});

// Found by npm run mutate (problems-section.ts: the placeholder, a section of punctuation only, the threshold's
// edge, the similarity's edge and its percentage, a different 五 last year, a report with 五 alone).

test('problems-section: the placeholder of a new report, or punctuation alone, is not a thin 五', () => {
  assert.deepEqual(findings('problems-section', reportMarkdown({ problems: ['（待补充）'] })), []);
  assert.deepEqual(findings('problems-section', reportMarkdown({ problems: ['——'] })), []);
});

test('problems-section: exactly as many characters as the threshold is enough', () => {
  // 15 characters once the punctuation is left out.
  const text = reportMarkdown({ problems: ['信息发布还不够及时，将进一步改进。'] });
  assert.deepEqual(findings('problems-section', text, undefined, { problems: { minChars: 15 } }), []);
  assert.deepEqual(findings('problems-section', text, undefined, { problems: { minChars: 16 } }).map((d) => d.message.zh),
    ['「五、存在的主要问题及改进情况」只有 15 个字（少于 16 个字）：应具体写明存在的问题和改进措施']);
});

test('problems-section: 五 at 90 % or more of last year\'s is reported with its similarity; another 五 is not', () => {
  // 18 + 16 + 20 = 54 characters, each paragraph too short for copied-text.
  const base = ['一是信息发布不够及时，部分信息更新滞后。', '二是解读形式较为单一，图解视频偏少。', '下一步将建立发布台账，丰富解读形式，加强培训。'];
  const now = reportMarkdown({ year: 2022, problems: [...base, '完善考核机制。'] }); // 60 characters
  // Last year's is this year's without its last 6 characters: 54 / 60, exactly 90 %.
  const ninety = findings('problems-section', now, reportMarkdown({ year: 2021, problems: base }));
  assert.deepEqual(ninety.map((d) => d.message.zh), ['「五、存在的主要问题及改进情况」与2021年度报告几乎相同（相似度 90%）：应写本年度的问题和改进情况（内容雷同）']);
  assert.deepEqual(ninety.map((d) => d.text), [base.join('\n\n') + '\n\n完善考核机制。']);
  // 2 characters of 60 differ: 96.7 %, shown as 96 %.
  const close = findings('problems-section', now, reportMarkdown({ year: 2021, problems: [...base, '完善机制。'] }));
  assert.deepEqual(close.map((d) => d.message.zh), ['「五、存在的主要问题及改进情况」与2021年度报告几乎相同（相似度 96%）：应写本年度的问题和改进情况（内容雷同）']);
  // Last year's 五 in other words, and shorter by more than a tenth (54 characters against 86): not the same.
  const other = reportMarkdown({ year: 2022, problems: [...PROBLEMS, '同时，政务公开培训覆盖面不够广，基层工作人员业务能力有待提升。'] });
  assert.deepEqual(findings('problems-section', other, reportMarkdown({ year: 2021, problems: base })), []);
  // Nor in other words of about the same length (58 characters against 54).
  assert.deepEqual(findings('problems-section', reportMarkdown({ year: 2022, problems: PROBLEMS }), reportMarkdown({ year: 2021, problems: base })), []);
});

test('problems-section: a report with 五 alone is still read', () => {
  const text = '# 某县司法局2022年政府信息公开工作年度报告\n\n## 五、存在的主要问题及改进情况\n\n无。\n';
  assert.deepEqual(findings('problems-section', text).map((d) => d.text), ['无。']);
});

// doubled-word

test('doubled-word: words typed twice, two to four characters', () => {
  const text = reportMarkdown({ overview: ['全年公开财政资金资金使用情况12条，推进政务公开政务公开标准化建设。'] });
  const f = findings('doubled-word', text);
  assert.deepEqual(f.map((d) => d.text), ['资金资金', '政务公开政务公开']);
  assert.equal(f[0].message.zh, '「资金」连续重复了两次（资金资金）：应为「资金」');
});

test('doubled-word: legitimate doubles, reduplicated forms, two words meeting and derivatives are not', () => {
  const text = reportMarkdown({ overview: ['我们常常深入基层，人人参与，天天更新；实实在在、认认真真推进工作。本机关关于公开开展的部门门户网站建设，推进政府信息信息化管理，一步一步完善制度。'] });
  assert.deepEqual(findings('doubled-word', text).map((d) => d.text), []);
});

test('doubled-word: a word written many times in a row is one finding; a megabyte of it is found at once', () => {
  const text = reportMarkdown({ overview: ['全年公开资金资金资金使用情况。'] });
  const f = findings('doubled-word', text);
  assert.deepEqual(f.map((d) => [d.text, d.message.zh]), [['资金资金资金', '「资金」连续重复了 3 次（资金资金…）：应为「资金」']]);
  const big = reportMarkdown({ overview: ['公开'.repeat(200_000)] });
  assert.deepEqual(findings('doubled-word', big).map((d) => d.text.length), [400_000]);
});

test('doubled-word: the user adds legitimate doubles', () => {
  const text = reportMarkdown({ overview: ['组织干部学习学习强国平台内容。'] });
  assert.deepEqual(findings('doubled-word', text).map((d) => d.text), ['学习学习']);
  assert.deepEqual(findings('doubled-word', text, undefined, { doubledWords: { allow: ['学习学习'] } }), []);
});

test('doubled-word: at the start of a paragraph, after an odd number of characters, at the end of a run; in both languages', () => {
  const text = reportMarkdown({ overview: ['资金资金使用情况已全部公开。', '我局的资金资金使用情况已全部公开。', '全年公开了资金资金。', '全年公开了项目项目项目。'] });
  assert.deepEqual(findings('doubled-word', text).map((d) => [d.text, d.message.zh, d.message.en]), [
    ['资金资金', '「资金」连续重复了两次（资金资金）：应为「资金」', '“资金” is written twice in a row (资金资金); it should be “资金” once'],
    ['资金资金', '「资金」连续重复了两次（资金资金）：应为「资金」', '“资金” is written twice in a row (资金资金); it should be “资金” once'],
    ['资金资金', '「资金」连续重复了两次（资金资金）：应为「资金」', '“资金” is written twice in a row (资金资金); it should be “资金” once'],
    ['项目项目项目', '「项目」连续重复了 3 次（项目项目…）：应为「项目」', '“项目” is written 3 times in a row (项目项目…); it should be “项目” once'],
  ]);
});

test('doubled-word: characters outside the BMP (CJK Extension B) are whole characters of a word', () => {
  // 𠮷 and 𡒄 are two UTF-16 units each: 𠮷王𡒄 is three characters, five units.
  const text = reportMarkdown({ overview: ['全年走访𠮷王𡒄𠮷王𡒄村群众32户。'] });
  assert.deepEqual(findings('doubled-word', text).map((d) => [d.text, d.message.zh]), [['𠮷王𡒄𠮷王𡒄', '「𠮷王𡒄」连续重复了两次（𠮷王𡒄𠮷王𡒄）：应为「𠮷王𡒄」']]);
});

test('doubled-word: one character written four times is a doubled single character, not judged', () => {
  const text = reportMarkdown({ overview: ['压实责任层层层层传导。'] });
  assert.deepEqual(findings('doubled-word', text).map((d) => d.text), []);
});

// all-handled

test('all-handled: the text says every application was concluded, table 3 carries 5 over', () => {
  // build.ts's default table 3 carries [3, 2] over: 总计 5.
  const text = reportMarkdown({ overview: ['全年共收到政府信息公开申请25件，均已按时办结。'] });
  const f = findings('all-handled', text);
  assert.equal(f.length, 1);
  assert.equal(f[0].text, '均已按时办结');
  assert.match(f[0].message.zh, /总计为 5/);
  assert.equal(text.slice(f[0].related![0].range.start, f[0].related![0].range.end).trim(), '5');
});

test('all-handled: a claim about last year\'s carried-in applications, timeliness, or no carry-over is not', () => {
  const about = reportMarkdown({ overview: ['上年结转的2件申请均已办结；本年度申请均在法定期限内答复。'] });
  assert.deepEqual(findings('all-handled', about), []);
  const none = reportMarkdown({
    overview: ['全年共收到政府信息公开申请25件，全部办结。'],
    t3: { new: [20, 5], carried_in: [0, 0], disclosed: [20, 5] },
  });
  assert.deepEqual(findings('all-handled', none), []);
});

test('all-handled: 办结率达到100% and 无结转下年 are claims too', () => {
  // Found by npm run mutate (all-handled.ts: each wording of the claim, with table 3 carrying 5 over).
  const claims: [string, string][] = [
    ['全年共收到政府信息公开申请25件，申请办结率达到100%。', '办结率达到100%'],
    ['全年共收到政府信息公开申请25件，答复率为 100 %。', '答复率为 100 %'],
    ['全年共收到政府信息公开申请25件，无结转下年度的申请。', '无结转下年'],
    ['全年共收到政府信息公开申请25件，无积压至下一年度的申请。', '无积压至下一年'],
  ];
  for (const [sentence, claim] of claims) {
    const f = findings('all-handled', reportMarkdown({ overview: [sentence] }));
    assert.deepEqual(f.map((x) => x.text), [claim], sentence);
    assert.match(f[0].message.zh, /总计为 5/);
  }
});

test('all-handled: one carried over is enough; a claim in 三 or before 一 counts, one in 二 (行政许可 applications) does not', () => {
  // Found by npm run mutate (all-handled.ts: the carry-over threshold and the sections the claim is looked for in).
  const claim = '本年度共收到政府信息公开申请25件，均已按时办结。';
  const one = reportMarkdown({ overview: [claim], t3: { ...DEFAULT_T3, disclosed: [12, 4] } });
  assert.ok(one.includes('| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |'), 'table 3 carries 1 over');
  const f = findings('all-handled', one);
  assert.deepEqual(f.map((x) => x.text), ['均已按时办结']);
  assert.match(f[0].message.zh, /总计为 1：有 1 件申请结转下年度继续办理/);
  const quiet = reportMarkdown();
  const under = (heading: string, paragraph: string) => {
    assert.ok(quiet.includes(`${heading}\n\n`), heading);
    return quiet.replace(`${heading}\n\n`, `${heading}\n\n${paragraph}\n\n`);
  };
  assert.deepEqual(findings('all-handled', under('三、收到和处理政府信息公开申请情况', claim)).map((x) => x.text), ['均已按时办结']);
  assert.deepEqual(findings('all-handled', quiet.replace('\n\n', `\n\n${claim}\n\n`)).map((x) => x.text), ['均已按时办结'], 'before 一、总体情况');
  assert.deepEqual(findings('all-handled', under('二、主动公开政府信息情况', '本年度受理行政许可申请1,200件，均已按时办结。')), []);
});

test('all-handled: a sentence with two wordings of the claim is one finding, on the first wording of the list', () => {
  // Found by npm run mutate (all-handled.ts: the claim marked is the first of ALL_HANDLED that the sentence holds).
  const f = findings('all-handled', reportMarkdown({ overview: ['全年共收到政府信息公开申请25件，均已按时办结，办结率100%。'] }));
  assert.deepEqual(f.map((x) => x.text), ['均已按时办结']);
});

// section-numbering: 总体情况's sub-items

test('section-numbering: 总体情况 sub-items numbered 一、二、三、 like sections, fixed to （一）（二）（三）', () => {
  const text = reportMarkdown({ overview: ['一、主动公开', '全年主动公开信息856条。', '二、依申请公开', '全年收到申请25件。', '三、政府信息管理', '完成规范性文件清理。'] });
  const a = analyze(text);
  // The sub-items are not taken for sections: no duplicate 二、 and no retitled section.
  assert.deepEqual(a.report.sections.map((s) => s.def?.id), ['overview', 'proactive', 'requests', 'review', 'problems', 'other']);
  const f = a.diagnostics.filter((d) => d.ruleId !== 'fee-statement');
  assert.deepEqual(f.map((d) => [d.ruleId, text.slice(d.range.start, d.range.end)]), [['section-numbering', '一、'], ['section-numbering', '二、'], ['section-numbering', '三、']]);
  const fixed = applyEdits(text, f.flatMap((d) => d.fix!.edits));
  assert.match(fixed, /（一）主动公开\n/);
  assert.deepEqual(analyze(fixed).diagnostics.filter((d) => d.ruleId === 'section-numbering'), []);
});

test('section-numbering: sub-items numbered （一） or 一是 are not reported', () => {
  const text = reportMarkdown({ overview: ['（一）主动公开', '一是全年主动公开信息856条。', '（二）依申请公开', '全年收到申请25件。'] });
  assert.deepEqual(findings('section-numbering', text), []);
});
