// A report from a path, whatever form it was published in: Markdown is read
// as written (and may be fixed); a PDF, Word file, web page or copied text is
// imported in memory through the import pipeline, and keeps the import's
// source map so that each finding can say where it is in the source (PDF: the
// page and the table's row and column; Word and web page: the table and row).
// Nothing is written.
import { readFile, stat } from 'node:fs/promises';
import type { ImportFacts, Report } from '../engine/model.ts';
import type { Lang, Range, Text2 } from '../engine/types.ts';
import { placeName } from '../engine/where.ts';
import { ImportError, type ImportAccount, type SourceMap, type SourceRef } from '../engine/import/import-types.ts';
import { decodeBytes, type Encoding } from './decode.ts';
import { detectForm, isNianbaoReviewPage, type Form } from './form.ts';
import { MAX_FILE_SIZE } from './limits.ts';

export interface LoadedReport {
  path: string;
  form: Form;
  /** The Markdown analysed: the file's text, or what the import made of it. */
  text: string;
  /** Markdown only: the encoding read, which `--fix` writes back. */
  encoding?: Encoding;
  /** Published forms only: what the import did, and where the Markdown came from. */
  imported?: {
    account: ImportAccount;
    sourceMap?: SourceMap;
    /** For analyze()'s `imported` option (import-short-row). */
    facts: ImportFacts;
  };
}

/** A file that could not be read as a report: the reason, in both languages, for a one-line message. */
export class LoadError extends Error {
  constructor(
    readonly reason: Text2,
    /** `fs`: no such file, a directory, no permission (the file system said so); `review-page`: a review page nianbao wrote, never a report (host/form.ts). */
    readonly kind: 'fs' | 'too-large' | 'decode' | 'form' | 'import' | 'review-page' = 'import',
  ) {
    super(reason.en);
  }
}

/** Why a review page nianbao wrote is not read: folders skip it, a file named on the command line is refused with this. */
export const REVIEW_PAGE: Text2 = { zh: '不是年报：这是 nianbao review 生成的审阅页', en: 'not a report: a review page written by nianbao review' };

export interface LoadOptions {
  /** Larger files are refused before they are read (`maxFileSize`). */
  maxSize?: number;
  /** Force a format (2019, 2021) for the import's classification. */
  template?: string;
}

/** What the file system said, in words (no such file, permission denied, …); any other error by its message. check and review say it too. */
export function fsReason(e: unknown): Text2 {
  const code = (e as NodeJS.ErrnoException)?.code;
  const known: Record<string, Text2> = {
    ENOENT: { zh: '文件不存在', en: 'no such file' },
    EACCES: { zh: '没有读取权限', en: 'permission denied' },
    EISDIR: { zh: '是目录', en: 'is a directory' },
    ELOOP: { zh: '符号链接循环', en: 'symlink loop' },
  };
  if (code && known[code]) return known[code];
  const m = e instanceof Error ? e.message : String(e);
  return { zh: m, en: m };
}

function isImportError(e: unknown): e is ImportError {
  const t = (e as { text?: { zh?: unknown; en?: unknown } })?.text;
  return e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && typeof t?.zh === 'string' && typeof t?.en === 'string';
}

/** A report from bytes already read (the editor's import request reads them itself). */
export async function loadReportBytes(bytes: Uint8Array, path: string, options: LoadOptions = {}): Promise<LoadedReport> {
  const guess = detectForm(bytes, path);
  if (guess.form === 'refused') throw new LoadError(guess.reason, 'form');
  if (guess.form === 'html' && isNianbaoReviewPage(bytes)) throw new LoadError(REVIEW_PAGE, 'review-page');
  if (guess.form === 'markdown') {
    try {
      const { text, encoding } = decodeBytes(bytes);
      return { path, form: 'markdown', text, encoding };
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      throw new LoadError({ zh: `无法解码：${m}`, en: `cannot decode: ${m}` }, 'decode');
    }
  }
  let result;
  try {
    // The readers (pdf.js aside, a megabyte of Word and HTML libraries) load with the first published file: in the
    // bundles they are dist/published.cjs (esbuild.mjs), which checking Markdown never compiles.
    const { importReport } = await import('./published/index.ts');
    result = await importReport(bytes, { from: guess.form, fileName: path, template: options.template });
  } catch (e) {
    // By shape, not class: in the bundles the readers are another file (dist/published.cjs) with its own ImportError.
    if (e instanceof ImportError || isImportError(e)) throw new LoadError(e.text, 'import');
    const m = e instanceof Error ? e.message : String(e);
    throw new LoadError({ zh: `文件无法解析（${m}）`, en: `the file cannot be parsed (${m})` }, 'import');
  }
  return {
    path,
    form: guess.form,
    text: result.markdown,
    imported: { account: result.account, sourceMap: result.sourceMap, facts: { shortRows: result.account.shortRows } },
  };
}

