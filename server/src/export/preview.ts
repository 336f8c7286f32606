// The Markdown preview's plugin (markdown-it; VS Code loads it through the
// extension's `extendMarkdownIt`): in a report, the GFM tables that hold
// tables 2, 3 and 4 are drawn in the official merged layout instead of flat
// grids. A cell with a finding gets a red outline and the findings as its
// title (the browser shows it on hover); a row group (（三）不予公开) and a
// column group (法人或其他组织) give their sums on hover. Anything that is not
// a report, and every other table, is left exactly as markdown-it renders it.
//
// Speed: the preview re-renders the whole document as the writer types. A
// cheap look for the tables' words skips most Markdown files; a report is
// analysed once per text (the last text's tables are kept), with an
// incremental parser that re-parses only the blocks an edit touched, as the
// language server does.
import type MarkdownItModule from 'markdown-it';
import { analyze, type Analysis } from '../engine/analyze.ts';
import { LineIndex } from '../engine/lines.ts';
import { IncrementalParser } from '../engine/parse/incremental.ts';
import { cellKey, type Report } from '../engine/model.ts';
import type { TableDef } from '../engine/templates/template.ts';
import type { Diagnostic, Lang, Range } from '../engine/types.ts';
import { reportSource } from './document.ts';
import { tableHtml } from './html.ts';
import { officialTable, type LayoutCell } from './layout.ts';

type MarkdownIt = InstanceType<typeof MarkdownItModule>;
type StateCore = Parameters<Parameters<MarkdownIt['core']['ruler']['push']>[1]>[0];

export interface PreviewOptions {
  lang?: Lang;
  /**
   * The analysis to use (the extension passes the settings the editor checks
   * with); default: analyze(text). `parser` re-parses only the blocks an edit
   * touched, as the language server does while the writer types.
   */
  analyze?: (text: string, parser: IncrementalParser) => Analysis;
}

/** Words one of the three tables has; a file without any is not looked at further. */
const TABLE_WORDS = /第二十条|本年度办理结果|本年新收|行政复议|申请人情况/;

/** Where each cell's text is in the report, for matching findings to cells. */
function cellRanges(report: Report, c: LayoutCell): Range[] {
  if (c.source) return [c.source];
  const model = c.table && report.tables.find((t) => t.def === c.table);
  if (!model) return [];
  switch (c.role) {
    case 'figure': {
      const cell = c.rowDef && c.column ? model.cells.get(cellKey(c.rowDef.id, c.column.id)) : undefined;
      return cell ? [cell.ref.range] : [];
    }
    case 'label': case 'rowgroup': {
      const r = model.rows.find((x) => x.row === c.rowDef && !x.duplicate);
      return r ? [r.labelCell?.range ?? r.labelSlot?.range ?? r.raw.range] : [];
    }
    case 'column':
      return model.headers.filter((h) => h.column === c.column).map((h) => h.ref.range);
    default:
      return [];
  }
}

/** Columns (rows) that are the sum of others, by the template's relations (总计 = …): left out of a group's sum. */
function totals(def: TableDef, per: 'row' | 'column'): Set<string> {
  return new Set((def.relations ?? []).filter((r) => r.per === per && r.lhs.length === 1).map((r) => r.lhs[0]));
}

function sumTitle(report: Report, c: LayoutCell, lang: Lang): string | undefined {
  const model = c.table && report.tables.find((t) => t.def === c.table);
  if (!model) return undefined;
  const zh = lang === 'zh';
  const sum = (rows: string[], cols: string[]) => {
    let total = 0;
    let missing = 0;
    for (const r of rows) for (const col of cols) {
      const cell = model.cells.get(cellKey(r, col));
      if (cell?.value.kind === 'number') total += cell.value.value;
      else missing++;
    }
    const t = Number.isInteger(total) ? String(total) : total.toFixed(3).replace(/0+$/, '');
    return missing ? `${t}${zh ? `（${missing} 格不是数字，未计入）` : ` (${missing} cells without a figure left out)`}` : t;
  };
  if (c.role === 'rowgroup' && c.rows?.length) {
    const totalRows = totals(model.def, 'column');
    const ids = c.rows.map((r) => r.id).filter((id) => !totalRows.has(id));
    const parts = model.def.columns.map((col) => `${col.label} ${sum(ids, [col.id])}`);
    return `${zh ? `${c.text} 合计（${ids.length} 行之和）` : `${c.text}: sum of its ${ids.length} rows`}\n${parts.join(zh ? '；' : '; ')}`;
  }
  if (c.role === 'group' && c.columns?.length) {
    const totalColumns = totals(model.def, 'row');
    const cols = c.columns.filter((col) => !totalColumns.has(col.id));
    const rows = model.def.rows.filter((r) => !r.group);
    const lines = rows.map((r) => ({ r, s: sum([r.id], cols.map((x) => x.id)) })).filter((x) => x.s !== '0');
    // Sub-groups (行政诉讼: 未经复议直接起诉, 复议后起诉) are named once, then the columns each has.
    const subgroups = [...new Set(cols.map((x) => x.group ?? ''))].filter((g) => g && g !== c.text);
    const labels = [...new Set(cols.map((x) => x.label))];
    const what = zh ? `${subgroups.length > 1 ? subgroups.join('、') + ' 的' : ''}${labels.join('＋')}` : `${subgroups.length > 1 ? subgroups.join(', ') + ': ' : ''}${labels.join(' + ')}`;
    const head = zh ? `${c.text} 合计（${what}）` : `${c.text}: sum of ${what}`;
    if (rows.length === 1) return `${head}\n${sum([rows[0].id], cols.map((x) => x.id))}`;
    return `${head}\n${lines.length ? lines.map((x) => `${x.r.short ?? x.r.label} ${x.s}`).join('\n') : zh ? '各行均为 0' : 'every row is 0'}`;
  }
  return undefined;
}

