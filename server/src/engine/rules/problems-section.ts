// Section 五、存在的主要问题及改进情况 written as just 无, in a few
// characters, or the same as last year's section 五: evaluators deduct points
// for each (every agency has problems to report, and last year's problems
// cannot all be this year's). An empty section is section-empty's finding;
// paragraphs of 五 copied one by one from last year are copied-text's, so
// the sameness judged here is the section's as a whole (short paragraphs,
// re-split or re-ordered ones).
import { compact, paragraphs, type Paragraph } from '../cross/prose.ts';
import { copiedParagraphs } from '../cross/similar.ts';
import { boundedSimilarity } from '../cross/shared.ts';
import { lastYears } from '../cross/previous-year.ts';
import type { Report } from '../model.ts';
import { DEFAULT_PROBLEMS_MIN_CHARS } from '../settings.ts';
import type { Rule } from './rule.ts';

/** Similarity at which section 五 counts as last year's (as copied-text's paragraphs). */
const SAME = 0.9;

function problems(report: Report): { paragraphs: Paragraph[]; text: string } | undefined {
  if (!report.sections.some((s) => s.def?.id === 'problems')) return undefined;
  const ps = paragraphs(report).filter((p) => p.section === 'problems');
  return { paragraphs: ps, text: ps.map((p) => compact(p.text)).join('').replace(/[\p{P}\p{S}]/gu, '') };
}

const rule: Rule = {
  id: 'problems-section',
  severity: 'warning',
  description: { zh: '“存在的主要问题及改进情况”写“无”、过短或与上一年度相同', en: 'Section 五 (problems and improvements) says 无, is very short, or repeats last year’s' },
  check({ report, previous, checks, emit }) {
    const now = problems(report);
    if (!now || now.paragraphs.length === 0) return;
    // The placeholder a new report is written with (（待补充）) is still to be filled in, not a thin section.
    const placeholder = report.template.sections.find((s) => s.id === 'problems')?.placeholder;
    if (placeholder && now.text === compact(placeholder).replace(/[\p{P}\p{S}]/gu, '')) return;
    const range = { start: now.paragraphs[0].start, end: now.paragraphs[now.paragraphs.length - 1].end };
    const minChars = checks.problems?.minChars ?? DEFAULT_PROBLEMS_MIN_CHARS;
    const chars = [...now.text].length;
    // Nothing but a rule or punctuation: section-empty's case, not this one's.
    if (chars === 0) return;
    if (/^(无|没有|暂无|无问题)$/.test(now.text)) {
      emit({
        message: {
          zh: '「五、存在的主要问题及改进情况」只写了“无”：应写明本年度工作存在的主要问题和改进措施（评估中写“无”会被扣分）',
          en: 'Section 五 (problems and improvements) says only 无 (none): it should name this year’s main problems and what was done about them (evaluators deduct points for 无)',
        },
        range,
      });
      return;
    }
    if (chars < minChars) {
      emit({
        message: {
          zh: `「五、存在的主要问题及改进情况」只有 ${chars} 个字（少于 ${minChars} 个字）：应具体写明存在的问题和改进措施`,
          en: `Section 五 (problems and improvements) has only ${chars} characters (fewer than ${minChars}): name the problems and the improvements`,
        },
        range,
      });
      return;
    }
    const before = lastYears(report, previous);
    const then = before && problems(before);
    if (!then || !then.text) return;
    // Paragraphs copied one by one are copied-text's findings: one finding per fault.
    if (copiedParagraphs(report, before).some((c) => c.paragraph.section === 'problems')) return;
    const s = now.text === then.text ? 1 : Math.min(now.text.length, then.text.length) / Math.max(now.text.length, then.text.length) < SAME ? 0 : boundedSimilarity(now.text, then.text);
    if (s < SAME) return;
    const pct = Math.floor(s * 100);
    emit({
      message: s === 1
        ? { zh: `「五、存在的主要问题及改进情况」与${before.year}年度报告完全相同：应写本年度的问题和改进情况（内容雷同）`, en: `Section 五 (problems and improvements) is word for word the ${before.year} report’s: it should describe this year (内容雷同)` }
        : { zh: `「五、存在的主要问题及改进情况」与${before.year}年度报告几乎相同（相似度 ${pct}%）：应写本年度的问题和改进情况（内容雷同）`, en: `Section 五 (problems and improvements) is nearly the ${before.year} report’s (${pct}% similar): it should describe this year (内容雷同)` },
      range,
    });
  },
};
export default rule;
