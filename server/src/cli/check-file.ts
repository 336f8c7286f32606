// Checking one file: read, decode, analyse, optionally fix and write back
// atomically. Everything a front end needs about the file comes back as a
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
import { loadPreviousReport } from '../host/previous-year.ts';
import { computeIndicators, type Indicator } from '../engine/indicators.ts';

export interface CheckOptions {
  fix?: boolean;
  fixFigures?: boolean;
  template?: string;
  config?: string;
  lang: Lang;
  /** Each file's previous-year report among the files checked together (path → path): carryover, copied-text. */
  previous?: Record<string, string>;
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
}

export interface FileResult {
  path: string;
  status: 'checked' | 'skipped' | 'error';
  /** Why a file was skipped or could not be checked. */
  reason?: string;
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

function toOut(d: Diagnostic, lines: LineIndex, lang: Lang, fingerprint: string, key: FindingKey): OutDiagnostic {
  const s = lines.position(d.range.start);
  const e = lines.position(d.range.end);
  return { ruleId: d.ruleId, severity: d.severity, message: d.message[lang], line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, fixable: d.fix !== undefined, fingerprint, subject: key.subject, covered: key.covered };
}

function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e) {
    const code = (e as { code: string }).code;
    const known: Record<string, string> = { ENOENT: '文件不存在 (no such file)', EACCES: '没有读取权限 (permission denied)', EISDIR: '是目录 (is a directory)', ELOOP: '符号链接循环 (symlink loop)' };
    if (known[code]) return known[code];
  }
  return e instanceof Error ? e.message : String(e);
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

export function checkFile(path: string, explicit: boolean, options: CheckOptions): FileResult {
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
  let decoded;
  try {
    decoded = decodeBytes(bytes);
  } catch (e) {
    return { path, status: 'error', reason: `无法解码：${errorMessage(e)} (cannot decode)`, diagnostics: [] };
  }
  const templates = [...builtinTemplates, ...extra];
  const options2 = { templates, template: options.template ?? config.template, rules: config.rules, blankCells: config.blankCells, previous: undefined as ReturnType<typeof loadPreviousReport> };
  options2.previous = loadPreviousReport(options.previous?.[path], options2);
  let text = decoded.text;
  let analysis;
  try {
    analysis = analyze(text, options2);
  } catch (e) {
    return { path, status: 'error', reason: `无法分析：${errorMessage(e)} (cannot analyse)`, diagnostics: [] };
  }
  const listed = config.files && loaded.path ? config.files.some((g) => matchesGlob(path, g, dirname(loaded.path!))) : false;
  if (!explicit && !analysis.isReport && !listed) {
    return { path, status: 'skipped', reason: '不是年报：没有年报标题，且已知栏目少于两个 (not a report)', diagnostics: [] };
  }
  let fixed = 0;
  if (options.fix) {
    // Never write a file that was not fully analysed: a rule that failed leaves findings unknown.
    if (analysis.failures.length === 0) {
      for (let pass = 0; pass < 3; pass++) {
        const edits = selectFixEdits(analysis.diagnostics, { figures: options.fixFigures });
        if (edits.length === 0) break;
        const next = applyEdits(text, edits);
        if (next === text) break;
        fixed += edits.length;
        text = next;
        analysis = analyze(text, options2);
      }
      if (fixed > 0) writeAtomic(path, encodeText(text, decoded.encoding));
    }
  }
  const lines = new LineIndex(text);
  const r = analysis.report;
  const failed = analysis.failures.map((f) => ({ ruleId: f.ruleId, message: `规则运行失败，未能完整检查 (rule failed): ${f.error.split('\n')[0]}` }));
  const prints = fingerprints(path, [
    ...analysis.diagnostics.map((d) => ({ ruleId: d.ruleId, subject: subjectOf(r, d.range), message: d.message.zh, covered: text.slice(d.range.start, d.range.end) })),
    ...failed.map((f) => ({ ruleId: f.ruleId, subject: 'document', message: 'rule failed', covered: '' })),
  ]);
  const diagnostics = analysis.diagnostics.map((d, i) => toOut(d, lines, options.lang, prints[i], findingKey(r, d)));
  failed.forEach((f, i) => {
    diagnostics.push({ ruleId: f.ruleId, severity: 'error', message: f.message, line: 1, column: 1, endLine: 1, endColumn: 1, fixable: false, fingerprint: prints[analysis.diagnostics.length + i], subject: 'document', covered: '' });
  });
  return { path, status: 'checked', template: r.template.id, year: r.year, agency: r.agency, encoding: decoded.encoding, diagnostics, fixed: options.fix ? fixed : undefined, indicators: computeIndicators(r, options2.previous) };
}
