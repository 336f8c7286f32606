// Which form a report file is in, decided from its bytes: what agencies
// publish comes with any name (`报告.pdf.html`, a `.htm` that is a Word file,
// a download without an extension), and a web page read as Markdown gives a
// screen of false findings. The name only breaks ties the bytes leave open
// (Markdown or copied text; an HTML fragment in a `.md` file).
import type { Text2 } from '../engine/types.ts';
import { ImportError } from '../engine/import/import-types.ts';
import { readDirectory } from './published/zip.ts';

/** `markdown` is checked as written (and can be fixed); every other form is imported in memory first. */
export type Form = 'markdown' | 'text' | 'html' | 'docx' | 'pdf';

export type FormGuess =
  | { form: Form }
  /** Bytes that are no report form nianbao reads: the reason, said plainly. */
  | { form: 'refused'; reason: Text2 };

/** Extensions of the forms published reports come in (directories with `--published`). */
export const PUBLISHED_EXTENSIONS = ['pdf', 'docx', 'html', 'htm', 'txt'] as const;
export const MARKDOWN_EXTENSIONS = ['md', 'markdown'] as const;

const extOf = (name: string) => /\.([^./\\]+)$/.exec(name.toLowerCase())?.[1] ?? '';

const startsWith = (b: Uint8Array, ...sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

// An HTML document, whatever the name.
const HTML_DOCUMENT = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i;
// A fragment as copied from a page or saved by an editor: it opens with a block
// element. Not in a Markdown file, where raw HTML is allowed and the report is
// Markdown around it.
const HTML_FRAGMENT = /^(?:<!--[\s\S]*?-->\s*)*<(?:meta|title|style|div|table|p|center|section|article|h[1-6]|span|font|form|ul|ol)[\s>/]/i;

/** The first few kilobytes as text, enough to see how the file opens: UTF-16 by its BOM, anything else byte for byte (markup is ASCII). */
function head(bytes: Uint8Array): string {
  const n = Math.min(bytes.length, 4096);
  if (startsWith(bytes, 0xff, 0xfe)) return Buffer.from(bytes.subarray(2, n)).toString('utf16le');
  if (startsWith(bytes, 0xfe, 0xff)) {
    const swapped = Buffer.from(bytes.subarray(2, n - (n % 2)));
    return swapped.swap16().toString('utf16le');
  }
  return Buffer.from(bytes.subarray(startsWith(bytes, 0xef, 0xbb, 0xbf) ? 3 : 0, n)).toString('latin1');
}

/** Whether text reads as Markdown: a `#` heading or a GFM table delimiter row. */
function looksMarkdown(text: string): boolean {
  return /^#{1,6}[ \t]+\S/m.test(text) || /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/m.test(text);
}

function zipForm(bytes: Uint8Array): FormGuess {
  let names: string[];
  try {
    names = readDirectory(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).map((e) => e.name);
  } catch (e) {
    if (e instanceof ImportError) return { form: 'refused', reason: e.text };
    throw e;
  }
  if (names.includes('word/document.xml')) return { form: 'docx' };
  const what = names.includes('xl/workbook.xml') ? { zh: 'Excel 工作簿', en: 'an Excel workbook' }
    : names.includes('ppt/presentation.xml') ? { zh: 'PowerPoint 演示文稿', en: 'a PowerPoint presentation' }
    : names.includes('content.xml') ? { zh: 'OpenDocument 文件（请另存为 .docx 或 PDF）', en: 'an OpenDocument file (save it as .docx or PDF)' }
    : { zh: '压缩包', en: 'a zip archive' };
  const spaced = /^[A-Za-z]/.test(what.zh) ? ` ${what.zh}` : what.zh;
  return { form: 'refused', reason: { zh: `不是 Word 文档：这是${spaced}，其中没有 word/document.xml`, en: `not a Word document: this is ${what.en} with no word/document.xml` } };
}

/**
 * The form of a report from its bytes: `%PDF-` (within the first kilobyte, as
 * readers allow), a zip holding `word/document.xml`, an HTML document or
 * fragment, else Markdown or copied text. Old Office files, other zips and
 * images are refused with the reason.
 */
export function detectForm(bytes: Uint8Array, fileName = ''): FormGuess {
  const ext = extOf(fileName);
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) return { form: 'pdf' };
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) return zipForm(bytes);
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return { form: 'refused', reason: { zh: '这是旧版 Office 文件（.doc/.xls），无法读取；请在 Word/WPS 中另存为 .docx 或 PDF', en: 'this is an old Office file (.doc/.xls), which cannot be read; save it as .docx or PDF in Word/WPS' } };
  const markdownName = (MARKDOWN_EXTENSIONS as readonly string[]).includes(ext);
  // A .md that is an image is a binary file to the Markdown reader, which says so; other names get the reason.
  if (!markdownName) {
    if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || startsWith(bytes, 0xff, 0xd8, 0xff) || startsWith(bytes, 0x47, 0x49, 0x46, 0x38) || startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a)) {
      return { form: 'refused', reason: { zh: '这是图片，没有文字：请先做文字识别（OCR）', en: 'this is an image, with no text: run OCR first' } };
    }
    if (startsWith(bytes, 0x7b, 0x5c, 0x72, 0x74, 0x66)) return { form: 'refused', reason: { zh: '这是 RTF 文件，无法读取；请另存为 .docx 或 PDF', en: 'this is an RTF file, which cannot be read; save it as .docx or PDF' } };
  }
  const text = head(bytes).trimStart();
  if (HTML_DOCUMENT.test(text)) return { form: 'html' };
  // A .html is never Markdown: a page without <html> (a fragment, or text) is still read as a page.
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || ext === 'shtml') return { form: 'html' };
  if (!markdownName && HTML_FRAGMENT.test(text)) return { form: 'html' };
  if (markdownName) return { form: 'markdown' };
  if (ext === 'txt') return { form: 'text' };
  return { form: looksMarkdown(text) ? 'markdown' : 'text' };
}

/** The form's name for messages. */
export function formName(form: Form, lang: 'zh' | 'en'): string {
  const zh = { markdown: 'Markdown', text: '文本', html: '网页', docx: 'Word', pdf: 'PDF' };
  const en = { markdown: 'Markdown', text: 'text', html: 'web page', docx: 'Word', pdf: 'PDF' };
  return (lang === 'zh' ? zh : en)[form];
}

// What nianbao writes in a page's head: `nianbao review` <meta name="generator" content="nianbao 1.2.3">;
// `nianbao export --to html` the same generator and the report's format (nianbao:format), which makes it a report.
const NIANBAO_GENERATOR = /<meta\s+name=["']generator["']\s+content=["']nianbao[\s"']/i;
const REPORT_FORMAT_META = /<meta\s+name=["']nianbao:format["']/i;

/**
 * Whether a web page is one nianbao wrote that holds no report: a review page
 * (`nianbao review -o 审阅.html`) saved in the folder it reviews would be read
 * as a report of every agency's titles and tables. A page nianbao exported is
 * the report in its official layout and is read as any published page.
 */
export function isNianbaoReviewPage(bytes: Uint8Array): boolean {
  const text = head(bytes);
  return NIANBAO_GENERATOR.test(text) && !REPORT_FORMAT_META.test(text);
}
