// What the server publishes for one document: at most MAX_PUBLISHED
// diagnostics. VS Code shows no more than 1,000 per file and owner (its
// extension host drops the rest and says "Not showing N further errors and
// warnings"), and a compendium of hundreds of reports can have 15,000
// findings, whose conversion and JSON alone stall the server's thread for
// most of a second. So the server publishes the errors first, then the
// warnings, then the rest, 999 in document order, and one notice saying how
// many were left out and that `nianbao check` lists them all. Code actions
// and "fix all" still see every finding.
import type { Diagnostic, Severity } from '../engine/types.ts';

export const MAX_PUBLISHED = 1000;

export interface PublishedSummary {
  /** The diagnostics to publish, in document order. */
  shown: Diagnostic[];
  /** How many were left out. */
  omitted: number;
  counts: Record<Severity, number>;
}

const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export function summarize(diagnostics: readonly Diagnostic[], max = MAX_PUBLISHED): PublishedSummary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  if (diagnostics.length <= max) return { shown: [...diagnostics], omitted: 0, counts };
  // One place is the notice's.
  let room = max - 1;
  const keep = new Set<number>();
  for (const severity of ORDER) {
    for (let i = 0; i < diagnostics.length && room > 0; i++) {
      if (diagnostics[i].severity === severity) {
        keep.add(i);
        room--;
      }
    }
  }
  const shown = diagnostics.filter((_, i) => keep.has(i));
  return { shown, omitted: diagnostics.length - shown.length, counts };
}
