// Checking one file: read, decide its form from the bytes, decode (Markdown)
// or import in memory (PDF, Word, web page, copied text), analyse, optionally
// fix and write back atomically (Markdown only: a published form is never
// written). Everything a front end needs about the file comes back as a
// plain, serialisable result (no text kept), so results can stream from
// worker threads and memory does not grow with the number of files.
import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { matchesGlob } from '../host/glob-match.ts';
import { analyze } from '../engine/analyze.ts';
import { applyEdits, selectFixEdits } from '../engine/fixes.ts';
import { LineIndex } from '../engine/lines.ts';
import { builtinTemplates } from '../engine/templates/builtin.ts';
import type { Diagnostic, Lang, Severity } from '../engine/types.ts';
import { configFor } from '../host/nianbaorc.ts';
import { decodeBytes, encodeText } from '../host/decode.ts';
import { fingerprints } from './fingerprint.ts';
import { MAX_FILE_SIZE } from '../host/limits.ts';
import { subjectOf } from '../engine/subject.ts';
import { findingKey, type FindingKey } from '../engine/finding-key.ts';
import type { BaselineEntry } from '../engine/baseline.ts';
import { computeIndicators, type Indicator } from '../engine/indicators.ts';
import { detectForm, type Form } from '../host/form.ts';
import { fsReason, LoadError, loadReportBytes, placeInSource, type LoadedReport, type SourcePlace } from '../host/load-report.ts';
import { BatchReports } from '../host/batch-reports.ts';
import type { Report } from '../engine/model.ts';
import type { RollupFiles } from '../host/rollup-config.ts';
import type { RelatedFiles } from '../engine/cross/batch.ts';
import { resolveChecks } from '../host/checks.ts';

export interface CheckOptions {
  fix?: boolean;
  fixFigures?: boolean;
  template?: string;
  config?: string;
  lang: Lang;
  /** Each file's previous-year report among the files checked together (path → path): carryover, copied-text. */
  previous?: Record<string, string>;
  /** Each file's copies and other agencies' reports sharing wording (copy-identical, copy-differs, shared-text). */
  related?: Record<string, RelatedFiles>;
  /** For a region's report: its units among the files checked together (rollup-mismatch). */
  rollup?: Record<string, RollupFiles>;
  /** false: no indicators in the results (only --format json prints them; --cache stores them). */
  indicators?: boolean;
}

export interface OutDiagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
  /** Stable across runs and edits elsewhere in the file (fingerprint.ts): what CI reports track findings by. */
  fingerprint: string;
  /** What the finding concerns (engine/subject.ts): a cell such as `t3.results_total.natural_person`, a row, a table, a section, or `document`. */
  subject: string;
  /** The first line of the text it covers, figures as # (engine/finding-key.ts): with the rule and subject, what a baseline records. */
  covered: string;
  /**
   * A published form (PDF, Word, web page): where the finding is in the
   * source, 1-based (PDF: page, and for a table cell the table, row and column
   * of its grid as drawn, header rows included; Word and web page: the table
   * and row), and what it points at by name. line/column are then positions
   * in the imported Markdown.
   */
  source?: SourcePlace;
}

export interface FileResult {
  path: string;
  status: 'checked' | 'skipped' | 'error';
  /** Why a file was skipped or could not be checked. */
  reason?: string;
  /** The form the file was read in, when it is not Markdown (host/form.ts). */
  form?: Exclude<Form, 'markdown'>;
  /** --fix on a published form: why nothing was written. */
  notFixed?: string;
  template?: string;
  year?: number;
  agency?: string;
  encoding?: string;
  diagnostics: OutDiagnostic[];
  /** Number of edits --fix wrote. */
  fixed?: number;
  /** The report's indicators (engine/indicators.ts), after any fixes; with their change when last year's report was among the files. */
  indicators?: Indicator[];
  /** With --baseline: the findings the baseline accepted (not in `diagnostics`, not counted). */
  baselined?: OutDiagnostic[];
  /** With --baseline: accepted findings not found in this file today. */
  absent?: BaselineEntry[];
}

