// A saved web page (or the HTML that mammoth makes of a Word file) → lines and
// table cells. rehype-parse reads the page; nothing it refers to is fetched.
// Page furniture (nav, scripts, styles, forms, hidden parts) is dropped here,
// the rest of the furniture by line in the builder. Data tables become cell
// runs on a regular grid: rowspan/colspan are spread so that a merged cell's
// text sits in its first cell and the cells it covers are empty.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import iconv from 'iconv-lite';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { markdownFromItems } from '../../engine/import/build.ts';
import type { ImportResult, Item, SourceKind, Tok } from '../../engine/import/import-types.ts';

const DROP = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'object', 'embed', 'form', 'button', 'select', 'input', 'textarea', 'nav', 'svg', 'canvas', 'map', 'audio', 'video', 'img', 'link', 'meta', 'menu', 'dialog', 'footer']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'pre', 'address', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'center', 'ul', 'ol', 'li', 'hr', 'body', 'html', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'fieldset', 'details', 'summary']);
const CHROME_CLASS = /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|share|bdshare|print|toolbar|fontsize|font-size|zoom|search|sidebar|topbar|copyright|qrcode|ewm)($|[\s_-])/i;
const MAX_SPAN = 200;

function isHidden(el: Element): boolean {
  const p = el.properties ?? {};
  if (p.hidden !== undefined && p.hidden !== false && p.hidden !== null) return true;
  const style = typeof p.style === 'string' ? p.style.replace(/\s+/g, '') : '';
  return /display:none|visibility:hidden/i.test(style);
}

function isChromeBox(el: Element): boolean {
  const p = el.properties ?? {};
  const cls = Array.isArray(p.className) ? p.className.join(' ') : typeof p.className === 'string' ? p.className : '';
  const id = typeof p.id === 'string' ? p.id : '';
  return CHROME_CLASS.test(cls) || CHROME_CLASS.test(id);
}

/** Text of inline content, HTML whitespace collapsed; a line break between two Chinese characters joins them. */
function collapse(text: string): string {
  return text.replace(/([\u2e80-\u9fff\uff00-\uffef])[ \t\r\n\f]*\n[ \t\r\n\f]*(?=[\u2e80-\u9fff\uff00-\uffef])/g, '$1').replace(/[ \t\r\n\f]+/g, ' ');
}

function hasNestedTable(el: Element): boolean {
  let found = false;
  const visit = (n: ElementContent) => {
    if (found || n.type !== 'element') return;
    if (n.tagName === 'table') { found = true; return; }
    n.children.forEach(visit);
  };
  el.children.forEach(visit);
  return found;
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (n: ElementContent) => {
    if (n.type !== 'element') return;
    if (n.tagName === 'tr') { rows.push(n); return; }
    if (n.tagName === 'table') return;
    if (['thead', 'tbody', 'tfoot'].includes(n.tagName)) n.children.forEach(visit);
  };
  table.children.forEach(visit);
  return rows;
}

function span(v: unknown): number {
  const n = typeof v === 'number' ? v : parseInt(String(v ?? '1'), 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, MAX_SPAN) : 1;
}

