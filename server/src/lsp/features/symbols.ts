// Document symbols (the report's sections, their tables as children, a ⚠ with
// the error count on those with errors) and folding ranges per section.
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../engine/analyze.ts';
import type { Report } from '../../engine/model.ts';
import type { Lang, Range } from '../../engine/types.ts';
import { toLspRange } from '../positions.ts';
import { guard, type Feature, type ServerContext } from '../context.ts';

/** A section's extent without the blank lines before the next heading. */
function sectionRange(text: string, start: number, end: number): Range {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return { start, end: e };
}

function tableName(report: Report, ids: readonly string[], lang: Lang): string {
  const defs = report.template.tables.filter((t) => ids.includes(t.id));
  if (defs.length === 0) return lang === 'en' ? 'Table' : '表格';
  if (defs.length === 1) return defs[0].title[lang];
  const section = report.template.sections.find((s) => s.table === defs[0].part);
  const first = defs[0].title[lang];
  return section ? `${section.title}（${first} …）` : `${first} …`;
}

function errorMark(analysis: Analysis, range: Range, lang: Lang): string | undefined {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error' && d.range.start >= range.start && d.range.start <= range.end).length;
  const warnings = analysis.diagnostics.filter((d) => d.severity === 'warning' && d.range.start >= range.start && d.range.start <= range.end).length;
  if (errors) return lang === 'en' ? `⚠ ${errors} error${errors > 1 ? 's' : ''}` : `⚠ ${errors} 个错误`;
  if (warnings) return lang === 'en' ? `${warnings} warning${warnings > 1 ? 's' : ''}` : `${warnings} 个警告`;
  return undefined;
}

export function documentSymbols(doc: TextDocument, analysis: Analysis, lang: Lang): DocumentSymbol[] {
  const report = analysis.report;
  const text = report.text;
  const tables = report.rawTables.map((t) => {
    const symbol: DocumentSymbol = {
      name: tableName(report, t.tableIds, lang),
      detail: errorMark(analysis, t.range, lang),
      kind: SymbolKind.Struct,
      range: toLspRange(doc, t.range),
      selectionRange: toLspRange(doc, { start: t.range.start, end: Math.min(t.range.end, text.indexOf('\n', t.range.start) === -1 ? t.range.end : text.indexOf('\n', t.range.start)) }),
    };
    return { at: t.range.start, symbol };
  });
  const out: DocumentSymbol[] = [];
  if (report.title) {
    const detail = [report.year ? (lang === 'en' ? `${report.year}` : `${report.year} 年度`) : undefined, report.template.name[lang]].filter(Boolean).join(' · ');
    out.push({ name: report.title.text, detail, kind: SymbolKind.File, range: toLspRange(doc, report.title.range), selectionRange: toLspRange(doc, report.title.range) });
  }
  const used = new Set<number>();
  const firstSection = report.sections[0]?.range.start ?? text.length;
  for (const t of tables) if (t.at < firstSection) { out.push(t.symbol); used.add(t.at); }
  for (const s of report.sections) {
    const range = sectionRange(text, s.range.start, s.end);
    const children = tables.filter((t) => t.at >= s.range.start && t.at < s.end && !used.has(t.at)).map((t) => t.symbol);
    const written = `${s.numeral}${s.numeral || s.def ? '、' : ''}${s.title}`;
    out.push({
      name: written,
      detail: errorMark(analysis, range, lang) ?? (s.def ? undefined : lang === 'en' ? 'not a required section' : '非必备栏目'),
      kind: SymbolKind.Module,
      range: toLspRange(doc, range),
      selectionRange: toLspRange(doc, s.range),
      children,
    });
  }
  return out;
}

export function foldingRanges(doc: TextDocument, analysis: Analysis): FoldingRange[] {
  const text = analysis.report.text;
  const out: FoldingRange[] = [];
  for (const s of analysis.report.sections) {
    const range = sectionRange(text, s.range.start, s.end);
    const startLine = doc.positionAt(range.start).line;
    const endLine = doc.positionAt(range.end).line;
    if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  return out;
}

/** The outline (sections and tables) and folding ranges. */
export function registerSymbols(ctx: ServerContext): Feature {
  ctx.connection.onDocumentSymbol((params, token) => guard(ctx, 'document symbols', [], async () => {
    const c = await ctx.checkedFor(params.textDocument.uri);
    return c?.active && c.analysis ? documentSymbols(c.doc, c.analysis, ctx.client.lang) : [];
  }, token));
  ctx.connection.onFoldingRanges((params, token) => guard(ctx, 'folding ranges', [], async () => {
    const c = await ctx.checkedFor(params.textDocument.uri);
    return c?.active && c.analysis ? foldingRanges(c.doc, c.analysis) : [];
  }, token));
  return { capabilities: { documentSymbolProvider: { label: 'nianbao' }, foldingRangeProvider: true } };
}
