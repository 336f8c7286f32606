// `nianbao check`: expand the paths, check each file, stream results to the
// chosen format, and turn the totals into the exit status
// (0 clean, 1 errors or too many warnings, 2 bad usage or an unreadable file).
import type { Lang } from '../engine/types.ts';
import { checkFile, type CheckOptions, type FileResult } from './check-file.ts';
import { batchIndex } from '../host/related-files.ts';
import { BatchReports, countUses, type Needs } from '../host/batch-reports.ts';
import { summaryTable, SummaryRows } from './agency-summary.ts';
import { expand, shard } from '../host/discovery.ts';
import { isPublishedPath, publishedFor, publishedHint } from './published-option.ts';
import type { Formatter, FormatterIO } from './format/formatter.ts';
import { githubFormatter } from './format/github.ts';
import { gitlabFormatter } from './format/gitlab.ts';
import { junitFormatter, type JunitWarnings } from './format/junit.ts';
import { jsonFormatter } from './format/json.ts';
import { sarifFormatter } from './format/sarif.ts';
import { addToSummary, emptySummary, type Summary } from './format/summary.ts';
import { textFormatter } from './format/text.ts';
import { baselineRun, type BaselineRun } from './baseline-run.ts';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github' | 'junit' | 'gitlab';

export interface CheckArgs {
  paths: string[];
  format: OutputFormat;
  fix: boolean;
  fixFigures: boolean;
  template?: string;
  config?: string;
  lang: Lang;
  maxWarnings?: number;
  quiet: boolean;
  noFail: boolean;
  shard?: { index: number; count: number };
  jobs?: number;
  /** After the run, a table per agency and year with error and warning counts, worst first. */
  summary?: boolean;
  /** --format junit: warnings listed in <system-out> (default) or reported as failures. */
  junitWarnings?: JunitWarnings;
  /** Report only findings not accepted in this baseline file (docs/baseline.md). */
  baseline?: string;
  /** Record every finding of the run in this baseline file. */
  writeBaseline?: string;
  /** Directories: published forms too (PDF, Word, web page, text); else the `published` of the directory's .nianbaorc.json. */
  published?: boolean;
}

export interface IO {
  out: (s: string) => void;
  err: (s: string) => void;
  color: boolean;
  /** A terminal's stderr, written to as is: the counter of a run over published files (nothing when not a terminal). */
  progress?: (s: string) => void;
}

/** Counter on a terminal while published files are checked (their import takes a moment each): `检查 3/40 report.pdf`. */
function progressOf(io: IO, total: number, lang: Lang): { clear(): void; step(path: string): void } | undefined {
  if (!io.progress || total < 2) return undefined;
  let n = 0;
  let shown = false;
  return {
    // Before any other output, so that a result is never printed after the counter on its line.
    clear() {
      if (shown) io.progress!('\r\x1b[K');
      shown = false;
    },
    step(path) {
      n++;
      if (n === total) return;
      shown = true;
      const name = path.length > 50 ? '…' + path.slice(-49) : path;
      io.progress!(`${lang === 'zh' ? '已检查' : 'checked'} ${n}/${total}  ${name}`);
    },
  };
}

const FORMATTERS: Record<OutputFormat, (io: FormatterIO, args: CheckArgs) => Formatter> = {
  text: textFormatter,
  json: jsonFormatter,
  sarif: sarifFormatter,
  github: githubFormatter,
  junit: (io, args) => junitFormatter(io, args.junitWarnings),
  gitlab: gitlabFormatter,
};

/**
 * Checks the files (in this thread or in workers) and feeds each result to
 * `each`, in file order. `pairAmong`: the files among which each file's
 * previous-year report is looked for (all the files of the run, not only this
 * shard), for carryover and copied-text.
 */
export type Runner = (paths: { path: string; explicit: boolean }[], options: CheckOptions, each: (r: FileResult) => void, pairAmong?: readonly string[]) => Promise<void>;

