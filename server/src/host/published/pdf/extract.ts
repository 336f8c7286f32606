// A PDF's pages as the reader needs them: the text runs of getTextContent
// (positions, sizes, writing direction) and the ruling lines of
// getOperatorList. pdf.js composes the text matrix with the CTM for text, but
// leaves path coordinates in the content stream's user space, so the CTM is
// tracked here through save/restore/transform and form XObjects; without it
// the borders of a WPS export (its pages start with `1 0 0 -1 0 842 cm`) come
// out mirrored. Kept as borders: stroked axis-aligned edges, and filled
// polygons at most 2 pt thick (Chromium draws borders as thin fills). Dropped:
// clip paths, white fills (WPS paints one behind every line and cell),
// thicker fills (header shading), curves.
import type { PageData, Run, Seg } from './geometry.ts';
import type { Pdfjs } from './load.ts';
import { mapRadicals } from './glyph-text.ts';

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // m applied first, then n (PDF order: `m cm` inside a state whose CTM is n).
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** How far a unit length stretches under the matrix (for line widths). */
function scaleOf(m: Matrix): number {
  return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) || 1;
}

function isWhite(hex: string | undefined): boolean {
  if (!hex || !/^#[0-9a-f]{6}$/i.test(hex)) return false;
  const v = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return v.every((c) => c >= 242);
}

interface GState {
  ctm: Matrix;
  lineWidth: number;
  stroke?: string;
  fill?: string;
}

const TEXT_ITEM = (it: unknown): it is { str: string; dir: string; transform: number[]; width: number; height: number; fontName: string } =>
  typeof it === 'object' && it !== null && 'str' in it;

/** Text runs of one page, whitespace-only runs dropped (pdf.js's "fake spaces" have widths in text-space units, 20× too wide in WPS files). */
export function pageRuns(items: readonly unknown[], styles: Record<string, { vertical?: boolean }>, pageTop: number, pageLeft: number): Run[] {
  const runs: Run[] = [];
  items.forEach((it, order) => {
    if (!TEXT_ITEM(it)) return;
    if (it.str.trim() === '' || /^[\s\u00a0\u3000\u200b]*$/.test(it.str)) return;
    const [a, b, c, d, e, f] = it.transform;
    const vertical = it.dir === 'ttb' || styles[it.fontName]?.vertical === true;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || it.height || 1;
    const str = mapRadicals(it.str);
    if (vertical) runs.push({ str, x: e - pageLeft, y: pageTop - f, w: it.width || size, h: it.height || size * str.length, size, vertical, order });
    else runs.push({ str, x: e - pageLeft, y: pageTop - f, w: it.width, h: size, size, vertical, order });
  });
  return runs;
}

/** Ruling lines and images of one page from its operator list. */
export function pageSegs(ops: { fnArray: number[]; argsArray: unknown[] }, OPS: Pdfjs['OPS'], pageTop: number, pageLeft: number): { segs: Seg[]; images: number } {
  const segs: Seg[] = [];
  let images = 0;
  let st: GState = { ctm: IDENTITY, lineWidth: 1 };
  const stack: GState[] = [];
  const toPage = (x: number, y: number): [number, number] => {
    const [px, py] = apply(st.ctm, x, y);
    return [px - pageLeft, pageTop - py];
  };
  const push = (x0: number, y0: number, x1: number, y1: number, w: number) => {
    const dx = Math.abs(x1 - x0);
    const dy = Math.abs(y1 - y0);
    if (dy <= 0.1 && dx >= 1) segs.push({ axis: 'h', pos: (y0 + y1) / 2, a: Math.min(x0, x1), b: Math.max(x0, x1), w });
    else if (dx <= 0.1 && dy >= 1) segs.push({ axis: 'v', pos: (x0 + x1) / 2, a: Math.min(y0, y1), b: Math.max(y0, y1), w });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push({ ...st });
        break;
      case OPS.restore:
        st = stack.pop() ?? st;
        break;
      case OPS.transform:
        st = { ...st, ctm: multiply(args as Matrix, st.ctm) };
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...st });
        const m = args?.[0] as Matrix | null;
        if (Array.isArray(m) || ArrayBuffer.isView(m)) st = { ...st, ctm: multiply(Array.from(m as ArrayLike<number>) as Matrix, st.ctm) };
        break;
      }
      case OPS.paintFormXObjectEnd:
        st = stack.pop() ?? st;
        break;
      case OPS.setLineWidth:
        st = { ...st, lineWidth: Number(args?.[0]) || 0 };
        break;
      case OPS.setGState:
        for (const [k, v] of (args?.[0] as [string, unknown][] | undefined) ?? []) if (k === 'LW') st = { ...st, lineWidth: Number(v) || 0 };
        break;
      case OPS.setStrokeRGBColor:
        st = { ...st, stroke: String(args?.[0]) };
        break;
      case OPS.setFillRGBColor:
        st = { ...st, fill: String(args?.[0]) };
        break;
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject:
      case OPS.paintImageXObjectRepeat:
      case OPS.paintInlineImageXObjectGroup:
        images++;
        break;
      case OPS.constructPath: {
        const [paint, data] = args as [number, (Float32Array | number[] | null)[]];
        const buf = data?.[0];
        if (!buf) break;
        const stroked = paint === OPS.stroke || paint === OPS.closeStroke || paint === OPS.fillStroke || paint === OPS.eoFillStroke || paint === OPS.closeFillStroke || paint === OPS.closeEOFillStroke;
        const filled = paint === OPS.fill || paint === OPS.eoFill || paint === OPS.fillStroke || paint === OPS.eoFillStroke || paint === OPS.closeFillStroke || paint === OPS.closeEOFillStroke;
        if (!stroked && !filled) break; // endPath: a clip
        const points: [number, number][][] = [];
        let cur: [number, number][] = [];
        let curved = false;
        for (let k = 0; k < buf.length; ) {
          const op = buf[k];
          if (op === 0) { if (cur.length) points.push(cur); cur = [toPage(buf[k + 1], buf[k + 2])]; k += 3; }
          else if (op === 1) { cur.push(toPage(buf[k + 1], buf[k + 2])); k += 3; }
          else if (op === 2) { curved = true; cur.push(toPage(buf[k + 5], buf[k + 6])); k += 7; }
          else if (op === 3) { curved = true; cur.push(toPage(buf[k + 3], buf[k + 4])); k += 5; }
          else if (op === 4) { if (cur.length) cur.push(cur[0]); k += 1; }
          else break;
        }
        if (cur.length) points.push(cur);
        if (stroked && !isWhite(st.stroke)) {
          const w = st.lineWidth * scaleOf(st.ctm);
          for (const p of points) for (let k = 1; k < p.length; k++) push(p[k - 1][0], p[k - 1][1], p[k][0], p[k][1], Math.max(w, 0.1));
        }
        if (filled && !stroked && !curved && !isWhite(st.fill)) {
          for (const p of points) {
            if (p.length < 3) continue;
            const xs = p.map((q) => q[0]);
            const ys = p.map((q) => q[1]);
            const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
            const wdt = x1 - x0, hgt = y1 - y0;
            if (hgt <= 2 && wdt >= 3) segs.push({ axis: 'h', pos: (y0 + y1) / 2, a: x0, b: x1, w: Math.max(hgt, 0.1) });
            else if (wdt <= 2 && hgt >= 3) segs.push({ axis: 'v', pos: (x0 + x1) / 2, a: y0, b: y1, w: Math.max(wdt, 0.1) });
          }
        }
        break;
      }
    }
  }
  return { segs, images };
}

export async function readPage(page: import('./pdfjs-lib.ts').PDFPageProxy, OPS: Pdfjs['OPS']): Promise<PageData> {
  const [x0, y0, x1, y1] = page.view;
  const top = Math.max(y0, y1);
  const left = Math.min(x0, x1);
  const [content, ops] = await Promise.all([page.getTextContent({ disableNormalization: true }), page.getOperatorList()]);
  const runs = pageRuns(content.items, content.styles as Record<string, { vertical?: boolean }>, top, left);
  const { segs, images } = pageSegs(ops, OPS, top, left);
  return { page: page.pageNumber, width: Math.abs(x1 - x0), height: Math.abs(y1 - y0), runs, segs, images };
}
