// What a cell of the source is, judged against the chosen template: a figure,
// a block header (第二十条第（N）项), a row label, a column header, a header
// word of table 3 or 4, or other text.
import { matchLabel, type LabelHit } from '../parse/labels.ts';
import { normLabel } from '../parse/label-normalize.ts';
import { looksLikeValue } from '../parse/numbers.ts';
import type { RowDef, TableDef, Template } from '../templates/template.ts';

export interface RowCand {
  table: TableDef;
  row: RowDef;
  label: string;
  variants?: string[];
}

export type Cls =
  | { kind: 'empty' }
  | { kind: 'value' }
  | { kind: 'block'; def: TableDef }
  | { kind: 'signature'; part: string }
  | { kind: 'label'; hit: LabelHit<RowCand> }
  | { kind: 'header' }
  | { kind: 'text' };

/** Header words of the official tables that name no column of their own. */
const HEADER_WORDS = ['信息内容', '申请人情况', '法人或其他组织', '未经复议直接起诉', '复议后起诉'].map(normLabel);

export class Classifier {
  readonly cands: RowCand[];
  private readonly columnLabels: Set<string>;

  constructor(readonly template: Template) {
    this.cands = template.tables.flatMap((table) => table.rows.filter((r) => !r.unlabeled).map((row) => ({ table, row, label: row.label, variants: row.variants })));
    this.columnLabels = new Set(template.tables.flatMap((t) => t.columns.flatMap((c) => [c.label, ...(c.variants ?? [])].map(normLabel))));
  }

  partDef(part: string): TableDef | undefined {
    return this.template.tables.find((t) => t.part === part);
  }

  classify(raw: string, current?: TableDef): Cls {
    const text = raw.replace(/\n/g, '');
    if (text.replace(/[\s\u00a0\u3000]+/g, '') === '') return { kind: 'empty' };
    if (looksLikeValue(text.trim())) return { kind: 'value' };
    const norm = normLabel(text);
    const block = this.template.tables.find((t) => t.header && normLabel(t.header) === norm);
    if (block) return { kind: 'block', def: block };
    if (norm.includes('本列数据的勾稽关系')) return { kind: 'signature', part: 't3' };
    if (norm === '申请人情况') return { kind: 'signature', part: 't3' };
    if (norm === '行政复议' || norm === '行政诉讼') return { kind: 'signature', part: 't4' };
    if (current && current.columns.some((c) => normLabel(c.label) === norm)) return { kind: 'header' };
    if (norm.length <= 80) {
      const own = current ? this.cands.filter((c) => c.table === current) : [];
      const hit = (own.length ? matchLabel(text, own) : undefined) ?? matchLabel(text, this.cands);
      if (hit) return { kind: 'label', hit };
    }
    if (HEADER_WORDS.includes(norm) || this.columnLabels.has(norm)) return { kind: 'header' };
    if (current && matchLabel(text, current.columns)) return { kind: 'header' };
    return { kind: 'text' };
  }

  /** A line that may open a table in copied text: a block header, a table 3/4 header word, or a row label. */
  opensTable(text: string): boolean {
    const c = this.classify(text);
    if (c.kind === 'block' || c.kind === 'signature') return true;
    return c.kind === 'label' && ['exact', 'equivalent', 'variant'].includes(c.hit.match);
  }
}

/** Joins the lines of one cell: nothing between Chinese characters, a space between Latin letters or digits. */
export function joinCell(text: string): string {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .reduce((acc, s) => (acc === '' ? s : /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(s) ? `${acc} ${s}` : acc + s), '');
}
