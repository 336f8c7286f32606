// Writing report parts from a template: a section heading, a table skeleton,
// a whole report. Used by the section-missing and table-missing fixes, the
// server's completion and snippets, and the new-report commands, so every
// report part nianbao writes has one layout.
import type { ColumnDef, RowDef, SectionDef, TableDef, Template } from './templates/template.ts';

export interface ScaffoldOptions {
  /** Markdown prefix of section headings (`## `); plain line when empty. */
  prefix?: string;
  /** Value written into number cells: '0' for a fix, '' for a blank form. */
  fill?: string;
  eol?: string;
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** What goes into one number cell: the figure to write for it. */
export type CellText = (table: TableDef, row: RowDef, column: ColumnDef) => string;

/** One table part as GFM lines, one label column, group rows on their own line; `fill` in every number cell, or what `value` says. */
export function tableLines(template: Template, part: string, fill = '0', value?: CellText): string[] {
  const cell: CellText = value ?? (() => fill);
  const defs = template.tables.filter((t) => t.part === part);
  if (defs.length === 0) return [];
  const lines: string[] = [];
  if (defs[0].header) {
    // Table 2: one table, each block opened by its 第二十条 header and a 信息内容 row.
    const width = Math.max(...defs.map((d) => d.columns.length)) + 1;
    const pad = (cells: string[]) => [...cells, ...Array(width - cells.length).fill('')];
    defs.forEach((d, i) => {
      lines.push(row(pad([d.header!])));
      if (i === 0) lines.push(row(Array(width).fill('---')));
      lines.push(row(pad(['信息内容', ...d.columns.map((c) => c.label)])));
      for (const r of d.rows) lines.push(row(pad([r.label, ...d.columns.map((c) => cell(d, r, c))])));
    });
    return lines;
  }
  const d = defs[0];
  const labelled = d.rows.some((r) => !r.unlabeled);
  if (!labelled) {
    const groups = [...new Set(d.columns.map((c) => c.group ?? ''))];
    lines.push(row(groups.flatMap((g) => d.columns.filter((c) => (c.group ?? '') === g).map((_, i) => (i === 0 ? g : '')))));
    lines.push(row(d.columns.map(() => '---')));
    lines.push(row(d.columns.map((c) => c.label)));
    for (const r of d.rows) lines.push(row(d.columns.map((c) => cell(d, r, c))));
    return lines;
  }
  lines.push(row([d.signature?.[0] === '本列数据的勾稽关系' ? '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' : d.title.zh, ...d.columns.map((c) => c.label)]));
  lines.push(row(['---', ...d.columns.map(() => '---:')]));
  for (const r of d.rows) lines.push(row([r.label, ...d.columns.map((c) => (r.group ? '' : cell(d, r, c)))]));
  return lines;
}

export function sectionHeading(section: SectionDef, prefix = ''): string {
  return `${prefix}${section.numeral}、${section.title}${prefix.startsWith('**') ? '**' : ''}`;
}

/** A section as inserted by a fix: heading, then its table (figures 0) or a placeholder line. */
export function sectionText(template: Template, section: SectionDef, options: ScaffoldOptions = {}): string {
  const eol = options.eol ?? '\n';
  const parts = [sectionHeading(section, options.prefix ?? ''), ''];
  if (section.table) parts.push(...tableLines(template, section.table, options.fill ?? '0'));
  else parts.push(section.placeholder ?? '（待补充）');
  return parts.join(eol) + eol + eol;
}

export interface ReportScaffold {
  year: number;
  agency: string;
  fill?: string;
}

/** A whole new report for a year in the template's format, with blank figures. */
export function reportText(template: Template, { year, agency, fill = '0' }: ReportScaffold): string {
  const out = [`# ${agency}${year}年政府信息公开工作年度报告`, '', `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室印发的政府信息公开工作年度报告格式要求编制，统计期限为${year}年1月1日至${year}年12月31日。`, ''];
  for (const s of template.sections) {
    out.push(`## ${s.numeral}、${s.title}`, '');
    if (s.table) out.push(...tableLines(template, s.table, fill), '');
    else out.push(s.placeholder ?? '（待补充）', '');
  }
  return out.join('\n');
}

export type { TableDef };
