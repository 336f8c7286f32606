// Two files that are the same report (same agency and year) with the same
// text: said once, as information (a copy kept in two places is fine, but the
// reviewer should know the batch counts it twice). Needs ctx.others. An
// imported Markdown report and the published file it came from are one report,
// not two copies: nothing is said (copy-differs still says when they differ).
import { textHash } from '../cross/shared.ts';
import type { Rule } from './rule.ts';

const rule: Rule = {
  id: 'copy-identical',
  needs: 'others',
  severity: 'info',
  description: { zh: '同一份报告的两个副本，内容相同', en: 'Two copies of the same report, identical' },
  check({ report, others, emit }) {
    const mine = textHash(report.text);
    for (const other of others) {
      if (!other.sameReport || other.importPair || textHash(other.report.text) !== mine) continue;
      emit({
        message: {
          zh: `与 ${other.path} 是同一份报告（同一机关、同一年度），内容相同`,
          en: `The same report (same agency and year) as ${other.path}, with the same text`,
        },
        range: report.title?.range ?? { start: 0, end: 0 },
      });
    }
  },
};
export default rule;
