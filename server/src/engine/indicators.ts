// The indicators assessments compute from a report's tables (申请总数,
// 公开率, 纠错率, table 2's 主动公开 figures) and their change from the
// previous year. Defined once, here; `nianbao data`, `check --format json`
// and the review page all read them from computeIndicators(). Which rows and
// columns each one adds up is data (INDICATORS below, documented in
// docs/indicators.md). Pure: the report model in, plain values out.
//
// Arithmetic is exact: counts are whole numbers, rates are kept as fractions
// (numerator / denominator) and rounded only when shown (formatIndicator),
// money amounts are subtracted digit by digit (decimal.ts). A rate whose
// denominator is 0 has no value (status 'empty'), never 0 % or NaN.
import type { Report, TableModel } from './model.ts';
import { cellKey } from './model.ts';
import { rowsUnder, sumOf, tableOf } from './cross/figures.ts';
import { decimalSubtract } from './decimal.ts';
import { evaluate } from './relations.ts';
import type { Lang, Text2 } from './types.ts';

/** Figures of one table: the rows (a group id means its member rows) × the columns, added up. */
export interface Part {
  table: string;
  rows: readonly string[];
  columns: readonly string[];
}

export type IndicatorKind = 'count' | 'amount' | 'rate';

export interface IndicatorDef {
  id: string;
  label: Text2;
  kind: IndicatorKind;
  /** Unit shown after a count or amount. */
  unit?: Text2;
  /**
   * Where the figures are, by template id; '*' for every template that has
   * these tables (tables 3 and 4 are the same in both formats). count and
   * amount: `sum`; rate: `numerator` / `denominator`.
   */
  from: Readonly<Record<string, { sum?: readonly Part[]; numerator?: readonly Part[]; denominator?: readonly Part[] }>>;
  /** False when the formats read different columns under the same name: no change is computed across them. */
  comparableAcrossFormats?: boolean;
  /** Why a rate is empty when its denominator is 0. */
  emptyReason?: Text2;
}

const t3 = (rows: string[], columns = ['total']): Part => ({ table: 't3', rows, columns });
const t4 = (columns: string[]): Part => ({ table: 't4', rows: ['counts'], columns });
const NO_APPLICATIONS: Text2 = { zh: '本年度没有办理结果（办理结果总计为 0）', en: 'no applications were decided (results total is 0)' };
const NO_REVIEWS: Text2 = { zh: '没有行政复议案件', en: 'no administrative reviews' };
const NO_SUITS: Text2 = { zh: '没有行政诉讼案件', en: 'no lawsuits' };
const RESULTS_TOTAL = [t3(['results_total'])];

