// A paragraph the same, or nearly the same (≥ 90 %), as one of another
// agency's report of the same year (与其他单位雷同), figures aside: a
// paragraph copied and given other figures is still copied. Not judged: the
// formula sentences every report contains (cross/formulas.ts), and paragraphs
// with fewer than 30 characters once figures are taken out (every agency
// writes 全年收到申请25件，办结23件 alike). Needs ctx.others: the
// CLI finds them among the files checked together, the server over the
// workspace (lsp/workspace-index.ts), by shared sentences.
import { sharedParagraphs } from '../cross/shared.ts';
import type { Rule } from './rule.ts';

const rule: Rule = {
  id: 'shared-text',
  needs: 'others',
  severity: 'warning',
  description: { zh: '与其他单位同年度报告内容雷同', en: "Text shared with another agency's report of the same year" },
  check({ report, others, emit }) {
    for (const other of others) {
      if (other.sameReport) continue;
      const who = other.report.agency ?? other.path;
      for (const s of sharedParagraphs(report, other.report)) {
        const how = s.similarity === 1
          ? s.numbersDiffer ? { zh: '除数字外完全相同', en: 'the same but for its figures as' } : { zh: '完全相同', en: 'word for word the same as' }
          : { zh: `几乎相同（相似度 ${Math.floor(s.similarity * 100)}%）`, en: `nearly the same (${Math.floor(s.similarity * 100)}% similar) as` };
        emit({
          message: {
            zh: `此段与「${who}」的报告（${other.path}）中的一段${how.zh}：各单位的年度报告应写本单位的情况（与其他单位雷同）`,
            en: `This paragraph is ${how.en} one in the report of ${who} (${other.path}): each agency's report must describe its own work (copied from another agency)`,
          },
          range: { start: s.paragraph.start, end: s.paragraph.end },
        });
      }
    }
  },
};
export default rule;
