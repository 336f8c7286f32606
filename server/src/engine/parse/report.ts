// Text → report model: parse once, find title and year, choose the format,
// find the sections and map the tables.
import type { Root } from 'mdast';
import type { Report } from '../model.ts';
import type { Template } from '../templates/template.ts';
import { guardText } from './guard.ts';
import type { IncrementalParser } from './incremental.ts';
import { parseMarkdown } from './markdown.ts';
import { findSections } from './sections.ts';
import { readBlanks, type BlankCellPolicy } from './blanks.ts';
import { collectTables, mapTables } from './table-mapping.ts';

export interface BuildOptions {
  templates: readonly Template[];
  /** Template id forced by --template or configuration. */
  template?: string;
  /** A parse tree already made for this text (tests that compare parsers). */
  root?: Root;
  /** Re-uses the pieces of the previous version of this document (the language server keeps one per document). */
  parser?: IncrementalParser;
  /** How blank cells are read (parse/blanks.ts). */
  blankCells?: BlankCellPolicy;
}

const CN_DIGITS: Record<string, string> = { '〇': '0', '零': '0', 'О': '0', '○': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9' };
const TITLE_WORDS = /政府信息公开.{0,6}(年度报告|工作报告|年报)|信息公开工作年度报告/;

function findTitle(text: string, root: Root): Report['title'] {
  for (const node of root.children.slice(0, 40)) {
    if (node.type !== 'heading' && node.type !== 'paragraph') continue;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    const nl = text.indexOf('\n', start);
    const lineEnd = nl === -1 || nl > end ? end : nl;
    const line = text.slice(start, lineEnd).replace(/\r$/, '');
    const compact = line.replace(/[\s*#]+/g, '');
    // A title names the report and ends with it: 报告, 年报, perhaps a bracketed note (（全文）).
    if (line.length > 80 || !TITLE_WORDS.test(compact) || !/(报告|年报)([(（][^)）]*[)）])?$/.test(compact)) continue;
    const lead = /^(\s*#{1,6}\s+|\*\*)?/.exec(line)?.[0].length ?? 0;
    const title = line.slice(lead).replace(/\*\*\s*$/, '').trimEnd();
    return { text: title, range: { start: start + lead, end: start + lead + title.length } };
  }
  return undefined;
}

function yearOf(title: string): { year: number; index: number; length: number } | undefined {
  const m = /((?:19|20)\d{2})\s*年/.exec(title.normalize('NFKC'));
  if (m) return { year: Number(m[1]), index: m.index, length: m[1].length };
  const c = /([〇零○一二三四五六七八九]{4})\s*年/.exec(title);
  if (c) {
    const year = Number([...c[1]].map((ch) => CN_DIGITS[ch] ?? '').join(''));
    if (year >= 1990 && year <= 2100) return { year, index: c.index, length: 4 };
  }
  return undefined;
}

/** Without a title year: the 统计期限 sentence or the first "20XX年，" that opens the text. */
function periodYear(text: string): { year: number; index: number; length: number } | undefined {
  const head = text.slice(0, 4000).normalize('NFKC');
  const m = /统计期限为?\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(head) ?? /^\s*((?:19|20)\d{2})\s*年\s*[,，]/m.exec(head);
  return m ? { year: Number(m[1]), index: -1, length: 0 } : undefined;
}

function templateForYear(templates: readonly Template[], year: number): Template | undefined {
  return templates.find((t) => (t.years.from === undefined || year >= t.years.from) && (t.years.to === undefined || year <= t.years.to));
}

export function buildReport(text: string, options: BuildOptions): Report {
  // Parse and read tables from a guarded copy (same length, same offsets) so pathological input stays cheap.
  // A leading byte order mark becomes a space there: micromark drops a BOM and counts offsets without it,
  // which would put every node one character before its text.
  const safe = guardText(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text);
  const root = options.root ?? options.parser?.update(safe) ?? parseMarkdown(safe);
  const title = findTitle(text, root);
  const y = (title ? yearOf(title.text) : undefined) ?? periodYear(text);
  const { raw, ranges } = collectTables(safe, root);

  let template: Template | undefined;
  let templateSource: Report['templateSource'] = 'default';
  if (options.template) {
    template = options.templates.find((t) => t.id === options.template);
    if (template) templateSource = 'config';
  }
  if (!template && y) {
    template = templateForYear(options.templates, y.year);
    if (template) templateSource = 'year';
  }
  let mapped: ReturnType<typeof mapTables> | undefined;
  if (!template) {
    // No year: the format whose labels the tables use best.
    let bestScore = -1;
    for (const t of options.templates) {
      const m = mapTables(text, raw, t);
      const score = m.tables.reduce((n, tm) => n + tm.rows.filter((r) => r.row && (r.match === 'exact' || r.match === 'equivalent')).length + tm.headers.filter((h) => h.match === 'exact' || h.match === 'equivalent').length, 0);
      if (score > bestScore) { bestScore = score; template = t; mapped = m; }
    }
    templateSource = bestScore > 0 ? 'tables' : 'default';
    if (bestScore <= 0) { template = options.templates[options.templates.length - 1]; mapped = undefined; }
  }
  if (!template) throw new Error('no report template is loaded');
  mapped ??= mapTables(text, raw, template);
  readBlanks(mapped.tables, options.blankCells);
  const sections = findSections(text, root, template);
  const agency = title && y && y.index >= 0 ? title.text.slice(0, y.index).replace(/[\s#*]+/g, '') || undefined : undefined;
  return {
    text,
    template,
    templateSource,
    otherTemplate: options.templates.find((t) => t !== template),
    title,
    year: y?.year,
    yearRange: title && y && y.index >= 0 ? { start: title.range.start + y.index, end: title.range.start + y.index + y.length } : undefined,
    agency,
    sections,
    tables: mapped.tables,
    strayRows: mapped.strayRows,
    rawTables: raw.map((rows, i) => ({ range: ranges[i], rows, tableIds: mapped!.tableIdsByRaw[i] ?? [] })),
  };
}

/** A Markdown file is treated as a report when it has a report title or at least two known sections. */
export function isReport(report: Report): boolean {
  return report.title !== undefined || new Set(report.sections.map((s) => s.def?.id)).size >= 2;
}
