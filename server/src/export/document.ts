// A checked report in Markdown → the blocks of the document to publish: the
// title, headings at two levels, paragraphs word for word (bold and italic
// kept as runs), tables 2–4 in the official layout (layout.ts) filled with
// the report's own row labels and figures exactly as written, and any other
// table as it is. The writers (docx.ts, html.ts) only draw these blocks.
// Pure: text and its analysis in, no file system.
import type { PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Analysis } from '../engine/analyze.ts';
import { cellKey, type Report, type TableModel } from '../engine/model.ts';
import type { RowDef, TableDef } from '../engine/templates/template.ts';
import { officialTable, type ExtraRow, type OfficialTable, type TableSource } from './layout.ts';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** The heading that opens a paragraph (（一）主动公开。…): set as a 二级标题. */
  lead?: boolean;
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'para'; runs: Run[] }
  | { kind: 'official'; table: OfficialTable }
  | { kind: 'table'; rows: string[][] };

export interface ExportMeta {
  title: string;
  agency?: string;
  year?: number;
  /** The format's id (2019, 2021). */
  format: string;
}

export interface ExportDocument {
  meta: ExportMeta;
  blocks: Block[];
}

const processor = unified().use(remarkParse).use(remarkGfm);

/** A cell's text without the Markdown around it: `**3**` → 3, `\|` → |. The figure itself is never touched. */
export function cellText(text: string): string {
  let t = text.trim();
  for (let m; (m = /^(\*\*|__)(.*)\1$/s.exec(t)); ) t = m[2].trim();
  return t.replace(/<br\s*\/?>/gi, '\n').replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
}

/**
 * The report's table contents for the layout: its own label for each row
 * (typos and all; blank where it lost the label), its figures as written, the
 * rows it has, and its rows the format does not know, after the row they
 * follow.
 */
export function reportSource(report: Report): TableSource {
  const models = new Map<string, TableModel>(report.tables.map((t) => [t.def.id, t]));
  const mapped = (table: TableDef, row: RowDef) => models.get(table.id)?.rows.find((r) => r.row === row && !r.duplicate);
  return {
    label(table, row) {
      const r = mapped(table, row);
      if (!r) return undefined;
      // A row whose label was lost gets the label its position gives (the checker's own reading):
      // left blank, its figures could not be read back into any row.
      return r.labelCell ? cellText(r.labelCell.text) : undefined;
    },
    value(table, row, column) {
      const cell = models.get(table.id)?.cells.get(cellKey(row.id, column.id));
      return cell ? cellText(cell.ref.text) : '';
    },
    hasTable: (table) => models.has(table.id),
    has(table, row) {
      // A group row is drawn by the layout whenever one of its rows is there.
      return models.has(table.id) && (row.group === true || mapped(table, row) !== undefined);
    },
    extra(table, after) {
      const model = models.get(table.id);
      if (!model) return [];
      const out: ExtraRow[] = [];
      let last: RowDef | undefined;
      for (const r of model.rows) {
        if (r.row && !r.duplicate && !r.row.group) { last = r.row; continue; }
        if (r.row?.group) continue;
        if (last !== after) continue;
        out.push({ label: r.labelCell ? cellText(r.labelCell.text) : '', values: r.values.map((v) => cellText(v.text)), labelRange: r.labelCell?.range, valueRanges: r.values.map((v) => v.range) });
      }
      return out;
    },
  };
}

function runsOf(nodes: PhrasingContent[], style: Omit<Run, 'text'> = {}): Run[] {
  const out: Run[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text': case 'inlineCode': out.push({ text: n.value, ...style }); break;
      case 'strong': out.push(...runsOf(n.children, { ...style, bold: true })); break;
      case 'emphasis': out.push(...runsOf(n.children, { ...style, italic: true })); break;
      case 'delete': case 'link': case 'linkReference': out.push(...runsOf(n.children, style)); break;
      case 'image': case 'imageReference': if (n.alt) out.push({ text: n.alt, ...style }); break;
      case 'break': out.push({ text: '\n', ...style }); break;
      case 'html': if (/^<br\s*\/?>$/i.test(n.value)) out.push({ text: '\n', ...style }); break;
      default: break;
    }
  }
  // A soft line break is a space in Markdown; between two Chinese characters it is nothing.
  return out.map((r) => ({ ...r, text: r.text.replace(/([\u2e80-\u9fff\uff00-\uffef])[ \t]*\n[ \t]*(?=[\u2e80-\u9fff\uff00-\uffef])/g, '$1').replace(/[ \t]*\n[ \t]*/g, r.text === '\n' ? '\n' : ' ') }));
}

