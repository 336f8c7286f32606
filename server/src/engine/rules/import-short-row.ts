// A row of a published report that came in with fewer figures than the table
// has columns (copied text where blank cells vanished, merged cells
// flattened): the importer put the figures into the first cells in order and
// left the rest blank, never guessing which cell lacks one. Which figure is in
// which column is therefore uncertain, and this rule says so at the row. The
// facts come from the import's account (AnalyzeOptions.imported): the
// Markdown alone cannot tell a short row from blank cells.
import type { Rule } from './rule.ts';

const rule: Rule = {
  id: 'import-short-row',
  severity: 'warning',
  description: { zh: '导入时数字少于列数的行', en: 'A row imported with fewer figures than columns' },
  needs: 'imported',
  check({ report, imported, emit }) {
    for (const s of imported?.shortRows ?? []) {
      const tables = report.tables.filter((t) => t.def.part === s.part);
      const row = tables.flatMap((t) => t.rows).find((r) => r.labelCell && r.labelCell.text.replace(/\s+/g, '') === s.row.replace(/\s+/g, ''));
      const range = row?.raw.range ?? tables[0]?.range ?? { start: 0, end: 0 };
      emit({
        message: {
          zh: `「${s.row}」在来源中只有 ${s.found} 个数，按格式应有 ${s.expected} 个：已按顺序放入前 ${s.found} 格，其余留空；哪一格缺数无法确定，请对照原件`,
          en: `“${s.row}” has ${s.found} figure${s.found === 1 ? '' : 's'} in the source for ${s.expected} columns: they were put in the first ${s.found} cells in order and the rest left blank; which cell lacks a figure is unknown, compare with the original`,
        },
        range: { start: range.start, end: range.end },
      });
    }
  },
};
export default rule;
