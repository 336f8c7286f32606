// A required section appears twice: the second heading is reported.
import type { Rule } from './rule.ts';

const rule: Rule = {
  id: 'section-duplicate',
  severity: 'error',
  description: { zh: '必备栏目重复出现', en: 'A required section appears twice' },
  check({ report, emit }) {
    const first = new Map<string, number>();
    for (const s of report.sections) {
      if (!s.def) continue;
      const line = first.get(s.def.id);
      if (line === undefined) { first.set(s.def.id, s.range.start); continue; }
      const heading = `${s.def.numeral}、${s.def.title}`;
      emit({
        message: { zh: `「${heading}」重复出现`, en: `“${heading}” appears twice` },
        range: s.range,
        related: [{ range: { start: line, end: line }, message: { zh: '首次出现处', en: 'first occurrence' } }],
      });
    }
  },
};
export default rule;
