// Text runs → the text of each cell of a ruled table. A run belongs to the
// cell holding its centre (WPS puts text within half a point of a border);
// a run that straddles an interior border (LibreOffice writes `<label> 0` as
// one run when the gap is wide) is split at the space nearest the border.
// A cell's lines are read top to bottom and joined by line breaks, which the
// import joins without a space between Chinese characters.
import { runBox, runCentre, type Run } from './geometry.ts';
import { slot, type Grid } from './grid.ts';
import { needsSpace, tidySpaces } from './glyph-text.ts';

/** Splits runs that cross an interior vertical border of the grid, at the space nearest the border. */
export function splitStraddling(runs: Run[], grid: Grid): Run[] {
  const out: Run[] = [];
  const inner = grid.xs.slice(1, -1);
  const queue = [...runs];
  while (queue.length) {
    const r = queue.shift()!;
    const b = runBox(r);
    const border = r.vertical ? undefined : inner.find((x) => b.x0 < x - 1 && b.x1 > x + 1 && r.y > grid.box.y0 && r.y - r.size < grid.box.y1);
    const spaces = [...r.str.matchAll(/ +/g)];
    if (border === undefined || spaces.length === 0) { out.push(r); continue; }
    const perChar = r.w / r.str.length;
    let best = spaces[0];
    for (const s of spaces) if (Math.abs(r.x + s.index! * perChar - border) < Math.abs(r.x + best.index! * perChar - border)) best = s;
    const cut = best.index!;
    const left = r.str.slice(0, cut);
    const right = r.str.slice(cut + best[0].length);
    const rightX = r.x + (cut + best[0].length) * perChar;
    if (left.trim()) out.push({ ...r, str: left, w: cut * perChar });
    if (right.trim()) queue.unshift({ ...r, str: right, x: rightX, w: r.x + r.w - rightX });
  }
  return out;
}

/** Lines of text from runs: grouped by baseline, read left to right, top to bottom. */
export function linesOf(runs: Run[]): { text: string; runs: Run[] }[] {
  const horizontal = runs.filter((r) => !r.vertical).sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Run[][] = [];
  for (const r of horizontal) {
    const line = lines.find((l) => Math.abs(l[0].y - r.y) <= Math.max(l[0].size, r.size) * 0.45);
    if (line) line.push(r);
    else lines.push([r]);
  }
  const out = lines.map((l) => {
    l.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const r of l) {
      if (text && needsSpace(text, r.str, r.x - end, r.size)) text += ' ';
      text += r.str;
      end = r.x + r.w;
    }
    return { text: tidySpaces(text), runs: l, y: l[0].y };
  });
  // Vertical writing: each run one column of text, read right to left.
  const vertical = runs.filter((r) => r.vertical).sort((a, b) => b.x - a.x || a.y - b.y);
  for (const r of vertical) out.push({ text: tidySpaces(r.str), runs: [r], y: r.y });
  return out.filter((l) => l.text !== '').sort((a, b) => a.y - b.y);
}

export interface CellText {
  text: string;
  /** The text came (wholly) from vertical writing. */
  vertical: boolean;
}

/** The runs inside the grid, taken out of `runs`, and each merged cell's text. */
export function fillGrid(grid: Grid, runs: Run[]): { texts: CellText[]; used: Set<Run> } {
  const inside = runs.filter((r) => {
    const c = runCentre(r);
    return c.x >= grid.box.x0 && c.x <= grid.box.x1 && c.y >= grid.box.y0 && c.y <= grid.box.y1;
  });
  const used = new Set<Run>(inside);
  const byCell: Run[][] = grid.cells.map(() => []);
  for (const r of splitStraddling(inside, grid)) {
    const c = runCentre(r);
    const col = slot(grid.xs, c.x);
    const row = slot(grid.ys, c.y);
    if (col < 0 || row < 0) continue;
    byCell[grid.cellAt[row][col]].push(r);
  }
  const texts = byCell.map((rs) => ({ text: linesOf(rs).map((l) => l.text).join('\n'), vertical: rs.length > 0 && rs.every((r) => r.vertical) }));
  return { texts, used };
}
