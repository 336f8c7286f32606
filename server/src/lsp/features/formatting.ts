// Formatting: every GFM table of any Markdown file, report or not, aligned
// with CJK characters counted two columns (../table-format.ts), whole
// document or a range.
import { fromLspRange, toLspEdit } from '../positions.ts';
import { formatTables } from '../table-format.ts';
import { guard, type Feature, type ServerContext } from '../context.ts';

export function registerFormatting(ctx: ServerContext): Feature {
  ctx.connection.onDocumentFormatting((params, token) => guard(ctx, 'formatting', [], async () => {
    const c = await ctx.checkedFor(params.textDocument.uri);
    if (!c?.analysis) return [];
    return formatTables(c.analysis.report.text, c.analysis.report.rawTables.map((t) => t.range)).map((e) => toLspEdit(c.doc, e));
  }, token));

  ctx.connection.onDocumentRangeFormatting((params, token) => guard(ctx, 'range formatting', [], async () => {
    const c = await ctx.checkedFor(params.textDocument.uri);
    if (!c?.analysis) return [];
    const within = fromLspRange(c.doc, params.range);
    return formatTables(c.analysis.report.text, c.analysis.report.rawTables.map((t) => t.range), within).map((e) => toLspEdit(c.doc, e));
  }, token));

  return { capabilities: { documentFormattingProvider: true, documentRangeFormattingProvider: true } };
}
