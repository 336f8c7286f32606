// Text, a slash, a negative or a fractional figure where the format needs a
// whole non-negative count (only 本年增/减 may be negative, only money cells
// may have decimals). A placeholder for "none" (/, 无, —) is fixed like a
// blank: the value the table's relations give, or 0 (no fix when they
// contradict each other).
import { cellName, formatNumber } from '../relations.ts';
import { fillValue } from './computed.ts';
import type { Rule } from './rule.ts';

const REASON = {
  text: { zh: '不是数字', en: 'is not a number' },
  slash: { zh: '是斜杠，没有则应填 0', en: 'is a slash; write 0 for none' },
  negative: { zh: '为负数，件数不能为负', en: 'is negative; counts cannot be' },
  fraction: { zh: '为小数，件数应为整数', en: 'has decimals; counts are whole numbers' },
} as const;

/** Written for "none": a slash, 无, a dash. */
const NONE = /^[\s/／\\无—–\-－~～]+$/;

const rule: Rule = {
  id: 'cell-invalid',
  severity: 'error',
  description: { zh: '单元格内容不是有效数字', en: 'A cell does not hold a valid figure' },
  check({ report, emit }) {
    for (const table of report.tables) {
      for (const cell of table.cells.values()) {
        if (cell.value.kind !== 'invalid') continue;
        const name = cellName(cell);
        const none = NONE.test(cell.ref.text);
        const why = cell.value.reason === 'text' && none ? { zh: '不是数字，没有则应填 0', en: 'is not a number; write 0 for none' } : REASON[cell.value.reason];
        const fill = none ? fillValue(table, cell) : undefined;
        const value = fill === undefined ? undefined : formatNumber(fill);
        emit({
          message: { zh: `${name.zh}「${cell.ref.text}」${why.zh}`, en: `${name.en} “${cell.ref.text}” ${why.en}` },
          range: cell.ref.range,
          fix: value === undefined ? undefined : { title: { zh: `改为 ${value}`, en: `Change to ${value}` }, edits: [{ range: cell.ref.range, newText: value }], changesFigure: true },
        });
      }
    }
  },
};
export default rule;