/** The rows of a data table on a regular grid. */
export function tableGrid(table: Element): string[][] {
  const rows = rowsOf(table);
  const grid: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let c = 0;
    for (const cell of tr.children) {
      if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      while (grid[r][c] !== undefined) c++;
      const rs = span(cell.properties?.rowSpan) || rows.length - r;
      const cs = Math.max(1, span(cell.properties?.colSpan));
      const text = cellText(cell);
      for (let dr = 0; dr < rs && r + dr < rows.length; dr++) for (let dc = 0; dc < cs; dc++) grid[r + dr][c + dc] = dr === 0 && dc === 0 ? text : '';
      c += cs;
    }
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/** A cell's text; paragraphs and <br> inside it become line breaks. */
function cellText(cell: Element): string {
  const lines: string[] = [''];
  const visit = (n: ElementContent) => {
    if (n.type === 'text') { lines[lines.length - 1] += n.value; return; }
    if (n.type !== 'element' || DROP.has(n.tagName) || isHidden(n)) return;
    if (n.tagName === 'br') { lines.push(''); return; }
    const block = BLOCK.has(n.tagName);
    if (block && lines[lines.length - 1].trim() !== '') lines.push('');
    n.children.forEach(visit);
    if (block) lines.push('');
  };
  cell.children.forEach(visit);
  return lines.map((l) => collapse(l).trim()).filter((l) => l !== '').join('\n');
}

export function htmlItems(html: string): Item[] {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const items: Item[] = [];
  let buf = '';
  let level: number | undefined;
  // Data tables in document order, for the source map (check's findings say which table and row).
  let tables = 0;
  const flush = () => {
    // A heading's lines join without a space where either side is Chinese (collapse() joins Chinese to Chinese).
    if (level !== undefined) buf = buf.replace(/([\u2e80-\u9fff\uff00-\uffef])[ \t]*\n[ \t]*|[ \t]*\n[ \t]*(?=[\u2e80-\u9fff\uff00-\uffef])/g, '$1');
    const t = collapse(buf).trim();
    if (t) items.push({ kind: 'line', text: t, level });
    buf = '';
    level = undefined;
  };
  const visit = (n: RootContent | ElementContent, listIndex?: { n: number; ordered: boolean }) => {
    if (n.type === 'text') { buf += n.value; return; }
    // Disable comments (engine/inline-config.ts) survive an export to HTML and back; other comments are dropped.
    if (n.type === 'comment') {
      if (/^\s*nianbao-(?:disable|enable)/.test(n.value)) { flush(); items.push({ kind: 'line', text: `<!--${n.value}-->` }); }
      return;
    }
    if (n.type !== 'element') return;
    if (DROP.has(n.tagName) || isHidden(n) || isChromeBox(n)) return;
    // A title set over lines (<h1>某县人民政府办公室<br>2021年…<br>工作年度报告</h1>) is one heading: collapse() joins the lines.
    if (n.tagName === 'br') { if (level !== undefined) buf += '\n'; else flush(); return; }
    if (n.tagName === 'table') {
      flush();
      if (hasNestedTable(n) || rowsOf(n).length === 0) { n.children.forEach((c) => visit(c)); flush(); return; }
      const grid = tableGrid(n);
      if (grid.length === 0 || grid[0].length <= 1) {
        // A one-column table lays out text; its cells are paragraphs.
        for (const row of grid) for (const c of row) for (const l of c.split('\n')) if (l.trim()) items.push({ kind: 'line', text: l.trim() });
        return;
      }
      const toks: Tok[] = [];
      const table = tables++;
      grid.forEach((row, r) => row.forEach((text, col) => toks.push({ text, col, rowStart: col === 0, src: { table, row: r, col } })));
      items.push({ kind: 'cells', toks, grid, explicitRows: true });
      return;
    }
    const block = BLOCK.has(n.tagName);
    if (block) flush();
    if (/^h[1-6]$/.test(n.tagName)) level = Number(n.tagName[1]);
    if (n.tagName === 'li' && listIndex) {
      listIndex.n++;
      buf += listIndex.ordered ? `${listIndex.n}. ` : '';
    }
    if (n.tagName === 'ol' || n.tagName === 'ul') {
      const start = n.tagName === 'ol' ? span(n.properties?.start ?? 1) - 1 : 0;
      const idx = { n: start, ordered: n.tagName === 'ol' };
      n.children.forEach((c) => visit(c, idx));
    } else n.children.forEach((c) => visit(c));
    if (block) flush();
  };
  tree.children.forEach((c) => visit(c));
  flush();
  return items;
}

/** Bytes of a web page → text, by its declared charset, else as any text file. */
export function decodeHtml(bytes: Uint8Array, fallback: (b: Uint8Array) => { text: string; encoding: string }): { text: string; encoding: string } {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  const cs = m?.[1].toLowerCase();
  if (cs && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(cs) && !(bytes[0] === 0xef && bytes[1] === 0xbb)) return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  return fallback(bytes);
}

export function importHtml(html: string, options: { template?: string; encoding?: string; source?: SourceKind } = {}): ImportResult {
  const items = htmlItems(html);
  return markdownFromItems(items, { source: options.source ?? 'html', layout: 'html', encoding: options.encoding, template: options.template });
}
