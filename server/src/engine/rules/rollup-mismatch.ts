// A region's report (declared in .nianbaorc.json "rollup") whose tables 2, 3
// and 4 do not equal the sum of its units' reports, figure by figure: one
// finding per differing cell with both figures. Judged only when every unit
// was found (rollup-incomplete says which were not) and every unit gives the
// figure; what is summed is in cross/rollup.ts.
import { numberOf, slotLabel } from '../cross/figures.ts';
import { isSummedTable, sumUnits } from '../cross/rollup.ts';
import { formatNumber } from '../relations.ts';
import type { Rule } from './rule.ts';

/** Units listed by name in a message, at most. */
const LISTED = 6;

const rule: Rule = {
  id: 'rollup-mismatch',
  needs: 'rollup',
  severity: 'warning',
  description: { zh: '本行政区域报告的数字不等于下属单位报告之和', en: "A region's figure differs from the sum of its units' reports" },
  check({ report, rollup, emit }) {
    if (!rollup || rollup.missing.length > 0 || rollup.units.length === 0) return;
    const sums = sumUnits(rollup.units);
    const name = (i: number) => rollup.units[i].report.agency ?? rollup.units[i].path;
    for (const table of report.tables) {
      if (!isSummedTable(table.def.id)) continue;
      for (const cell of table.cells.values()) {
        const mine = numberOf(cell);
        const sum = sums.get(`${table.def.id}.${cell.row.id}.${cell.column.id}`);
        if (mine === undefined || sum?.value === undefined || sum.value === mine) continue;
        const n = rollup.units.length;
        const parts = n <= LISTED ? sum.parts.map((p, i) => `${name(i)} ${formatNumber(p!)}`).join(' ＋ ') : '';
        const value = formatNumber(sum.value);
        emit({
          message: {
            zh: `${slotLabel(cell)}为 ${formatNumber(mine)}，${n} 个下属单位的报告合计为 ${value}${parts ? `（${parts}）` : ''}`,
            en: `${slotLabel(cell, 'en')} is ${formatNumber(mine)}, but the ${n} units' reports add up to ${value}${parts ? ` (${parts.replace(/ ＋ /g, ' + ')})` : ''}`,
          },
          range: cell.ref.range,
        });
      }
    }
  },
};
export default rule;
