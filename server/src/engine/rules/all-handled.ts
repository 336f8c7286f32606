// The text says every application was dealt with (均已办结, 全部办结, 办结率
// 100%) while table 3 carries some over to next year (四、结转下年度继续办理
// 总计 > 0): one of the two is wrong. A sentence about last year's
// carried-in applications (上年结转的申请均已办结) makes no such claim about
// this year's, and "answered within the legal time limit" (均在法定期限内
// 答复) is about timeliness: applications still within their time limit at
// the year's end are carried over without breaking it.
import { cellKey } from '../model.ts';
import { figure, tableOf } from '../cross/figures.ts';
import { fold, paragraphs, sentences } from '../cross/prose.ts';
import { formatNumber } from '../relations.ts';
import type { Rule } from './rule.ts';

/** Claims that every application of the year was concluded. */
export const ALL_HANDLED = [
  /(?:均|全部|都)(?:已|已经)?(?:按时|按期|依法|及时)?(?:办结|办理完毕|处理完毕|审结)/,
  /(?:办结率|答复率)(?:为|达|达到)?\s*100\s*%/,
  /无(?:结转|积压)(?:下年|至下一?年)/,
];
/** Sentences about the carried-in applications, or about something else than applications. */
const NOT_ABOUT_THIS_YEAR = /上年(?:度)?结转|上一年度结转|往年|以前年度|复议|诉讼|建议|提案|信访|投诉|举报|热线|12345/;

const rule: Rule = {
  id: 'all-handled',
  severity: 'warning',
  description: { zh: '正文称申请全部办结，表三却有结转下年度的申请', en: 'The text says every application was concluded, but table 3 carries some over' },
  check({ report, emit }) {
    const t3 = tableOf(report, 't3');
    if (!t3 || !t3.cells.has(cellKey('carry_over', 'total'))) return;
    const carried = figure(t3, 'carry_over', 'total');
    if (!carried || carried.value <= 0) return;
    for (const p of paragraphs(report)) {
      if (p.section !== 'overview' && p.section !== 'requests' && p.section !== undefined) continue;
      for (const s of sentences(p)) {
        const folded = fold(s.text);
        if (!/申请/.test(folded) || NOT_ABOUT_THIS_YEAR.test(folded)) continue;
        const m = ALL_HANDLED.map((re) => re.exec(folded)).find((x) => x);
        if (!m) continue;
        const start = s.start + m.index;
        const n = formatNumber(carried.value);
        emit({
          message: {
            zh: `正文称申请“${m[0]}”，但表三「四、结转下年度继续办理」总计为 ${n}：有 ${n} 件申请结转下年度继续办理，正文或表格有误`,
            en: `The text says applications were all concluded (“${m[0]}”), but table 3 carries ${n} over to next year (row 四, 总计): the text or the table is wrong`,
          },
          range: { start, end: start + m[0].length },
          related: [{ range: carried.cells[0].ref.range, message: { zh: `结转下年度继续办理 ${n} 件`, en: `${n} carried over` } }],
        });
      }
    }
  },
};
export default rule;
