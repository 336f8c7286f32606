// The shape of a report format template. Templates are JSON data files
// (templates/2019.json, templates/2021.json, or a user's own file validated by
// schemas/template.schema.json); the engine interprets them and holds no
// format knowledge of its own.
import type { Text2 } from '../types.ts';

export type CellKind = 'count' | 'signed' | 'money';

export interface ColumnDef {
  id: string;
  label: string;
  variants?: string[];
  /** count: whole and non-negative (default); signed: may be negative; money: may have decimals. */
  kind?: CellKind;
  /** Spanning header above this column (table 4: 行政复议 / 未经复议直接起诉 / 复议后起诉). */
  group?: string;
}

export interface RowDef {
  id: string;
  label: string;
  /** Short name used in messages: （七）总计, 一、本年新收. */
  short?: string;
  variants?: string[];
  /** A heading row that holds no numbers (三、本年度办理结果, （三）不予公开). */
  group?: boolean;
  /** A data row without a label (table 4's single row of counts). */
  unlabeled?: boolean;
}

export interface RelationDef {
  /** The rule id that reports this relation. */
  rule: string;
  /** row: the sums run across columns within each row; column: across rows within each column. */
  per: 'row' | 'column';
  /** Restrict to these rows (per: row) or columns (per: column); default all. */
  only?: string[];
  lhs: string[];
  rhs: string[];
  /** The cell (column id for per: row, row id for per: column) a fix sets. */
  target: string;
  describe: Text2;
}

export interface TableDef {
  id: string;
  /** Tables sharing a part form one required table (table 2's blocks). */
  part: string;
  section: string;
  title: Text2;
  /** Block header cell (第二十条第（N）项) that starts this table inside a larger one. */
  header?: string;
  /** Header words that identify the table when no row label does. */
  signature?: string[];
  /** Text of the header cell above the row labels (table 3's 勾稽关系 note); export and preview. */
  corner?: string;
  /**
   * Spanning header cells above the column labels, outermost first where they
   * nest (申请人情况 over seven columns, 法人或其他组织 over five, 行政诉讼 over
   * ten). A column's own `group` is its innermost one and is not repeated
   * here. The export and the preview merge header cells by these.
   */
  headerGroups?: HeaderGroupDef[];
  columns: ColumnDef[];
  rows: RowDef[];
  relations?: RelationDef[];
}

export interface HeaderGroupDef {
  label: string;
  /** Consecutive column ids the group stands over. */
  columns: string[];
}

export interface SectionDef {
  id: string;
  numeral: string;
  title: string;
  variants?: string[];
  /** Table part this section must hold. */
  table?: string;
  /** What the format requires here (hover text). */
  requires: Text2;
  /** Text written under the heading when nianbao inserts the section or scaffolds a report. */
  placeholder?: string;
}

export interface Template {
  id: string;
  name: Text2;
  issuedBy?: string;
  years: { from?: number; to?: number };
  sections: SectionDef[];
  tables: TableDef[];
}
