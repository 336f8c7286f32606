// `nianbao import report.pdf`: a PDF's text layer and ruling lines → the
// import's lines and table cells (document.ts) → the report builder shared
// with the other readers (classification against the template, the account,
// nothing invented). Pure apart from pdf.js: bytes in, Markdown and an
// account out; no file system, no console.
import type { Text2 } from '../../../engine/types.ts';
import { markdownFromItems } from '../../../engine/import/build.ts';
import { ImportError, type ImportResult } from '../../../engine/import/import-types.ts';
import { documentItems } from './document.ts';
import { readPage } from './extract.ts';
import type { PageData } from './geometry.ts';
import { loadPdfjs } from './load.ts';

export interface PdfOptions {
  template?: string;
}

const err = (code: ConstructorParameters<typeof ImportError>[0], zh: string, en: string) => new ImportError(code, { zh, en });

/** A PDF's bytes end with `%%EOF` (maybe followed by a line break or a little padding); a download cut short does not. */
function looksTruncated(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  return !tail.includes('%%EOF');
}

/** The pages of a PDF as the reader needs them; a clear ImportError for what cannot be read. */
export async function readPdfPages(bytes: Uint8Array): Promise<PageData[]> {
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').indexOf('%PDF-') < 0) throw err('unreadable', '不是 PDF 文件（开头没有 %PDF-）', 'not a PDF file (no %PDF- header)');
  if (looksTruncated(bytes)) throw err('unreadable', 'PDF 文件不完整（被截断，末尾没有 %%EOF）；请重新下载', 'the PDF is incomplete (truncated: no %%EOF at the end); download it again');
  const pdfjs = await loadPdfjs();
  // pdf.js takes ownership of (detaches) the buffer it is given: give it a copy.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: pdfjs.VerbosityLevel.ERRORS, cMapUrl: pdfjs.cMapUrl, cMapPacked: true, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  let doc: import('./pdfjs-lib.ts').PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    const name = (e as Error)?.name;
    if (name === 'PasswordException') throw err('encrypted', 'PDF 已加密（需要密码才能打开）；请提供未加密的文件', 'the PDF is encrypted (it needs a password to open); provide an unencrypted copy');
    throw err('unreadable', `PDF 文件已损坏，无法读取（${(e as Error).message}）`, `the PDF is damaged and cannot be read (${(e as Error).message})`);
  }
  try {
    const pages: PageData[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      pages.push(await readPage(page, pdfjs.OPS));
      page.cleanup();
    }
    return pages;
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw err('unreadable', `PDF 文件已损坏，无法读取（${(e as Error).message}）`, `the PDF is damaged and cannot be read (${(e as Error).message})`);
  } finally {
    await doc.destroy().catch(() => {});
  }
}

export async function importPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<ImportResult> {
  const pages = await readPdfPages(bytes);
  const withText = pages.filter((p) => p.runs.length > 0);
  if (withText.length === 0) {
    if (pages.some((p) => p.images > 0)) throw err('no-text', '没有文字层：这是扫描的 PDF，请先做文字识别（OCR）', 'no text layer: scanned PDF, run OCR first');
    throw err('no-text', 'PDF 中没有文字', 'the PDF has no text');
  }
  const { items, dropped, notes } = documentItems(pages);
  const result = markdownFromItems(items, { source: 'pdf', layout: 'pdf', template: options.template });
  const scanned = pages.filter((p) => p.runs.length === 0 && p.images > 0).map((p) => p.page);
  const extra: Text2[] = [{ zh: `PDF 共 ${pages.length} 页`, en: `the PDF has ${pages.length} pages` }];
  if (scanned.length) extra.push({ zh: `第 ${scanned.join('、')} 页只有图像、没有文字（扫描页），其内容未能导入`, en: `page${scanned.length > 1 ? 's' : ''} ${scanned.join(', ')} hold only images, no text (scanned); their content was not imported` });
  result.account.notes.push(...extra, ...notes);
  result.account.dropped.push(...dropped);
  return result;
}
