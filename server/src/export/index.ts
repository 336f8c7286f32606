// `nianbao export` as a library: a report's Markdown in, a Word file or a web
// page in the official layout out, with the analysis the export was made
// from (so the caller can say how many errors the exported report has).
// Pure: no file system.
import { analyze, type Analysis, type AnalyzeOptions } from '../engine/analyze.ts';
import { exportDocument, errorCount, type ExportDocument } from './document.ts';

export type ExportFormat = 'docx' | 'html';

export interface ExportResult {
  /** The .docx bytes, or the page's text. */
  data: Uint8Array | string;
  analysis: Analysis;
  document: ExportDocument;
  errors: number;
}

export async function exportReport(text: string, to: ExportFormat, options: AnalyzeOptions = {}): Promise<ExportResult> {
  const analysis = analyze(text, options);
  const document = exportDocument(text, analysis);
  const data = to === 'docx' ? await (await import('./docx.ts')).toDocx(document) : (await import('./html.ts')).toHtml(document);
  return { data, analysis, document, errors: errorCount(analysis) };
}

export { exportDocument, errorCount };
