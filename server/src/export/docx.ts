// The export as a Word file (the `docx` package), set as 党政机关公文格式
// (GB/T 9704) sets a document: A4; 版心 156 × 225 mm (top 37 mm, left 28 mm);
// title 2号 方正小标宋简体, body 3号 仿宋_GB2312 at 22 lines a page, 一级标题
// 黑体, 二级标题 楷体_GB2312; page numbers `- 1 -` in 4号 宋体, right on odd
// pages and left on even ones. Fonts are named as Word/WPS users have them;
// the font table gives each its fall-back (宋体, or 黑体/楷体/仿宋 where a
// machine lacks the _GB2312 name), so a machine without them still shows CJK.
// Tables 2–4 are drawn from the official layout (layout.ts): merged cells,
// figures right-aligned, header rows repeated on each page, no row split.
import {
  AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableLayoutType,
  TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import type { Block, ExportDocument, Run } from './document.ts';
import type { LayoutCell, OfficialTable } from './layout.ts';

const pt = (p: number) => p * 2; // half-points
const mm = (m: number) => Math.round((m * 1440) / 25.4); // twips

const LATIN = 'Times New Roman';
const font = (eastAsia: string) => ({ eastAsia, ascii: LATIN, hAnsi: LATIN, cs: LATIN });
const FONT = {
  title: font('方正小标宋简体'),
  body: font('仿宋_GB2312'),
  h1: font('黑体'),
  h2: font('楷体_GB2312'),
  table: font('宋体'),
};
/** Font → the font Word uses where it is missing (w:altName). */
const ALT: Record<string, string> = { 方正小标宋简体: '宋体', 仿宋_GB2312: '仿宋', 楷体_GB2312: '楷体', 黑体: 'SimHei', 宋体: 'SimSun' };

const SIZE = { title: pt(22), body: pt(16), table: pt(10.5), pageNumber: pt(14) };
/** 22 lines in the 225 mm text block. */
const LINE = Math.round(mm(225) / 22);
const TEXT_WIDTH = mm(156);
/** Two characters of 3号 (16 pt), in twips: the first-line indent. */
const INDENT = 2 * 16 * 20;

function runs(rs: Run[], base: { font: ReturnType<typeof font>; size: number }): TextRun[] {
  const out: TextRun[] = [];
  for (const r of rs) {
    r.text.split('\n').forEach((part, i) => {
      out.push(new TextRun({ text: part, break: i > 0 ? 1 : undefined, bold: r.bold, italics: r.italic, font: r.lead ? FONT.h2 : base.font, size: base.size }));
    });
  }
  return out;
}

const bodyLine = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function paragraph(b: Block): Paragraph[] {
  switch (b.kind) {
    case 'title':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: Math.round(LINE * 1.2), lineRule: LineRuleType.EXACT, after: LINE }, children: runs([{ text: b.text }], { font: FONT.title, size: SIZE.title }) })];
    case 'heading':
      return [new Paragraph({ indent: { firstLine: INDENT }, spacing: bodyLine, keepNext: true, children: runs([{ text: b.text }], { font: b.level === 1 ? FONT.h1 : FONT.h2, size: SIZE.body }) })];
    case 'para':
      return [new Paragraph({ indent: { firstLine: INDENT }, alignment: AlignmentType.JUSTIFIED, spacing: bodyLine, children: runs(b.runs, { font: FONT.body, size: SIZE.body }) })];
    default:
      return [];
  }
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cellParagraphs(c: LayoutCell): Paragraph[] {
  const alignment = c.role === 'figure' ? AlignmentType.RIGHT : c.role === 'label' || c.role === 'rowgroup' || c.role === 'block' || c.role === 'corner' ? AlignmentType.LEFT : AlignmentType.CENTER;
  const texts = c.lines ?? c.text.split('\n');
  return texts.map((t) => new Paragraph({ alignment, spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text: t, font: FONT.table, size: SIZE.table })] }));
}

function officialTable(t: OfficialTable): Table {
  const total = t.widths.reduce((s, w) => s + w, 0);
  const columnWidths = t.widths.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const rows = t.rows.map((row, i) => new TableRow({
    tableHeader: i < t.headerRows,
    cantSplit: true,
    children: row.map((c) => new TableCell({
      children: cellParagraphs(c),
      verticalAlign: VerticalAlign.CENTER,
      borders,
      margins: { left: 28, right: 28, top: 0, bottom: 0 },
      width: { size: columnWidths.slice(c.col, c.col + c.colSpan).reduce((s, w) => s + w, 0), type: WidthType.DXA },
      ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
      ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
    })),
  }));
  return new Table({ rows, columnWidths, layout: TableLayoutType.FIXED, width: { size: columnWidths.reduce((s, w) => s + w, 0), type: WidthType.DXA }, alignment: AlignmentType.CENTER });
}

function plainTable(rows: string[][]): Table {
  const n = Math.max(1, ...rows.map((r) => r.length));
  const w = Math.floor(TEXT_WIDTH / n);
  return new Table({
    columnWidths: Array(n).fill(w),
    width: { size: w * n, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    rows: rows.map((r) => new TableRow({
      cantSplit: true,
      children: Array.from({ length: n }, (_, i) => new TableCell({ borders, children: (r[i] ?? '').split('\n').map((t) => new Paragraph({ children: [new TextRun({ text: t, font: FONT.table, size: SIZE.table })] })) })),
    })),
  });
}

function pageNumber(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  // One character in from the edge (GB/T 9704 7.5).
  const indent = alignment === AlignmentType.RIGHT ? { right: SIZE.pageNumber * 10 } : { left: SIZE.pageNumber * 10 };
  return new Footer({ children: [new Paragraph({ alignment, indent, children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], font: FONT.table, size: SIZE.pageNumber })] })] });
}

/** word/fontTable.xml naming each font's stand-in (the docx package writes none). */
function fontTable(): string {
  const fonts = Object.values(FONT).map((f) => f.eastAsia).filter((f, i, a) => a.indexOf(f) === i);
  const entry = (name: string) => `<w:font w:name="${name}">${ALT[name] ? `<w:altName w:val="${ALT[name]}"/>` : ''}<w:charset w:val="86"/><w:family w:val="${name === '黑体' ? 'modern' : 'roman'}"/><w:pitch w:val="variable"/></w:font>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts.map(entry).join('')}<w:font w:name="${LATIN}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`;
}

export async function toDocx(doc: ExportDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'official') children.push(officialTable(b.table));
    else if (b.kind === 'table') children.push(plainTable(b.rows));
    else children.push(...paragraph(b));
  }
  const { meta } = doc;
  const document = new Document({
    title: meta.title,
    subject: '政府信息公开工作年度报告',
    creator: meta.agency ?? 'nianbao',
    keywords: [meta.agency, meta.year ? String(meta.year) : undefined, '政府信息公开工作年度报告'].filter(Boolean).join('; '),
    description: `${meta.format}年版格式`,
    lastModifiedBy: 'nianbao',
    customProperties: [
      ...(meta.agency ? [{ name: 'agency', value: meta.agency }] : []),
      ...(meta.year ? [{ name: 'year', value: String(meta.year) }] : []),
      { name: 'format', value: meta.format },
    ],
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: FONT.body, size: SIZE.body } } } },
    sections: [{
      properties: {
        page: {
          size: { width: 11906, height: 16838 },
          margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(23), header: mm(15) },
        },
      },
      footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
      children,
    }],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTable() }]);
}