const plain = (runs: Run[]) => runs.map((r) => r.text).join('').trim();

/** （一）主动公开。… → the heading part as its own run. */
function withLead(runs: Run[]): Run[] {
  const text = plain(runs);
  const m = /^[（(][一二三四五六七八九十]+[）)][^。：:]{1,30}[。：:]/.exec(text);
  if (!m || runs.length !== 1 || runs[0].bold || runs[0].italic) return runs;
  const t = runs[0].text.trimStart();
  return [{ text: t.slice(0, m[0].length), lead: true }, { text: t.slice(m[0].length) }].filter((r) => r.text !== '');
}

export function exportDocument(text: string, analysis: Analysis): ExportDocument {
  const report = analysis.report;
  const template = report.template;
  // Same offsets as the engine's: a byte order mark becomes a space.
  const root = processor.parse(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text) as Root;
  const blocks: Block[] = [];
  const source = reportSource(report);
  const done = new Set<string>();
  const sectionAt = (start: number, end: number) => report.sections.some((s) => s.range.start >= start && s.range.end <= end && (s.def || s.kind === 'heading'));
  const isTitle = (start: number, end: number) => report.title !== undefined && report.title.range.start >= start && report.title.range.end <= end;

  const visit = (node: RootContent) => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    switch (node.type) {
      case 'heading': {
        const t = plain(runsOf(node.children));
        if (!t) return;
        if (isTitle(start, end) && !blocks.some((b) => b.kind === 'title')) blocks.push({ kind: 'title', text: t });
        else blocks.push({ kind: 'heading', level: sectionAt(start, end) || node.depth <= 2 && !/^[（(]/.test(t) ? 1 : 2, text: t });
        return;
      }
      case 'paragraph': {
        const runs = runsOf(node.children);
        const t = plain(runs);
        if (!t) return;
        if (isTitle(start, end) && !blocks.some((b) => b.kind === 'title')) blocks.push({ kind: 'title', text: t });
        else if (sectionAt(start, end) && t.length <= 40) blocks.push({ kind: 'heading', level: 1, text: t });
        else blocks.push({ kind: 'para', runs: withLead(runs) });
        return;
      }
      case 'table': {
        const raw = report.rawTables.find((r) => r.range.start >= start && r.range.start < end);
        const parts = [...new Set((raw?.tableIds ?? []).map((id) => template.tables.find((t) => t.id === id)?.part).filter((p): p is string => !!p))];
        if (parts.length) {
          for (const part of parts) {
            if (done.has(part)) continue;
            done.add(part);
            const table = officialTable(template, part, source);
            if (table) blocks.push({ kind: 'official', table });
          }
          return;
        }
        blocks.push({ kind: 'table', rows: node.children.map((r) => r.children.map((c) => plain(runsOf(c.children)))) });
        return;
      }
      case 'list': {
        let n = node.start ?? 1;
        for (const item of node.children) {
          const marker = node.ordered ? `${n++}. ` : '· ';
          let first = true;
          for (const child of item.children) {
            if (child.type === 'paragraph') {
              const runs = runsOf(child.children);
              blocks.push({ kind: 'para', runs: first ? [{ text: marker }, ...runs] : runs });
              first = false;
            } else visit(child as RootContent);
          }
        }
        return;
      }
      case 'blockquote':
        node.children.forEach(visit);
        return;
      case 'code':
        for (const line of node.value.split('\n')) if (line.trim()) blocks.push({ kind: 'para', runs: [{ text: line }] });
        return;
      default:
        return;
    }
  };
  root.children.forEach(visit);
  const title = report.title ? cellText(report.title.text.replace(/^\s*#+\s*/, '')) : blocks.find((b) => b.kind === 'title')?.text;
  return {
    meta: { title: title ?? [report.agency, report.year ? `${report.year}年` : '', '政府信息公开工作年度报告'].filter(Boolean).join(''), agency: report.agency, year: report.year, format: template.id },
    blocks,
  };
}

/** The findings a writer reports before exporting: how many are errors. */
export function errorCount(analysis: Analysis): number {
  return analysis.diagnostics.filter((d) => d.severity === 'error').length;
}
