// Whole reports written by the server for the client's commands: a new
// report for a year (nianbao/newReport) and next year's report from this
// year's (nianbao/nextYearReport).
import type { Analysis } from '../engine/analyze.ts';
import { cellKey } from '../engine/model.ts';
import { formatNumber } from '../engine/relations.ts';
import { reportText, tableLines } from '../engine/scaffold.ts';
import type { Template } from '../engine/templates/template.ts';
import type { Lang } from '../engine/types.ts';
import type { ReportTextResult } from './protocol.ts';

/** The format in force for a report year, as the engine chooses it. */
export function templateForYear(templates: readonly Template[], year: number): Template | undefined {
  return templates.find((t) => (t.years.from === undefined || year >= t.years.from) && (t.years.to === undefined || year <= t.years.to));
}

export class ReportTextError extends Error {}

export function newReport(templates: readonly Template[], year: number, templateId: string | undefined, agency: string | undefined, lang: Lang): ReportTextResult {
  const template = templateId ? templates.find((t) => t.id === templateId) : templateForYear(templates, year);
  if (!template) throw new ReportTextError(lang === 'en' ? `No report format “${templateId ?? year}”` : `没有格式「${templateId ?? year}」`);
  return { text: reportText(template, { year, agency: agency?.trim() || '（机关名称）', fill: '0' }), year, templateId: template.id };
}

/** Row ids the carry-over uses; a user template without them gets no figures carried. */
const CARRIED_IN = 'carried_in';
const CARRY_OVER = 'carry_over';

/**
 * Next year's report: the title as this year's with the year + 1 (same
 * agency), the statistics period, the six sections headed the way this report
 * heads them, tables of the format in force next year with blank figures,
 * except 二、上年结转, which takes this year's 四、结转下年度继续办理 column by
 * column. Narrative text is not copied: a report copied from the previous
 * year is one of the faults evaluators list.
 */
export function nextYearReport(analysis: Analysis, templates: readonly Template[], lang: Lang): ReportTextResult {
  const report = analysis.report;
  if (report.year === undefined || !report.title || !report.yearRange) {
    throw new ReportTextError(lang === 'en' ? 'The report year was not found in the title.' : '未能从标题中识别报告年度。');
  }
  const year = report.year + 1;
  const template = templateForYear(templates, year) ?? report.template;
  const text = report.text;
  const lineStart = text.lastIndexOf('\n', report.title.range.start - 1) + 1;
  const nl = text.indexOf('\n', report.title.range.end);
  const lineEnd = nl === -1 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
  const titleLine = text.slice(lineStart, report.yearRange.start) + String(year) + text.slice(report.yearRange.end, lineEnd);

  const carried = new Map<string, string>();
  const thisTable = report.tables.find((t) => t.def.rows.some((r) => r.id === CARRY_OVER));
  if (thisTable) {
    for (const column of thisTable.def.columns) {
      const cell = thisTable.cells.get(cellKey(CARRY_OVER, column.id));
      if (cell?.value.kind === 'number') carried.set(column.id, formatNumber(cell.value.value));
    }
  }

  const prefix = report.sections.find((s) => s.def)?.prefix ?? '## ';
  // The intro paragraph of a scaffolded report: the one place the statistics period is written.
  const scaffold = reportText(template, { year, agency: report.agency ?? '', fill: '' }).split('\n');
  const intro = scaffold.find((l) => l.includes('统计期限')) ?? scaffold[2];
  const out = [titleLine, '', intro, ''];
  for (const s of template.sections) {
    out.push(`${prefix}${s.numeral}、${s.title}${prefix.startsWith('**') ? '**' : ''}`, '');
    if (!s.table) {
      out.push('（待补充）', '');
      continue;
    }
    for (const line of tableLines(template, s.table, '')) out.push(fillCarriedIn(template, s.table, line, carried));
    out.push('');
  }
  return { text: out.join('\n'), year, templateId: template.id };
}

function fillCarriedIn(template: Template, part: string, line: string, carried: Map<string, string>): string {
  const def = template.tables.find((t) => t.part === part && t.rows.some((r) => r.id === CARRIED_IN));
  const row = def?.rows.find((r) => r.id === CARRIED_IN);
  if (!def || !row || !line.startsWith(`| ${row.label} |`)) return line;
  return `| ${[row.label, ...def.columns.map((c) => carried.get(c.id) ?? '')].join(' | ')} |`;
}
