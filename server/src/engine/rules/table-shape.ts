// A row with the wrong number of value cells, a row given twice, or a block
// header (信息内容 row) that names columns the format does not have.
import type { Rule } from './rule.ts';

const rule: Rule = {
  id: 'table-shape',
  severity: 'error',
  description: { zh: '表格结构与规定格式不符', en: 'A table does not have the shape of the format' },
  check({ report, emit }) {
    for (const table of report.tables) {
      for (const r of table.rows) {
        const name = r.row ? (r.row.unlabeled ? table.def.title.zh : r.row.label) : r.labelCell?.text ?? '';
        if (r.duplicate) {
          emit({ message: { zh: `「${name}」行重复出现`, en: `Row “${name}” appears twice` }, range: r.labelCell?.range ?? r.raw.range });
        } else if (r.valueCountProblem) {
          const { expected, found } = r.valueCountProblem;
          emit({
            message: { zh: `「${name}」行应有 ${expected} 个数值单元格，实有 ${found} 个`, en: `Row “${name}” should have ${expected} value cells, found ${found}` },
            range: r.raw.range,
          });
        }
      }
      for (const h of table.headers) {
        if (h.column || h.match !== 'unknown') continue;
        emit({
          message: { zh: `表头「${h.ref.text}」不属于${table.def.title.zh}（应为：${table.def.columns.map((c) => c.label).join('、')}）`, en: `Header “${h.ref.text}” is not a column of ${table.def.title.en}` },
          range: h.ref.range,
        });
      }
    }
  },
};
export default rule;
