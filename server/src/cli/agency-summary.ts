// `check --summary`: a table per agency and year, worst first.
import { eastAsianWidth } from 'get-east-asian-width';
import { detached } from '../engine/detach.ts';
import type { Lang } from '../engine/types.ts';
import type { FileResult } from './check-file.ts';

export interface SummaryRow {
  agency: string;
  year: number | null;
  files: number;
  errors: number;
  warnings: number;
}

/** The rows of `check --summary`, added up file by file: memory grows with agencies and years, not files. */
export class SummaryRows {
  private readonly by = new Map<string, SummaryRow>();

  add(r: FileResult): void {
    if (r.status !== 'checked') return;
    const agency = r.agency ?? r.path;
    const key = `${agency}\u0000${r.year ?? ''}`;
    let row = this.by.get(key);
    if (!row) this.by.set(key, (row = { agency: detached(agency), year: r.year ?? null, files: 0, errors: 0, warnings: 0 }));
    row.files++;
    for (const d of r.diagnostics) {
      if (d.severity === 'error') row.errors++;
      else if (d.severity === 'warning') row.warnings++;
    }
  }

  /** Worst first: most errors, then most warnings, then by agency and year. */
  sorted(): SummaryRow[] {
    return [...this.by.values()].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.agency.localeCompare(b.agency, 'zh') || (a.year ?? 0) - (b.year ?? 0));
  }
}

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += eastAsianWidth(ch.codePointAt(0)!);
  return w;
}

function pad(s: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

/** The summary as an aligned text table (CJK characters count two columns). */
export function summaryTable(summary: SummaryRows, lang: Lang): string {
  const rows = summary.sorted();
  const head = lang === 'zh' ? ['机关', '年度', '文件', '错误', '警告'] : ['Agency', 'Year', 'Files', 'Errors', 'Warnings'];
  const body = rows.map((r) => [r.agency, r.year === null ? '—' : String(r.year), String(r.files), String(r.errors), String(r.warnings)]);
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i]))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], i >= 1)).join('  ').trimEnd();
  const title = lang === 'zh' ? '按机关和年度汇总（问题最多的在前）' : 'By agency and year (worst first)';
  return [title, line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