/** `fixable`: by --fix, so never for a published form (its fixes would be to the imported Markdown, which is not written). */
function toOut(d: Diagnostic, lines: LineIndex, lang: Lang, fingerprint: string, key: FindingKey, source?: SourcePlace): OutDiagnostic {
  const s = lines.position(d.range.start);
  const e = lines.position(d.range.end);
  return { ruleId: d.ruleId, severity: d.severity, message: d.message[lang], line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, fixable: d.fix !== undefined && !source, fingerprint, subject: key.subject, covered: key.covered, ...(source ? { source } : {}) };
}


/** The reason in both languages (check's reasons are), said once when it has no translation (an error's own message). */
function errorMessage(e: unknown): string {
  const r = fsReason(e);
  return r.zh === r.en ? r.zh : `${r.zh} (${r.en})`;
}

/** Writes via a temp file in the same directory and a rename: readers see the old file or the new one, never a part. */
export function writeAtomic(path: string, data: Buffer): void {
  const mode = statSync(path).mode & 0o7777;
  const tmp = join(dirname(path), `.${basename(path)}.nianbao-${process.pid}-${Date.now()}.tmp`);
  const fd = openSync(tmp, 'wx', mode);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw e;
  }
  closeSync(fd);
  chmodSync(tmp, mode);
  renameSync(tmp, path);
}

/**
 * `batch`: the reports of the files checked together, shared between the
 * checks of one run (batch-reports.ts); `keep` says whether this file's report
 * is to be kept for another's check (default: the store's own count).
 */
