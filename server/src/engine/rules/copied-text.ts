// A paragraph identical or nearly identical (≥ 90 %, ≥ 30 characters) to one
// of the same agency's previous-year report: the 2021 format names 内容雷同 as
// a failure. Needs ctx.previous (the CLI finds it among the files checked
// together; the server in the workspace); silent without it.
import { copiedParagraphs } from '../cross/similar.ts';
import type { Rule } from './rule.ts';

const SECTION_NAMES: Record<string, string> = { overview: '一', proactive: '二', requests: '三', review: '四', problems: '五', other: '六' };

const rule: Rule = {
  id: 'copied-text',
  severity: 'warning',
  description: { zh: '与上一年度报告内容雷同', en: "Text copied from the previous year's report" },
  needs: 'previous',
  check({ report, previous, emit }) {
    if (!previous) return;
    if (report.year !== undefined && previous.year !== undefined && previous.year !== report.year - 1) return;
    const lastYear = previous.year !== undefined ? `${previous.year}年度` : '上一年度';
    const lastYearEn = previous.year !== undefined ? `${previous.year}` : "the previous year's";
    for (const c of copiedParagraphs(report, previous)) {
      const pct = Math.floor(c.similarity * 100);
      const where = c.other.section ? `「${SECTION_NAMES[c.other.section] ?? ''}」部分` : '开头部分';
      emit({
        message: c.similarity === 1
          ? {
              zh: `此段与${lastYear}报告${where}的一段完全相同：年度报告应写本年度的情况（内容雷同）`,
              en: `This paragraph is word for word the same as one in ${lastYearEn} report: the report must describe this year (内容雷同, copied text)`,
            }
          : {
              zh: `此段与${lastYear}报告${where}的一段几乎相同（相似度 ${pct}%）：年度报告应写本年度的情况（内容雷同）`,
              en: `This paragraph is nearly the same (${pct}% similar) as one in ${lastYearEn} report: the report must describe this year (内容雷同, copied text)`,
            },
        range: { start: c.paragraph.start, end: c.paragraph.end },
      });
    }
  },
};
export default rule;
