// A blank cell where the format requires a number. The fix fills in the value
// the table's sum relations give (a blank total: the sum it should be), or 0
// when they give none (a blank means none); none when they contradict each
// other, since any figure would then break one of them.
import { cellName, formatNumber } from '../relations.ts';
import { matchLabel } from '../parse/labels.ts';
import { computedValue, fillValue } from './computed.ts';
import type { Rule } from './rule.ts';

const STRONG = new Set(['exact', 'equivalent', 'variant']);

const rule: Rule = {
  id: 'cell-empty',
  severity: 'error',
  description: { zh: '应填数字的单元格为空', en: 'A cell that needs a number is blank' },
  check({ report, emit }) {
    for (const table of report.tables) {
      // A row left blank because the report follows the other format, where it is a heading
      // (2021's （六）其他处理 in a 2019-format year): template-mismatch explains it.
      const skipped = new Set<string>();
      for (const r of table.rows) {
        if (!r.row || r.values.some((v) => v.text !== '')) continue;
        const other = report.otherTemplate?.tables.find((t) => t.id === table.def.id);
        const theirs = other?.rows.find((d) => d.id === r.row!.id);
        if (!other || !theirs?.group) continue;
        const children = other.rows.filter((d) => d.id.startsWith(`${theirs.id}.`));
        const written = table.rows.some((x) => !x.row && x.labelCell && STRONG.has(matchLabel(x.labelCell.text, children)?.match ?? 'unknown'));
        if (written) skipped.add(r.row.id);
      }
      for (const cell of table.cells.values()) {
        if (cell.value.kind !== 'empty') continue;
        if (skipped.has(cell.row.id)) continue;
        const c = computedValue(table, cell);
        const value = fillValue(table, cell);
        const name = cellName(cell);
        const shown = value === undefined ? '' : formatNumber(value);
        // Without a value to fill in, 0 would break a relation too: say so rather than suggest it.
        const hint =
          c !== undefined ? { zh: `（按勾稽关系应为 ${formatNumber(c)}）`, en: ` (${formatNumber(c)} by the table's relations)` }
          : value === undefined ? { zh: '（勾稽关系推不出可填的数，请先核对同行同列的数字）', en: " (the table's relations give no figure that fits: check the other figures of its row and column first)" }
          : { zh: '（没有则填 0）', en: ' (0 if none)' };
        emit({
          message: { zh: `${name.zh}为空，应填写数字${hint.zh}`, en: `${name.en} is blank; a number is required${hint.en}` },
          range: cell.ref.range,
          fix: value === undefined ? undefined : { title: { zh: `填入 ${shown}`, en: `Fill in ${shown}` }, edits: [{ range: cell.ref.range, newText: ` ${shown} ` }], changesFigure: true },
        });
      }
    }
  },
};
export default rule;
