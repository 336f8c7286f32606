// Inlay hints after the totals and balance cells of the tables that have sum
// relations (tables 3 and 4): `= 1191 ✓` when every relation the cell closes
// holds, `应为 1191` when they fail. With `nianbao.inlayHints: "errors"` only
// the failing ones show; "off" shows none.
import { InlayHintKind, type InlayHint } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../engine/analyze.ts';
import type { Cell } from '../../engine/model.ts';
import { evaluate, formatNumber, relationText, valueFor, type Instance, type TableEvaluation } from '../../engine/relations.ts';
import type { Lang, Range } from '../../engine/types.ts';
import type { InlayHintMode } from '../editor-settings.ts';
import { guard, type Feature, type ServerContext } from '../context.ts';
import { fromLspRange } from '../positions.ts';

/** A value the cell may hold: whole and non-negative unless its column allows otherwise. */
function allowed(cell: Cell, value: number): boolean {
  return (cell.column.kind === 'signed' || value >= 0) && (cell.column.kind === 'money' || Number.isInteger(value));
}

/**
 * The hint for a total. When one other cell explains every failing relation
 * of the table (the engine's culprit, where the diagnostic is), the total is
 * not blamed: it gets no hint, and the culprit gets `应为 n` instead.
 */
function label(cell: Cell, instances: readonly Instance[], ev: TableEvaluation, lang: Lang): { text: string; ok: boolean } | undefined {
  const failing = instances.filter((i) => !i.ok);
  if (failing.length === 0) {
    const value = cell.value.kind === 'number' ? cell.value.value : instances[0].lhs;
    return { text: `= ${formatNumber(value)} ✓`, ok: true };
  }
  if (ev.culprit && ev.culprit.cell !== cell && failing.every((i) => i.terms.some((t) => t.cell === ev.culprit!.cell))) return undefined;
  const expected = ev.culprit?.cell === cell ? [ev.culprit.value] : [...new Set(failing.map((i) => valueFor(i, cell)))];
  if (expected.length !== 1 || !allowed(cell, expected[0])) return { text: '✗', ok: false };
  return { text: `${lang === 'en' ? 'should be' : '应为'} ${formatNumber(expected[0])}`, ok: false };
}

export function inlayHints(doc: TextDocument, analysis: Analysis, range: Range, mode: InlayHintMode, lang: Lang): InlayHint[] {
  if (mode === 'off') return [];
  const out: InlayHint[] = [];
  for (const table of analysis.report.tables) {
    if (table.range.end < range.start || table.range.start > range.end) continue;
    const ev = evaluate(table);
    const byTarget = new Map<Cell, Instance[]>();
    for (const inst of ev.instances) byTarget.set(inst.target, [...(byTarget.get(inst.target) ?? []), inst]);
    // The culprit of a table's failures gets a hint even when it is not a total.
    const culprit = ev.culprit?.cell;
    if (culprit && !byTarget.has(culprit)) byTarget.set(culprit, ev.instances.filter((i) => i.terms.some((t) => t.cell === culprit)));
    for (const [cell, instances] of byTarget) {
      const at = cell.ref.range.end;
      if (at < range.start || at > range.end) continue;
      const hint = label(cell, instances, ev, lang);
      if (!hint || (hint.ok && mode === 'errors')) continue;
      const { text } = hint;
      out.push({
        position: doc.positionAt(at),
        label: text,
        kind: InlayHintKind.Parameter,
        paddingLeft: true,
        tooltip: instances.map((i) => relationText(i, lang)).join('\n'),
      });
    }
  }
  return out.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

/** Inlay hints: each total's computed value, as the setting nianbao.inlayHints asks. */
export function registerInlayHints(ctx: ServerContext): Feature {
  ctx.connection.languages.inlayHint.on((params, token) => guard(ctx, 'inlay hints', [], async () => {
    const c = await ctx.checkedFor(params.textDocument.uri);
    if (!c?.active || !c.analysis) return [];
    return inlayHints(c.doc, c.analysis, fromLspRange(c.doc, params.range), c.config.inlayHints, ctx.client.lang);
  }, token));
  return { capabilities: { inlayHintProvider: { resolveProvider: false } } };
}
