// `nianbao data [paths…] --format csv|json [-o FILE]`: one record per report
// with its agency, year, format, diagnostic counts and every table figure
// under a stable column name (`t3.results_total.natural_person`,
// `t4.counts.review.total`): what a reviewer loads into a spreadsheet for a
// few hundred reports. CSV is UTF-8 with a BOM and CRLF line ends, quoted as
// RFC 4180 says, so Excel, WPS and LibreOffice open it as columns.
//
// Reading a report file and finding its previous-year report are the host
// layer's (host/report-file.ts, host/previous-year-files.ts).
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { analyze, rules as allRules, type AnalyzeOptions } from '../engine/analyze.ts';
import { reportFigures, unionSlots, type FigureSlot } from '../engine/cross/figures.ts';
import { computeIndicators, INDICATORS, quantityText, type Indicator } from '../engine/indicators.ts';
import { builtinTemplates } from '../engine/templates/builtin.ts';
import type { Template } from '../engine/templates/template.ts';
import type { Lang } from '../engine/types.ts';
import { configFor } from '../host/nianbaorc.ts';
import { MAX_FILE_SIZE } from '../host/limits.ts';
import { identifyFile, pairIdentities } from '../host/previous-year-files.ts';
import { BatchReports, countUses } from '../host/batch-reports.ts';
import { relateIdentities, rollupIdentities } from '../host/related-files.ts';
import { resolveChecks } from '../host/checks.ts';
import type { RelatedFiles } from '../engine/cross/batch.ts';
import type { Identity } from '../engine/cross/identity.ts';
import type { RollupFiles } from '../host/rollup-config.ts';
import { LoadError, loadReport } from '../host/load-report.ts';
import { publishedFor, publishedHint } from './published-option.ts';
import { detached } from '../engine/detach.ts';
import { expand } from '../host/discovery.ts';
import type { ResultCache } from './cache.ts';
import type { WorkbookReport } from '../review/workbook.ts';

/** One report's line of `nianbao data`: the same record the workbook is written from. */
export type ReportRecord = WorkbookReport;

export interface DataResult {
  records: ReportRecord[];
  /** Every figure column, in a stable order (the built-in formats first). */
  slots: FigureSlot[];
  problems: { path: string; reason: string }[];
  /** Directories with published reports only, not taken without --published (publishedHint). */
  notes: string[];
}

/** What `data` makes of one file: a record, a problem, or nothing (not a report). Stored by `--cache`. */
export type DataOutcome = { record: ReportRecord } | { problem: string } | { skipped: true };

/** Analyse the files and make one record per report. */
export async function collectData(paths: readonly string[], options: { template?: string; config?: string; cache?: ResultCache<DataOutcome>; published?: boolean; lang?: Lang } = {}): Promise<DataResult> {
  const { targets, missing, publishedOnly } = await expand(paths.length ? paths : ['.'], process.cwd(), { published: publishedFor(options.published, options.config) });
  const notes = publishedOnly.map((p) => publishedHint(p, options.lang ?? 'zh'));
  const problems = missing.map((m) => ({ path: m, reason: '没有匹配的文件 (no such file or no match)' }));
  const cache = options.cache;
  // Every form is paired with last year's report, whatever its form (a published one is imported to read its title).
  const all = targets.map((t) => t.path);
  // With --cache, the stored identities pair the files: unchanged files are not read.
  let identities: (Identity | undefined)[] = [];
  if (cache) identities = await cache.identities(all);
  else for (const p of all) identities.push(await identifyFile(p));
  // Last year's report, copies, other agencies' reports and a region's units: as check pairs them, so the counts are check's.
  const prev = pairIdentities(all, identities);
  const related = relateIdentities(all, identities);
  const rollup = rollupIdentities(all, identities, options.config);
  const records: ReportRecord[] = [];
  const extraTemplates: Template[] = [];
  const keys = targets.map((t) => {
    const r = related[t.path];
    const u = rollup[t.path];
    return cache?.key(t.path, prev[t.path], options.config, [...(r?.copies ?? []), ...(r?.peers ?? []), ...(u?.units ?? [])], u ? `rollup\u0000${u.missing.join('\u0000')}` : '');
  });
  const stored = targets.map((t, i) => cache?.get(t.path, keys[i]));
  // Each report built once, kept while a file still to be analysed is compared with it (host/batch-reports.ts).
  const reports = new BatchReports(countUses(targets.flatMap((t, i) => (stored[i] ? [] : [t.path])), (path) => ({ previous: prev[path], related: related[path], rollup: rollup[path] })));
  for (const [i, t] of targets.entries()) {
    // User templates name figure columns, whether or not the file's outcome was stored.
    try {
      for (const x of configFor(t.path, options.config).templates) if (!extraTemplates.some((e) => e.id === x.id)) extraTemplates.push(x);
    } catch {
      // reported with the file
    }
    let outcome = stored[i];
    if (!outcome) {
      outcome = await dataOutcome(t, options, reports, prev[t.path], related[t.path], rollup[t.path]);
      if (!('problem' in outcome)) cache?.set(t.path, keys[i]!, outcome);
    }
    if ('problem' in outcome) problems.push({ path: t.path, reason: outcome.problem });
    else if ('record' in outcome) records.push({ ...outcome.record, path: t.path });
  }
  return { records, slots: unionSlots([...builtinTemplates, ...extraTemplates]), problems, notes };
}

