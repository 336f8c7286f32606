// Shared shapes of the import: what a source reader hands the report builder
// (lines and table cells, in document order) and what the builder hands back
// (the Markdown and an account of what it did with every cell).
import type { Text2 } from '../types.ts';

export type SourceKind = 'text' | 'html' | 'docx' | 'pdf';

/** How the table cells were laid out in a text source. */
export type TextLayout = 'lines' | 'tsv' | 'pipe' | 'gfm' | 'plain';

/**
 * Where a line or a table cell of the imported Markdown came from in the
 * source. PDF: the page, and for a cell the table (0-based, in document order;
 * a table continued over pages counts once) with the row and column of its
 * grid (merged cells spread, as `grid` holds them). Other readers may fill
 * what they know (Word and HTML: the table and row).
 */
export interface SourceRef {
  /** 1-based page (PDF). */
  page?: number;
  table?: number;
  row?: number;
  col?: number;
}

/** One table cell as read from the source. */
export interface Tok {
  text: string;
  src?: SourceRef;
  /** The cell opens a row of the source (explicit rows: GFM, HTML, docx). */
  rowStart?: boolean;
  /** Column of the cell in the expanded grid (HTML, docx): rowspan/colspan already spread. */
  col?: number;
}

export type Item =
  /** A line of text outside any table: narrative, heading, title, page furniture, or (copied text) a table cell on its own line. */
  | { kind: 'line'; text: string; level?: number; src?: SourceRef }
  /** A run of table cells: one source table (GFM, HTML) or one stretch of tab/pipe-separated cells. */
  | { kind: 'cells'; toks: Tok[]; grid?: string[][]; explicitRows: boolean };

export interface Unplaced {
  /** Table part (t2, t3, t4) the content was found in. */
  part: string;
  /** Row or block the content followed, as the source wrote it. */
  after?: string;
  text: string;
  reason: Text2;
}

export interface ShortRow {
  part: string;
  row: string;
  found: number;
  expected: number;
}

export interface TableAccount {
  part: string;
  title: string;
  rows: number;
  cellsPlaced: number;
  cellsEmpty: number;
}

export interface ImportAccount {
  source: SourceKind;
  /** How the cells were laid out (text sources), or 'html', or 'pdf'. */
  layout: TextLayout | 'html' | 'pdf';
  encoding?: string;
  template: string;
  title?: string;
  sections: number;
  tables: TableAccount[];
  cellsPlaced: number;
  cellsEmpty: number;
  shortRows: ShortRow[];
  unplaced: Unplaced[];
  /** Rows whose label is not one of the format's (kept as written, with their numbers). */
  unknownRows: string[];
  /** Lines dropped as page furniture (navigation, print and share links, font pickers). */
  dropped: string[];
  /** Other notes (docx conversion messages, tables left as they were). */
  notes: Text2[];
}

/**
 * Where the imported Markdown came from, line by line and cell by cell, for
 * sources that have positions (PDF today). Lines and cells are 1-based
 * Markdown lines; `cell` is the 0-based cell of a table row as written (the
 * label cell is 0). A line the importer wrote itself (a table's delimiter
 * row, a header it supplied) has no entry.
 */
export interface SourceMap {
  lines: { line: number; src: SourceRef }[];
  cells: { line: number; cell: number; src: SourceRef }[];
}

export interface ImportResult {
  markdown: string;
  account: ImportAccount;
  sourceMap?: SourceMap;
}

export type ImportErrorCode = 'unreadable' | 'not-report' | 'zip-bomb' | 'unsupported' | 'encrypted' | 'no-text';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly text: Text2,
  ) {
    super(text.en);
  }
}
