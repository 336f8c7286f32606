// A required section is absent. The fix inserts it where it belongs: before
// the next required section that is present, or at the end.
import { sectionText } from '../scaffold.ts';
import type { Rule } from './rule.ts';

/** True when `offset` lies inside a fenced code block (``` or ~~~) opened before it and not yet closed. */
function insideFence(text: string, offset: number): boolean {
  let open: string | undefined;
  for (const line of text.slice(0, offset).split('\n')) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (!m) continue;
    if (!open) open = m[1];
    else if (m[1][0] === open[0] && m[1].length >= open.length && line.trim() === m[1]) open = undefined;
  }
  return open !== undefined;
}

const rule: Rule = {
  id: 'section-missing',
  severity: 'error',
  description: { zh: '缺少必备栏目', en: 'A required section is missing' },
  check({ report, emit }) {
    const found = new Set(report.sections.map((s) => s.def?.id));
    const sections = report.template.sections;
    const prefix = report.sections.find((s) => s.def)?.prefix ?? '';
    const eol = report.text.includes('\r\n') ? '\r\n' : '\n';
    sections.forEach((def, i) => {
      if (found.has(def.id)) return;
      const next = sections.slice(i + 1).map((d) => report.sections.find((s) => s.def === d)).find(Boolean);
      const at = next ? next.range.start : report.text.length;
      const where = next?.range ?? report.title?.range ?? { start: 0, end: Math.min(report.text.length, report.text.indexOf('\n') === -1 ? report.text.length : report.text.indexOf('\n')) };
      // The inserted heading must start a block of its own: a blank line before it (a line right after a
      // table or paragraph would be read as part of it).
      const before = report.text.slice(0, at);
      const lead = before === '' || /\n[ \t]*\r?\n$/.test(before) ? '' : /\n$/.test(before) ? eol : eol + eol;
      const heading = `${def.numeral}、${def.title}`;
      // Text inserted inside an open code fence would not be a heading: no fix there.
      const fixable = !insideFence(report.text, at);
      emit({
        message: { zh: `缺少「${heading}」`, en: `Missing section “${heading}”` },
        range: where,
        fix: fixable ? {
          title: { zh: `插入「${heading}」${def.table ? '及其表格' : ''}`, en: `Insert “${heading}”${def.table ? ' with its table' : ''}` },
          edits: [{ range: { start: at, end: at }, newText: lead + sectionText(report.template, def, { prefix, eol }) }],
          changesFigure: def.table !== undefined,
        } : undefined,
      });
    });
  },
};
export default rule;
