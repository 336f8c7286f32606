// A required section with nothing under its heading.
import type { Rule } from './rule.ts';

const rule: Rule = {
  id: 'section-empty',
  severity: 'warning',
  description: { zh: '必备栏目没有内容', en: 'A required section has no content' },
  check({ report, emit }) {
    for (const s of report.sections) {
      if (!s.def) continue;
      if (report.text.slice(s.range.end, s.end).replace(/[\s*#_>-]+/g, '') !== '') continue;
      const heading = `${s.def.numeral}、${s.def.title}`;
      emit({
        message: { zh: `「${heading}」没有内容；如无可报告的事项，请写明“无”`, en: `“${heading}” is empty; write 无 if there is nothing to report` },
        range: s.range,
      });
    }
  },
};
export default rule;
