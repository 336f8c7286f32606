// A row with the wrong number of value cells, a row given twice, or a column
// header that is not the format's: a near miss (本年处理决定数 for
// 本年处理决定数量, fixed to the official wording) or, in a table 2 block's
// 信息内容 row, a column the format does not have. Headers of the other
// format are template-mismatch's finding.
import { matchLabel } from '../parse/labels.ts';
import { normLabel } from '../parse/label-normalize.ts';
import type { CellRef } from '../model.ts';
import type { ColumnDef } from '../templates/template.ts';
import { columnsOf, noLabels } from '../templates/label-sets.ts';
import type { Rule } from './rule.ts';

const STRONG = new Set(['exact', 'equivalent', 'variant']);

const rule: Rule = {
  id: 'table-shape',
  severity: 'error',
  description: { zh: '表格结构与规定格式不符', en: 'A table does not have the shape of the format' },
  check({ report, emit }) {
    const theirs = report.otherTemplate ? columnsOf(report.otherTemplate) : noLabels;
    const mine = columnsOf(report.template);
    const otherFormat = (text: string) => STRONG.has(matchLabel(text, theirs)?.match ?? 'unknown') && !STRONG.has(matchLabel(text, mine)?.match ?? 'unknown');
    const seen = new Set<CellRef>();
    const headerFinding = (ref: CellRef, columns: readonly ColumnDef[], official?: ColumnDef) => {
      seen.add(ref);
      const title = report.tables.find((t) => t.def.columns === columns)?.def.title ?? { zh: '', en: '' };
      emit({
        message: official
          ? { zh: `表头「${ref.text}」应为「${official.label}」`, en: `Header “${ref.text}” should be “${official.label}”` }
          : { zh: `表头「${ref.text}」不属于${title.zh}（应为：${columns.map((c) => c.label).join('、')}）`, en: `Header “${ref.text}” is not a column of ${title.en} (expected: ${columns.map((c) => c.label).join(', ')})` },
        range: ref.range,
        fix: official ? { title: { zh: `改为「${official.label}」`, en: `Change to “${official.label}”` }, edits: [{ range: ref.range, newText: official.label }], changesFigure: false } : undefined,
      });
    };
    const dataRows = new Set(report.tables.flatMap((t) => t.rows.map((r) => r.raw)));
    for (const table of report.tables) {
      for (const r of table.rows) {
        const name = r.row ? (r.row.unlabeled ? table.def.title.zh : r.row.label) : r.labelCell?.text ?? '';
        const shown = name === '' ? { zh: '无标签的行', en: 'An unlabelled row' } : { zh: `「${name}」行`, en: `Row “${name}”` };
        if (r.duplicate) {
          emit({ message: { zh: `${shown.zh}重复出现`, en: `${shown.en} appears twice` }, range: r.labelCell?.range ?? r.raw.range });
        } else if (r.valueCountProblem) {
          const { expected, found } = r.valueCountProblem;
          emit({
            message: { zh: `${shown.zh}应有 ${expected} 个数值单元格，实有 ${found} 个`, en: `${shown.en} should have ${expected} value cells, found ${found}` },
            range: r.raw.range,
          });
        }
      }
      // Headers the parser matched to a column, but not in the official wording or a listed variant.
      for (const h of table.headers) {
        if (seen.has(h.ref) || STRONG.has(h.match) || otherFormat(h.ref.text)) continue;
        headerFinding(h.ref, table.def.columns, h.column);
      }
      // Table 2: every cell after 信息内容 names one of the block's columns.
      if (table.def.header) {
        for (const raw of report.rawTables) {
          for (const row of raw.rows) {
            if (row.range.start < table.range.start || row.range.end > table.range.end) continue;
            const first = row.cells.findIndex((c) => c.text !== '');
            if (first === -1 || normLabel(row.cells[first].text) !== '信息内容') continue;
            // A row the parser read as a data row (a row label among its cells) is not judged as a header.
            if (dataRows.has(row)) continue;
            const named = row.cells.slice(first + 1);
            const strongHere = (c: CellRef) => STRONG.has(matchLabel(c.text, table.def.columns)?.match ?? 'unknown');
            // Columns of another block: the row is that block's header (its 第二十条 row is missing or misplaced), not a wrong header.
            const siblings = report.template.tables.filter((t) => t.part === table.def.part && t !== table.def).flatMap((t) => t.columns);
            if (named.some((c) => c.text !== '' && !strongHere(c) && STRONG.has(matchLabel(c.text, siblings)?.match ?? 'unknown'))) continue;
            named.forEach((cell, k) => {
              if (cell.text === '' || seen.has(cell) || otherFormat(cell.text)) return;
              const hit = matchLabel(cell.text, table.def.columns);
              if (hit && STRONG.has(hit.match)) return;
              // Unknown: offer the column at this position when the row's other headers all name this block's
              // columns (exactly or nearly: their own fixes make them exact) and none of them names that column.
              const byPosition = table.def.columns[k];
              const others = named.filter((c) => c !== cell && c.text !== '');
              const positional = byPosition && others.every((c) => matchLabel(c.text, table.def.columns) !== undefined) && !others.some((c) => matchLabel(c.text, [byPosition]) !== undefined);
              headerFinding(cell, table.def.columns, hit?.item ?? (positional ? byPosition : undefined));
            });
          }
        }
      }
    }
  },
};
export default rule;
