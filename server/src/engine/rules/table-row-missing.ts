// A row the format requires is absent from a table that is present. The fix
// inserts the row, with the label where the neighbouring row has its label and
// 0 in every value cell, after the row that precedes it in the format.
import type { MappedRow } from '../model.ts';
import type { Rule } from './rule.ts';

const rule: Rule = {
  id: 'table-row-missing',
  severity: 'error',
  description: { zh: '表格缺少必备行', en: 'A required table row is missing' },
  check({ report, emit }) {
    const parts = new Set(report.tables.map((t) => t.def.part));
    const eol = report.text.includes('\r\n') ? '\r\n' : '\n';
    for (const def of report.template.tables) {
      if (!parts.has(def.part)) continue; // the whole table is table-missing's finding
      const model = report.tables.find((t) => t.def === def);
      for (let i = 0; i < def.rows.length; i++) {
        const row = def.rows[i];
        if (row.group) continue;
        if (model?.rows.some((r) => r.row === row)) continue;
        const name = row.unlabeled ? def.title.zh : row.label;
        const anchor: MappedRow | undefined = model && (def.rows.slice(0, i).reverse().map((d) => model.rows.find((r) => r.row === d)).find(Boolean) ?? undefined);
        const near = anchor ?? model?.rows[0];
        const range = near ? near.raw.range : report.tables.find((t) => t.def.part === def.part)!.range;
        let fix;
        if (anchor && !row.unlabeled) {
          const labelIndex = anchor.labelCell ? anchor.raw.cells.indexOf(anchor.labelCell) : 0;
          const cells = [...Array(Math.max(0, labelIndex)).fill(''), row.label, ...def.columns.map(() => '0')];
          fix = {
            title: { zh: `插入「${row.label}」行（数字为 0）`, en: `Insert the row “${row.label}” (figures 0)` },
            edits: [{ range: { start: anchor.raw.range.end, end: anchor.raw.range.end }, newText: `${eol}| ${cells.join(' | ')} |` }],
            changesFigure: true,
          };
        }
        emit({
          message: { zh: `${def.title.zh}缺少「${name}」行`, en: `${def.title.en}: row “${name}” is missing` },
          range: { start: range.start, end: range.start === range.end ? range.end : Math.min(range.end, report.text.indexOf('\n', range.start) === -1 ? range.end : report.text.indexOf('\n', range.start)) },
          fix,
        });
      }
    }
  },
};
export default rule;