async function dataOutcome(t: { path: string; explicit: boolean }, options: { template?: string; config?: string }, reports: BatchReports, previousPath: string | undefined, related?: RelatedFiles, rollup?: RollupFiles): Promise<DataOutcome> {
  {
    let loaded: import('../host/load-report.ts').LoadedReport;
    let templates: Template[];
    let analyzeOptions: AnalyzeOptions;
    let maxSize: number;
    try {
      const { config, templates: extra, path: configPath } = configFor(t.path, options.config);
      templates = [...builtinTemplates, ...extra];
      // Any form: a PDF, Word file or web page is imported in memory (host/load-report.ts).
      maxSize = config.maxFileSize ?? MAX_FILE_SIZE;
      loaded = await loadReport(t.path, { maxSize, template: options.template ?? config.template });
      // The thresholds and deadlines of .nianbaorc.json "checks", as check reads them.
      analyzeOptions = { templates, template: options.template ?? config.template, rules: config.rules, blankCells: config.blankCells, checks: resolveChecks(config.checks, configPath ? dirname(configPath) : undefined, t.path), imported: loaded.imported?.facts };
    } catch (e) {
      if (e instanceof LoadError && e.kind === 'review-page' && !t.explicit) return { skipped: true };
      return { problem: e instanceof LoadError ? `${e.reason.zh} (${e.reason.en})` : e instanceof Error ? e.message : String(e) };
    }
    const previous = previousPath ? await reports.other(previousPath, analyzeOptions, maxSize) : undefined;
    const others = await reports.others(related, analyzeOptions, maxSize);
    const units = await reports.rollup(rollup, analyzeOptions, maxSize);
    const a = analyze(loaded.text, { ...analyzeOptions, previous, others, rollup: units, report: reports.own(t.path, analyzeOptions, maxSize) });
    reports.checked(t.path, analyzeOptions, maxSize, a.report);
    if (!t.explicit && !a.isReport) return { skipped: true };
    const r = a.report;
    const figures = reportFigures(r);
    // Records are kept until the end: their strings are copied so that they do not keep every report's text alive.
    const values: ReportRecord['values'] = {};
    for (const [name, f] of figures) values[name] = f.value ?? (f.text === '' ? null : detached(f.text));
    const counts: Record<string, number> = Object.fromEntries(allRules.map((x) => [x.id, 0]));
    for (const d of a.diagnostics) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
    return { record: {
      path: t.path,
      agency: r.agency === undefined ? null : detached(r.agency),
      year: r.year ?? null,
      template: r.template.id,
      title: r.title ? detached(r.title.text) : null,
      previous: previous ? previousPath! : null,
      errors: a.diagnostics.filter((d) => d.severity === 'error').length + a.failures.length,
      warnings: a.diagnostics.filter((d) => d.severity === 'warning').length,
      infos: a.diagnostics.filter((d) => d.severity === 'info').length,
      rules: counts,
      values,
      indicators: computeIndicators(r, previous),
    } };
  }
}

