// `nianbao import` as a library: bytes or text of a Word file, a web page or
// copied text in; a report in the project's Markdown layout and an account of
// every cell out. Pure: no file system, no process, no console.
import { decodeBytes } from '../decode.ts';
import { markdownFromItems } from '../../engine/import/build.ts';
import { textItems } from './copied-text.ts';
import { isSectionHeading } from '../../engine/import/build.ts';
import { ImportError, type ImportResult, type SourceKind } from '../../engine/import/import-types.ts';

export * from '../../engine/import/import-types.ts';

export interface ImportOptions {
  /** The source kind; guessed from the file name and the bytes when absent. */
  from?: SourceKind;
  fileName?: string;
  /** Force a format (2019, 2021). */
  template?: string;
}

export function guessKind(bytes: Uint8Array, fileName = ''): SourceKind {
  const ext = /\.([^./\\]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  if (ext === 'docx') return 'docx';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').trimStart().toLowerCase();
  if (ext !== 'txt' && ext !== 'md' && (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(meta|head|body|div|table|p)\b/.test(head))) return 'html';
  return 'text';
}

function decode(bytes: Uint8Array): { text: string; encoding: string } {
  try {
    return decodeBytes(bytes);
  } catch (e) {
    throw new ImportError('unreadable', { zh: `无法识别文字编码：${(e as Error).message}`, en: `cannot decode the text: ${(e as Error).message}` });
  }
}

/** Copied text, or a Markdown file (kept as written outside the tables; its `#` headings read). */
export function importText(text: string, options: { template?: string; encoding?: string; markdown?: boolean } = {}): ImportResult {
  const { items, layout } = textItems(text, (l) => isSectionHeading(l.replace(/^\s{0,3}#{1,6}\s+/, '')));
  const markdown = options.markdown ?? (layout === 'gfm' || (text.match(/^#{1,6}\s+\S/gm)?.length ?? 0) >= 2);
  return markdownFromItems(items, { source: 'text', layout, encoding: options.encoding, template: options.template, markdown });
}

export async function importReport(input: Uint8Array | string, options: ImportOptions = {}): Promise<ImportResult> {
  if (typeof input === 'string') {
    if (options.from === 'html') return (await import('./html.ts')).importHtml(input, { template: options.template });
    return importText(input, { template: options.template });
  }
  const ext = /\.([^./\\]+)$/.exec((options.fileName ?? '').toLowerCase())?.[1];
  if (!options.from) {
    if (ext === 'doc' || (input[0] === 0xd0 && input[1] === 0xcf && input[2] === 0x11 && input[3] === 0xe0)) throw new ImportError('unsupported', { zh: '这是旧版 Word 文件（.doc），无法读取；请在 Word/WPS 中另存为 .docx 后再导入', en: 'this is an old Word file (.doc), which cannot be read; save it as .docx in Word/WPS and import that' });
  }
  if (options.from === 'pdf' || (!options.from && (ext === 'pdf' || Buffer.from(input.subarray(0, 5)).toString('latin1') === '%PDF-'))) return (await import('./pdf/index.ts')).importPdf(input, { template: options.template });
  const kind = options.from ?? guessKind(input, options.fileName);
  if (kind === 'docx') return (await import('./docx.ts')).importDocx(input, { template: options.template });
  if (kind === 'html') {
    const { importHtml, decodeHtml } = await import('./html.ts');
    const { text, encoding } = decodeHtml(input, decode);
    return importHtml(text, { template: options.template, encoding });
  }
  if (input.length >= 4 && input[0] === 0x50 && input[1] === 0x4b) throw new ImportError('unsupported', { zh: '这是压缩包（可能是 .docx），不是文本；请用 --from docx', en: 'this is a zip archive (perhaps a .docx), not text; use --from docx' });
  const { text, encoding } = decode(input);
  const md = /\.(md|markdown)$/i.test(options.fileName ?? '') ? true : undefined;
  return importText(text, { template: options.template, encoding, markdown: md });
}
