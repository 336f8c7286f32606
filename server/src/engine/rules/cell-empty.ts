// A blank cell where the format requires a number. A blank total is filled
// with its computed value; any other blank with 0 (a blank means none).
import { cellName, formatNumber } from '../relations.ts';
import type { Cell, TableModel } from '../model.ts';
import { cellKey } from '../model.ts';
import type { Rule } from './rule.ts';

/** The value a blank target cell takes from its relations, when they all agree. */
function computed(table: TableModel, cell: Cell): number | undefined {
  let result: number | undefined;
  for (const rel of table.def.relations ?? []) {
    const along = rel.per === 'row' ? cell.row.id : cell.column.id;
    const self = rel.per === 'row' ? cell.column.id : cell.row.id;
    if (rel.target !== self) continue;
    if (rel.only && !rel.only.includes(along)) continue;
    const value = (id: string) => {
      const c = table.cells.get(rel.per === 'row' ? cellKey(along, id) : cellKey(id, along));
      return c && c.value.kind === 'number' ? c.value.value : undefined;
    };
    const sideOf = rel.lhs.includes(self) ? 1 : -1;
    let sum = 0;
    for (const [ids, sign] of [[rel.lhs, 1], [rel.rhs, -1]] as const) {
      for (const id of ids) {
        if (id === self) continue;
        const v = value(id);
        if (v === undefined) return undefined;
        sum += sign * v;
      }
    }
    const v = -sum * sideOf;
    if (result !== undefined && result !== v) return undefined;
    result = v;
  }
  return result;
}

const rule: Rule = {
  id: 'cell-empty',
  severity: 'error',
  description: { zh: '应填数字的单元格为空', en: 'A cell that needs a number is blank' },
  check({ report, emit }) {
    for (const table of report.tables) {
      for (const cell of table.cells.values()) {
        if (cell.value.kind !== 'empty') continue;
        const c = computed(table, cell);
        const value = c !== undefined && (c >= 0 || cell.column.kind === 'signed') ? c : cell.column.kind === undefined || cell.column.kind === 'count' ? 0 : undefined;
        const name = cellName(cell);
        const shown = value === undefined ? '' : formatNumber(value);
        emit({
          message: { zh: `${name.zh}为空，应填写数字${c !== undefined ? `（按勾稽关系应为 ${formatNumber(c)}）` : '（没有则填 0）'}`, en: `${name.en} is blank; a number is required${c !== undefined ? ` (${formatNumber(c)} by the table's relations)` : ' (0 if none)'}` },
          range: cell.ref.range,
          fix: value === undefined ? undefined : { title: { zh: `填入 ${shown}`, en: `Fill in ${shown}` }, edits: [{ range: cell.ref.range, newText: ` ${shown} ` }], changesFigure: true },
        });
      }
    }
  },
};
export default rule;
