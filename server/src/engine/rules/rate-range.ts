// A rate that is a share of a whole (公开率, 纠错率, 办结率, 答复率, …)
// written in the text as more than 100 % or below 0 %: it cannot be, so a
// figure or the rate's name is wrong. Growth rates (增长率, 同比增长) may pass
// 100 % and are not judged.
import { fold, paragraphs } from '../cross/prose.ts';
import type { Rule } from './rule.ts';

/** Rates that are a part over its whole. */
export const SHARE_RATES = [
  '公开率', '主动公开率', '依申请公开率', '纠错率', '被纠错率', '办结率', '按时办结率', '按期办结率', '答复率',
  '按时答复率', '按期答复率', '满意率', '覆盖率', '知晓率', '准确率', '公开比例', '及时率', '上网率',
];

const RATE = new RegExp(`(${[...SHARE_RATES].sort((a, b) => b.length - a.length).join('|')})(?:为|达|达到|是|保持|均为|均达)?\\s*([-−－]?\\s*\\d+(?:\\.\\d+)?)\\s*%`, 'g');

const rule: Rule = {
  id: 'rate-range',
  severity: 'warning',
  description: { zh: '比率超出 0～100%', en: 'A rate outside 0–100 %' },
  check({ report, emit }) {
    for (const p of paragraphs(report)) {
      const folded = fold(p.text);
      RATE.lastIndex = 0;
      for (let m; (m = RATE.exec(folded)); ) {
        const value = Number(m[2].replace(/[−－]/, '-').replace(/\s/g, ''));
        if (value >= 0 && value <= 100) continue;
        const start = p.start + m.index;
        emit({
          message: {
            zh: `${m[1]}写为 ${m[2].replace(/\s/g, '')}%：比率应在 0～100% 之间，请核对数字或计算方法`,
            en: `The ${m[1]} (a share) is written ${m[2].replace(/\s/g, '')} %: a share lies between 0 and 100 %; check the figures or how it was computed`,
          },
          range: { start, end: start + m[0].length },
        });
      }
    }
  },
};
export default rule;
