// Inlay hints after the totals and balance cells of the tables that have sum
// relations (tables 3 and 4): `= 1191 ✓` when every relation the cell closes
// holds, `应为 1191` when they fail. With `nianbao.inlayHints: "errors"` only
// the failing ones show; "off" shows none.
import { InlayHintKind, type InlayHint } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/analyze.ts';
import type { Cell } from '../engine/model.ts';
import { evaluate, formatNumber, relationText, valueFor, type Instance } from '../engine/relations.ts';
import type { Lang, Range } from '../engine/types.ts';
import type { InlayHintMode } from './settings.ts';

function label(cell: Cell, instances: readonly Instance[], lang: Lang): { text: string; ok: boolean } {
  const failing = instances.filter((i) => !i.ok);
  if (failing.length === 0) {
    const value = cell.value.kind === 'number' ? cell.value.value : instances[0].lhs;
    return { text: `= ${formatNumber(value)} ✓`, ok: true };
  }
  const expected = [...new Set(failing.map((i) => formatNumber(valueFor(i, cell))))];
  return { text: `${lang === 'en' ? 'should be' : '应为'} ${expected.join(' / ')}`, ok: false };
}

export function inlayHints(doc: TextDocument, analysis: Analysis, range: Range, mode: InlayHintMode, lang: Lang): InlayHint[] {
  if (mode === 'off') return [];
  const out: InlayHint[] = [];
  for (const table of analysis.report.tables) {
    if (table.range.end < range.start || table.range.start > range.end) continue;
    const byTarget = new Map<Cell, Instance[]>();
    for (const inst of evaluate(table).instances) {
      const list = byTarget.get(inst.target) ?? [];
      list.push(inst);
      byTarget.set(inst.target, list);
    }
    for (const [cell, instances] of byTarget) {
      const at = cell.ref.range.end;
      if (at < range.start || at > range.end) continue;
      const { text, ok } = label(cell, instances, lang);
      if (ok && mode === 'errors') continue;
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