export const inThread: Runner = async (paths, options, each, pairAmong) => {
  const withPrevious = pairAmong ? { ...options, ...(await batchIndex(pairAmong, options.config)) } : options;
  // Each report built once: kept while a file still to be checked is compared with it (host/batch-reports.ts).
  const reports = new BatchReports(countUses(paths.map((t) => t.path), (path) => needsOf(withPrevious, path)));
  // A copy, as a worker's result is: strings sliced from the report (an agency, a quoted cell) would keep its text alive.
  for (const t of paths) each(structuredClone(await checkFile(t.path, t.explicit, withPrevious, { reports })));
};

/** What a file's check is compared with, from the run's pairing. */
export function needsOf(options: CheckOptions, path: string): Needs {
  return { previous: options.previous?.[path], related: options.related?.[path], rollup: options.rollup?.[path] };
}

export async function runCheck(args: CheckArgs, io: IO, runner: Runner = inThread): Promise<{ code: number; summary: Summary }> {
  let baseline: BaselineRun | undefined;
  try {
    baseline = baselineRun({ read: args.baseline, write: args.writeBaseline });
  } catch (e) {
    io.err(`nianbao: ${e instanceof Error ? e.message : String(e)}`);
    return { code: 2, summary: emptySummary() };
  }
  const formatter = FORMATTERS[args.format]({ out: io.out, err: io.err, lang: args.lang, quiet: args.quiet, color: io.color }, args);
  const { targets, missing, publishedOnly } = await expand(args.paths.length ? args.paths : ['.'], process.cwd(), { published: publishedFor(args.published, args.config) });
  for (const p of publishedOnly) io.err(publishedHint(p, args.lang));
  const summary = emptySummary();
  for (const m of missing) {
    const r: FileResult = { path: m, status: 'error', reason: args.lang === 'zh' ? '没有匹配的文件 (no such file or no match)' : 'no such file or no match', diagnostics: [] };
    addToSummary(summary, r);
    formatter.file(r);
  }
  const chosen = args.shard ? shard(targets, args.shard.index, args.shard.count) : targets;
  // Indicators only for the output that prints them (a --cache run stores them whatever the format: cached-runner.ts).
  const options: CheckOptions = { fix: args.fix || args.fixFigures, fixFigures: args.fixFigures, template: args.template, config: args.config, lang: args.lang, indicators: args.format === 'json' };
  const rows = args.summary ? new SummaryRows() : undefined;
  const progress = progressOf(io, chosen.some((t) => !t.explicit && isPublishedPath(t.path)) ? chosen.length : 0, args.lang);
  const each = (r: FileResult) => {
    progress?.clear();
    baseline?.apply(r);
    addToSummary(summary, r);
    formatter.file(r);
    rows?.add(r);
    progress?.step(r.path);
  };
  // Each file's previous-year report is looked for among all the files (not only this shard), by agency and year,
  // whatever their forms: a published one is imported in memory to read its title (host/previous-year-files.ts).
  const pairable = targets.map((t) => t.path);
  try {
    await runner(chosen, options, each, pairable.length > 1 ? pairable : undefined);
  } finally {
    progress?.clear();
  }
  if (baseline) {
    let line: string;
    try {
      line = baseline.finish(summary, args.lang);
    } catch (e) {
      io.err(`nianbao: ${args.writeBaseline}: ${args.lang === 'zh' ? '无法写入基线' : 'cannot write the baseline'}: ${e instanceof Error ? e.message : String(e)}`);
      formatter.end(summary);
      return { code: 2, summary };
    }
    // Machine-readable output stays valid: the line goes to stderr.
    io.err(line);
  }
  formatter.end(summary);
  // Machine-readable output stays valid: the table goes to stderr then.
  if (rows) (args.format === 'text' ? io.out : io.err)('\n' + summaryTable(rows, args.lang));
  let code = 0;
  if (summary.errors > 0) code = 1;
  if (args.maxWarnings !== undefined && summary.warnings > args.maxWarnings) code = 1;
  if (summary.failed > 0) code = 2;
  if (args.noFail && code === 1) code = 0;
  return { code, summary };
}
