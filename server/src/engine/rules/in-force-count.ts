// Table 2 (2021 format): 现行有效件数 should be last year's 现行有效件数 +
// 本年制发件数 − 本年废止件数, row by row (规章, 行政规范性文件). Documents also
// lapse when their term of validity ends, or are revised, and neither is a
// column of the table: so this is information, not a mistake, and the
// message says so. Needs last year's report in the 2021 format.
import { cellKey, type Report } from '../model.ts';
import { numberOf, tableOf } from '../cross/figures.ts';
import { lastYears } from '../cross/previous-year.ts';
import { formatNumber } from '../relations.ts';
import type { Rule } from './rule.ts';

const hasColumns = (r: Report) => {
  const t = tableOf(r, 't2.1');
  return t && ['issued', 'repealed', 'in_force'].every((c) => t.def.columns.some((x) => x.id === c)) ? t : undefined;
};

const rule: Rule = {
  id: 'in-force-count',
  needs: 'previous',
  severity: 'info',
  description: { zh: '现行有效件数不等于上年现行有效件数加本年制发减本年废止', en: "Documents in force ≠ last year's + issued − repealed" },
  check({ report, previous, emit }) {
    const before = lastYears(report, previous);
    if (!before) return;
    const now = hasColumns(report);
    const then = hasColumns(before);
    if (!now || !then) return;
    for (const row of now.def.rows) {
      if (row.group) continue;
      const cell = now.cells.get(cellKey(row.id, 'in_force'));
      const inForce = numberOf(cell);
      const issued = numberOf(now.cells.get(cellKey(row.id, 'issued')));
      const repealed = numberOf(now.cells.get(cellKey(row.id, 'repealed')));
      const last = numberOf(then.cells.get(cellKey(row.id, 'in_force')));
      if (inForce === undefined || issued === undefined || repealed === undefined || last === undefined) continue;
      const expected = last + issued - repealed;
      if (expected === inForce) continue;
      const f = formatNumber;
      emit({
        message: {
          zh: `${row.label}现行有效件数为 ${f(inForce)}，而${before.year}年度现行有效 ${f(last)} ＋ 本年制发 ${f(issued)} − 本年废止 ${f(repealed)} ＝ ${f(expected)}；有效期届满自然失效、修改等也会使件数变化，如属此情况建议在报告中说明`,
          en: `${row.label}: ${f(inForce)} in force, but ${before.year}'s ${f(last)} in force + ${f(issued)} issued − ${f(repealed)} repealed = ${f(expected)}; documents that expire or are revised also change the count: if so, say so in the report`,
        },
        range: cell!.ref.range,
      });
    }
  },
};
export default rule;
