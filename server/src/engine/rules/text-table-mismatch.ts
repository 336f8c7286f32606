// A figure the prose states (收到申请 258 件, 上年结转 2 件, 行政复议 1 件)
// that contradicts table 3 or 4. The statement is compared on every basis the
// wording allows (受理 may include the carried-over applications): only a
// figure that matches none of them is a finding, and the message says what
// was compared with what.
import { formatNumber } from '../relations.ts';
import { sumOf, tableOf } from '../cross/figures.ts';
import { statements, type Basis } from '../cross/statements.ts';
import { paragraphs } from '../cross/prose.ts';
import type { Report } from '../model.ts';
import type { Related } from '../types.ts';
import type { Rule } from './rule.ts';

const TABLE_NAME = { t3: { zh: '表三', en: 'table 3' }, t4: { zh: '表四', en: 'table 4' } };

function read(report: Report, basis: Basis, parts = false) {
  const table = tableOf(report, basis.table);
  if (!table) return undefined;
  const columns = basis.columns ?? ['total'];
  return sumOf(table, basis.rows, columns, parts);
}

const rule: Rule = {
  id: 'text-table-mismatch',
  severity: 'warning',
  description: { zh: '正文所述数字与表格不一致', en: 'A figure stated in the text contradicts the tables' },
  check({ report, emit }) {
    if (!tableOf(report, 't3') && !tableOf(report, 't4')) return;
    for (const p of paragraphs(report)) {
      for (const st of statements(p, report.year)) {
        const readings = st.bases.map((b) => ({ basis: b, sum: read(report, b) })).filter((r) => r.sum !== undefined);
        // Every reading must be available: a basis that cannot be read could be the one the text means.
        if (readings.length === 0 || readings.length < st.bases.length) continue;
        if (readings.some((r) => r.sum!.value === st.value)) continue;
        // A miscounted 总计 is total-row's or total-review's finding: text that matches the parts is not contradicted.
        if (st.bases.some((b) => read(report, b, true)?.value === st.value)) continue;
        const place = (b: Basis) => (b.table === 't3' ? `${TABLE_NAME.t3.zh}${b.zh}的「${st.applicant?.zh ?? '总计'}」列` : `${TABLE_NAME.t4.zh}${b.zh}`);
        const placeEn = (b: Basis) => `${TABLE_NAME[b.table].en} ${b.en}${b.table === 't3' ? `, column ${st.applicant?.en ?? 'total'}` : ''}`;
        const zh = readings.map((r) => `${place(r.basis)}为 ${formatNumber(r.sum!.value)}`).join('，或');
        const en = readings.map((r) => `${placeEn(r.basis)} = ${formatNumber(r.sum!.value)}`).join(', or ');
        const stated = st.zero ? `「${st.quote}」（即 0）` : `「${st.quote}」`;
        const related: Related[] = [];
        for (const r of readings) {
          for (const c of r.sum!.cells) {
            if (related.some((x) => x.range.start === c.ref.range.start)) continue;
            related.push({ range: c.ref.range, message: { zh: `${c.row.short ?? c.row.label}「${c.column.label}」= ${c.ref.text || '（空）'}`, en: `${c.row.short ?? c.row.label} «${c.column.label}» = ${c.ref.text || '(blank)'}` } });
          }
        }
        emit({
          message: {
            zh: `正文${stated}与表格不一致：比较的是正文“${st.metricZh}${st.applicant ? `（${st.applicant.zh}）` : ''}”的数字 ${st.value} 与${zh}`,
            en: `The text says “${st.quote}”${st.zero ? ' (that is, 0)' : ''} but the tables disagree: compared the text's ${st.metricEn}${st.applicant ? ` from ${st.applicant.en}` : ''} figure ${st.value} with ${en}`,
          },
          range: { start: st.start, end: st.end },
          related: related.slice(0, 20),
        });
      }
    }
  },
};
export default rule;