export const INDICATORS: readonly IndicatorDef[] = [
  { id: 'applications', kind: 'count', label: { zh: '申请总数', en: 'Applications' }, unit: { zh: '件', en: '' }, from: { '*': { sum: [t3(['new', 'carried_in'])] } } },
  { id: 'new_applications', kind: 'count', label: { zh: '本年新收申请', en: 'New applications' }, unit: { zh: '件', en: '' }, from: { '*': { sum: [t3(['new'])] } } },
  { id: 'disclosure_rate', kind: 'rate', label: { zh: '予以公开率', en: 'Disclosure rate' }, from: { '*': { numerator: [t3(['disclosed'])], denominator: RESULTS_TOTAL } }, emptyReason: NO_APPLICATIONS },
  { id: 'open_rate', kind: 'rate', label: { zh: '公开率', en: 'Open rate' }, from: { '*': { numerator: [t3(['disclosed', 'partial'])], denominator: RESULTS_TOTAL } }, emptyReason: NO_APPLICATIONS },
  { id: 'withheld_rate', kind: 'rate', label: { zh: '不予公开率', en: 'Withholding rate' }, from: { '*': { numerator: [t3(['withheld'])], denominator: RESULTS_TOTAL } }, emptyReason: NO_APPLICATIONS },
  { id: 'review_cases', kind: 'count', label: { zh: '行政复议案件', en: 'Administrative reviews' }, unit: { zh: '件', en: '' }, from: { '*': { sum: [t4(['review.total'])] } } },
  { id: 'review_correction_rate', kind: 'rate', label: { zh: '行政复议纠错率', en: 'Review correction rate' }, from: { '*': { numerator: [t4(['review.corrected'])], denominator: [t4(['review.total'])] } }, emptyReason: NO_REVIEWS },
  { id: 'litigation_cases', kind: 'count', label: { zh: '行政诉讼案件', en: 'Lawsuits' }, unit: { zh: '件', en: '' }, from: { '*': { sum: [t4(['direct.total', 'after_review.total'])] } } },
  { id: 'litigation_correction_rate', kind: 'rate', label: { zh: '行政诉讼纠错率', en: 'Lawsuit correction rate' }, from: { '*': { numerator: [t4(['direct.corrected', 'after_review.corrected'])], denominator: [t4(['direct.total', 'after_review.total'])] } }, emptyReason: NO_SUITS },
  // Table 2 (主动公开): the 2019 and 2021 formats name their columns differently.
  { id: 'rules_issued', kind: 'count', label: { zh: '本年制发规章', en: 'Rules issued' }, unit: { zh: '件', en: '' }, from: { '2019': { sum: [{ table: 't2.1', rows: ['rules'], columns: ['made'] }] }, '2021': { sum: [{ table: 't2.1', rows: ['rules'], columns: ['issued'] }] } } },
  { id: 'normative_issued', kind: 'count', label: { zh: '本年制发规范性文件', en: 'Normative documents issued' }, unit: { zh: '件', en: '' }, from: { '2019': { sum: [{ table: 't2.1', rows: ['normative'], columns: ['made'] }] }, '2021': { sum: [{ table: 't2.1', rows: ['normative'], columns: ['issued'] }] } } },
  // 2019's 对外公开总数量 counts what was ever published, 2021's 现行有效件数 what is in force: not compared across formats.
  { id: 'normative_in_force', kind: 'count', label: { zh: '现行有效规范性文件', en: 'Normative documents in force' }, unit: { zh: '件', en: '' }, comparableAcrossFormats: false, from: { '2019': { sum: [{ table: 't2.1', rows: ['normative'], columns: ['in_force'] }] }, '2021': { sum: [{ table: 't2.1', rows: ['normative'], columns: ['in_force'] }] } } },
  { id: 'licensing_decisions', kind: 'count', label: { zh: '行政许可处理决定', en: 'Licensing decisions' }, unit: { zh: '件', en: '' }, from: { '*': { sum: [{ table: 't2.5', rows: ['licensing'], columns: ['decisions'] }] } } },
  { id: 'penalty_decisions', kind: 'count', label: { zh: '行政处罚处理决定', en: 'Penalty decisions' }, unit: { zh: '件', en: '' }, from: { '*': { sum: [{ table: 't2.6', rows: ['penalties'], columns: ['decisions'] }] } } },
  { id: 'enforcement_decisions', kind: 'count', label: { zh: '行政强制处理决定', en: 'Enforcement decisions' }, unit: { zh: '件', en: '' }, from: { '*': { sum: [{ table: 't2.6', rows: ['enforcement'], columns: ['decisions'] }] } } },
  { id: 'fees_amount', kind: 'amount', label: { zh: '行政事业性收费金额', en: 'Fees charged' }, unit: { zh: '万元', en: '10,000 yuan' }, from: { '2021': { sum: [{ table: 't2.8', rows: ['fees'], columns: ['amount'] }] } } },
];

export type Quantity = { kind: 'number'; value: number } | { kind: 'ratio'; numerator: number; denominator: number };

/**
 * ok: computed from tables whose figures are complete and add up.
 * unreliable: computed, but a table it reads has a broken sum or a blank or invalid cell.
 * empty: a rate with nothing to divide by (no applications, no cases).
 * missing: a figure it needs is blank, invalid or absent.
 * absent: the report's format has no such figure (fees before 2021, a user template).
 */
export type IndicatorStatus = 'ok' | 'unreliable' | 'empty' | 'missing' | 'absent';

export interface Change {
  /** This year's value minus last year's (a rate's change is a fraction: × 100 gives percentage points). */
  value?: Quantity;
  /** ok; unreliable when either year's value is; none when either is missing or the formats differ. */
  status: 'ok' | 'unreliable' | 'none';
}

export interface Indicator {
  id: string;
  kind: IndicatorKind;
  status: IndicatorStatus;
  value?: Quantity;
  /** Tables whose figures made it unreliable or missing, with why: ['t3: 2 个勾稽关系不成立'] as Text2. */
  problems?: Text2[];
  change?: Change;
}

export interface TableHealth {
  /** Relation instances (row totals, balance, …) that do not hold. */
  failing: number;
  /** Cells of the format that are blank, invalid or missing (rows not found). */
  incomplete: number;
}

