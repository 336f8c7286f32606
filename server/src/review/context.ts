// A finding in context, for the review page: the table row it is in with
// the wrong cell marked, the relation written out with its figures, or the
// line of text with the words marked. Built while the report's model is at
// hand; everything kept is copied (detached) so that a batch of a thousand
// reports does not keep a thousand texts alive.
import type { Analysis } from '../engine/analyze.ts';
import { detached } from '../engine/detach.ts';
import { LineIndex } from '../engine/lines.ts';
import type { MappedRow, Report, TableModel } from '../engine/model.ts';
import { evaluate, relationText } from '../engine/relations.ts';
import type { Diagnostic, Lang, Severity } from '../engine/types.ts';
import { placeInSource, type LoadedReport, type SourcePlace } from '../host/load-report.ts';

export interface RowContext {
  kind: 'row';
  /** 表三 收到和处理政府信息公开申请情况 */
  table: string;
  /** Column labels, in cell order (a group label and its column: 行政复议·结果纠正). */
  headers: string[];
  label: string;
  cells: { text: string; marked?: true }[];
}

export interface TextContext {
  kind: 'text';
  before: string;
  marked: string;
  after: string;
}

export interface ReviewFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based, as `check` prints them (in the imported Markdown for a published form). */
  line: number;
  column: number;
  /** A published form: where the finding is in it (page, table and row) and what it points at, as `check` says it. */
  source?: SourcePlace;
  context?: RowContext | TextContext;
  /** The relation the finding breaks, written out with its figures: （七）总计「自然人」 = 9 + 2 + … = 16 ≠ 17 ✗ */
  relations?: string[];
  /** What the related cells hold (the other terms of a sum, last year's figure). */
  related?: string[];
}

const within = (at: number, r: { start: number; end: number }) => at >= r.start && at <= r.end;

function tableTitle(table: TableModel, lang: Lang): string {
  const id = table.def.id;
  const name = id === 't3' ? (lang === 'zh' ? '表三' : 'Table 3') : id === 't4' ? (lang === 'zh' ? '表四' : 'Table 4') : lang === 'zh' ? '表二' : 'Table 2';
  return `${name} ${table.def.title[lang]}`;
}

function rowContext(table: TableModel, row: MappedRow, at: number, lang: Lang): RowContext {
  const headers = table.def.columns.map((c) => (c.group ? `${c.group}·${c.label}` : c.label));
  const cells = row.values.map((v) => (within(at, v.range) ? { text: detached(v.text), marked: true as const } : { text: detached(v.text) }));
  const label = row.labelCell?.text ?? row.row?.short ?? row.row?.label ?? '';
  return { kind: 'row', table: tableTitle(table, lang), headers, label: detached(label), cells };
}

const SNIPPET = 60;

function textContext(text: string, d: Diagnostic): TextContext {
  const lineStart = text.lastIndexOf('\n', d.range.start - 1) + 1;
  let lineEnd = text.indexOf('\n', d.range.end);
  if (lineEnd < 0) lineEnd = text.length;
  const end = Math.min(d.range.end, lineEnd);
  const from = Math.max(lineStart, d.range.start - SNIPPET);
  const to = Math.min(lineEnd, end + SNIPPET);
  const marked = text.slice(d.range.start, end);
  return {
    kind: 'text',
    before: detached((from > lineStart ? '…' : '') + text.slice(from, d.range.start)),
    marked: detached(marked.length > 200 ? marked.slice(0, 200) + '…' : marked),
    after: detached(text.slice(end, to) + (to < lineEnd ? '…' : '')),
  };
}

/** Failing relations (row totals, balance, …) that the finding's cell takes part in, written out. */
function relationsAt(report: Report, at: number, lang: Lang): string[] {
  const out: string[] = [];
  for (const table of report.tables) {
    if (!within(at, table.range)) continue;
    for (const inst of evaluate(table).failing) {
      if (inst.terms.some((t) => within(at, t.cell.ref.range))) out.push(detached(relationText(inst, lang)));
    }
  }
  return out;
}

export function findingInContext(report: Report, d: Diagnostic, lines: LineIndex, lang: Lang, loaded?: LoadedReport): ReviewFinding {
  const at = d.range.start;
  const p = lines.position(at);
  let context: RowContext | TextContext | undefined;
  for (const table of report.tables) {
    if (!within(at, table.range)) continue;
    const row = table.rows.find((r) => within(at, r.raw.range));
    if (row && row.values.length > 0) context = rowContext(table, row, at, lang);
  }
  if (!context && d.range.end > d.range.start) context = textContext(report.text, d);
  const relations = relationsAt(report, at, lang);
  const related = (d.related ?? []).map((r) => detached(r.message[lang]));
  const source = loaded ? placeInSource(loaded, report, d.range, lang) : undefined;
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: detached(d.message[lang]),
    line: p.line + 1,
    column: p.character + 1,
    ...(source ? { source: source.where ? { ...source, where: detached(source.where) } : source } : {}),
    ...(context ? { context } : {}),
    ...(relations.length ? { relations } : {}),
    ...(related.length ? { related } : {}),
  };
}

/**
 * Every finding of an analysis in context, in the order `check` lists them;
 * rules that failed are errors at 1:1, as in `check`. `loaded`: the file it
 * was read from, for a published form's places.
 */
export function findingsInContext(a: Analysis, lang: Lang, loaded?: LoadedReport): ReviewFinding[] {
  const lines = new LineIndex(a.report.text);
  const out = a.diagnostics.map((d) => findingInContext(a.report, d, lines, lang, loaded));
  for (const f of a.failures) {
    out.push({ ruleId: f.ruleId, severity: 'error', message: `规则运行失败，未能完整检查 (rule failed): ${f.error.split('\n')[0]}`, line: 1, column: 1 });
  }
  return out;
}
