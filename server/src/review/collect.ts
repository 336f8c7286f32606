// Reading a batch for the review page, as `check` reads it: the same
// configuration, the same pairing with last year's report, the same skipping
// of files that are not reports, so the page's counts equal `check --format
// json` on the same files. Each report keeps only what the page shows (its
// findings in context, its indicators), not its text.
import { dirname } from 'node:path';
import { analyze, type AnalyzeOptions } from '../engine/analyze.ts';
import { detached } from '../engine/detach.ts';
import { figureChanges } from '../engine/cross/year-diff.ts';
import type { Report } from '../engine/model.ts';
import { computeIndicators } from '../engine/indicators.ts';
import { builtinTemplates } from '../engine/templates/builtin.ts';
import type { Lang } from '../engine/types.ts';
import { expand } from '../host/discovery.ts';
import { matchesGlob } from '../host/glob-match.ts';
import { configFor } from '../host/nianbaorc.ts';
import { loadPreviousReport } from '../host/previous-year.ts';
import { batchIndex, loadOtherReports, loadRollup } from '../host/batch.ts';
import { resolveChecks } from '../host/checks.ts';
import { readReportText } from '../host/report-file.ts';
import { findingsInContext } from './context.ts';
import type { FigureDiff } from '../engine/cross/year-diff.ts';
import type { ReviewReport, Unreadable } from './model.ts';

export interface ReviewInput {
  paths: string[];
  lang: Lang;
  template?: string;
  config?: string;
}

export interface ReviewIO {
  err: (s: string) => void;
  /** A progress line redrawn in place (stderr on a terminal); absent when stderr is not one. */
  progress?: (s: string) => void;
}

function reason(e: unknown): string {
  const code = e && typeof e === 'object' && 'code' in e ? (e as { code: string }).code : '';
  const known: Record<string, string> = { ENOENT: '文件不存在 (no such file)', EACCES: '没有读取权限 (permission denied)', EISDIR: '是目录 (is a directory)' };
  return known[code] ?? (e instanceof Error ? e.message : String(e));
}

/** The figures compared with last year's report, keeping those that changed (their texts copied: a slice would keep the report alive). */
export function changedFigures(previous: Report, report: Report, lang: Lang): { compared: number; changed: FigureDiff[] } {
  const all = figureChanges(previous, report, lang);
  const keep = (v: number | string | null) => (typeof v === 'string' ? detached(v) : v);
  const changed = all.filter((f) => f.change !== 0).map((f) => ({ ...f, last: keep(f.last), this: keep(f.this) }));
  return { compared: all.length, changed };
}

/** Reads and analyses the files; each report in context, each unreadable file with its reason. */
export async function collectReview(args: ReviewInput, io: ReviewIO): Promise<{ reports: ReviewReport[]; unreadable: Unreadable[] }> {
  const { targets, missing } = await expand(args.paths.length ? args.paths : ['.']);
  const unreadable: Unreadable[] = missing.map((m) => ({ path: m, reason: args.lang === 'zh' ? '没有匹配的文件 (no such file or no match)' : 'no such file or no match' }));
  // The batch as check reads it: last year's reports, copies and other agencies' (shared-text), a region's units (rollup).
  const batch = await batchIndex(targets.map((t) => t.path), args.config);
  const prev = batch.previous;
  const reports: ReviewReport[] = [];
  let last = 0;
  for (const [i, target] of targets.entries()) {
    if (io.progress && (Date.now() - last > 100 || i === targets.length - 1)) {
      last = Date.now();
      io.progress(args.lang === 'zh' ? `已分析 ${i + 1}/${targets.length}` : `analysed ${i + 1}/${targets.length}`);
    }
    let text: string;
    let options: AnalyzeOptions;
    let listed = false;
    try {
      const { config, templates, path: configPath } = configFor(target.path, args.config);
      text = readReportText(target.path, config.maxFileSize);
      options = { templates: [...builtinTemplates, ...templates], template: args.template ?? config.template, rules: config.rules, blankCells: config.blankCells, checks: resolveChecks(config.checks, configPath ? dirname(configPath) : undefined, target.path) };
      listed = config.files && configPath ? config.files.some((g) => matchesGlob(target.path, g, dirname(configPath))) : false;
    } catch (e) {
      unreadable.push({ path: target.path, reason: reason(e) });
      continue;
    }
    const previous = loadPreviousReport(prev[target.path], options);
    let a;
    try {
      a = analyze(text, { ...options, previous, others: await loadOtherReports(batch.related[target.path], options), rollup: await loadRollup(batch.rollup[target.path], options) });
    } catch (e) {
      unreadable.push({ path: target.path, reason: `无法分析：${reason(e)} (cannot analyse)` });
      continue;
    }
    if (!target.explicit && !a.isReport && !listed) continue;
    const r = a.report;
    reports.push({
      path: target.path,
      ...(r.agency !== undefined ? { agency: detached(r.agency) } : {}),
      ...(r.year !== undefined ? { year: r.year } : {}),
      template: r.template.id,
      ...(r.title ? { title: detached(r.title.text) } : {}),
      ...(previous ? { previous: prev[target.path], figures: changedFigures(previous, r, args.lang) } : {}),
      findings: findingsInContext(a, args.lang),
      indicators: computeIndicators(r, previous),
    });
  }
  if (io.progress) io.progress('');
  return { reports, unreadable };
}

