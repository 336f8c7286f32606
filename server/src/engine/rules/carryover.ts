// This year's 二、上年结转 must equal the same agency's previous-year
// 四、结转下年度继续办理, column by column. Needs ctx.previous; silent without
// it, or when the previous report is not for the year before.
import { cellKey } from '../model.ts';
import { numberOf, tableOf } from '../cross/figures.ts';
import { formatNumber } from '../relations.ts';
import type { Rule } from './rule.ts';

const rule: Rule = {
  id: 'carryover',
  severity: 'error',
  description: { zh: '上年结转与上一年度报告的结转下年度不一致', en: "Carried-in applications differ from last year's carried-over" },
  needs: 'previous',
  check({ report, previous, emit }) {
    if (!previous || report.year === undefined || previous.year !== report.year - 1) return;
    const now = tableOf(report, 't3');
    const before = tableOf(previous, 't3');
    if (!now || !before) return;
    for (const column of now.def.columns) {
      const cell = now.cells.get(cellKey('carried_in', column.id));
      const last = before.cells.get(cellKey('carry_over', column.id));
      const a = numberOf(cell);
      const b = numberOf(last);
      if (a === undefined || b === undefined || a === b) continue;
      const value = formatNumber(b);
      emit({
        message: {
          zh: `二、上年结转「${column.label}」为 ${formatNumber(a)}，而${previous.year}年度报告的四、结转下年度继续办理「${column.label}」为 ${value}`,
          en: `2. carried in «${column.label}» is ${formatNumber(a)}, but the ${previous.year} report carried over ${value} («${column.label}», row 4)`,
        },
        range: cell!.ref.range,
        fix: { title: { zh: `改为 ${value}（上一年度结转数）`, en: `Set to ${value} (last year's carry-over)` }, edits: [{ range: cell!.ref.range, newText: value }], changesFigure: true },
      });
    }
  },
};
export default rule;
