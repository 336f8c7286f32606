// A required section is absent. The fix inserts it where it belongs: before
// the next required section that is present (when the report has its sections
// out of order, where it puts the fewest on the wrong side), or at the end.
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
    // The sections present, first occurrences, in document order, with their place in the format.
    const seen = new Set<string>();
    const present = report.sections
      .filter((s) => s.def && !seen.has(s.def.id) && seen.add(s.def.id))
      .map((s) => ({ hit: s, index: sections.indexOf(s.def!) }));
    /**
     * The section the missing one goes before (undefined: the end). Normally the next section of the
     * format; when the report has them out of order, the place that puts the fewest sections on the
     * wrong side of it, so that inserting it adds no section-order finding.
     */
    const insertBefore = (i: number) => {
      const places = [...present.map((p) => p.hit), undefined];
      const cost = (k: number) => present.filter((p, j) => (j < k ? p.index > i : p.index < i)).length;
      const natural = places.findIndex((h) => h === undefined || sections.indexOf(h.def!) > i);
      let best = natural;
      for (let k = 0; k < places.length; k++) if (cost(k) < cost(best)) best = k;
      return places[best];
    };
    sections.forEach((def, i) => {
      if (found.has(def.id)) return;
      const next = insertBefore(i);
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
