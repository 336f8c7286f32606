// Building one report table from the cells of the source. The template says
// which rows the table has, in which order, and how many figures each row
// owns; a row starts at its label and owns the figures that follow it. A row
// with fewer figures than columns keeps them in its first cells and leaves
// the rest empty (reported); a row with more, or figures with no row to own
// them, are never guessed into cells: they are kept in a marked paragraph
// after the table (reported).
import { matchLabel } from '../parse/labels.ts';
import { normLabel } from '../parse/label-normalize.ts';
import type { LabelMatch } from '../model.ts';
import type { RowDef, TableDef } from '../templates/template.ts';
import type { Text2 } from '../types.ts';
import { type Classifier, type Cls, joinCell } from './classify.ts';
import type { ShortRow, SourceRef, TableAccount, Tok, Unplaced } from './import-types.ts';

const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const RANK: Record<LabelMatch, number> = { exact: 6, equivalent: 5, variant: 4, fuzzy: 2, prefix: 2, inferred: 1, unknown: 0 };

interface OutRow {
  label: string;
  def?: RowDef;
  kind: 'data' | 'group' | 'unknown';
  /** One per column of the block; '' for an empty cell. */
  cells: string[];
  /** Where the label and each cell came from (sources with positions). */
  src?: SourceRef;
  cellSrcs?: (SourceRef | undefined)[];
}

class Block {
  blockSrc?: SourceRef;
  colSrc?: (SourceRef | undefined)[];
  blockText?: string;
  infoText?: string;
  noteText?: string;
  headerToks: Tok[] = [];
  rows: OutRow[] = [];
  colText?: string[];
  colIndex?: number[];
  constructor(readonly def: TableDef) {}
}

interface Pending {
  def?: RowDef;
  label: string;
  src?: SourceRef;
  values: Tok[];
  /** Figures that came with no label before them. */
  lost?: boolean;
}

/** Figures as found, runs of cells separated by a blank cell or a new row shown with “／”. */
function runs(values: Tok[]): string {
  const out: string[][] = [[]];
  for (const v of values) {
    if ((v.text === '' || v.rowStart) && out[out.length - 1].length) out.push([]);
    if (v.text !== '') out[out.length - 1].push(joinCell(v.text));
  }
  return out.filter((r) => r.length).map((r) => r.join(' ')).join(' ／ ');
}

export function cellEscape(text: string): string {
  return joinCell(text).replace(/\|/g, '\\|');
}

export class TableBuilder {
  readonly blocks: Block[] = [];
  private cur: Block;
  private row?: Pending;
  private lastLabel?: string;
  readonly unplaced: Unplaced[] = [];
  readonly shortRows: ShortRow[] = [];
  readonly unknownRows: string[] = [];

  constructor(
    private readonly cls: Classifier,
    readonly part: string,
    first?: TableDef,
  ) {
    const def = first ?? cls.partDef(part)!;
    this.cur = new Block(def);
    this.blocks.push(this.cur);
  }

  get current(): TableDef {
    return this.cur.def;
  }

