// What the PDF reader takes from each page, in one coordinate system: PDF
// points, x from the left edge, y from the TOP edge of the page (rows read top
// to bottom). pdf.js gives text in page space with y up; paths in the user
// space of the content stream, which extract.ts maps through the CTM.

/** One run of text as pdf.js gives it (same font and size, contiguous glyphs), whitespace-only runs dropped. */
export interface Run {
  /** Text with the radical characters mapped (glyph-text.ts); spaces as pdf.js put them. */
  str: string;
  /** Left edge, and baseline measured from the top of the page. */
  x: number;
  y: number;
  /** Advance width (horizontal) or, for vertical writing, the font size. */
  w: number;
  /** Font size (horizontal) or run length (vertical). */
  h: number;
  size: number;
  /** Vertical writing (an Identity-V font): x..x+w across, y is the top of the first glyph, h the run down. */
  vertical: boolean;
  /** Index in the page's pdf.js item list (drawing order). */
  order: number;
}

/** A ruling line: horizontal at y = pos from a to b (x), or vertical at x = pos from a to b (y). */
export interface Seg {
  axis: 'h' | 'v';
  pos: number;
  a: number;
  b: number;
  /** Line width in points. */
  w: number;
}

export interface PageData {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  runs: Run[];
  segs: Seg[];
  /** Images painted on the page (a scan is a page of one image and no text). */
  images: number;
}

/** A box: left, top, right, bottom (top < bottom). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function runBox(r: Run): Box {
  if (r.vertical) return { x0: r.x, y0: r.y, x1: r.x + r.w, y1: r.y + r.h };
  return { x0: r.x, y0: r.y - r.size * 0.85, x1: r.x + r.w, y1: r.y + r.size * 0.15 };
}

/** The point that decides which cell a run belongs to: its centre (real PDFs put text within half a point of a border). */
export function runCentre(r: Run): { x: number; y: number } {
  if (r.vertical) return { x: r.x + r.w / 2, y: r.y + Math.min(r.h, r.size) / 2 };
  return { x: r.x + r.w / 2, y: r.y - r.size * 0.35 };
}

/** A line of text outside the tables of a page (layout.ts), in reading order. */
export interface LineBlock {
  kind: 'line';
  page: number;
  text: string;
  x0: number;
  x1: number;
  /** Baseline from the top of the page. */
  y: number;
  size: number;
  runs: Run[];
}
