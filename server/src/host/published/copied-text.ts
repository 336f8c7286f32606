// Copied text → lines and table cells. A browser copies a published report's
// tables in one of a few shapes: one cell per line (seeds 000, 001), cells
// each opened by a tab with merged cells flattened (seed 002), cells each
// closed by `|` (seed 004), or GFM tables that a page break cut in two (seed
// 003). This file only finds the cells; which row and column each belongs to
// is decided by the report builder from the template.
import type { Item, TextLayout, Tok } from '../../engine/import/import-types.ts';

const DELIMITER_ROW = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const GFM_ROW = /^\s*\|.*\|\s*$/;

export function detectLayout(lines: readonly string[]): TextLayout {
  if (lines.some((l, i) => DELIMITER_ROW.test(l) && l.includes('|') && i > 0 && GFM_ROW.test(lines[i - 1]))) return 'gfm';
  const tabbed = lines.filter((l) => l.includes('\t') && l.trim() !== '').length;
  if (tabbed >= 10) return 'tsv';
  const piped = lines.filter((l) => /\|\s*$/.test(l)).length;
  if (piped >= 10) return 'pipe';
  const short = lines.filter((l) => l.trim() !== '' && l.trim().length <= 12).length;
  return short >= 20 ? 'lines' : 'plain';
}

export function splitLines(text: string): string[] {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
}

/** Cells of one GFM row, `\|` kept as a literal pipe. */
export function gfmCells(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  const s = line.trim();
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\' && s[i + 1] === '|') { cur += '|'; i++; continue; }
    if (ch === '|') { cells.push(cur); cur = ''; continue; }
    cur += ch;
  }
  cells.push(cur);
  if (s.startsWith('|')) cells.shift();
  if (s.endsWith('|') && !s.endsWith('\\|')) cells.pop();
  return cells.map((c) => c.trim());
}

function isBlank(line: string): boolean {
  return line.replace(/[\s\u00a0\u3000]+/g, '') === '';
}

export function textItems(text: string, isHeading: (line: string) => boolean): { items: Item[]; layout: TextLayout } {
  const lines = splitLines(text);
  const layout = detectLayout(lines);
  const items: Item[] = [];
  const line = (t: string) => items.push({ kind: 'line', text: t });
  if (layout === 'gfm') {
    for (let i = 0; i < lines.length; ) {
      if (GFM_ROW.test(lines[i]) && !DELIMITER_ROW.test(lines[i])) {
        const toks: Tok[] = [];
        const grid: string[][] = [];
        while (i < lines.length && GFM_ROW.test(lines[i])) {
          if (!DELIMITER_ROW.test(lines[i])) {
            const cells = gfmCells(lines[i]);
            grid.push(cells);
            cells.forEach((c, k) => toks.push({ text: c, rowStart: k === 0 }));
          }
          i++;
        }
        items.push({ kind: 'cells', toks, grid, explicitRows: true });
      } else line(lines[i++]);
    }
    return { items, layout };
  }
  if (layout === 'tsv' || layout === 'pipe') {
    const inCell = layout === 'tsv' ? (l: string) => l.includes('\t') : (l: string) => /\|\s*$/.test(l) || /^\s*\|/.test(l);
    // A line without a separator right after a cell continues that cell (a line break inside the cell).
    const continues = (l: string) => !isBlank(l) && !isHeading(l.trim()) && l.trim().length <= 60 && !/[。；;]$/.test(l.trim());
    // In pipe layout a cell's text may stand on its own line with its closing `|` on the next.
    const opensCell = (i: number) => layout === 'pipe' && continues(lines[i]) && i + 1 < lines.length && /^\s*\|/.test(lines[i + 1]);
    for (let i = 0; i < lines.length; ) {
      if (!inCell(lines[i]) && !opensCell(i)) {
        line(lines[i++]);
        continue;
      }
      const region: string[] = [];
      while (i < lines.length && (inCell(lines[i]) || opensCell(i) || (region.length > 0 && continues(lines[i])))) region.push(lines[i++]);
      // Copied tables put a blank line between rows: each region is a row.
      const toks = layout === 'tsv' ? tsvCells(region) : pipeCells(region);
      if (toks.length) toks[0].rowStart = layout === 'tsv';
      items.push({ kind: 'cells', toks, explicitRows: false });
    }
    return { items, layout };
  }
  for (const l of lines) line(l);
  return { items, layout };
}

function tsvCells(region: string[]): Tok[] {
  const rowsPerLine = region.filter((l) => (l.match(/\t/g)?.length ?? 0) >= 2).length > region.length / 2;
  const toks: Tok[] = [];
  if (rowsPerLine) {
    for (const l of region) l.split('\t').forEach((c, k) => toks.push({ text: cellText(c), rowStart: k === 0 }));
    return toks;
  }
  const pieces = region.join('\n').split('\t');
  if (pieces[0].trim() === '') pieces.shift();
  for (const p of pieces) toks.push({ text: cellText(p.replace(/\n$/, '')) });
  return toks;
}

function pipeCells(region: string[]): Tok[] {
  const pieces = region.join('\n').split('|');
  if (pieces.length && pieces[pieces.length - 1].trim() === '') pieces.pop();
  return pieces.map((p) => ({ text: cellText(p) }));
}

/** A cell's text: edges trimmed; a line break inside the cell stays as `\n` for the builder to join. */
function cellText(raw: string): string {
  return raw
    .split('\n')
    .map((s) => s.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, ''))
    .filter((s) => s !== '')
    .join('\n');
}
