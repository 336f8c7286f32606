// Completion. At the start of a line: the six section headings (with their
// tables for 二/三/四) in the document's format, and a whole-report scaffold
// per format. In the first cell of a table row: the official row labels of
// that table.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../engine/analyze.ts';
import type { Template } from '../../engine/templates/template.ts';
import type { Lang } from '../../engine/types.ts';
import { defaultYear, reportSnippet, sectionSnippet } from '../snippet-text.ts';
import { guard, type Feature, type ServerContext } from '../context.ts';
import { builtinTemplates } from '../../engine/templates/builtin.ts';

const LINE_START = /^\s*(#{1,6}\s*)?(\*\*)?[^\s|]{0,16}$/;
const FIRST_CELL = /^(\s*\|\s*)([^|]*)$/;

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

function sectionItems(analysis: Analysis, position: Position, typed: string, lang: Lang): CompletionItem[] {
  const report = analysis.report;
  const template = report.template;
  const prefix = report.sections.find((s) => s.def)?.prefix || '## ';
  const present = new Set(report.sections.map((s) => s.def?.id));
  const range = { start: { line: position.line, character: 0 }, end: position };
  return template.sections.map((s, i) => {
    const label = `${s.numeral}、${s.title}`;
    return {
      label,
      kind: CompletionItemKind.Snippet,
      detail: (s.table ? (lang === 'en' ? 'Section with its table · ' : '章节及表格 · ') : lang === 'en' ? 'Section · ' : '章节 · ') + template.name[lang],
      documentation: { kind: MarkupKind.Markdown, value: s.requires[lang] },
      // Sections the report lacks come first.
      sortText: (present.has(s.id) ? '1' : '0') + pad(i),
      filterText: `${typed.startsWith('#') || typed.startsWith('*') ? typed.replace(/[^#*\s]+$/, '') : ''}${label} ${s.title}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: sectionSnippet(template, s, prefix) },
    };
  });
}

function reportItems(templates: readonly Template[], position: Position, lang: Lang): CompletionItem[] {
  const range = { start: { line: position.line, character: 0 }, end: position };
  return templates.map((t, i) => ({
    label: lang === 'en' ? `Annual report (${t.name.en})` : `年度报告（${t.name.zh}）`,
    kind: CompletionItemKind.Snippet,
    detail: lang === 'en' ? `Whole report scaffold, e.g. for ${defaultYear(t)}` : `完整年报框架，如 ${defaultYear(t)} 年度`,
    sortText: '2' + pad(i),
    filterText: `年度报告 年报 nianbao report ${t.id}`,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: reportSnippet(t) },
  }));
}

function labelItems(analysis: Analysis, offset: number, position: Position, lead: string): CompletionItem[] {
  const report = analysis.report;
  const raw = report.rawTables.find((t) => t.range.start <= offset && offset <= t.range.end);
  let defs = raw ? report.template.tables.filter((t) => raw.tableIds.includes(t.id)) : [];
  if (defs.length === 0) {
    // An unrecognised table: the tables of the section it stands in.
    const section = [...report.sections].reverse().find((s) => s.range.start <= offset);
    defs = report.template.tables.filter((t) => section?.def?.table !== undefined && t.part === section.def.table);
  }
  const range = { start: { line: position.line, character: lead.length }, end: position };
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const def of defs) {
    const labels = [...(def.header ? [def.header, '信息内容'] : []), ...def.rows.filter((r) => !r.unlabeled).map((r) => r.label)];
    for (const label of labels) {
      if (seen.has(label)) continue;
      seen.add(label);
      items.push({
        label,
        kind: CompletionItemKind.EnumMember,
        detail: def.title.zh,
        sortText: pad(items.length),
        filterText: label,
        textEdit: { range, newText: label },
      });
    }
  }
  return items;
}

export interface CompletionContext {
  analysis: Analysis;
  /** The document is a report or listed: section snippets apply. */
  active: boolean;
  templates: readonly Template[];
}

export function complete(doc: TextDocument, position: Position, ctx: CompletionContext, lang: Lang): CompletionItem[] {
  const offset = doc.offsetAt(position);
  const before = doc.getText({ start: { line: position.line, character: 0 }, end: position });
  const cell = FIRST_CELL.exec(before);
  if (cell && ctx.active) return labelItems(ctx.analysis, offset, position, cell[1]);
  if (!LINE_START.test(before)) return [];
  const text = doc.getText();
  const lineEnd = text.indexOf('\n', offset);
  const elsewhere = text.slice(0, offset - before.length) + (lineEnd === -1 ? '' : text.slice(lineEnd));
  // A new, still empty document is offered the whole-report scaffold; a report also its sections.
  const items: CompletionItem[] = [];
  if (ctx.active) items.push(...sectionItems(ctx.analysis, position, before.trimStart(), lang));
  if (ctx.active || elsewhere.trim() === '') items.push(...reportItems(ctx.templates, position, lang));
  return items;
}

/** Completion of section headings, table skeletons and a whole report. */
export function registerCompletion(ctx: ServerContext): Feature {
  ctx.connection.onCompletion((params, token) => guard(ctx, 'completion', [], async () => {
    const c = await ctx.checkedFor(params.textDocument.uri);
    if (!c?.analysis) return [];
    return complete(c.doc, params.position, { analysis: c.analysis, active: c.active, templates: c.config.analyze.templates ?? builtinTemplates }, ctx.client.lang);
  }, token));
  return { capabilities: { completionProvider: { triggerCharacters: ['|'] } } };
}
