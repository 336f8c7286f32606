// A report that uses the other format's tables or labels for its year: 2019
// columns (本年新制作数量) in a 2021 report, 2021 rows in a 2020 report, a
// heading row filled with figures as the other format's single row.
import { matchLabel } from '../parse/labels.ts';
import { looksLikeValue } from '../parse/numbers.ts';
import { labelsOf } from '../templates/label-sets.ts';
import type { Rule } from './rule.ts';

const rule: Rule = {
  id: 'template-mismatch',
  severity: 'warning',
  description: { zh: '使用了另一版本格式的表格或标签', en: 'Tables or labels of the other format' },
  check({ report, emit }) {
    const other = report.otherTemplate;
    if (!other) return;
    const mine = labelsOf(report.template);
    const theirs = labelsOf(other);
    const strong = (m?: string) => m === 'exact' || m === 'equivalent' || m === 'variant';
    const yearText = report.year ? `${report.year}年度报告` : '本报告';
    for (const raw of report.rawTables) {
      if (raw.tableIds.length === 0) continue;
      for (const row of raw.rows) {
        for (const cell of row.cells) {
          if (cell.text === '' || looksLikeValue(cell.text) || strong(matchLabel(cell.text, mine)?.match)) continue;
          if (!strong(matchLabel(cell.text, theirs)?.match)) continue;
          emit({
            message: {
              zh: `「${cell.text}」是${other.name.zh}的标签；${yearText}应使用${report.template.name.zh}`,
              en: `“${cell.text}” belongs to the ${other.name.en}; this report should use the ${report.template.name.en}`,
            },
            range: cell.range,
          });
        }
      }
    }
    // A heading row of this format written with figures, as the other format's single row
    // (2019's （六）其他处理 in a 2021 report, where it splits into 1.–3.).
    for (const table of report.tables) {
      const theirTable = other.tables.find((t) => t.id === table.def.id);
      for (const r of table.rows) {
        const row = r.row;
        if (!row?.group || !r.labelCell || !r.values.some((v) => v.text !== '')) continue;
        const theirRow = theirTable?.rows.find((d) => d.id === row.id);
        if (!theirRow || theirRow.group) continue;
        const parts = table.def.rows.filter((d) => d.id.startsWith(`${row.id}.`)).map((d) => d.label);
        emit({
          message: {
            zh: `「${r.labelCell.text}」一行填了数字，这是${other.name.zh}的写法；${yearText}应使用${report.template.name.zh}，分${parts.length ? `「${parts.join('」「')}」` : '子行'}填写`,
            en: `“${r.labelCell.text}” carries figures as in the ${other.name.en}; this report should use the ${report.template.name.en}, with the figures in its sub-rows`,
          },
          range: r.labelCell.range,
        });
      }
    }
  },
};
export default rule;