export async function checkFile(path: string, explicit: boolean, options: CheckOptions, batch?: { reports: BatchReports; keep?: boolean }): Promise<FileResult> {
  let loaded;
  try {
    loaded = configFor(path, options.config);
  } catch (e) {
    return { path, status: 'error', reason: errorMessage(e), diagnostics: [] };
  }
  const { config, templates: extra } = loaded;
  const maxSize = config.maxFileSize ?? MAX_FILE_SIZE;
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > maxSize) return { path, status: 'error', reason: `文件过大：${size} 字节，上限 ${maxSize} 字节（可在 .nianbaorc.json 设置 maxFileSize） (file too large)`, diagnostics: [] };
    bytes = readFileSync(path);
  } catch (e) {
    return { path, status: 'error', reason: errorMessage(e), diagnostics: [] };
  }
  const guess = detectForm(bytes, path);
  if (guess.form === 'refused') return { path, status: 'error', reason: `${guess.reason.zh} (${guess.reason.en})`, diagnostics: [] };
  const published = guess.form === 'markdown' ? undefined : guess.form;
  let source: LoadedReport | undefined;
  if (published) {
    try {
      source = await loadReportBytes(bytes, path, { template: options.template ?? config.template });
    } catch (e) {
      // A review page in the folder it reviews is skipped as files that are not reports are; named, it is refused.
      if (e instanceof LoadError && e.kind === 'review-page') return { path, status: explicit ? 'error' : 'skipped', form: published, reason: `${e.reason.zh} (${e.reason.en})`, diagnostics: [] };
      if (e instanceof LoadError) return { path, status: 'error', form: published, reason: `无法导入：${e.reason.zh} (cannot import: ${e.reason.en})`, diagnostics: [] };
      throw e;
    }
  }
  let decoded;
  try {
    decoded = source ? undefined : decodeBytes(bytes);
  } catch (e) {
    return { path, status: 'error', reason: `无法解码：${errorMessage(e)} (cannot decode)`, diagnostics: [] };
  }
  const templates = [...builtinTemplates, ...extra];
  const options2 = { templates, template: options.template ?? config.template, rules: config.rules, blankCells: config.blankCells, checks: resolveChecks(config.checks, loaded.path ? dirname(loaded.path) : undefined, path), previous: undefined as Report | undefined, imported: source?.imported?.facts };
  // The reports this one is compared with, and its own when it was built as one of another file's (batch-reports.ts).
  const reports = batch?.reports ?? new BatchReports();
  const previousPath = options.previous?.[path];
  options2.previous = previousPath ? await reports.other(previousPath, options2, maxSize) : undefined;
  const others = await reports.others(options.related?.[path], options2, maxSize);
  const rollup = await reports.rollup(options.rollup?.[path], options2, maxSize);
  let text = source ? source.text : decoded!.text;
  let analysis;
  try {
    analysis = analyze(text, { ...options2, others, rollup, report: reports.own(path, options2, maxSize) });
  } catch (e) {
    return { path, status: 'error', reason: `无法分析：${errorMessage(e)} (cannot analyse)`, diagnostics: [] };
  }
  const listed = config.files && loaded.path ? config.files.some((g) => matchesGlob(path, g, dirname(loaded.path!))) : false;
  if (!explicit && !analysis.isReport && !listed) {
    return { path, status: 'skipped', ...(published ? { form: published } : {}), reason: '不是年报：没有年报标题，且已知栏目少于两个 (not a report)', diagnostics: [] };
  }
  // A published form named on the command line that holds no report: its import would be a page of section-missing.
  if (source && !analysis.isReport && !listed) {
    return { path, status: 'error', form: published, reason: '不是政府信息公开工作年度报告：没有报告标题，能识别的栏目少于两个 (not an information-disclosure annual report: no report title and fewer than two known sections)', diagnostics: [] };
  }
  let fixed = 0;
  let notFixed: string | undefined;
  if (options.fix && source) {
    notFixed = options.lang === 'zh'
      ? `--fix 不改写${guess.form === 'pdf' ? ' PDF ' : guess.form === 'docx' ? ' Word ' : guess.form === 'html' ? '网页' : '文本'}文件，只修复 Markdown：先用 nianbao import ${path} -o 报告.md 导入，再修复`
      : `--fix never writes a ${guess.form === 'pdf' ? 'PDF' : guess.form === 'docx' ? 'Word' : guess.form === 'html' ? 'web page' : 'text'} file, only Markdown: import it first (nianbao import ${path} -o report.md), then fix that`;
  } else if (options.fix && decoded) {
    // Never write a file that was not fully analysed: a rule that failed leaves findings unknown.
    if (analysis.failures.length === 0) {
      for (let pass = 0; pass < 3; pass++) {
        const edits = selectFixEdits(analysis.diagnostics, { figures: options.fixFigures });
        if (edits.length === 0) break;
        const next = applyEdits(text, edits);
        if (next === text) break;
        fixed += edits.length;
        text = next;
        analysis = analyze(text, { ...options2, others, rollup });
      }
      if (fixed > 0) writeAtomic(path, encodeText(text, decoded.encoding));
    }
  }
  const lines = new LineIndex(text);
  const r = analysis.report;
  reports.checked(path, options2, maxSize, r, batch?.keep);
  const failed = analysis.failures.map((f) => ({ ruleId: f.ruleId, message: `规则运行失败，未能完整检查 (rule failed): ${f.error.split('\n')[0]}` }));
  const prints = fingerprints(path, [
    ...analysis.diagnostics.map((d) => ({ ruleId: d.ruleId, subject: subjectOf(r, d.range), message: d.message.zh, covered: text.slice(d.range.start, d.range.end) })),
    ...failed.map((f) => ({ ruleId: f.ruleId, subject: 'document', message: 'rule failed', covered: '' })),
  ]);
  const diagnostics = analysis.diagnostics.map((d, i) => toOut(d, lines, options.lang, prints[i], findingKey(r, d), source ? placeInSource(source, r, d.range, options.lang) : undefined));
  failed.forEach((f, i) => {
    diagnostics.push({ ruleId: f.ruleId, severity: 'error', message: f.message, line: 1, column: 1, endLine: 1, endColumn: 1, fixable: false, fingerprint: prints[analysis.diagnostics.length + i], subject: 'document', covered: '' });
  });
  return {
    path, status: 'checked', ...(published ? { form: published } : {}), template: r.template.id, year: r.year, agency: r.agency, encoding: decoded?.encoding, diagnostics,
    fixed: options.fix ? fixed : undefined, ...(notFixed ? { notFixed } : {}), ...(options.indicators === false ? {} : { indicators: computeIndicators(r, options2.previous) }),
  };
}
