// Totals over a run, shared by every output format.
import type { FileResult } from '../check-file.ts';

export interface Summary {
  files: number;
  checked: number;
  skipped: number;
  failed: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
  fixed: number;
  /** With --baseline or --write-baseline: findings accepted by the baseline (not in the counts above). */
  baselined?: number;
  /** With --baseline: accepted findings no longer found. */
  baselineGone?: number;
}

export function emptySummary(): Summary {
  return { files: 0, checked: 0, skipped: 0, failed: 0, errors: 0, warnings: 0, infos: 0, fixable: 0, fixed: 0 };
}

export function addToSummary(s: Summary, r: FileResult): void {
  s.files++;
  if (r.status === 'checked') s.checked++;
  else if (r.status === 'skipped') s.skipped++;
  else s.failed++;
  for (const d of r.diagnostics) {
    if (d.severity === 'error') s.errors++;
    else if (d.severity === 'warning') s.warnings++;
    else s.infos++;
    if (d.fixable) s.fixable++;
  }
  s.fixed += r.fixed ?? 0;
}
