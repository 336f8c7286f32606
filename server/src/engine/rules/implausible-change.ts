// A figure that grew more than five-fold, or fell below a fifth, against the
// same agency's report of the year before: evaluators flag such jumps as
// likely typing or counting mistakes. Small figures swing freely (1 → 6), so
// a jump counts only when the larger of the two figures is at least
// `minFigure`. Compared: every figure of table 2, table 3's 总计 column and
// table 4's three 总计 (the applicant columns and the four outcomes split
// small numbers and would only repeat the totals' findings). Table 2's
// 上一年项目数量 and 本年增/减 (2019 format) are not compared: they are
// already about change.
import { cellKey } from '../model.ts';
import { numberOf } from '../cross/figures.ts';
import { lastYears } from '../cross/previous-year.ts';
import { formatNumber } from '../relations.ts';
import { slotLabel } from '../cross/figures.ts';
import { DEFAULT_CHANGE } from '../settings.ts';
import type { Rule } from './rule.ts';

const NOT_COMPARED = new Set(['previous', 'change']);

function compared(tableId: string, columnId: string): boolean {
  if (tableId.startsWith('t2')) return !NOT_COMPARED.has(columnId);
  if (tableId === 't3') return columnId === 'total';
  if (tableId === 't4') return columnId.endsWith('.total');
  return false;
}

const rule: Rule = {
  id: 'implausible-change',
  needs: 'previous',
  severity: 'warning',
  description: { zh: '数字与上一年度相比变化异常（超过五倍或不足五分之一）', en: "A figure more than five times, or less than a fifth of, last year's" },
  check({ report, previous, checks, emit }) {
    const before = lastYears(report, previous);
    if (!before) return;
    const factor = checks.change?.factor ?? DEFAULT_CHANGE.factor;
    const minFigure = checks.change?.minFigure ?? DEFAULT_CHANGE.minFigure;
    for (const table of report.tables) {
      const old = before.tables.find((t) => t.def.id === table.def.id);
      if (!old) continue;
      for (const cell of table.cells.values()) {
        if (!compared(table.def.id, cell.column.id)) continue;
        const now = numberOf(cell);
        const then = numberOf(old.cells.get(cellKey(cell.row.id, cell.column.id)));
        if (now === undefined || then === undefined || now < 0 || then < 0) continue;
        if (Math.max(now, then) < minFigure) continue;
        const up = now > then * factor;
        const down = then > now * factor;
        if (!up && !down) continue;
        const ratio = then === 0 ? undefined : now / then;
        const times = ratio === undefined ? '' : ratio >= 1 ? `${formatRatio(ratio)} 倍` : `${formatRatio(ratio * 100)}%`;
        const timesEn = ratio === undefined ? '' : ratio >= 1 ? `${formatRatio(ratio)} times` : `${formatRatio(ratio * 100)}%`;
        const label = slotLabel(cell);
        const labelEn = slotLabel(cell, 'en');
        emit({
          message: {
            zh: `${label}为 ${formatNumber(now)}，${before.year}年度报告为 ${formatNumber(then)}${times ? `（为上一年度的 ${times}）` : ''}：${up ? `增长超过 ${factor} 倍` : `不足上一年度的 1/${factor}`}，请核对是否填错或统计口径有变化`,
            en: `${labelEn} is ${formatNumber(now)} against ${formatNumber(then)} in the ${before.year} report${timesEn ? ` (${timesEn} of it)` : ''}: ${up ? `more than ${factor} times` : `less than 1/${factor} of`} last year's; check for a typing mistake or a change in what was counted`,
          },
          range: cell.ref.range,
        });
      }
    }
  },
};

function formatRatio(x: number): string {
  return x >= 10 ? String(Math.round(x)) : String(Math.round(x * 10) / 10);
}

export default rule;
