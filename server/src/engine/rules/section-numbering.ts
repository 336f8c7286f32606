// Section numerals must run 一 to 六 as the format numbers them; and the
// sub-items of 一、总体情况 (主动公开, 依申请公开, …) must not be numbered
// 一、二、… like the required sections, which makes the report look as if it
// had two 一s and two 二s: they are （一）（二）….
import { isPageChrome } from '../parse/page-furniture.ts';
import type { Report } from '../model.ts';
import type { Range } from '../types.ts';
import type { Rule } from './rule.ts';

const SUB_ITEM = /^([ \t]{0,3}#{1,6}[ \t]+)?((?:\*\*|__)[ \t]*)?([一二三四五六七八九十]{1,3})、/;

/** Lines inside 一、总体情况 that start with a section-style numeral: its range and the numeral. */
export function overviewItems(report: Report): { numeral: string; range: Range; line: string }[] {
  const s = report.sections.find((x) => x.def?.id === 'overview');
  if (!s) return [];
  const inTable = (at: number) => report.rawTables.some((t) => at >= t.range.start && at < t.range.end);
  const out: { numeral: string; range: Range; line: string }[] = [];
  let pos = s.range.end;
  while (pos < s.end) {
    const nl = report.text.indexOf('\n', pos);
    const end = nl === -1 || nl > s.end ? s.end : nl;
    const line = report.text.slice(pos, end);
    const m = SUB_ITEM.exec(line);
    if (m && !inTable(pos) && !isPageChrome(line)) {
      const start = pos + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
      out.push({ numeral: m[3], range: { start, end: start + m[3].length + 1 }, line: line.trim() });
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  return out;
}

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
    for (const item of overviewItems(report)) {
      const sub = `（${item.numeral}）`;
      emit({
        message: {
          zh: `「一、总体情况」的分项「${item.numeral}、」用了栏目的序号：分项应编为「${sub}」，以免与第${item.numeral}部分混淆`,
          en: `A sub-item of 一、总体情况 is numbered “${item.numeral}、” like a required section; number it “${sub}” so it is not taken for section ${item.numeral}`,
        },
        range: item.range,
        fix: { title: { zh: `改为「${sub}」`, en: `Number it ${sub}` }, edits: [{ range: item.range, newText: sub }], changesFigure: false },
      });
    }
  },
};
export default rule;
