// A row label that is not the official one: misspelt (5.属于三类内部事务息),
// cut short, lost in copying, or unknown. The fix writes the official label.
// In layouts with several label columns (merged cells as in seed 003) the
// group labels written beside a row's own label are checked too, so both
// layouts of a table give the same findings.
import { matchLabel } from '../parse/labels.ts';
import { looksLikeValue } from '../parse/numbers.ts';
import type { CellRef, MappedRow, TableModel } from '../model.ts';
import type { RowDef } from '../templates/template.ts';
import { nearestRow, safeRelabels } from './nearest.ts';
import { labelledRows, noLabels, rowsOf } from '../templates/label-sets.ts';
import type { Finding, Rule } from './rule.ts';

const STRONG = new Set(['exact', 'equivalent', 'variant']);

function nearMiss(cell: CellRef, row: RowDef, prefix: boolean): Finding {
  const label = row.label;
  return {
    message: prefix
      ? { zh: `行标签「${cell.text}」不完整，应为「${label}」`, en: `Row label “${cell.text}” is cut short; it should be “${label}”` }
      : { zh: `行标签「${cell.text}」应为「${label}」`, en: `Row label “${cell.text}” should be “${label}”` },
    range: cell.range,
    fix: { title: { zh: `改为「${label}」`, en: `Change to “${label}”` }, edits: [{ range: cell.range, newText: label }], changesFigure: false },
  };
}

/**
 * An unknown label, with the nearest official row not yet in the table as a suggestion. The suggestion
 * becomes a fix only when `safe` accepts that row: relabelling must not bring new findings (a row with
 * blank cells, or figures that break a sum, would start being checked).
 */
function unknown(cell: CellRef, table: TableModel, rows: readonly RowDef[], safe: (d: RowDef) => boolean): Finding {
  const nearest = nearestRow(cell.text, table, rows);
  const suggestion = nearest?.label;
  const fixable = nearest !== undefined && safe(nearest);
  return {
    message: suggestion
      ? { zh: `未知行标签「${cell.text}」，最接近的规定行为「${suggestion}」`, en: `Unknown row label “${cell.text}”; the nearest official row is “${suggestion}”` }
      : { zh: `未知行标签「${cell.text}」，不属于${table.def.title.zh}`, en: `Unknown row label “${cell.text}” in ${table.def.title.en}` },
    range: cell.range,
    fix: fixable && suggestion ? { title: { zh: `改为「${suggestion}」`, en: `Change to “${suggestion}”` }, edits: [{ range: cell.range, newText: suggestion }], changesFigure: false } : undefined,
  };
}

/** Index of the first value cell of a row (cells before it are labels). */
function valueStart(r: MappedRow): number {
  const first = r.values.find((v) => v.text !== '') ?? r.values[0];
  const i = first ? r.raw.cells.indexOf(first) : -1;
  return i === -1 ? r.raw.cells.length : i;
}

const rule: Rule = {
  id: 'table-row-label',
  severity: 'warning',
  description: { zh: '行标签与规定格式不一致', en: 'A row label differs from the official one' },
  check({ report, emit }) {
    const other = report.otherTemplate ? rowsOf(report.otherTemplate) : noLabels;
    const mine = rowsOf(report.template);
    // Labels of the other format are template-mismatch's finding.
    const otherFormat = (text: string) => STRONG.has(matchLabel(text, other)?.match ?? 'unknown') && !STRONG.has(matchLabel(text, mine)?.match ?? 'unknown');
    for (const table of report.tables) {
      const labelled = labelledRows(table.def);
      table.rows.forEach((r, i) => {
        // Group labels and other label cells written beside the row's own label (several label columns).
        const end = valueStart(r);
        for (let k = 0; k < end; k++) {
          const cell = r.raw.cells[k];
          // A stray figure in a label column is the lost label's place, reported below.
          if (cell === r.labelCell || cell.text === '' || looksLikeValue(cell.text)) continue;
          if (r.labelCell && k > r.raw.cells.indexOf(r.labelCell)) continue;
          const hit = matchLabel(cell.text, labelled);
          if (hit && STRONG.has(hit.match)) continue;
          if (otherFormat(cell.text)) continue;
          if (hit && (hit.match === 'fuzzy' || hit.match === 'prefix')) emit(nearMiss(cell, hit.item, hit.match === 'prefix'));
          // Beside a row's own label only a group label belongs: suggest group rows, which hold no figures.
          else emit(unknown(cell, table, labelled.filter((d) => d.group), () => true));
        }
        if (r.match === 'fuzzy' || r.match === 'prefix') {
          emit(nearMiss(r.labelCell!, r.row!, r.match === 'prefix'));
        } else if (r.match === 'inferred') {
          const label = r.row!.label;
          // Write the label where this table keeps its labels (the parser's label slot for the row). A stray
          // figure there is overwritten only as a figure change; junk figures in earlier label columns would
          // still hide the label, so then there is no fix.
          const slot = r.labelSlot;
          const before = slot ? r.raw.cells.slice(0, r.raw.cells.indexOf(slot)) : [];
          const target = slot && before.every((c) => c.text === '' || !looksLikeValue(c.text)) ? slot : undefined;
          emit({
            message: { zh: `此行缺少行标签，按位置应为「${label}」`, en: `This row has lost its label; by position it is “${label}”` },
            range: r.raw.cells[0]?.range ?? r.raw.range,
            fix: target ? { title: { zh: `填入「${label}」`, en: `Fill in “${label}”` }, edits: [{ range: target.range, newText: target.text === '' ? ` ${label} ` : label }], changesFigure: target.text !== '' } : undefined,
          });
        } else if (!r.row && r.labelCell) {
          if (otherFormat(r.labelCell.text)) return;
          const safe = safeRelabels(table);
          emit(unknown(r.labelCell, table, labelled, (d) => (d.group ? r.values.every((v) => v.text === '') : safe.get(r) === d)));
        }
      });
    }
  },
};
export default rule;