/** Whether a table's figures can be trusted: every cell of the format present and a number, every relation holding. */
export function tableHealth(table: TableModel): TableHealth {
  let incomplete = 0;
  for (const row of table.def.rows) {
    if (row.group) continue;
    for (const column of table.def.columns) {
      const cell = table.cells.get(cellKey(row.id, column.id));
      if (!cell || cell.value.kind !== 'number') incomplete++;
    }
  }
  return { failing: evaluate(table).failing.length, incomplete };
}

function healthText(id: string, h: TableHealth): Text2 {
  const zh: string[] = [];
  const en: string[] = [];
  if (h.failing) { zh.push(`${h.failing} 处勾稽关系不成立`); en.push(`${h.failing} sum${h.failing > 1 ? 's' : ''} do not add up`); }
  if (h.incomplete) { zh.push(`${h.incomplete} 个单元格为空或不是数字`); en.push(`${h.incomplete} cell${h.incomplete > 1 ? 's' : ''} blank or not a number`); }
  return { zh: `${tableName(id, 'zh')}：${zh.join('，')}`, en: `${tableName(id, 'en')}: ${en.join(', ')}` };
}

function tableName(id: string, lang: Lang): string {
  const n = id === 't3' ? '三' : id === 't4' ? '四' : id.startsWith('t2') ? '二' : id;
  if (lang === 'zh') return id.startsWith('t2') ? `表二（第二十条第（${id.slice(3)}）项）` : `表${n}`;
  return id.startsWith('t2') ? `Table 2 (Art. 20 (${id.slice(3)}))` : `Table ${id.slice(1)}`;
}

function sourcesFor(def: IndicatorDef, templateId: string) {
  return def.from[templateId] ?? def.from['*'];
}

interface Read {
  value?: number;
  tables: Set<string>;
}

/** Σ of the parts; undefined value when a table, row or cell is missing or not a number. */
function read(report: Report, parts: readonly Part[]): Read {
  const tables = new Set<string>();
  let values: number[] = [];
  let complete = true;
  for (const p of parts) {
    tables.add(p.table);
    const table = tableOf(report, p.table);
    if (!table || p.rows.some((r) => rowsUnder(table.def, r).length === 0)) { complete = false; continue; }
    const s = sumOf(table, p.rows, p.columns);
    if (!s) { complete = false; continue; }
    values = values.concat(s.cells.map((c) => (c.value.kind === 'number' ? c.value.value : 0)));
  }
  if (!complete) return { tables };
  // Money has decimals: add them exactly, as written.
  return { value: values.reduce((a, b) => decimalSubtract(a, -b), 0), tables };
}

