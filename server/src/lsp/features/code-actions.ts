// Quick fixes from the engine's fixes, one "fix all of this rule" per rule,
// and `source.fixAll.nianbao` for editor.codeActionsOnSave. The fix-all on
// save applies only fixes that leave figures alone: a number in a report is
// never rewritten without the user choosing that fix.
import { CodeAction, CodeActionKind, type CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { selectFixEdits } from '../../engine/fixes.ts';
import { acceptEdits } from '../../engine/inline-config.ts';
import type { Report } from '../../engine/model.ts';
import type { Diagnostic, Lang, Range, TextEdit } from '../../engine/types.ts';
import { toLspDiagnostic } from './diagnostics.ts';
import { disjointEdits, fromLspRange, toLspEdit } from '../positions.ts';
import { guard, type Feature, type ServerContext } from '../context.ts';
import { FIX_ALL_REQUEST, type FixAllParams, type FixAllResult } from '../protocol.ts';

export const FIX_ALL_KIND = 'source.fixAll.nianbao';

function wanted(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return kind === CodeActionKind.QuickFix;
  // A requested kind covers its sub-kinds: `source.fixAll` asks for `source.fixAll.nianbao`.
  return only.some((k) => kind === k || kind.startsWith(k + '.'));
}

/** Diagnostics under a cursor, or overlapping a selection. */
function inRange(d: Diagnostic, r: Range): boolean {
  if (r.start === r.end) return d.range.start <= r.start && r.start <= d.range.end;
  return (d.range.start < r.end && r.start < d.range.end) || (d.range.start === d.range.end && r.start <= d.range.start && d.range.start <= r.end);
}

function workspaceEdit(doc: TextDocument, edits: readonly TextEdit[]) {
  return { changes: { [doc.uri]: disjointEdits(edits).map((e) => toLspEdit(doc, e)) } };
}

function editKey(edits: readonly TextEdit[]): string {
  return JSON.stringify(edits.map((e) => [e.range.start, e.range.end, e.newText]));
}

/** Distinct fixes that change figures (two findings proposing the same edit count once). */
export function figureFixCount(diagnostics: readonly Diagnostic[]): number {
  return new Set(diagnostics.filter((d) => d.fix?.changesFigure).map((d) => editKey(d.fix!.edits))).size;
}

export function fixAllEdits(diagnostics: readonly Diagnostic[], figures: boolean): TextEdit[] {
  return disjointEdits(selectFixEdits(diagnostics, { figures }));
}

export function codeActions(doc: TextDocument, diagnostics: readonly Diagnostic[], params: CodeActionParams, lang: Lang, report?: Report): CodeAction[] {
  const only = params.context.only;
  const out: CodeAction[] = [];
  if (wanted(only, CodeActionKind.QuickFix)) {
    const range = fromLspRange(doc, params.range);
    const here = diagnostics.filter((d) => d.fix && inRange(d, range));
    // Two rules may find the same cell wrong and propose the same edit (a row
    // total that also breaks the balance): one action fixes both.
    const groups = new Map<string, Diagnostic[]>();
    for (const d of here) {
      const key = editKey(d.fix!.edits);
      groups.set(key, [...(groups.get(key) ?? []), d]);
    }
    for (const group of groups.values()) {
      const d = group[0];
      out.push({
        title: d.fix!.title[lang],
        kind: CodeActionKind.QuickFix,
        diagnostics: group.map((g) => toLspDiagnostic(doc, g, lang)),
        isPreferred: groups.size === 1,
        edit: workspaceEdit(doc, d.fix!.edits),
      });
    }
    const rules = [...new Set(here.map((d) => d.ruleId))];
    for (const ruleId of rules) {
      const all = diagnostics.filter((d) => d.ruleId === ruleId && d.fix);
      if (all.length < 2) continue;
      out.push({
        title: lang === 'en' ? `Fix all “${ruleId}” problems (${all.length})` : `修复全部「${ruleId}」问题（${all.length} 处）`,
        kind: CodeActionKind.QuickFix,
        diagnostics: all.map((d) => toLspDiagnostic(doc, d, lang)),
        edit: workspaceEdit(doc, all.flatMap((d) => d.fix!.edits)),
      });
    }
  }
  // Accepting a finding a reviewer has looked at: a disable comment (engine/inline-config.ts), one per rule here.
  if (report && wanted(only, CodeActionKind.QuickFix)) {
    const range = fromLspRange(doc, params.range);
    const seen = new Set<string>();
    for (const d of diagnostics) {
      if (!inRange(d, range) || seen.has(d.ruleId)) continue;
      const accept = acceptEdits(report, d);
      if (!accept) continue;
      seen.add(d.ruleId);
      out.push({
        title: accept.wholeTable
          ? (lang === 'en' ? `Accept: disable “${d.ruleId}” for this table (nianbao-disable comment)` : `接受此问题：在表格前后加注释，不再报告此表格的「${d.ruleId}」问题`)
          : (lang === 'en' ? `Accept: disable “${d.ruleId}” for the next line (nianbao-disable-next-line comment)` : `接受此问题：在上方加注释 nianbao-disable-next-line ${d.ruleId}`),
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(doc, d, lang)],
        edit: workspaceEdit(doc, accept.edits),
      });
    }
  }
  if (wanted(only, FIX_ALL_KIND)) {
    const edits = fixAllEdits(diagnostics, false);
    if (edits.length) {
      out.push({
        title: lang === 'en' ? 'Fix all nianbao problems that do not change figures' : '修复全部不涉及数字的 nianbao 问题',
        kind: FIX_ALL_KIND,
        edit: { changes: { [doc.uri]: edits.map((e) => toLspEdit(doc, e)) } },
      });
    }
  }
  return out;
}

/** Quick fixes and fix-all as code actions, and the fix-all request of the client's command. */
export function registerCodeActions(ctx: ServerContext): Feature {
  ctx.connection.onCodeAction((params, token) => guard(ctx, 'code actions', [], async () => {
    const c = await ctx.checkedFor(params.textDocument.uri);
    if (!c?.active || !c.analysis) return [];
    return codeActions(c.doc, c.analysis.diagnostics, params, ctx.client.lang, c.analysis.report);
  }, token));

  ctx.connection.onRequest(FIX_ALL_REQUEST, (params: FixAllParams, token) => guard(ctx, 'fix all', null as FixAllResult | null, async () => {
    const c = await ctx.checkedFor(params.uri);
    if (!c?.active || !c.analysis) return { edits: [], version: c?.doc.version ?? 0, figureFixes: 0 };
    const figures = params.figures === true;
    return {
      edits: fixAllEdits(c.analysis.diagnostics, figures).map((e) => toLspEdit(c.doc, e)),
      version: c.doc.version,
      figureFixes: figures ? 0 : figureFixCount(c.analysis.diagnostics),
    };
  }, token));

  return { capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } } };
}
