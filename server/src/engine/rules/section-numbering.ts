// Section numerals must run 一 to 六 as the format numbers them.
import type { Rule } from './rule.ts';

const rule: Rule = {
  id: 'section-numbering',
  severity: 'warning',
  description: { zh: '栏目序号应依次为一至六', en: 'Section numerals should run 一 to 六' },
  check({ report, emit }) {
    for (const s of report.sections) {
      if (!s.def || s.numeral === s.def.numeral) continue;
      const expected = s.def.numeral;
      const range = s.numeral ? s.numeralRange : { start: s.numeralRange.start, end: s.numeralRange.start };
      emit({
        message: s.numeral
          ? { zh: `「${s.def.title}」的序号应为「${expected}」，实为「${s.numeral}」`, en: `“${s.def.title}” should be numbered ${expected}, found ${s.numeral}` }
          : { zh: `「${s.def.title}」缺少序号「${expected}」`, en: `“${s.def.title}” lacks its numeral ${expected}` },
        range: s.numeral ? range : s.range,
        fix: { title: { zh: `序号改为「${expected}」`, en: `Number it ${expected}` }, edits: [{ range, newText: expected }], changesFigure: false },
      });
    }
  },
};
export default rule;
