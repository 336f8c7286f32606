// A Word file (.docx) → the HTML path. The zip is checked and re-packed by
// zip.ts before mammoth sees it (a zip bomb or a truncated file is refused
// with a clear message). Word's automatic numbering (一、 （一） 1.) is not
// text in the file: it is worked out here from numbering.xml and written into
// each numbered paragraph, so that numbered headings and paragraphs keep their
// numbers. Merged cells come through mammoth as rowspan/colspan.
import mammoth from 'mammoth';
import { importHtml } from './html.ts';
import { DEFAULT_LIMITS, readDirectory, readEntry, writeStoredZip, type ZipLimits } from './zip.ts';
import { ImportError, type ImportResult } from '../../engine/import/import-types.ts';

interface Level {
  start: number;
  fmt: string;
  text: string;
  suff: string;
  pStyle?: string;
}

const attr = (xml: string, tag: string, name = 'w:val'): string | undefined => new RegExp(`<${tag}\\b[^>]*?\\b${name}="([^"]*)"`).exec(xml)?.[1];

function parseNumbering(xml: string): { levels: (numId: string) => Level[] | undefined; levelOfStyle: (styleId: string) => { numId: string; ilvl: number } | undefined } {
  const abstract = new Map<string, Level[]>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="([^"]*)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels: Level[] = [];
    for (const l of m[2].matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels[Number(l[1])] = { start: Number(attr(l[2], 'w:start') ?? 1), fmt: attr(l[2], 'w:numFmt') ?? 'decimal', text: attr(l[2], 'w:lvlText') ?? '', suff: attr(l[2], 'w:suff') ?? 'tab', pStyle: attr(l[2], 'w:pStyle') };
    }
    abstract.set(m[1], levels);
  }
  const nums = new Map<string, Level[]>();
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]*)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const base = abstract.get(attr(m[2], 'w:abstractNumId') ?? '');
    if (!base) continue;
    const levels = base.map((l) => (l ? { ...l } : l));
    for (const o of m[2].matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const s = attr(o[2], 'w:startOverride');
      if (s !== undefined && levels[Number(o[1])]) levels[Number(o[1])].start = Number(s);
    }
    nums.set(m[1], levels);
  }
  return {
    levels: (numId) => nums.get(numId),
    levelOfStyle: (styleId) => {
      for (const [numId, levels] of nums) {
        const i = levels.findIndex((l) => l?.pStyle === styleId);
        if (i >= 0) return { numId, ilvl: i };
      }
      return undefined;
    },
  };
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function chinese(n: number): string {
  if (n <= 0) return '〇';
  if (n < 10) return CN[n];
  if (n < 20) return '十' + CN[n % 10];
  if (n < 100) return CN[Math.floor(n / 10)] + '十' + CN[n % 10];
  return String(n);
}
function letters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
}
function roman(n: number): string {
  const t: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let s = '';
  for (const [v, r] of t) while (n >= v) { s += r; n -= v; }
  return s;
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'japaneseCounting': case 'taiwaneseCounting': case 'ideographDigital': return chinese(n);
    case 'chineseLegalSimplified': return chinese(n).replace(/[一二三四五六七八九十]/g, (c) => '壹贰叁肆伍陆柒捌玖拾'['一二三四五六七八九十'.indexOf(c)]);
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth': case 'decimalFullWidth2': return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese': return n >= 1 && n <= 20 ? String.fromCharCode(0x245f + n) : `(${n})`;
    case 'decimalEnclosedParen': return n >= 1 && n <= 20 ? String.fromCharCode(0x2473 + n) : `(${n})`;
    case 'decimalEnclosedFullstop': return n >= 1 && n <= 20 ? String.fromCharCode(0x2487 + n) : `${n}.`;
    case 'ideographEnclosedCircle': return n >= 1 && n <= 10 ? String.fromCharCode(0x321f + n) : `(${chinese(n)})`;
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerLetter': return letters(n);
    case 'upperRoman': return roman(n).toUpperCase();
    case 'lowerRoman': return roman(n);
    case 'none': return '';
    default: return String(n);
  }
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** document.xml with each automatically numbered paragraph's number written in as text. */
export function writeNumbers(documentXml: string, numberingXml: string | undefined, stylesXml: string | undefined): string {
  if (!numberingXml) return documentXml;
  const numbering = parseNumbering(numberingXml);
  const styleNum = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  for (const m of (stylesXml ?? '').matchAll(/<w:style\b[^>]*w:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(m[2])?.[1];
    styleNum.set(m[1], { numId: numPr ? attr(numPr, 'w:numId') : undefined, ilvl: numPr && attr(numPr, 'w:ilvl') !== undefined ? Number(attr(numPr, 'w:ilvl')) : undefined, basedOn: attr(m[2], 'w:basedOn') });
  }
  const styleNumbering = (styleId: string): { numId: string; ilvl: number } | undefined => {
    for (let s: string | undefined = styleId, depth = 0; s && depth < 8; s = styleNum.get(s)?.basedOn, depth++) {
      const st = styleNum.get(s);
      if (st?.numId) return { numId: st.numId, ilvl: st.ilvl ?? numbering.levelOfStyle(s)?.ilvl ?? 0 };
    }
    return undefined;
  };
  const counters = new Map<string, number[]>();
  return documentXml.replace(/<w:p(?=[\s>])([^>]*)>([\s\S]*?)<\/w:p>/g, (whole, attrs: string, body: string) => {
    const pPr = /^\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(body);
    const props = pPr?.[1] ?? '';
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(props)?.[1];
    let ref: { numId: string; ilvl: number } | undefined;
    if (numPr !== undefined) {
      const numId = attr(numPr, 'w:numId');
      if (numId && numId !== '0') ref = { numId, ilvl: Number(attr(numPr, 'w:ilvl') ?? 0) };
    } else {
      const style = attr(props, 'w:pStyle');
      if (style) ref = styleNumbering(style);
    }
    if (!ref) return whole;
    const levels = numbering.levels(ref.numId);
    const level = levels?.[ref.ilvl];
    if (!levels || !level) return whole;
    const count = counters.get(ref.numId) ?? [];
    counters.set(ref.numId, count);
    count[ref.ilvl] = (count[ref.ilvl] ?? levels[ref.ilvl].start - 1) + 1;
    count.length = ref.ilvl + 1;
    let label = '';
    if (level.fmt !== 'bullet') {
      label = level.text.replace(/%([1-9])/g, (_, d: string) => {
        const k = Number(d) - 1;
        const lv = levels[k];
        return lv ? formatNumber(count[k] ?? lv.start, lv.fmt) : '';
      });
      if (label && level.suff === 'space') label += ' ';
    }
    const off = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';
    const newProps = numPr !== undefined ? props.replace(/<w:numPr>[\s\S]*?<\/w:numPr>/, off) : off + props;
    const run = label ? `<w:r><w:t xml:space="preserve">${xmlEscape(label)}</w:t></w:r>` : '';
    const rest = pPr ? body.slice(pPr[0].length) : body;
    return `<w:p${attrs}><w:pPr>${newProps}</w:pPr>${run}${rest}</w:p>`;
  });
}

/** The .docx checked, its numbering written in, re-packed for mammoth. */
export function prepareDocx(bytes: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readDirectory(buf, limits);
  if (!entries.some((e) => e.name === 'word/document.xml')) throw new ImportError('unreadable', { zh: '这个 zip 文件里没有 word/document.xml，不是 Word 文档（.docx）', en: 'the zip has no word/document.xml: not a Word document (.docx)' });
  const files = entries.filter((e) => !e.name.endsWith('/')).map((e) => ({ name: e.name, data: readEntry(buf, e) }));
  const get = (name: string) => files.find((f) => f.name === name)?.data.toString('utf8');
  const doc = files.find((f) => f.name === 'word/document.xml')!;
  doc.data = Buffer.from(writeNumbers(doc.data.toString('utf8'), get('word/numbering.xml'), get('word/styles.xml')), 'utf8');
  return writeStoredZip(files);
}

export async function docxToHtml(bytes: Uint8Array, limits?: ZipLimits): Promise<{ html: string; messages: string[] }> {
  const buffer = prepareDocx(bytes, limits);
  try {
    const result = await mammoth.convertToHtml({ buffer }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: true });
    return { html: result.value, messages: result.messages.map((m) => m.message) };
  } catch (e) {
    throw new ImportError('unreadable', { zh: `无法读取 Word 文件：${(e as Error).message}`, en: `cannot read the Word file: ${(e as Error).message}` });
  }
}

export async function importDocx(bytes: Uint8Array, options: { template?: string; limits?: ZipLimits } = {}): Promise<ImportResult> {
  const { html } = await docxToHtml(bytes, options.limits);
  return importHtml(html, { template: options.template, source: 'docx' });
}