  /** Feeds one cell; 'other' when it belongs to another table (the caller closes this one). */
  feed(tok: Tok, c: Cls): 'ok' | 'other' {
    if (tok.rowStart) this.endRow();
    switch (c.kind) {
      case 'empty':
        if (this.row) this.row.values.push(tok);
        return 'ok';
      case 'value': {
        if (!this.row) {
          const unlabeled = this.cur.def.rows.find((r) => r.unlabeled);
          if (unlabeled && !this.cur.rows.some((r) => r.def === unlabeled)) this.row = { def: unlabeled, label: '', values: [] };
          else this.row = { label: '', values: [], lost: true };
        }
        this.row.values.push(tok);
        return 'ok';
      }
      case 'block': {
        if (this.part !== 't2') return 'other';
        this.endRow();
        this.switchBlock(c.def);
        if (this.cur.blockText === undefined) { this.cur.blockText = tok.text; this.cur.blockSrc = tok.src; }
        this.lastLabel = tok.text;
        return 'ok';
      }
      case 'signature': {
        if (c.part !== this.part) return 'other';
        if (this.row && this.row.values.some((v) => v.text !== '')) this.endRow();
        if (!this.row && this.cur.rows.length === 0) this.cur.headerToks.push(tok);
        return 'ok';
      }
      case 'label': {
        const t = c.hit.item.table;
        if (t.part !== this.part) return 'other';
        this.endRow();
        if (t !== this.cur.def) this.switchBlock(t);
        this.row = { def: c.hit.item.row, label: tok.text, values: [], src: tok.src };
        this.lastLabel = tok.text;
        return 'ok';
      }
      case 'header': {
        if (this.row && this.row.values.some((v) => v.text !== '')) this.endRow();
        if (!this.row && this.cur.rows.length === 0) this.cur.headerToks.push(tok);
        return 'ok';
      }
      case 'text': {
        if (!this.row && this.cur.rows.length === 0) {
          this.cur.headerToks.push(tok);
          return 'ok';
        }
        this.endRow();
        if (this.cur.def.rows.every((r) => r.unlabeled)) {
          this.unplaced.push({ part: this.part, after: this.lastLabel, text: joinCell(tok.text), reason: { zh: '表四没有行标签，这段文字放不进任何单元格', en: 'table 4 has no row labels; this text fits no cell' } });
          return 'ok';
        }
        this.row = { label: tok.text, values: [], src: tok.src };
        this.lastLabel = tok.text;
        return 'ok';
      }
    }
  }

  private switchBlock(def: TableDef): void {
    const existing = this.blocks.find((b) => b.def === def);
    if (existing) { this.cur = existing; return; }
    this.cur = new Block(def);
    this.blocks.push(this.cur);
  }

  finish(): void {
    this.endRow();
    for (const b of this.blocks) this.layoutHeader(b);
  }

  private endRow(): void {
    const r = this.row;
    this.row = undefined;
    if (!r) return;
    const b = this.cur;
    const n = b.def.columns.length;
    const figures = r.values.filter((v) => v.text !== '');
    const empty = () => Array<string>(n).fill('');
    if (r.lost) {
      if (figures.length) this.unplaced.push({ part: this.part, after: this.lastLabel, text: runs(r.values), reason: { zh: `这 ${figures.length} 个数前面没有行标签，不知道属于哪一行`, en: `these ${figures.length} figures have no row label before them; their row is unknown` } });
      return;
    }
    if (r.def?.group) {
      b.rows.push({ label: r.label, def: r.def, kind: 'group', cells: empty(), src: r.src });
      if (figures.length) {
        const next = this.nextDataRows(b.def, r.def);
        this.unplaced.push({
          part: this.part,
          after: r.label,
          text: runs(r.values),
          reason: {
            zh: `「${joinCell(r.label)}」是分组行，不填数字；其后 ${figures.length} 个数没有行标签${next ? `（按格式应是「${next.join('」「')}」等行，每行 ${n} 个数）` : ''}，无法确定各数所在的行和列`,
            en: `“${joinCell(r.label)}” is a group row without figures; the ${figures.length} figures after it have no row label${next ? ` (the format expects ${next.map((x) => `“${x}”`).join(', ')}…, ${n} figures a row)` : ''}, so their rows and columns are unknown`,
          },
        });
      }
      return;
    }
    const placed = this.place(b, r);
    if (!r.def) {
      if (placed.cells.some((x) => x !== '')) this.unknownRows.push(joinCell(r.label));
    }
    b.rows.push({ label: r.label, def: r.def, kind: r.def ? 'data' : 'unknown', cells: placed.cells, src: r.src ?? r.values[0]?.src, cellSrcs: placed.srcs });
    if (placed.over) {
      this.unplaced.push({
        part: this.part,
        after: r.label || this.lastLabel,
        text: figures.map((v) => joinCell(v.text)).join(' '),
        reason: { zh: `这一行有 ${placed.over} 个单元格，本表每行只有 ${n} 列，无法确定各数所在的列`, en: `the row has ${placed.over} cells but the table has ${n} columns; which cell each figure belongs to is unknown` },
      });
    } else if (placed.found < n && (r.def || placed.found > 0)) {
      this.shortRows.push({ part: this.part, row: joinCell(r.label) || b.def.title.zh, found: placed.found, expected: n });
    }
  }

