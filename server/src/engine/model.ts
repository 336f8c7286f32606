// The report model: what the parser found in a document, mapped onto a
// template. Every element keeps its source range so rules can point at it
// and fixes can edit it.
import type { Range } from './types.ts';
import type { CellValue } from './parse/numbers.ts';
import type { ColumnDef, RowDef, SectionDef, TableDef, Template } from './templates/template.ts';

/** One cell of a Markdown table as written: its trimmed text and where it is. Blank cells cover their whitespace. */
export interface CellRef {
  text: string;
  range: Range;
}

export interface RawRow {
  cells: CellRef[];
  range: Range;
  /** Index of the Markdown table this row belongs to, in document order. */
  tableIndex: number;
}

export type LabelMatch = 'exact' | 'equivalent' | 'variant' | 'fuzzy' | 'prefix' | 'inferred' | 'unknown';

export interface MappedRow {
  raw: RawRow;
  table: TableDef;
  row?: RowDef;
  /** The cell holding the row label, absent when the label was lost. */
  labelCell?: CellRef;
  /** For a row whose label was lost: the cell where its table keeps labels, if the row has one. */
  labelSlot?: CellRef;
  match: LabelMatch;
  values: CellRef[];
  /** Value cells the row has beyond or short of the format's columns, for table-shape. */
  valueCountProblem?: { expected: number; found: number };
  duplicate?: boolean;
}

export interface Cell {
  table: TableDef;
  row: RowDef;
  column: ColumnDef;
  ref: CellRef;
  value: CellValue;
}

export interface HeaderCell {
  table: TableDef;
  ref: CellRef;
  column?: ColumnDef;
  match: LabelMatch;
}

export interface TableModel {
  def: TableDef;
  rows: MappedRow[];
  /** Header cells that name a column of this table (table 2's 信息内容 rows). */
  headers: HeaderCell[];
  cells: Map<string, Cell>;
  range: Range;
}

export interface SectionHit {
  def?: SectionDef;
  numeral: string;
  numeralRange: Range;
  title: string;
  titleRange: Range;
  /** The whole heading line. */
  range: Range;
  kind: 'heading' | 'bold' | 'paragraph';
  /** Markdown prefix written before the numeral (`## `), reused when inserting a section. */
  prefix: string;
  /** Where the section's content ends (next recognised section, or end of text). */
  end: number;
  match: LabelMatch;
}

export interface Report {
  text: string;
  template: Template;
  templateSource: 'config' | 'year' | 'tables' | 'default';
  otherTemplate?: Template;
  title?: { text: string; range: Range };
  year?: number;
  yearRange?: Range;
  agency?: string;
  sections: SectionHit[];
  tables: TableModel[];
  /** Every Markdown table, in document order (the tree's order: publish-date walks them with the lines). */
  rawTables: { range: Range; rows: RawRow[]; tableIds: string[] }[];
  /** Rows found in report tables that mapped to nothing of the chosen template. */
  strayRows: MappedRow[];
}

/**
 * What the import of a published form (PDF, Word, web page, copied text) knows
 * that its Markdown does not show: rows that came with fewer figures than
 * columns. Given to analyze() by the caller that imported the text.
 */
export interface ImportFacts {
  shortRows: readonly { part: string; row: string; found: number; expected: number }[];
}

export function cellKey(rowId: string, columnId: string): string {
  return rowId + '\u0000' + columnId;
}
