// Re-parsing after an edit: only the parse calls whose text changed are made
// again. A unit's tree depends on the unit's text alone (that is what the cuts
// in blocks.ts guarantee), so the trees of the previous version are kept by
// the exact text that was parsed, and a new version re-uses every piece whose
// text is unchanged, wherever it moved. The result is the tree parseMarkdown
// gives for the new text, node for node (test/unit/perf/incremental.test.ts).
//
// How the language server uses it: keep one IncrementalParser per open
// document (create it on didOpen, drop it on didClose), and on every
// didChange pass the document's full new text:
//
//   const parser = parsers.get(uri) ?? new IncrementalParser();
//   const root = parser.update(document.getText());
//   const analysis = analyze(document.getText(), { ...options, root });
//
// The rules then run on the model built from that root (they are cheap next to
// parsing). Only the last version's pieces are kept, so memory per document is
// one tree; a server short of memory may call release() for documents that are
// not being edited (the next update then parses everything once).
import type { Root } from 'mdast';
import { parseWhole } from './markdown.ts';
import { cloneTree, parseInUnits } from './units.ts';

export class IncrementalParser {
  private previous = new Map<string, Root>();
  /** Parse calls made by the last update: 0 when nothing changed, 1 or 2 for a typical edit. */
  reparsed = 0;
  /** Parse calls answered from the previous version by the last update. */
  reused = 0;

  update(text: string): Root {
    const current = new Map<string, Root>();
    this.reparsed = 0;
    this.reused = 0;
    const root = parseInUnits(text, (piece) => {
      let tree = current.get(piece) ?? this.previous.get(piece);
      if (tree) this.reused++;
      else {
        tree = parseWhole(piece);
        this.reparsed++;
      }
      // Keys are slices of the new text, so no older version of the document is kept alive.
      if (!current.has(piece)) current.set(piece, tree);
      // The cached tree stays relative to its piece; the caller gets a copy to move into place.
      return cloneTree(tree);
    });
    this.previous = current;
    return root;
  }

  release(): void {
    this.previous = new Map();
  }
}
