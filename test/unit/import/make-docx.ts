// Builds a .docx for the import tests with the docx library: the report of
// test/fixtures/import/official-2021.html, its section headings and the
// paragraphs under 一、总体情况 numbered by Word itself (一、 （一）), its
// tables with merged cells (rowSpan/columnSpan, as Word writes vMerge and
// gridSpan) and a line break inside some header cells.
import { readFileSync } from 'node:fs';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { Element, ElementContent, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

const FIXTURE = new URL('../../fixtures/import/official-2021.html', import.meta.url);

function text(n: ElementContent | Element): string {
  if (n.type === 'text') return n.value;
  if (n.type !== 'element') return '';
  return n.children.map(text).join('');
}

/** Header cells split over two lines inside the cell (a line break Word keeps in the cell). */
const BREAKS: Record<string, [string, string]> = { 本年制发件数: ['本年制发', '件数'], 本年废止件数: ['本年废止', '件数'], 社会公益组织: ['社会公益', '组织'], 本年处理决定数量: ['本年处理', '决定数量'] };

function cell(el: Element): TableCell {
  const t = text(el).trim();
  const br = BREAKS[t];
  const children = br ? [new Paragraph({ children: [new TextRun(br[0]), new TextRun({ text: br[1], break: 1 })] })] : [new Paragraph(t)];
  const rowSpan = Number(el.properties?.rowSpan ?? 1);
  const columnSpan = Number(el.properties?.colSpan ?? 1);
  return new TableCell({ children, ...(rowSpan > 1 ? { rowSpan } : {}), ...(columnSpan > 1 ? { columnSpan } : {}) });
}

function table(el: Element): Table {
  const rows: TableRow[] = [];
  const visit = (n: ElementContent) => {
    if (n.type !== 'element') return;
    if (n.tagName === 'tr') {
      rows.push(new TableRow({ children: n.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th')).map(cell) }));
      return;
    }
    n.children.forEach(visit);
  };
  el.children.forEach(visit);
  return new Table({ rows });
}

export async function makeReportDocx(): Promise<Buffer> {
  const tree = unified().use(rehypeParse).parse(readFileSync(FIXTURE, 'utf8')) as Root;
  const children: (Paragraph | Table)[] = [];
  let inOverview = false;
  const visit = (n: ElementContent | Root['children'][number]) => {
    if (n.type !== 'element') return;
    if (['head', 'nav', 'script', 'style', 'footer'].includes(n.tagName)) return;
    const cls = String(n.properties?.className ?? '');
    if (/topbar|breadcrumb|fontsize|share|ewm/.test(cls)) return;
    if (n.tagName === 'table') { children.push(table(n)); return; }
    if (n.tagName === 'h1') { children.push(new Paragraph({ text: text(n), heading: 'Heading1' })); return; }
    if (n.tagName === 'p' || (n.tagName === 'div' && cls === 'info')) {
      const t = text(n).trim();
      if (!t || /打印本页/.test(t)) return;
      const section = /^([一二三四五六])、(.+)$/.exec(t);
      if (section) {
        inOverview = section[1] === '一';
        children.push(new Paragraph({ children: [new TextRun({ text: section[2], bold: true })], numbering: { reference: 'report', level: 0 } }));
        return;
      }
      const sub = /^（([一二三四五])）(.+)$/.exec(t);
      if (inOverview && sub) { children.push(new Paragraph({ text: sub[2], numbering: { reference: 'report', level: 1 } })); return; }
      children.push(new Paragraph(t));
      return;
    }
    if (n.tagName === 'li') { children.push(new Paragraph({ text: text(n).trim(), numbering: { reference: 'points', level: 0 } })); return; }
    n.children.forEach(visit);
  };
  tree.children.forEach(visit);
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'report', levels: [
          { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
          { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
        ] },
        { reference: 'points', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
