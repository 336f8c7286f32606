// Engine ranges are UTF-16 offsets into the text; LSP wants lines and
// characters (also UTF-16). TextDocument does the conversion both ways.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range as LspRange, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Range, TextEdit } from '../engine/types.ts';

export function toLspRange(doc: TextDocument, range: Range): LspRange {
  return { start: doc.positionAt(range.start), end: doc.positionAt(range.end) };
}

export function toLspEdit(doc: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: toLspRange(doc, edit.range), newText: edit.newText };
}

export function fromLspRange(doc: TextDocument, range: LspRange): Range {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}


/**
 * The edits applyEdits() would take, in order: overlapping edits are dropped
 * the same way, so what the editor applies is what the CLI's --fix writes.
 */
export function disjointEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const taken: TextEdit[] = [];
  for (const e of sorted) {
    const last = taken[taken.length - 1];
    if (last && last.range.start === e.range.start && last.range.end === e.range.end && last.newText === e.newText) continue;
    if (last && e.range.start < last.range.end) continue;
    if (last && e.range.start === last.range.start && last.range.start === last.range.end && e.range.start === e.range.end) continue;
    taken.push(e);
  }
  return taken;
}