/** A report from a path whatever its form; a LoadError says why it cannot be. */
export async function loadReport(path: string, options: LoadOptions = {}): Promise<LoadedReport> {
  const maxSize = options.maxSize ?? MAX_FILE_SIZE;
  let bytes: Buffer;
  try {
    const size = (await stat(path)).size;
    if (size > maxSize) throw new LoadError({ zh: `文件过大：${size} 字节，上限 ${maxSize} 字节（可在 .nianbaorc.json 设置 maxFileSize）`, en: `file too large: ${size} bytes, limit ${maxSize} (maxFileSize in .nianbaorc.json)` }, 'too-large');
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof LoadError) throw e;
    throw new LoadError(fsReason(e), 'fs');
  }
  return loadReportBytes(bytes, path, options);
}

/**
 * Where an offset of the imported Markdown came from in the source: the cell
 * of a table row (by counting the row's unescaped pipes), else the line, else
 * the nearest line above that has a source (a line the importer wrote itself,
 * such as a delimiter row, has none). Undefined for Markdown, and for sources
 * without positions.
 */
export function sourceOf(map: SourceMap | undefined, text: string, offset: number): SourceRef | undefined {
  if (!map) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < lineStart; i = text.indexOf('\n', i + 1)) line++;
  const lineText = text.slice(lineStart, offset);
  if (/^\s*\|/.test(text.slice(lineStart, lineStart + 8))) {
    let pipes = 0;
    for (let i = 0; i < lineText.length; i++) {
      if (lineText[i] === '\\') { i++; continue; }
      if (lineText[i] === '|') pipes++;
    }
    const cell = Math.max(0, pipes - 1);
    const hit = map.cells.find((c) => c.line === line && c.cell === cell) ?? map.cells.find((c) => c.line === line && c.cell === 0);
    if (hit) return hit.src;
  }
  let best: { line: number; src: SourceRef } | undefined;
  for (const l of map.lines) if (l.line <= line && (!best || l.line > best.line)) best = l;
  // A PDF's table rows know their page: a line above that is a table row still says which page.
  for (const c of map.cells) if (c.src.page !== undefined && c.line <= line && (!best || c.line > best.line)) best = { line: c.line, src: { page: c.src.page } };
  return best?.src;
}

/**
 * Where a finding is in a published form, 1-based (PDF: the page, and for a
 * table cell the table, row and column of its grid as drawn, header rows
 * included; Word and web page: the table and row), and what it points at by
 * name (表三 （七）总计「自然人」, 五、存在的主要问题及改进情况).
 */
export interface SourcePlace {
  page?: number;
  table?: number;
  row?: number;
  column?: number;
  where?: string;
}

/** The place in its source of a finding of an imported report (`check`, `review`); undefined for Markdown. */
export function placeInSource(loaded: LoadedReport, report: Report, range: Range, lang: Lang): SourcePlace | undefined {
  if (!loaded.imported) return undefined;
  const src = sourceOf(loaded.imported.sourceMap, loaded.text, range.start);
  const where = placeName(report, range)?.[lang];
  const place: SourcePlace = {};
  if (src?.page !== undefined) place.page = src.page;
  if (src?.table !== undefined) place.table = src.table + 1;
  if (src?.row !== undefined) place.row = src.row + 1;
  if (src?.col !== undefined && loaded.form === 'pdf') place.column = src.col + 1;
  if (where) place.where = where;
  return place;
}

/**
 * The place as its reader finds it, without the file: `第 3 页 表三 （七）总计「自然人」`
 * (a PDF: the page), `表格 2 第 27 行 …` (Word, web page), `page 3 …`. A line of
 * the imported Markdown would mean nothing to them.
 */
export function placeText(s: SourcePlace, lang: Lang): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  if (s.page !== undefined) parts.push(zh ? `第 ${s.page} 页` : `page ${s.page}`);
  else if (s.table !== undefined) parts.push(zh ? `表格 ${s.table}${s.row !== undefined ? ` 第 ${s.row} 行` : ''}` : `table ${s.table}${s.row !== undefined ? ` row ${s.row}` : ''}`);
  if (s.where) parts.push(s.where);
  return parts.join(' ');
}
