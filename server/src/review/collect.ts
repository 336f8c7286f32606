// Reading a batch for the review page, as `check` reads it: any form through
// host/load-report.ts (Markdown as written; PDF, Word, web page and copied
// text imported in memory, each finding placed in its source), directories'
// published forms with --published, the same configuration, the same pairing
// with last year's report, the same skipping of files that are not reports,
// so the page's counts equal `check --format json` on the same files. Each
// report keeps only what the page shows (its findings in context, its
// indicators), not its text.
import { dirname, resolve } from 'node:path';
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
import { loadPreviousFile } from '../host/previous-year-files.ts';
import { batchIndex, loadOtherReports, loadRollup } from '../host/related-files.ts';
import { resolveChecks } from '../host/checks.ts';
import { fsReason, LoadError, loadReport, type LoadedReport } from '../host/load-report.ts';
import { findingsInContext } from './context.ts';
import type { FigureDiff } from '../engine/cross/year-diff.ts';
import type { ReviewReport, Unreadable } from './model.ts';

export interface ReviewInput {
  paths: string[];
  lang: Lang;
  template?: string;
  config?: string;
  /** Whether a directory's published reports are read too: --published, else its .nianbaorc.json (cli's publishedFor). */
  published?: (dir: string) => boolean;
  /** The page being written: never read as a report (a folder reviewed into itself with --published, run again). */
  output?: string;
}

export interface ReviewIO {
  err: (s: string) => void;
  /** A progress line redrawn in place (stderr on a terminal); absent when stderr is not one. */
  progress?: (s: string) => void;
}

/** The figures compared with last year's report, keeping those that changed (their texts copied: a slice would keep the report alive). */
export function changedFigures(previous: Report, report: Report, lang: Lang): { compared: number; changed: FigureDiff[] } {
  const all = figureChanges(previous, report, lang);
  const keep = (v: number | string | null) => (typeof v === 'string' ? detached(v) : v);
  const changed = all.filter((f) => f.change !== 0).map((f) => ({ ...f, last: keep(f.last), this: keep(f.this) }));
  return { compared: all.length, changed };
}

/** Reads and analyses the files; each report in context, each unreadable file with its reason; the directories whose published reports were not read. */
export async function collectReview(args: ReviewInput, io: ReviewIO): Promise<{ reports: ReviewReport[]; unreadable: Unreadable[]; publishedOnly: { dir: string; count: number }[] }> {
  const found = await expand(args.paths.length ? args.paths : ['.'], process.cwd(), { published: args.published });
  const { missing, publishedOnly } = found;
  const targets = args.output ? found.targets.filter((t) => resolve(t.path) !== resolve(args.output!)) : found.targets;
  const unreadable: Unreadable[] = missing.map((m) => ({ path: m, reason: args.lang === 'zh' ? '没有匹配的文件 (no such file or no match)' : 'no such file or no match' }));
  // The batch as check reads it, whatever the files' forms: last year's reports, copies and other agencies' (shared-text),
  // a region's units (rollup); a published file is imported to read its title.
  const all = targets.map((t) => t.path);
  const batch = all.length > 1 ? await batchIndex(all, args.config) : { previous: {}, related: {}, rollup: {} };
  const prev: Record<string, string> = batch.previous;
  const reports: ReviewReport[] = [];
  let last = 0;
  for (const [i, target] of targets.entries()) {
    if (io.progress && (Date.now() - last > 100 || i === targets.length - 1)) {
      last = Date.now();
      io.progress(args.lang === 'zh' ? `已分析 ${i + 1}/${targets.length}` : `analysed ${i + 1}/${targets.length}`);
    }
    let loaded: LoadedReport;
    let options: AnalyzeOptions;
    let listed = false;
    let maxSize: number | undefined;
    try {
      const { config, templates, path: configPath } = configFor(target.path, args.config);
      options = { templates: [...builtinTemplates, ...templates], template: args.template ?? config.template, rules: config.rules, blankCells: config.blankCells, checks: resolveChecks(config.checks, configPath ? dirname(configPath) : undefined, target.path) };
      listed = config.files && configPath ? config.files.some((g) => matchesGlob(target.path, g, dirname(configPath))) : false;
      // Any form: a PDF, Word file, web page or copied text is imported in memory, keeping where each part came from.
      maxSize = config.maxFileSize;
      loaded = await loadReport(target.path, { maxSize, template: options.template });
    } catch (e) {
      // A review page written earlier into a folder it reviews: left out as a file that is not a report is.
      if (e instanceof LoadError && e.kind === 'review-page' && !target.explicit) continue;
      const why = e instanceof LoadError ? (e.kind === 'import' ? (args.lang === 'zh' ? `无法导入：${e.reason.zh}` : `cannot import: ${e.reason.en}`) : e.reason[args.lang]) : fsReason(e)[args.lang];
      unreadable.push({ path: target.path, reason: why });
      continue;
    }
    const previous = await loadPreviousFile(prev[target.path], options, maxSize);
    let a;
    try {
      a = analyze(loaded.text, { ...options, previous, imported: loaded.imported?.facts, others: await loadOtherReports(batch.related[target.path], options, maxSize), rollup: await loadRollup(batch.rollup[target.path], options, maxSize) });
    } catch (e) {
      unreadable.push({ path: target.path, reason: args.lang === 'zh' ? `无法分析：${fsReason(e).zh}` : `cannot analyse: ${fsReason(e).en}` });
      continue;
    }
    if (!target.explicit && !a.isReport && !listed) continue;
    // A published form named on the command line that holds no report: as check, not a page of section-missing.
    if (loaded.imported && !a.isReport && !listed) {
      unreadable.push({ path: target.path, reason: args.lang === 'zh' ? '不是政府信息公开工作年度报告：没有报告标题，能识别的栏目少于两个' : 'not an information-disclosure annual report: no report title and fewer than two known sections' });
      continue;
    }
    const r = a.report;
    reports.push({
      path: target.path,
      ...(loaded.form !== 'markdown' ? { form: loaded.form } : {}),
      ...(r.agency !== undefined ? { agency: detached(r.agency) } : {}),
      ...(r.year !== undefined ? { year: r.year } : {}),
      template: r.template.id,
      ...(r.title ? { title: detached(r.title.text) } : {}),
      ...(previous ? { previous: prev[target.path], figures: changedFigures(previous, r, args.lang) } : {}),
      findings: findingsInContext(a, args.lang, loaded),
      indicators: computeIndicators(r, previous),
    });
  }
  if (io.progress) io.progress('');
  return { reports, unreadable, publishedOnly };
}
