// Tables drawn without ruling lines: lines whose runs fall into columns
// separated by wide gaps, with figures in them. The columns are the bands
// that the cells of the figure lines occupy; every line of the region is a
// row, and a label wrapped onto a line of its own is joined to the row of
// figures it belongs to (the figures sit beside its first line, between its
// two lines, or the label's second line follows them).
import type { CellText } from './cell-text.ts';
import type { LineBlock, Run } from './geometry.ts';
import type { Grid, GridCell } from './grid.ts';
import { isFigureText, needsSpace, tidySpaces } from './glyph-text.ts';

interface Piece {
  x0: number;
  x1: number;
  text: string;
}

/** A line's runs in pieces separated by gaps wider than a column gutter. */
function pieces(line: LineBlock): Piece[] {
  const runs = [...line.runs].sort((a, b) => a.x - b.x);
  const out: Piece[] = [];
  let cur: { runs: Run[]; x0: number; x1: number } | undefined;
  for (const r of runs) {
    const gutter = Math.max(1.2 * r.size, 8);
    if (cur && r.x - cur.x1 <= gutter) { cur.runs.push(r); cur.x1 = Math.max(cur.x1, r.x + r.w); continue; }
    if (cur) out.push(close(cur));
    cur = { runs: [r], x0: r.x, x1: r.x + r.w };
  }
  if (cur) out.push(close(cur));
  return out;
}

function close(p: { runs: Run[]; x0: number; x1: number }): Piece {
  let text = '';
  let end = -Infinity;
  for (const r of p.runs) {
    if (text && needsSpace(text, r.str, r.x - end, r.size)) text += ' ';
    text += r.str;
    end = r.x + r.w;
  }
  return { x0: p.x0, x1: p.x1, text: tidySpaces(text) };
}

const hasFigure = (ps: Piece[]) => ps.slice(1).some((p) => isFigureText(p.text)) || (ps.length >= 2 && ps.every((p) => isFigureText(p.text)));

export interface Borderless {
  grid: Grid;
  texts: CellText[];
  lines: Set<LineBlock>;
}

export function borderlessTables(lines: LineBlock[]): Borderless[] {
  const split = lines.map((l) => ({ line: l, ps: pieces(l) }));
  const out: Borderless[] = [];
  for (let i = 0; i < split.length; ) {
    if (!hasFigure(split[i].ps)) { i++; continue; }
    // A region: figure lines, with at most two short lines between them (wrapped labels); header lines just above.
    let end = i;
    for (let k = i + 1; k < split.length; k++) {
      if (hasFigure(split[k].ps)) { end = k; continue; }
      if (k - end > 2) break;
    }
    let start = i;
    // A label whose figures sit between its two lines begins on the line above.
    if (start > 0 && isFigureText(split[i].ps[0].text) && split[start - 1].ps.length === 1 && split[i].line.y - split[start - 1].line.y <= 2 * split[i].line.size) start--;
    while (start > 0 && split[start - 1].ps.length >= 3 && i - start < 3) start--;
    const region = split.slice(start, end + 1);
    const figureLines = region.filter((r) => hasFigure(r.ps));
    if (figureLines.length < 2) { i = end + 1; continue; }
    const t = build(region.map((r) => ({ line: r.line, ps: r.ps })));
    if (t) out.push(t);
    i = end + 1;
  }
  return out;
}

function build(region: { line: LineBlock; ps: Piece[] }[]): Borderless | undefined {
  // Column bands from the figure lines: overlapping pieces share a band.
  const spans = region.filter((r) => hasFigure(r.ps)).flatMap((r) => r.ps.map((p) => [p.x0, p.x1] as [number, number])).sort((a, b) => a[0] - b[0]);
  const bands: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = bands[bands.length - 1];
    if (last && a <= last[1] + 2) last[1] = Math.max(last[1], b);
    else bands.push([a, b]);
  }
  if (bands.length < 2) return undefined;
  const bandOf = (p: Piece) => {
    let best = 0;
    let bestOverlap = -Infinity;
    bands.forEach(([a, b], k) => {
      const overlap = Math.min(b, p.x1) - Math.max(a, p.x0);
      if (overlap > bestOverlap) { bestOverlap = overlap; best = k; }
    });
    return best;
  };
  let rows = region.map((r) => {
    const cells = bands.map(() => '');
    for (const p of r.ps) { const k = bandOf(p); cells[k] = cells[k] ? `${cells[k]} ${p.text}` : p.text; }
    return { cells, lines: [r.line], figures: cells.slice(1).some((c) => isFigureText(c)) };
  });
  // Wrapped labels: a label-only line joins the figure row it belongs to.
  const labelOnly = (r: (typeof rows)[number]) => !r.figures && r.cells[0] !== '' && r.cells.slice(1).every((c) => c === '');
  const noLabel = (r: (typeof rows)[number]) => r.figures && r.cells[0] === '';
  const merged: typeof rows = [];
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const prev = merged[merged.length - 1];
    if (noLabel(r) && prev && labelOnly(prev)) {
      prev.cells = [prev.cells[0], ...r.cells.slice(1)];
      prev.figures = true;
      prev.lines.push(...r.lines);
      // The label's second line after the figures, unless it starts the next row's label.
      const next = rows[k + 1];
      if (next && labelOnly(next) && !(rows[k + 2] && noLabel(rows[k + 2]))) { prev.cells[0] += `\n${next.cells[0]}`; prev.lines.push(...next.lines); k++; }
      continue;
    }
    if (labelOnly(r) && prev && prev.figures && prev.cells[0] !== '' && !(rows[k + 1] && noLabel(rows[k + 1])) && !/^[（(]?[一二三四五六七八九十\d]+[)）、.．]/.test(r.cells[0])) {
      prev.cells[0] += `\n${r.cells[0]}`;
      prev.lines.push(...r.lines);
      continue;
    }
    merged.push({ ...r, cells: [...r.cells], lines: [...r.lines] });
  }
  rows = merged;
  const xs = [bands[0][0] - 1, ...bands.slice(1).map(([a], k) => (bands[k][1] + a) / 2), bands[bands.length - 1][1] + 1];
  const tops = rows.map((r) => Math.min(...r.lines.map((l) => l.y - l.size)));
  const bottoms = rows.map((r) => Math.max(...r.lines.map((l) => l.y + l.size * 0.2)));
  const ys = [tops[0], ...tops.slice(1).map((t, k) => (t + bottoms[k]) / 2), bottoms[bottoms.length - 1]];
  const cells: GridCell[] = [];
  const texts: CellText[] = [];
  const cellAt = rows.map((r, ri) => r.cells.map((text, ci) => {
    cells.push({ r0: ri, c0: ci, r1: ri + 1, c1: ci + 1, box: { x0: xs[ci], y0: ys[ri], x1: xs[ci + 1], y1: ys[ri + 1] } });
    texts.push({ text, vertical: false });
    return cells.length - 1;
  }));
  const grid: Grid = { box: { x0: xs[0], y0: ys[0], x1: xs[xs.length - 1], y1: ys[ys.length - 1] }, xs, ys, cells, cellAt };
  return { grid, texts, lines: new Set(region.map((r) => r.line)) };
}