function findingsIn(diagnostics: readonly Diagnostic[], ranges: Range[]): Diagnostic[] {
  return diagnostics.filter((d) => ranges.some((r) => d.range.start >= r.start && d.range.start <= Math.max(r.end, r.start)));
}

/** The official tables of a report as HTML, each with the lines of the Markdown table it replaces. */
export function previewTables(text: string, analysis: Analysis, lang: Lang = 'zh'): { startLine: number; endLine: number; html: string }[] {
  const report = analysis.report;
  const lines = new LineIndex(text);
  const source = reportSource(report);
  const done = new Set<string>();
  const out: { startLine: number; endLine: number; html: string }[] = [];
  for (const raw of report.rawTables) {
    const parts = [...new Set(raw.tableIds.map((id) => report.template.tables.find((t) => t.id === id)?.part).filter((p): p is string => !!p))];
    if (!parts.length) continue;
    const html: string[] = [];
    for (const part of parts) {
      if (done.has(part)) continue;
      done.add(part);
      const table = officialTable(report.template, part, source);
      if (!table) continue;
      html.push(tableHtml(table, (c) => {
        const attrs: Record<string, string> = {};
        const titles: string[] = [];
        const found = findingsIn(analysis.diagnostics, cellRanges(report, c));
        if (found.length) {
          const worst = found.some((d) => d.severity === 'error') ? 'error' : found.some((d) => d.severity === 'warning') ? 'warning' : 'info';
          attrs.class = `nb-finding nb-${worst}`;
          // Inline as well as in media/preview.css: the mark shows even where the stylesheet is not loaded.
          attrs.style = `outline: 2px solid ${worst === 'error' ? '#e51400' : worst === 'warning' ? '#bf8803' : '#1a85ff'}; outline-offset: -2px`;
          attrs['data-rules'] = [...new Set(found.map((d) => d.ruleId))].join(' ');
          titles.push(...found.map((d) => `${d.message[lang]} [${d.ruleId}]`));
        }
        const sum = sumTitle(report, c, lang);
        if (sum) {
          attrs.class = `${attrs.class ? attrs.class + ' ' : ''}nb-sum`;
          titles.push(sum);
        }
        if (titles.length) attrs.title = titles.join('\n');
        return attrs;
      }));
    }
    const start = lines.position(raw.range.start).line;
    const end = lines.position(Math.max(raw.range.start, raw.range.end - 1)).line + 1;
    out.push({ startLine: start, endLine: end, html: html.join('\n') });
  }
  return out;
}

export function nianbaoPreview(md: MarkdownIt, options: PreviewOptions = {}): void {
  const lang = options.lang ?? 'zh';
  const parser = new IncrementalParser();
  const run = options.analyze ?? ((text: string, p: IncrementalParser) => analyze(text, { parser: p }));
  // The last text's tables: the preview renders the same text again on scrolling and on switching back.
  let last: { text: string; tables: ReturnType<typeof previewTables> } | undefined;
  md.core.ruler.push('nianbao_official_tables', (state: StateCore) => {
    const text = state.src;
    if (!TABLE_WORDS.test(text)) return false;
    if (last?.text !== text) {
      const analysis = run(text, parser);
      last = { text, tables: analysis.isReport ? previewTables(text, analysis, lang) : [] };
    }
    const { tables } = last;
    if (!tables.length) return false;
    const tokens = state.tokens;
    const out: typeof tokens = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const hit = t.type === 'table_open' && t.map && t.level === 0 ? tables.find((x) => t.map![0] <= x.startLine && x.startLine < t.map![1]) : undefined;
      if (!hit) { out.push(t); continue; }
      let j = i;
      while (j < tokens.length && !(tokens[j].type === 'table_close' && tokens[j].level === t.level)) j++;
      const token = new state.Token('html_block', '', 0);
      token.block = true;
      token.map = t.map;
      const lineAttr = t.map ? ` data-line="${t.map[0]}"` : '';
      token.content = hit.html ? `<div class="nianbao-official code-line"${lineAttr}>\n${hit.html}\n</div>\n` : '';
      out.push(token);
      i = j;
    }
    state.tokens = out;
    return true;
  });
}

export default nianbaoPreview;
// The extension's preview runs the analysis with the editor's settings; it takes the engine from this bundle.
export { analyze };
export type PreviewParser = IncrementalParser;