  /** Value cells of a row: by grid column when the header gave one for every column, else in order after the label. */
  private place(b: Block, r: Pending): { cells: string[]; srcs?: (SourceRef | undefined)[]; found: number; over?: number } {
    const n = b.def.columns.length;
    if (!b.colIndex) this.layoutHeader(b);
    const idx = b.colIndex;
    const figures = r.values.filter((v) => v.text !== '');
    if (idx && r.values.length > 0 && r.values.every((v) => v.col !== undefined) && figures.every((v) => idx.includes(v.col!))) {
      const toks = idx.map((ci) => r.values.find((v) => v.col === ci));
      return { cells: toks.map((t) => t?.text ?? ''), srcs: toks.map((t) => t?.src), found: n };
    }
    const v = r.values.slice();
    while (v.length > n && v[v.length - 1].text === '') v.pop();
    while (v.length > n && v[0].text === '') v.shift();
    if (v.length > n) return { cells: Array<string>(n).fill(''), found: 0, over: v.length };
    return { cells: [...v.map((t) => t.text), ...Array<string>(n - v.length).fill('')], srcs: v.map((t) => t.src), found: v.length };
  }

  private nextDataRows(def: TableDef, group: RowDef): string[] | undefined {
    const i = def.rows.indexOf(group);
    const after: string[] = [];
    for (const r of def.rows.slice(i + 1)) {
      if (r.group || /^[（(]/.test(r.label)) break;
      after.push(r.label);
    }
    return after.length ? after.slice(0, 2) : undefined;
  }

  /** Column header texts (as the source wrote them where they can be matched) and, in a grid, their columns. */
  private layoutHeader(b: Block): void {
    if (b.colText) return;
    const cols = b.def.columns;
    const toks = b.headerToks.filter((t) => t.text !== '');
    const used = new Set<number>();
    for (let k = 0; k < toks.length; k++) {
      const norm = normLabel(toks[k].text);
      if (norm === '信息内容') { b.infoText ??= toks[k].text; used.add(k); }
      else if (norm.includes('本列数据的勾稽关系')) { b.noteText ??= toks[k].text; used.add(k); }
      else if (['申请人情况', '法人或其他组织', '行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'].includes(norm)) used.add(k);
    }
    const text: string[] = [];
    const index: (number | undefined)[] = [];
    const sameLabels = new Set(cols.map((c) => c.label)).size < cols.length;
    if (sameLabels) {
      // Table 4: the same five labels three times; assign them in reading order.
      const taken = new Set<number>();
      for (let k = 0; k < toks.length; k++) {
        if (used.has(k)) continue;
        const j = cols.findIndex((c, ci) => !taken.has(ci) && matchLabel(toks[k].text, [c]));
        if (j < 0) continue;
        taken.add(j);
        used.add(k);
        index[j] = toks[k].col;
        (b.colSrc ??= [])[j] = toks[k].src;
      }
      cols.forEach((c, j) => (text[j] = c.label));
    } else {
      cols.forEach((c, j) => {
        let best: { k: number; span: number; rank: number } | undefined;
        for (let k = 0; k < toks.length && !best; k++) {
          for (let span = 1; span <= 3 && k + span <= toks.length; span++) {
            if ([...Array(span).keys()].some((d) => used.has(k + d))) break;
            const joined = joinCell(toks.slice(k, k + span).map((t) => t.text).join('\n'));
            const hit = matchLabel(joined, [c]);
            if (!hit) continue;
            if (!best || RANK[hit.match] > best.rank) best = { k, span, rank: RANK[hit.match] };
          }
        }
        if (best) {
          for (let d = 0; d < best.span; d++) used.add(best.k + d);
          text[j] = joinCell(toks.slice(best.k, best.k + best.span).map((t) => t.text).join('\n'));
          index[j] = toks[best.k].col;
          (b.colSrc ??= [])[j] = toks[best.k].src;
        } else text[j] = c.label;
      });
    }
    b.colText = text;
    const complete = index.length === cols.length && index.every((x, j) => x !== undefined && (j === 0 || x > index[j - 1]!));
    b.colIndex = complete ? (index as number[]) : undefined;
    toks.forEach((t, k) => {
      if (!used.has(k)) this.unplaced.push({ part: this.part, after: b.blockText ?? b.def.title.zh, text: joinCell(t.text), reason: { zh: '表头中的文字，对应不到本表的任何一列', en: 'header text that matches no column of the table' } });
    });
  }

  /** GFM lines in the project's layout (scaffold.ts tableLines): one label column, group rows on their own line. */
  private srcLines: (SourceRef | undefined)[] = [];
  private srcCells: { line: number; cell: number; src: SourceRef }[] = [];

  /** Where each line of the last render came from (its label, or its first header cell). */
  renderedSources(): (SourceRef | undefined)[] {
    return this.srcLines;
  }

  /** Where each cell of the last render came from: line of the table (0-based), cell of the row (label = 0). */
  renderedCells(): { line: number; cell: number; src: SourceRef }[] {
    return this.srcCells;
  }

  render(): string[] {
    const lines: string[] = [];
    this.srcLines = [];
    this.srcCells = [];
    // A line and where its cells came from.
    const emit = (text: string, srcs: (SourceRef | undefined)[] = []) => {
      lines.push(text);
      this.srcLines.push(srcs.find((x) => x !== undefined));
      srcs.forEach((src, cell) => { if (src) this.srcCells.push({ line: lines.length - 1, cell, src }); });
    };
    const row = (cells: string[]) => `| ${cells.map((c) => cellEscape(c)).join(' | ')} |`;
    if (this.part === 't2') {
      const width = Math.max(...this.cls.template.tables.filter((t) => t.part === 't2').map((t) => t.columns.length)) + 1;
      const pad = (cells: string[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')];
      this.blocks.forEach((b, i) => {
        emit(row(pad([b.blockText ?? b.def.header ?? b.def.title.zh])), [b.blockSrc]);
        if (i === 0) emit(`|${Array(width).fill('---').join('|')}|`);
        emit(row(pad([b.infoText ?? '信息内容', ...b.colText!])), [undefined, ...(b.colSrc ?? [])]);
        for (const r of b.rows) emit(row(pad([r.label, ...r.cells])), [r.src, ...(r.cellSrcs ?? [])]);
      });
      return lines;
    }
    const b = this.blocks[0];
    const d = b.def;
    if (d.rows.every((r) => r.unlabeled)) {
      const groups = [...new Set(d.columns.map((c) => c.group ?? ''))];
      emit(row(groups.flatMap((g) => d.columns.filter((c) => (c.group ?? '') === g).map((_, i) => (i === 0 ? g : '')))));
      emit(`|${d.columns.map(() => '---').join('|')}|`);
      emit(row(b.colText!), b.colSrc ?? []);
      for (const r of b.rows) emit(row(r.cells), r.cellSrcs ?? []);
      return lines;
    }
    emit(row([b.noteText ?? (d.part === 't3' ? T3_NOTE : d.title.zh), ...b.colText!]), [undefined, ...(b.colSrc ?? [])]);
    emit(`|---|${d.columns.map(() => '---:').join('|')}|`);
    for (const r of b.rows) emit(row([r.label, ...r.cells]), [r.src, ...(r.cellSrcs ?? [])]);
    return lines;
  }

  account(): TableAccount {
    let placed = 0;
    let empty = 0;
    let rows = 0;
    for (const b of this.blocks) {
      for (const r of b.rows) {
        rows++;
        if (r.kind === 'group' || (r.kind === 'unknown' && r.cells.every((c) => c === ''))) continue;
        for (const c of r.cells) c === '' ? empty++ : placed++;
      }
    }
    const title = this.part === 't2' ? this.cls.template.sections.find((s) => s.table === 't2')?.title ?? 't2' : this.blocks[0].def.title.zh;
    return { part: this.part, title, rows, cellsPlaced: placed, cellsEmpty: empty };
  }

  /** Before the first row of the current block: text here is column headers. */
  inHeader(): boolean {
    return !this.row && this.cur.rows.length === 0;
  }

  hasContent(): boolean {
    return this.blocks.some((b) => b.rows.length > 0 || b.headerToks.length > 0 || b.blockText !== undefined);
  }
}

export type { Text2 };
