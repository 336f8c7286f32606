// Report parts as snippet text (tab stops in the figures), built from the
// engine's scaffold so completions, the static snippets file and the fixes
// all write the same layout.
import { reportText, tableLines } from '../engine/scaffold.ts';
import type { SectionDef, Template } from '../engine/templates/template.ts';

/** A value no template contains, marking where a figure goes. */
const FIGURE = '\u0001';
const AGENCY = '\u0002';

export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Heading, blank line, then the section's table with a tab stop in every figure, or a placeholder line. */
export function sectionSnippet(template: Template, section: SectionDef, prefix = '## '): string {
  const heading = escapeSnippet(`${prefix}${section.numeral}、${section.title}${prefix.startsWith('**') ? '**' : ''}`);
  if (!section.table) return `${heading}\n\n\${1:（待补充）}\n$0`;
  let stop = 0;
  const table = tableLines(template, section.table, FIGURE)
    .map((line) => escapeSnippet(line).replace(new RegExp(FIGURE, 'g'), () => `\${${++stop}:0}`))
    .join('\n');
  return `${heading}\n\n${table}\n$0`;
}

/** The default year offered for a format: last year, within the years the format is used for. */
export function defaultYear(template: Template, now = new Date()): number {
  let year = now.getFullYear() - 1;
  if (template.years.to !== undefined && year > template.years.to) year = template.years.to;
  if (template.years.from !== undefined && year < template.years.from) year = template.years.from;
  return year;
}

/** A whole report: agency and year are tab stops (the year mirrored everywhere it is written). */
export function reportSnippet(template: Template, year = defaultYear(template)): string {
  const text = escapeSnippet(reportText(template, { year, agency: AGENCY, fill: '0' }));
  return text.replace(AGENCY, '${1:（机关名称）}').replace(new RegExp(`${year}年`, 'g'), `\${2:${year}}年`) + '$0';
}
