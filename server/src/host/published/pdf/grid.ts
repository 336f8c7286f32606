// Ruling lines → tables → grids of cells. Lines are snapped (a real border
// is one long stroke; Chromium draws each cell's side as its own thin fill,
// doubled 0.75 pt apart), grouped into tables (lines that touch), and cut
// into elementary cells at every distinct x and y. A merged cell is where a
// border between two elementary cells is missing over most of their common
// edge. A table cut by a page break has no bottom line (and its
// continuation no top line over the merged columns): an open end is closed
// at the extent of the verticals.
import type { Box, Seg } from './geometry.ts';

/** Snapping tolerance: borders meet within half a line width; Chromium's doubled borders are 0.75 pt apart. */
const SNAP = 1.5;
/** How far a line may fall short of the line it should meet. */
const REACH = 1.5;

export interface Line {
  axis: 'h' | 'v';
  pos: number;
  /** Covered stretches along the line, sorted, disjoint. */
  pieces: [number, number][];
}

export interface GridCell {
  r0: number;
  c0: number;
  /** Exclusive ends. */
  r1: number;
  c1: number;
  box: Box;
}

export interface Grid {
  box: Box;
  /** Column edges (left to right) and row edges (top to bottom). */
  xs: number[];
  ys: number[];
  cells: GridCell[];
  /** cellAt[r][c]: index into cells of the merged cell covering that elementary cell. */
  cellAt: number[][];
}

function cluster(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** Segments of one axis → lines: same position within the tolerance, pieces joined across gaps under 1.5 pt. */
export function snap(segs: Seg[], axis: 'h' | 'v'): Line[] {
  const mine = segs.filter((s) => s.axis === axis).sort((a, b) => a.pos - b.pos);
  const groups: Seg[][] = [];
  for (const s of mine) {
    const g = groups[groups.length - 1];
    const tol = Math.max(1.0, 1.5 * s.w, SNAP);
    if (g && s.pos - g[g.length - 1].pos <= tol) g.push(s);
    else groups.push([s]);
  }
  return groups.map((g) => {
    const ivs = g.map((s) => [s.a, s.b] as [number, number]).sort((p, q) => p[0] - q[0]);
    const pieces: [number, number][] = [];
    for (const iv of ivs) {
      const last = pieces[pieces.length - 1];
      if (last && iv[0] - last[1] < 1.5) last[1] = Math.max(last[1], iv[1]);
      else pieces.push([iv[0], iv[1]]);
    }
    return { axis, pos: g.reduce((s, x) => s + x.pos, 0) / g.length, pieces };
  });
}

interface Piece {
  axis: 'h' | 'v';
  pos: number;
  a: number;
  b: number;
}

function touches(h: Piece, v: Piece): boolean {
  return v.pos >= h.a - REACH && v.pos <= h.b + REACH && h.pos >= v.a - REACH && h.pos <= v.b + REACH;
}

/** Tables: groups of touching horizontal and vertical lines with at least two of each (open ends closed). */
export function findGrids(segs: Seg[]): Grid[] {
  const pieces: Piece[] = [];
  for (const l of [...snap(segs, 'h'), ...snap(segs, 'v')]) for (const [a, b] of l.pieces) pieces.push({ axis: l.axis, pos: l.pos, a, b });
  const parent = pieces.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const hs = pieces.map((p, i) => i).filter((i) => pieces[i].axis === 'h');
  const vs = pieces.map((p, i) => i).filter((i) => pieces[i].axis === 'v');
  for (const i of hs) for (const j of vs) if (touches(pieces[i], pieces[j])) parent[find(i)] = find(j);
  const comps = new Map<number, Piece[]>();
  pieces.forEach((p, i) => {
    const r = find(i);
    if (!comps.has(r)) comps.set(r, []);
    comps.get(r)!.push(p);
  });
  const grids: Grid[] = [];
  for (const comp of comps.values()) {
    const g = gridOf(comp);
    if (g) grids.push(g);
  }
  return grids.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}

function coverage(pieces: Piece[], axis: 'h' | 'v', pos: number, from: number, to: number): number {
  const ivs = pieces.filter((p) => p.axis === axis && Math.abs(p.pos - pos) <= SNAP).map((p) => [Math.max(p.a, from), Math.min(p.b, to)] as [number, number]).filter(([a, b]) => b > a).sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let end = from;
  for (const [a, b] of ivs) {
    if (b <= end) continue;
    covered += b - Math.max(a, end);
    end = b;
  }
  return to > from ? covered / (to - from) : 0;
}

function gridOf(comp: Piece[]): Grid | undefined {
  const v = comp.filter((p) => p.axis === 'v');
  let h = comp.filter((p) => p.axis === 'h');
  if (v.length < 2 || h.length < 1) return undefined;
  const xs = cluster(v.map((p) => p.pos), 2);
  if (xs.length < 2) return undefined;
  const left = xs[0];
  const right = xs[xs.length - 1];
  // Close open ends: a table cut by a page break has no line at the verticals' end.
  const top = Math.min(...v.map((p) => p.a));
  const bottom = Math.max(...v.map((p) => p.b));
  const spans = (y: number) => h.some((p) => Math.abs(p.pos - y) <= SNAP + REACH && p.b - p.a >= 2);
  if (!spans(top)) h = [...h, { axis: 'h', pos: top, a: left, b: right }];
  if (!spans(bottom)) h = [...h, { axis: 'h', pos: bottom, a: left, b: right }];
  const ys = cluster(h.map((p) => p.pos).filter((y) => y >= top - REACH - SNAP && y <= bottom + REACH + SNAP), 2);
  if (ys.length < 2) return undefined;
  const all = [...v, ...h];
  const R = ys.length - 1;
  const C = xs.length - 1;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number) => { parent[find(a)] = find(b); };
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && coverage(all, 'v', xs[c + 1], ys[r], ys[r + 1]) < 0.5) join(r * C + c, r * C + c + 1);
      if (r + 1 < R && coverage(all, 'h', ys[r + 1], xs[c], xs[c + 1]) < 0.5) join(r * C + c, (r + 1) * C + c);
    }
  }
  const byRoot = new Map<number, GridCell>();
  const cellAt: number[][] = Array.from({ length: R }, () => Array<number>(C).fill(-1));
  const cells: GridCell[] = [];
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const root = find(r * C + c);
      let cell = byRoot.get(root);
      if (!cell) {
        cell = { r0: r, c0: c, r1: r + 1, c1: c + 1, box: { x0: 0, y0: 0, x1: 0, y1: 0 } };
        byRoot.set(root, cell);
        cells.push(cell);
      }
      cell.r1 = Math.max(cell.r1, r + 1);
      cell.c1 = Math.max(cell.c1, c + 1);
      cell.r0 = Math.min(cell.r0, r);
      cell.c0 = Math.min(cell.c0, c);
      cellAt[r][c] = cells.indexOf(cell);
    }
  }
  for (const cell of cells) cell.box = { x0: xs[cell.c0], y0: ys[cell.r0], x1: xs[cell.c1], y1: ys[cell.r1] };
  return { box: { x0: left, y0: ys[0], x1: right, y1: ys[R] }, xs, ys, cells, cellAt };
}

/** Index of the interval of `edges` holding v, or -1. */
export function slot(edges: number[], v: number): number {
  if (v < edges[0] || v > edges[edges.length - 1]) return -1;
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
