// Content of a published report that the import could not put into a table
// cell (figures after a row whose label was lost, a row with more figures than
// the table has columns, header text that names no column). The importer keeps
// it after the table in a `> 未能放入表格的内容：…` paragraph rather than
// guessing; this rule reports each such paragraph, in the editor (the
// imported .md) and in `nianbao check report.pdf` alike, so it is never
// silently dropped. The figures it holds are in no cell: the sums through
// their cells are judged without them.
import type { Rule } from './rule.ts';

/** The importer's paragraph: `> 未能放入表格的内容：（在「X」之后）TEXT——REASON` (host/published/build.ts writes it). */
const PARAGRAPH = /^> 未能放入表格的内容：(?:（在「(.*?)」之后）)?(.*?)——(.*)$/;

const unescape = (s: string) => s.replace(/\\([\\*_`<[\]~&#>+\-=|.)])/g, '$1');

const rule: Rule = {
  id: 'import-unplaced',
  severity: 'warning',
  description: { zh: '导入时未能放入表格的内容', en: 'Content the import could not place in a table cell' },
  check({ report, emit }) {
    const text = report.text;
    for (let start = 0; start < text.length;) {
      const nl = text.indexOf('\n', start);
      const end = nl === -1 ? text.length : nl;
      const line = text.slice(start, end).replace(/\r$/, '');
      const m = PARAGRAPH.exec(line);
      if (m) {
        const after = m[1] === undefined ? undefined : unescape(m[1]);
        const what = unescape(m[2]);
        const why = unescape(m[3]);
        emit({
          message: {
            zh: `导入时未能放入表格的内容${after ? `（在「${after}」之后）` : ''}：${what}——${why}`,
            en: `the import could not place this in a table cell${after ? ` (after “${after}”)` : ''}: ${what} — ${why}`,
          },
          range: { start, end: start + line.length },
        });
      }
      start = end + 1;
    }
  },
};
export default rule;
