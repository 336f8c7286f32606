// A required section with nothing under its heading.
import { isPageChrome } from '../parse/page-furniture.ts';
import type { Rule } from './rule.ts';

const rule: Rule = {
  id: 'section-empty',
  severity: 'warning',
  description: { zh: '必备栏目没有内容', en: 'A required section has no content' },
  check({ report, emit }) {
    report.sections.forEach((s, i) => {
      if (!s.def) return;
      // A heading repeated right away (a table caption) continues the section: the repeat is section-duplicate's finding.
      if (report.sections[i + 1]?.def === s.def) return;
      if (report.text.slice(s.range.end, s.end).split('\n').some((line) => !isPageChrome(line))) return;
      const heading = `${s.def.numeral}、${s.def.title}`;
      emit({
        message: { zh: `「${heading}」没有内容；如无可报告的事项，请写明“无”`, en: `“${heading}” is empty; write 无 if there is nothing to report` },
        range: s.range,
      });
    });
  },
};
export default rule;
