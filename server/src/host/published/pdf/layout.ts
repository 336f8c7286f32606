// Pages → blocks in reading order: ruled tables (grids with their cell
// texts) and lines of text outside them, page furniture (page numbers) left
// out. Coordinates are per page; a block keeps its page for the source map.
import { fillGrid, linesOf, type CellText } from './cell-text.ts';
import type { LineBlock, PageData, Run } from './geometry.ts';
import { findGrids, type Grid } from './grid.ts';
import { borderlessTables } from './columns.ts';

export interface TableBlock {
  kind: 'table';
  page: number;
  grid: Grid;
  texts: CellText[];
  /** How the table was found: ruling lines, or aligned columns of figures. */
  ruled: boolean;
}

export type Block = TableBlock | LineBlock;

/** Page numbers as Word and WPS set them: `- 3 -`, `— 3 —`, `第 2 页 共 5 页`, `第2页`, `2 / 5`, `Page 2 of 5`. */
const PAGE_NUMBER = /^(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.replace(/\s+/g, ' ').trim());
}

export interface PageBlocks {
  blocks: Block[];
  /** Page furniture left out (page numbers). */
  dropped: string[];
}

export function pageBlocks(page: PageData): PageBlocks {
  let runs: Run[] = page.runs;
  const blocks: Block[] = [];
  // A grid of one cell is a frame around text (a text box), not a table.
  const grids = findGrids(page.segs).filter((g) => g.cells.length >= 2);
  for (const grid of grids) {
    const { texts, used } = fillGrid(grid, runs);
    runs = runs.filter((r) => !used.has(r));
    blocks.push({ kind: 'table', page: page.page, grid, texts, ruled: true });
  }
  const dropped: string[] = [];
  let lines: LineBlock[] = [];
  for (const l of linesOf(runs)) {
    const x0 = Math.min(...l.runs.map((r) => r.x));
    const x1 = Math.max(...l.runs.map((r) => r.x + r.w));
    const size = Math.max(...l.runs.map((r) => r.size));
    const y = Math.max(...l.runs.map((r) => (r.vertical ? r.y + r.h : r.y)));
    if (isPageNumber(l.text)) { dropped.push(l.text); continue; }
    lines.push({ kind: 'line', page: page.page, text: l.text, x0, x1, y, size, runs: l.runs });
  }
  // Tables without ruling lines: aligned columns of figures.
  const found = borderlessTables(lines);
  for (const t of found) {
    lines = lines.filter((l) => !t.lines.has(l));
    blocks.push({ kind: 'table', page: page.page, grid: t.grid, texts: t.texts, ruled: false });
  }
  blocks.push(...lines);
  blocks.sort((a, b) => top(a) - top(b));
  return { blocks, dropped };
}

export function top(b: Block): number {
  return b.kind === 'table' ? b.grid.box.y0 : b.y - b.size;
}
