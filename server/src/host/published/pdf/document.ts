// Blocks of every page → the import's items, in reading order: the title
// (set over two or three lines) as one line, paragraphs rebuilt from their
// lines (a line continues the paragraph when the one before reached the right
// margin and it is not indented, across page breaks too), and each table as
// cells on its grid, a table continued on the next page appended to it (a
// repeated header row dropped). Every item carries where it came from.
import { normLabel } from '../../../engine/parse/label-normalize.ts';
import { builtinTemplates } from '../../../engine/templates/builtin.ts';
import type { Text2 } from '../../../engine/types.ts';
import { isSectionHeading } from '../../../engine/import/build.ts';
import type { Item, Tok } from '../../../engine/import/import-types.ts';
import type { PageData } from './geometry.ts';
import type { LineBlock } from './geometry.ts';
import { pageBlocks, type Block, type TableBlock } from './layout.ts';

export interface PdfItems {
  items: Item[];
  dropped: string[];
  notes: Text2[];
}

function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) { best = v; n = c; }
  return best;
}

/** Joins two lines of one paragraph: nothing between Chinese characters or digits, a space between Latin words. */
function joinLines(a: string, b: string): string {
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

const GROUP_LABELS = [...new Set(builtinTemplates.flatMap((t) => t.tables.flatMap((tb) => tb.rows.filter((r) => r.group).map((r) => r.label))))];

/** A group label in vertical writing that pdf.js read only in part (it drops glyphs of Identity-V fonts): the format's label it begins. */
function completeVertical(text: string): string | undefined {
  const n = normLabel(text.replace(/\n/g, ''));
  if (n.length < 2) return undefined;
  const hits = GROUP_LABELS.filter((l) => normLabel(l).startsWith(n) && normLabel(l) !== n);
  return hits.length === 1 ? hits[0] : undefined;
}

interface Table {
  /** Column edges of the grid (the finest of its parts'). */
  xs: number[];
  grid: string[][];
  rows: { page: number; row: number }[];
}

function tableGrid(b: TableBlock): string[][] {
  const g = b.grid;
  return g.cellAt.map((row, r) => row.map((idx, c) => {
    const cell = g.cells[idx];
    return cell.r0 === r && cell.c0 === c ? b.texts[idx].text : '';
  }));
}

const near = (a: number, b: number) => Math.abs(a - b) <= 2;

/**
 * The column edges two parts of one table share: the same outer edges, and
 * every edge of one among the edges of the other (a part whose rows all merge
 * the label columns draws no border between them). The finer set, or undefined.
 */
function commonColumns(a: number[], b: number[]): number[] | undefined {
  if (!near(a[0], b[0]) || !near(a[a.length - 1], b[b.length - 1])) return undefined;
  const [fine, coarse] = a.length >= b.length ? [a, b] : [b, a];
  return coarse.every((x) => fine.some((y) => near(x, y))) ? fine : undefined;
}

/** A part's grid on finer column edges: a cell's text in the first of the columns it now covers. */
function regrid(grid: string[][], from: number[], to: number[]): string[][] {
  if (from.length === to.length) return grid;
  const first = to.slice(0, -1).map((x) => from.findIndex((y, k) => k < from.length - 1 && x >= y - 2 && x < from[k + 1] - 2));
  return grid.map((row) => to.slice(0, -1).map((x, c) => (c === 0 || first[c] !== first[c - 1] ? row[first[c]] ?? '' : '')));
}

const ENUMERATED = /^[（(]?[一二三四五六七八九十\d]+[)）、.．]/;
const FIGURE = /^[-+－−]?[0-9０-９][0-9０-９,，.．]*$/;

/** The first row of a continuation is the rest of the last row (a row split by the page break): text only, under text. */
function restOfRow(last: string[], first: string[], part: TableBlock): boolean {
  const filled = first.map((c, k) => [c, k] as const).filter(([c]) => c.trim() !== '');
  if (filled.length === 0) return false;
  // A cell across the whole table is a title row (第二十条第（九）项), not the rest of a label.
  const C = part.grid.xs.length - 1;
  if (part.grid.cellAt[0]?.some((idx) => part.grid.cells[idx].c0 === 0 && part.grid.cells[idx].c1 === C)) return false;
  return filled.every(([c, k]) => !FIGURE.test(c.replace(/\s+/g, '')) && !ENUMERATED.test(c) && last[k].trim() !== '' && !FIGURE.test(last[k].replace(/\s+/g, '')));
}

export function documentItems(pages: PageData[]): PdfItems {
  const perPage = pages.map(pageBlocks);
  const dropped = perPage.flatMap((p) => p.dropped);
  const notes: Text2[] = [];
  const lines = perPage.flatMap((p) => p.blocks.filter((b): b is LineBlock => b.kind === 'line'));
  const weight = new Map<number, number>();
  for (const l of lines) { const s = Math.round(l.size * 2) / 2; weight.set(s, (weight.get(s) ?? 0) + l.text.length); }
  const bodySize = [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
  const isBody = (l: LineBlock) => Math.abs(l.size - bodySize) < 0.75;
  const margins = new Map<number, { left: number; right: number }>();
  const docLeft = mode(lines.filter(isBody).map((l) => Math.round(l.x0))) ?? 0;
  const docRight = Math.max(0, ...lines.filter(isBody).map((l) => l.x1));
  for (const p of pages) {
    const body = lines.filter((l) => l.page === p.page && isBody(l));
    const left = body.length >= 4 ? mode(body.map((l) => Math.round(l.x0))) ?? docLeft : docLeft;
    const right = body.length >= 4 ? Math.max(...body.map((l) => l.x1)) : docRight;
    margins.set(p.page, { left: Math.min(left, docLeft + 3), right: Math.max(right, docRight - 3) });
  }

  const items: Item[] = [];
  let para: { text: string; last: LineBlock; heading: boolean; index: number } | undefined;
  let table: Table | undefined;
  let lastTableBlock: TableBlock | undefined;
  let tableCount = 0;
  let titleDone = false;
  const blocks: Block[] = perPage.flatMap((p) => p.blocks);

  const flushTable = () => {
    if (!table) return;
    const t = table;
    const index = tableCount++;
    const toks: Tok[] = [];
    t.grid.forEach((row, r) => row.forEach((text, col) => toks.push({ text, col, rowStart: col === 0, src: { page: t.rows[r].page, table: index, row: r, col } })));
    items.push({ kind: 'cells', toks, grid: t.grid, explicitRows: true });
    table = undefined;
  };

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'table') {
      para = undefined;
      const grid = tableGrid(b);
      b.grid.cells.forEach((cell, idx) => {
        if (!b.texts[idx].vertical) return;
        const full = completeVertical(b.texts[idx].text);
        if (!full) return;
        notes.push({ zh: `第 ${b.page} 页竖排的「${b.texts[idx].text}」只读出 ${normLabel(b.texts[idx].text).length} 个字（pdf.js 读竖排字体时丢字），按格式补全为「${full}」`, en: `the vertical “${b.texts[idx].text}” on page ${b.page} was read only in part (pdf.js drops glyphs of vertical fonts); completed to the format's “${full}”` });
        grid[cell.r0][cell.c0] = full;
      });
      const xs = table && lastTableBlock && lastTableBlock.page === b.page - 1 ? commonColumns(table.xs, b.grid.xs) : undefined;
      if (table && xs) {
        // The table continued from the page before (no header repeated, or the same header again: dropped).
        table.grid = regrid(table.grid, table.xs, xs);
        const next = regrid(grid, b.grid.xs, xs);
        table.xs = xs;
        let skip = 0;
        while (skip < next.length && skip < table.grid.length && skip < 4 && next[skip].join('\u0001') === table.grid[skip].join('\u0001') && next[skip].some((c) => c !== '')) skip++;
        const last = table.grid[table.grid.length - 1];
        if (skip === 0 && next.length && restOfRow(last, next[0], b)) {
          next[0].forEach((c, k) => { if (c.trim()) last[k] = `${last[k]}\n${c}`; });
          skip = 1;
        }
        for (let r = skip; r < next.length; r++) { table.grid.push(next[r]); table.rows.push({ page: b.page, row: r }); }
      } else {
        flushTable();
        table = { xs: b.grid.xs, grid, rows: grid.map((_, r) => ({ page: b.page, row: r })) };
      }
      lastTableBlock = b;
      continue;
    }
    // A line of text.
    if (table) {
      // Page furniture was dropped already; any other text ends the table.
      flushTable();
    }
    lastTableBlock = undefined;
    if (!titleDone && b.size >= bodySize * 1.2) {
      // The title, set large over one to three lines.
      let text = b.text;
      let last = b;
      while (i + 1 < blocks.length) {
        const n = blocks[i + 1];
        if (n.kind !== 'line' || n.page !== b.page || Math.abs(n.size - b.size) > 0.75 || n.y - last.y > n.size * 2.5) break;
        text = joinLines(text, n.text);
        last = n;
        i++;
      }
      titleDone = true;
      items.push({ kind: 'line', text, src: { page: b.page } });
      para = undefined;
      continue;
    }
    const m = margins.get(b.page)!;
    const heading = isSectionHeading(b.text);
    if (para && !heading && !para.heading) {
      const prev = para.last;
      const samePage = prev.page === b.page;
      const pm = margins.get(prev.page)!;
      const reached = prev.x1 >= pm.right - Math.max(2 * prev.size, 6);
      const flush = b.x0 <= m.left + 0.5 * b.size;
      const close = samePage ? b.y - prev.y > 0 && b.y - prev.y <= 2.3 * b.size : true;
      if (reached && flush && close && Math.abs(prev.size - b.size) < 0.75) {
        para.text = joinLines(para.text, b.text);
        para.last = b;
        (items[para.index] as { text: string }).text = para.text;
        continue;
      }
    }
    items.push({ kind: 'line', text: b.text, src: { page: b.page } });
    para = { text: b.text, last: b, heading, index: items.length - 1 };
    // The title is one of the first lines of the document.
    if (items.length >= 3) titleDone = true;
  }
  flushTable();
  return { items, dropped, notes };
}
