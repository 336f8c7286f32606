// The custom requests and notifications between the nianbao client and
// server. The VS Code client imports this file too (esbuild bundles it into
// each side), so both agree on names and shapes.

export const STATUS_NOTIFICATION = 'nianbao/status';
export const NEW_REPORT_REQUEST = 'nianbao/newReport';
export const NEXT_YEAR_REQUEST = 'nianbao/nextYearReport';
export const FIX_ALL_REQUEST = 'nianbao/fixAll';
export const TEMPLATES_REQUEST = 'nianbao/templates';
/** 导入并检查: a published report (.pdf, .docx, .html) imported by the server (lsp/import-request.ts). */
export const IMPORT_PUBLISHED_REQUEST = 'nianbao/importPublished';

/** Sent after each publishDiagnostics: what the status bar shows for a document. */
export interface StatusParams {
  uri: string;
  version: number;
  /** False for Markdown files that are not reports: the status bar hides. */
  isReport: boolean;
  year?: number;
  templateId?: string;
  templateName?: string;
  errors: number;
  warnings: number;
  infos: number;
}

export interface NewReportParams {
  year: number;
  /** Template id; by default the format in force for the year. */
  template?: string;
  agency?: string;
}

export interface ReportTextResult {
  text: string;
  year: number;
  templateId: string;
}

export interface NextYearParams {
  uri: string;
}

export interface FixAllParams {
  uri: string;
  /** Also apply fixes that set or correct figures (the command asks first). */
  figures?: boolean;
}

export interface FixAllResult {
  /** LSP TextEdits against the document version the request saw. */
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
  version: number;
  /** Fixes that change figures, left out because `figures` was false. */
  figureFixes: number;
}

export interface TemplateInfo {
  id: string;
  name: string;
  from?: number;
  to?: number;
}

export interface ImportPublishedParams {
  /** file: URI of the published report. */
  uri: string;
}

export interface ImportPublishedResult {
  /** The report as Markdown. */
  text: string;
  form: 'pdf' | 'docx' | 'html' | 'text';
  /** file: URI beside the source that does not exist yet (`report.md`, else `report (2).md`…): where the client writes `text`. */
  target: string;
  title?: string;
  cellsPlaced: number;
  /** Pieces of the tables that could not be placed (kept in the report under 未能放入表格的内容). */
  unplaced: number;
  /** What the import did, as `nianbao import` prints it. */
  account: string;
}
