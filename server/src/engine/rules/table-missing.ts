// A required table is absent from its section (or from the whole report).
// The fix inserts the table skeleton right after the section heading.
import { tableLines } from '../scaffold.ts';
import type { Rule } from './rule.ts';

const rule: Rule = {
  id: 'table-missing',
  severity: 'error',
  description: { zh: '缺少必备表格', en: 'A required table is missing' },
  check({ report, emit }) {
    const parts = new Set(report.tables.map((t) => t.def.part));
    const eol = report.text.includes('\r\n') ? '\r\n' : '\n';
    for (const def of report.template.sections) {
      if (!def.table || parts.has(def.table)) continue;
      const hit = report.sections.find((s) => s.def === def);
      // A missing section is reported (and inserted with its table) by section-missing.
      if (!hit) continue;
      const title = report.template.tables.find((t) => t.part === def.table)!.title;
      const name = def.table === 't2' ? { zh: '第二十条主动公开情况', en: 'proactive disclosure under Art. 20' } : title;
      const at = hit.range.end;
      emit({
        message: { zh: `「${def.numeral}、${def.title}」缺少表格（${name.zh}）`, en: `“${def.numeral}、${def.title}” has no table (${name.en})` },
        range: hit.range,
        fix: {
          title: { zh: '插入表格', en: 'Insert the table' },
          edits: [{ range: { start: at, end: at }, newText: eol + eol + tableLines(report.template, def.table).join(eol) + eol }],
          changesFigure: true,
        },
      });
    }
  },
};
export default rule;
