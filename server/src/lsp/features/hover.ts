// Hover: on a figure, each relation it takes part in written out with its
// values (✓ or ✗); on a section heading, the official title and what the
// format requires there; on the report title, the year and format detected.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../engine/analyze.ts';
import { cellName, relationText } from '../../engine/relations.ts';
import type { Lang } from '../../engine/types.ts';
import { cellAt, instancesOf } from '../cell-lookup.ts';
import { toLspRange } from '../positions.ts';
import { guard, type Feature, type ServerContext } from '../context.ts';

/** Markdown-escape text shown in a hover (labels contain *, _, [ and the like rarely, but they may). */
function md(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

export function hover(doc: TextDocument, analysis: Analysis, offset: number, lang: Lang): Hover | null {
  const report = analysis.report;
  const cell = cellAt(report, offset);
  if (cell) {
    const instances = instancesOf(report, cell);
    if (instances.length === 0) return null;
    const lines = [`**${md(cellName(cell)[lang])}**`, '', ...instances.map((i) => `- ${md(relationText(i, lang))}`)];
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toLspRange(doc, cell.ref.range) };
  }
  const section = report.sections.find((s) => s.def && s.range.start <= offset && offset <= s.range.end);
  if (section?.def) {
    const def = section.def;
    const official = `${def.numeral}、${def.title}`;
    const written = `${section.numeral}、${section.title}`;
    const lines = [`**${md(official)}**`, '', md(def.requires[lang])];
    if (written !== official) lines.push('', lang === 'en' ? `The format's title: ${md(official)}` : `格式规定的标题：${md(official)}`);
    lines.push('', `*${md(report.template.name[lang])}*`);
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toLspRange(doc, section.range) };
  }
  if (report.title && report.title.range.start <= offset && offset <= report.title.range.end) {
    const year = report.year === undefined ? (lang === 'en' ? 'year not found' : '未识别年度') : lang === 'en' ? `report year ${report.year}` : `${report.year} 年度`;
    const agency = report.agency ? (lang === 'en' ? ` · agency ${md(report.agency)}` : ` · ${md(report.agency)}`) : '';
    return { contents: { kind: MarkupKind.Markdown, value: `**${md(report.template.name[lang])}** · ${year}${agency}` }, range: toLspRange(doc, report.title.range) };
  }
  return null;
}

/** Hover on a figure: the relations it takes part in, written out. */
export function registerHover(ctx: ServerContext): Feature {
  ctx.connection.onHover((params, token) => guard(ctx, 'hover', null, async () => {
    const c = await ctx.checkedFor(params.textDocument.uri);
    if (!c?.active || !c.analysis) return null;
    return hover(c.doc, c.analysis, c.doc.offsetAt(params.position), ctx.client.lang);
  }, token));
  return { capabilities: { hoverProvider: true } };
}