/** One CSV field, RFC 4180: quoted when it holds a comma, quote, CR or LF (or edge spaces); quotes doubled. */
export function csvField(value: string | number | null | undefined, text = false): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  // A text cell a spreadsheet would run as a formula (=, +, -, @) is kept as text.
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvColumns(data: DataResult): string[] {
  const ruleIds = allRules.map((r) => r.id);
  return ['path', 'agency', 'year', 'template', 'title', 'previous', 'errors', 'warnings', 'infos', ...ruleIds.map((id) => `rule.${id}`), ...indicatorColumns(), ...data.slots.map((s) => s.name)];
}

/** Three columns per indicator: its value (a rate as a fraction of 1), its status, its change from last year. */
export function indicatorColumns(): string[] {
  return INDICATORS.flatMap((d) => [`indicator.${d.id}`, `indicator.${d.id}.status`, `indicator.${d.id}.change`]);
}

function indicatorFields(r: ReportRecord): string[] {
  return INDICATORS.flatMap((d) => {
    const ind = r.indicators.find((x) => x.id === d.id);
    const change = ind?.change?.value ? quantityText(ind.change.value) : '';
    return [ind?.value ? quantityText(ind.value) : '', ind?.status ?? 'absent', change];
  });
}

/** The whole CSV document: BOM, header row, one row per report, CRLF line ends. */
export function toCsv(data: DataResult): string {
  const columns = csvColumns(data);
  const lines = [columns.map((c) => csvField(c)).join(',')];
  for (const r of data.records) {
    const row = [
      csvField(r.path, true), csvField(r.agency, true), csvField(r.year), csvField(r.template), csvField(r.title, true), csvField(r.previous, true),
      csvField(r.errors), csvField(r.warnings), csvField(r.infos),
      ...allRules.map((x) => csvField(r.rules[x.id] ?? 0)),
      ...indicatorFields(r),
      ...data.slots.map((s) => {
        const v = r.values[s.name];
        return typeof v === 'number' ? csvField(v) : csvField(v, true);
      }),
    ];
    lines.push(row.join(','));
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

export function toJson(data: DataResult): string {
  return JSON.stringify({ columns: data.slots.map((s) => s.name), reports: data.records }, null, 2) + '\n';
}

export interface DataArgs {
  paths: string[];
  /** Outcomes of unchanged files from the last run (`--cache`). */
  cache?: ResultCache<DataOutcome>;
  format: 'csv' | 'json' | 'xlsx';
  output?: string;
  template?: string;
  config?: string;
  lang: Lang;
  /** Directories: published reports too (PDF, Word, web page, text). */
  published?: boolean;
}

export interface DataIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Exit: 0 written; 2 some file could not be read (the others are still in the output). */
export async function runData(args: DataArgs, io: DataIO): Promise<number> {
  if (args.format === 'xlsx' && !args.output) {
    io.err(args.lang === 'zh' ? 'xlsx 格式需要用 -o 指定输出文件' : 'the xlsx format needs -o FILE');
    return 2;
  }
  const data = await collectData(args.paths, { template: args.template, config: args.config, cache: args.cache, published: args.published, lang: args.lang });
  for (const n of data.notes) io.err(n);
  for (const p of data.problems) io.err(`${p.path}: ${args.lang === 'zh' ? '无法读取' : 'cannot read'}: ${p.reason}`);
  if (args.format === 'xlsx') {
    const { workbookBytes } = await import('../review/workbook.ts');
    writeFileSync(args.output!, await workbookBytes({ records: data.records, slots: data.slots, ruleIds: allRules.map((r) => r.id) }, args.lang));
    io.err(args.lang === 'zh' ? `已写入 ${data.records.length} 份报告 → ${args.output}` : `${data.records.length} reports written to ${args.output}`);
    return data.problems.length > 0 ? 2 : 0;
  }
  const body = args.format === 'csv' ? toCsv(data) : toJson(data);
  if (args.output) writeFileSync(args.output, body, 'utf8');
  else io.out(body);
  if (args.output) io.err(args.lang === 'zh' ? `已写入 ${data.records.length} 份报告 → ${args.output}` : `${data.records.length} reports written to ${args.output}`);
  return data.problems.length > 0 ? 2 : 0;
}
