// What a finding points at, named for a person reading a published report
// rather than its Markdown: 表三 （七）总计「自然人」, 表四, 五、存在的主要问题及改进情况.
// `nianbao check report.pdf` prints it after the page, where a line number of
// the imported Markdown would mean nothing to the reader of the PDF.
import type { Report } from './model.ts';
import { cellName } from './relations.ts';
import type { Range, Text2 } from './types.ts';

const PARTS: Record<string, Text2> = { t2: { zh: '表二', en: 'table 2' }, t3: { zh: '表三', en: 'table 3' }, t4: { zh: '表四', en: 'table 4' } };

const within = (at: number, r: Range) => at >= r.start && at <= r.end;

function part(id: string): Text2 {
  return PARTS[id] ?? { zh: id, en: id };
}

export function placeName(report: Report, range: Range): Text2 | undefined {
  const at = range.start;
  for (const table of report.tables) {
    if (!within(at, table.range)) continue;
    const p = part(table.def.part);
    for (const cell of table.cells.values()) {
      if (within(at, cell.ref.range)) {
        const name = cellName(cell);
        return { zh: `${p.zh} ${name.zh}`, en: `${p.en} ${name.en}` };
      }
    }
    for (const row of table.rows) {
      if (!within(at, row.raw.range)) continue;
      const label = row.labelCell?.text ?? row.row?.label;
      return label ? { zh: `${p.zh}「${label}」`, en: `${p.en} «${label}»` } : p;
    }
    return p;
  }
  for (const row of report.strayRows) {
    if (!within(at, row.raw.range)) continue;
    const p = part(row.table.part);
    const label = row.labelCell?.text;
    return label ? { zh: `${p.zh}「${label}」`, en: `${p.en} «${label}»` } : p;
  }
  for (let i = report.sections.length - 1; i >= 0; i--) {
    const s = report.sections[i];
    if (at >= s.range.start && at <= s.end) {
      const heading = `${s.numeral ? s.numeral + '、' : ''}${s.title}`;
      return { zh: heading, en: heading };
    }
  }
  return undefined;
}
