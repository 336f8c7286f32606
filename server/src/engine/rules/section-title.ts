// A section title that differs from the official wording. Width of
// punctuation does not count; an accepted variant, a typo or extra words do.
import type { Rule } from './rule.ts';

const rule: Rule = {
  id: 'section-title',
  severity: 'warning',
  description: { zh: '栏目标题与规定格式不一致', en: 'A section title differs from the official wording' },
  check({ report, emit }) {
    for (const s of report.sections) {
      if (!s.def || s.match === 'exact' || s.match === 'equivalent') continue;
      emit({
        message: { zh: `栏目标题「${s.title}」应为「${s.def.title}」`, en: `Section title “${s.title}” should be “${s.def.title}”` },
        range: s.titleRange,
        fix: { title: { zh: `改为「${s.def.title}」`, en: `Change to “${s.def.title}”` }, edits: [{ range: s.titleRange, newText: s.def.title }], changesFigure: false },
      });
    }
  },
};
export default rule;
