// A row label that is not the official one: misspelt (5.属于三类内部事务息),
// cut short, lost in copying, or unknown. The fix writes the official label.
import { matchLabel } from '../parse/labels.ts';
import { normLabel, similarity } from '../parse/normalize.ts';
import type { Rule } from './rule.ts';

const rule: Rule = {
  id: 'table-row-label',
  severity: 'warning',
  description: { zh: '行标签与规定格式不一致', en: 'A row label differs from the official one' },
  check({ report, emit }) {
    const other = report.otherTemplate?.tables.flatMap((t) => t.rows) ?? [];
    for (const table of report.tables) {
      for (const r of table.rows) {
        if (r.match === 'fuzzy' || r.match === 'prefix') {
          const label = r.row!.label;
          const cell = r.labelCell!;
          emit({
            message: r.match === 'prefix'
              ? { zh: `行标签「${cell.text}」不完整，应为「${label}」`, en: `Row label “${cell.text}” is cut short; it should be “${label}”` }
              : { zh: `行标签「${cell.text}」应为「${label}」`, en: `Row label “${cell.text}” should be “${label}”` },
            range: cell.range,
            fix: { title: { zh: `改为「${label}」`, en: `Change to “${label}”` }, edits: [{ range: cell.range, newText: label }], changesFigure: false },
          });
        } else if (r.match === 'inferred') {
          const label = r.row!.label;
          const first = r.raw.cells[0];
          emit({
            message: { zh: `此行缺少行标签，按位置应为「${label}」`, en: `This row has lost its label; by position it is “${label}”` },
            range: first?.range ?? r.raw.range,
            fix: first && first.text === '' ? { title: { zh: `填入「${label}」`, en: `Fill in “${label}”` }, edits: [{ range: first.range, newText: ` ${label} ` }], changesFigure: false } : undefined,
          });
        } else if (!r.row && r.labelCell) {
          // Labels of the other format are template-mismatch's finding.
          if (matchLabel(r.labelCell.text, other)?.match === 'exact' || matchLabel(r.labelCell.text, other)?.match === 'equivalent') continue;
          const norm = normLabel(r.labelCell.text);
          const nearest = table.def.rows.filter((d) => !d.unlabeled).map((d) => ({ d, s: similarity(norm, normLabel(d.label)) })).sort((a, b) => b.s - a.s)[0];
          const cell = r.labelCell;
          const suggestion = nearest && nearest.s >= 0.5 && !table.rows.some((x) => x.row === nearest.d) ? nearest.d.label : undefined;
          emit({
            message: suggestion
              ? { zh: `未知行标签「${cell.text}」，最接近的规定行为「${suggestion}」`, en: `Unknown row label “${cell.text}”; the nearest official row is “${suggestion}”` }
              : { zh: `未知行标签「${cell.text}」，不属于${table.def.title.zh}`, en: `Unknown row label “${cell.text}” in ${table.def.title.en}` },
            range: cell.range,
            fix: suggestion ? { title: { zh: `改为「${suggestion}」`, en: `Change to “${suggestion}”` }, edits: [{ range: cell.range, newText: suggestion }], changesFigure: false } : undefined,
          });
        }
      }
    }
  },
};
export default rule;