function gcd(a: number, b: number): number {
  a = Math.abs(a); b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

function computeOne(def: IndicatorDef, report: Report, health: Map<string, TableHealth>): Indicator {
  const src = sourcesFor(def, report.template.id);
  const base = { id: def.id, kind: def.kind };
  if (!src) return { ...base, status: 'absent' };
  const reads = def.kind === 'rate' ? [read(report, src.numerator!), read(report, src.denominator!)] : [read(report, src.sum!)];
  const tables = new Set(reads.flatMap((r) => [...r.tables]));
  if (![...tables].every((id) => tableOf(report, id))) {
    const template = report.template.tables.some((t) => tables.has(t.id));
    return { ...base, status: template ? 'missing' : 'absent', problems: [...tables].filter((id) => !tableOf(report, id)).map((id) => ({ zh: `缺少${tableName(id, 'zh')}`, en: `${tableName(id, 'en')} is missing` })) };
  }
  const problems: Text2[] = [];
  for (const id of tables) {
    let h = health.get(id);
    if (!h) health.set(id, (h = tableHealth(tableOf(report, id)!)));
    if (h.failing || h.incomplete) problems.push(healthText(id, h));
  }
  const extra = problems.length ? { problems } : {};
  if (reads.some((r) => r.value === undefined)) return { ...base, status: 'missing', ...extra };
  const flagged: IndicatorStatus = problems.length ? 'unreliable' : 'ok';
  if (def.kind !== 'rate') return { ...base, status: flagged, value: { kind: 'number', value: reads[0].value! }, ...extra };
  const [numerator, denominator] = [reads[0].value!, reads[1].value!];
  if (denominator === 0) return { ...base, status: problems.length ? 'unreliable' : 'empty', ...extra };
  return { ...base, status: flagged, value: { kind: 'ratio', numerator, denominator }, ...extra };
}

function difference(a: Quantity, b: Quantity): Quantity {
  if (a.kind === 'number' && b.kind === 'number') return { kind: 'number', value: decimalSubtract(a.value, b.value) };
  if (a.kind === 'ratio' && b.kind === 'ratio') {
    const n = a.numerator * b.denominator - b.numerator * a.denominator;
    const d = a.denominator * b.denominator;
    const g = gcd(n, d) || 1;
    return { kind: 'ratio', numerator: n / g, denominator: d / g };
  }
  throw new Error('indicator kinds differ');
}

/**
 * Every indicator of the report, in INDICATORS order; with `previous` (the
 * same agency's report for the year before), each one's change from it
 * (every indicator then has a `change`).
 */
export function computeIndicators(report: Report, previous?: Report): Indicator[] {
  const health = new Map<string, TableHealth>();
  const now = INDICATORS.map((def) => computeOne(def, report, health));
  // A change is from the year before only (a gap year would read as one year's change).
  if (!previous || report.year === undefined || previous.year !== report.year - 1) return now;
  const prevHealth = new Map<string, TableHealth>();
  return now.map((ind, i) => {
    const def = INDICATORS[i];
    const before = computeOne(def, previous, prevHealth);
    const sameFormat = previous.template.id === report.template.id || def.comparableAcrossFormats !== false;
    let change: Change;
    if (!ind.value || !before.value || !sameFormat) change = { status: 'none' };
    else change = { value: difference(ind.value, before.value), status: ind.status === 'ok' && before.status === 'ok' ? 'ok' : 'unreliable' };
    return { ...ind, change };
  });
}

export function indicatorDef(id: string): IndicatorDef {
  const def = INDICATORS.find((d) => d.id === id);
  if (!def) throw new Error(`unknown indicator ${id}`);
  return def;
}

/** round(numerator / denominator × 10^digits), half away from zero, in whole numbers (no floating point). */
function roundedScaled(numerator: number, denominator: number, digits: number): number {
  const scale = 10 ** digits;
  const n = BigInt(numerator) * BigInt(scale);
  const d = BigInt(denominator);
  const neg = (n < 0n) !== (d < 0n);
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an + ad) / (2n * ad);
  return Number(neg ? -q : q);
}

/** A rate as a percentage with `digits` decimals, rounded half up from the exact fraction: 2/3 → '66.7'. */
export function percent(q: { numerator: number; denominator: number }, digits = 1): string {
  const v = roundedScaled(q.numerator * 100, q.denominator, digits);
  const s = (Math.abs(v) / 10 ** digits).toFixed(digits);
  return (v < 0 ? '-' : '') + s;
}

/** A quantity as a plain decimal for spreadsheets: a rate as a fraction of 1 rounded (exactly) to `digits` places, 2/3 → '0.666667'. */
export function quantityText(q: Quantity, digits = 6): string {
  if (q.kind === 'number') return String(q.value);
  const v = roundedScaled(q.numerator, q.denominator, digits);
  const s = (Math.abs(v) / 10 ** digits).toFixed(digits);
  return (v < 0 ? '-' : '') + s;
}

/** A quantity as people read it: '66.7%' for a rate, '+3.5 个百分点' for a rate's change, the number for counts. */
export function formatQuantity(q: Quantity, lang: Lang, asChange = false): string {
  if (q.kind === 'ratio') {
    const p = percent(q);
    if (!asChange) return `${p}%`;
    const signed = p.startsWith('-') ? p.replace('-', '−') : `+${p}`;
    return lang === 'zh' ? `${signed} 个百分点` : `${signed} pp`;
  }
  const s = String(q.value);
  return asChange && q.value > 0 ? `+${s}` : s.replace('-', '−');
}

/** The value's cell text: the figure, '—' (empty rate), or '' (missing, absent); unreliable values keep their figure (the caller marks them). */
export function formatIndicator(ind: Indicator, lang: Lang): string {
  if (ind.value) return formatQuantity(ind.value, lang);
  return ind.status === 'empty' ? '—' : '';
}

/** A rate's value as a plain fraction 0…1 (for charts and spreadsheets, which round it themselves). */
export function quantityNumber(q: Quantity): number {
  return q.kind === 'number' ? q.value : q.numerator / q.denominator;
}
