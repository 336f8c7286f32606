// The export as one web page: everything inline (no font, script or style is
// fetched), tables 2–4 with rowspan/colspan as the official layout merges
// them, and a print style sheet for A4: GB/T 9704 page margins, page numbers
// `- 1 -` at the foot, header rows repeated on each page, no row split across
// a page break. The report's title, agency and year are in <meta>.
import type { Block, ExportDocument, Run } from './document.ts';
import type { LayoutCell, OfficialTable } from './layout.ts';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const lines = (s: string) => s.split('\n').map(esc).join('<br>');

/** The class of a cell by what it holds: header cells centred, labels left, figures right. */
export function cellClass(c: LayoutCell): string {
  switch (c.role) {
    case 'figure': return 'fig';
    case 'label': case 'block': return 'lab';
    case 'rowgroup': return 'lab grp';
    case 'corner': return 'note';
    default: return 'hd';
  }
}

/**
 * One official table. `extra` adds attributes to a cell (the preview's
 * findings and sums); values are escaped here.
 */
export function tableHtml(t: OfficialTable, extra?: (c: LayoutCell) => Record<string, string> | undefined): string {
  const total = t.widths.reduce((s, w) => s + w, 0);
  const cols = t.widths.map((w) => `<col style="width:${((100 * w) / total).toFixed(2)}%">`).join('');
  const tr = (row: LayoutCell[]) => `<tr>${row.map((c) => {
    const attrs: Record<string, string> = { class: cellClass(c) };
    if (c.rowSpan > 1) attrs.rowspan = String(c.rowSpan);
    if (c.colSpan > 1) attrs.colspan = String(c.colSpan);
    if (c.role === 'figure' && c.table && c.rowDef && c.column) attrs['data-cell'] = `${c.table.id}.${c.rowDef.id}.${c.column.id}`;
    const more = extra?.(c);
    if (more) for (const [k, v] of Object.entries(more)) attrs[k] = k === 'class' ? `${attrs.class} ${v}` : v;
    const a = Object.entries(attrs).map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
    const tag = c.role === 'figure' || c.role === 'label' || c.role === 'rowgroup' ? 'td' : 'th';
    const body = c.lines ? c.lines.map(esc).join('<br>') : lines(c.text);
    return `<${tag}${a}>${body}</${tag}>`;
  }).join('')}</tr>`;
  const head = t.rows.slice(0, t.headerRows).map(tr).join('\n');
  const body = t.rows.slice(t.headerRows).map(tr).join('\n');
  return `<table class="official ${esc(t.part)}"><colgroup>${cols}</colgroup>\n${head ? `<thead>\n${head}\n</thead>\n` : ''}<tbody>\n${body}\n</tbody>\n</table>`;
}

function runHtml(r: Run): string {
  let s = lines(r.text);
  if (r.bold) s = `<strong>${s}</strong>`;
  if (r.italic) s = `<em>${s}</em>`;
  if (r.lead) s = `<span class="lead">${s}</span>`;
  return s;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'title': return `<h1>${lines(b.text)}</h1>`;
    case 'heading': return b.level === 1 ? `<h2>${lines(b.text)}</h2>` : `<h3>${lines(b.text)}</h3>`;
    case 'para': return `<p>${b.runs.map(runHtml).join('')}</p>`;
    case 'official': return tableHtml(b.table);
    case 'table': return `<table class="plain"><tbody>\n${b.rows.map((r) => `<tr>${r.map((c) => `<td>${lines(c)}</td>`).join('')}</tr>`).join('\n')}\n</tbody></table>`;
  }
}

/** Font stacks: the names Word/WPS users have, then what Windows, macOS and Linux ship. */
export const FONTS = {
  title: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", serif',
  body: '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif',
  h1: '"黑体", "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif',
  h2: '"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif',
  table: '"宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", serif',
};

/** Table rules shared by the exported page and the preview. */
export const TABLE_CSS = `table.official, table.plain { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0.5em 0; font-family: ${FONTS.table}; font-size: 10.5pt; line-height: 1.35; }
table.official th, table.official td, table.plain td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: middle; word-break: break-all; }
table.official th { font-weight: normal; text-align: center; }
table.official td.lab, table.official th.note { text-align: left; }
table.official th.lab { text-align: left; }
table.official td.fig { text-align: right; font-variant-numeric: tabular-nums; }
table.official tr, table.plain tr { break-inside: avoid; page-break-inside: avoid; }
table.official thead { display: table-header-group; }`;

export function toHtml(doc: ExportDocument): string {
  const { meta } = doc;
  const metaTags = [
    `<meta name="generator" content="nianbao">`,
    meta.agency ? `<meta name="author" content="${esc(meta.agency)}">\n<meta name="nianbao:agency" content="${esc(meta.agency)}">` : '',
    meta.year ? `<meta name="nianbao:year" content="${meta.year}">` : '',
    `<meta name="nianbao:format" content="${esc(meta.format)}">`,
  ].filter(Boolean).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(meta.title)}</title>
${metaTags}
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "- " counter(page) " -"; font-family: ${FONTS.table}; font-size: 14pt; } }
html { background: #f4f4f4; }
body { max-width: 156mm; margin: 2em auto; padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 0 4px rgba(0,0,0,.2); font-family: ${FONTS.body}; font-size: 16pt; line-height: 28.95pt; color: #000; }
h1 { font-family: ${FONTS.title}; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 28.95pt; }
h2 { font-family: ${FONTS.h1}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
h3, .lead { font-family: ${FONTS.h2}; font-size: 16pt; font-weight: normal; }
h3 { margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
${TABLE_CSS}
@media print {
  html { background: none; }
  body { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
}
</style>
</head>
<body>
${doc.blocks.map(blockHtml).join('\n')}
</body>
</html>
`;
}
