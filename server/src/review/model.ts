// The review page's model: what the page shows, worked out from the reports
// of a batch before any HTML is written (and unit-tested as such): the
// overview, the rows of the reports table, what each chart plots, and each
// report's findings in context. Pure: the reports in, plain data out.
import { INDICATORS, formatIndicator, formatQuantity, quantityNumber, type Indicator, type Quantity } from '../engine/indicators.ts';
import type { FigureDiff } from '../engine/cross/year-diff.ts';
import type { Lang } from '../engine/types.ts';
import { formName, type Form } from '../host/form.ts';
import type { ReviewFinding } from './context.ts';

/** One report of the batch, as the collector made it (review-command reads, analyses and hands these over). */
export interface ReviewReport {
  path: string;
  /** The form it was published in, when not Markdown: its findings carry their place in it (ReviewFinding.source). */
  form?: Exclude<Form, 'markdown'>;
  agency?: string;
  year?: number;
  template: string;
  title?: string;
  /** The previous-year report compared with (copied-text, carryover, changes), when it is in the batch. */
  previous?: string;
  /**
   * With `previous`: the table figures compared with last year's report (as
   * `nianbao diff` does) and those that changed or cannot be compared (the
   * change is not 0), in template order.
   */
  figures?: { compared: number; changed: FigureDiff[] };
  findings: ReviewFinding[];
  indicators: Indicator[];
}

/** A file that could not be read or analysed, as `check` reports it. */
export interface Unreadable {
  path: string;
  reason: string;
}

/** The indicators shown as columns of the reports table (all of them are in each report's details). */
export const TABLE_INDICATORS = ['applications', 'open_rate', 'disclosure_rate', 'withheld_rate', 'review_correction_rate', 'litigation_correction_rate'] as const;
/** The indicators plotted by agency and over the years. */
export const CHART_RATES = ['open_rate', 'disclosure_rate', 'withheld_rate', 'review_correction_rate', 'litigation_correction_rate'] as const;

export interface Cell {
  text: string;
  /** The value sorted by: a number, or '' to sort last. */
  sort: number | string;
  /** ok, unreliable, empty, missing, absent: the page marks unreliable values. */
  status?: string;
  title?: string;
}

export interface Row {
  /** Anchor of the report's details: r1, r2, … */
  id: string;
  agency: Cell;
  year: Cell;
  format: Cell;
  errors: Cell;
  warnings: Cell;
  indicators: Cell[];
  /** Change from last year of 申请总数 and 公开率. */
  changes: Cell[];
  path: string;
}

export interface Overview {
  reports: number;
  agencies: number;
  years: number[];
  errors: number;
  warnings: number;
  infos: number;
  /** Reports with no error. */
  clean: number;
  /** clean / reports, as a fraction; absent for an empty batch. */
  cleanShare?: Quantity;
  unreadable: number;
}

export interface PageModel {
  lang: Lang;
  overview: Overview;
  rows: Row[];
  /** Findings per rule, most first. */
  perRule: { ruleId: string; findings: number; reports: number }[];
  /** Agency × rule: the agencies with most findings first (at most HEATMAP_AGENCIES), the rules of perRule. */
  heatmap: { agencies: string[]; rules: string[]; counts: [number, number, number][]; more: number };
  /** Each agency's latest report's rates (percent, null when empty, missing or unreliable), at most BAR_AGENCIES. */
  byAgency: { agencies: string[]; year: (number | null)[]; rates: Record<string, (number | null)[]>; more: number };
  /** When several years are present: each rate over all reliable reports of the year (Σ numerators / Σ denominators), and the reports counted. */
  byYear?: { years: number[]; rates: Record<string, (number | null)[]>; applications: number[]; reports: number[] };
  reports: (ReviewReport & { id: string; errors: number; warnings: number; infos: number })[];
  unreadable: Unreadable[];
}

export const HEATMAP_AGENCIES = 40;
export const BAR_AGENCIES = 40;

function agencyName(r: ReviewReport): string {
  return r.agency ?? r.path;
}

function count(r: ReviewReport, severity: string): number {
  return r.findings.filter((f) => f.severity === severity).length;
}

function indicatorCell(ind: Indicator | undefined, lang: Lang): Cell {
  if (!ind) return { text: '', sort: '' };
  const text = formatIndicator(ind, lang);
  const sort = ind.value ? quantityNumber(ind.value) : '';
  const title = ind.problems?.map((p) => p[lang]).join('；');
  return { text, sort, status: ind.status, ...(title ? { title } : {}) };
}

function changeCell(ind: Indicator | undefined, lang: Lang): Cell {
  const c = ind?.change;
  if (!c?.value) return { text: '', sort: '' };
  return { text: formatQuantity(c.value, lang, true), sort: quantityNumber(c.value), status: c.status };
}

const byOrder = (a: ReviewReport, b: ReviewReport) => agencyName(a).localeCompare(agencyName(b), 'zh') || (a.year ?? 0) - (b.year ?? 0) || a.path.localeCompare(b.path);

function pct(q: Quantity | undefined): number | null {
  if (!q || q.kind !== 'ratio') return null;
  // Rounded to 0.1 for the chart's labels; the table and the details show the exact fraction's rounding.
  return Math.round((q.numerator * 1000) / q.denominator) / 10;
}

export function buildModel(input: readonly ReviewReport[], unreadable: readonly Unreadable[], lang: Lang): PageModel {
  const sorted = [...input].sort(byOrder);
  const reports = sorted.map((r, i) => ({ ...r, id: `r${i + 1}`, errors: count(r, 'error'), warnings: count(r, 'warning'), infos: count(r, 'info') }));
  const agencies = new Set(reports.map(agencyName));
  const years = [...new Set(reports.map((r) => r.year).filter((y): y is number => y !== undefined))].sort((a, b) => a - b);
  const clean = reports.filter((r) => r.errors === 0).length;
  const overview: Overview = {
    reports: reports.length,
    agencies: agencies.size,
    years,
    errors: reports.reduce((s, r) => s + r.errors, 0),
    warnings: reports.reduce((s, r) => s + r.warnings, 0),
    infos: reports.reduce((s, r) => s + r.infos, 0),
    clean,
    ...(reports.length ? { cleanShare: { kind: 'ratio' as const, numerator: clean, denominator: reports.length } } : {}),
    unreadable: unreadable.length,
  };
  const ind = (r: ReviewReport, id: string) => r.indicators.find((x) => x.id === id);
  const formatName = (t: string) => (t === '2019' || t === '2021' ? (lang === 'zh' ? `${t}年版` : `${t} format`) : t);
  const rows: Row[] = reports.map((r) => ({
    id: r.id,
    agency: { text: agencyName(r), sort: agencyName(r) },
    year: { text: r.year === undefined ? '' : String(r.year), sort: r.year ?? '' },
    format: { text: formatName(r.template) + (r.form ? ` · ${formName(r.form, lang)}` : ''), sort: r.template },
    errors: { text: String(r.errors), sort: r.errors },
    warnings: { text: String(r.warnings), sort: r.warnings },
    indicators: TABLE_INDICATORS.map((id) => indicatorCell(ind(r, id), lang)),
    changes: ['applications', 'open_rate'].map((id) => changeCell(ind(r, id), lang)),
    path: r.path,
  }));

  // Findings per rule, and per agency and rule.
  const perRuleMap = new Map<string, { findings: number; reports: Set<string> }>();
  const perAgency = new Map<string, Map<string, number>>();
  for (const r of reports) {
    for (const f of r.findings) {
      let e = perRuleMap.get(f.ruleId);
      if (!e) perRuleMap.set(f.ruleId, (e = { findings: 0, reports: new Set() }));
      e.findings++;
      e.reports.add(r.id);
      let a = perAgency.get(agencyName(r));
      if (!a) perAgency.set(agencyName(r), (a = new Map()));
      a.set(f.ruleId, (a.get(f.ruleId) ?? 0) + 1);
    }
  }
  const perRule = [...perRuleMap].map(([ruleId, e]) => ({ ruleId, findings: e.findings, reports: e.reports.size })).sort((a, b) => b.findings - a.findings || a.ruleId.localeCompare(b.ruleId));
  const total = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
  const worst = [...perAgency].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0], 'zh'));
  const shown = worst.slice(0, HEATMAP_AGENCIES);
  const ruleIds = perRule.map((r) => r.ruleId);
  const counts: [number, number, number][] = [];
  shown.forEach(([, m], ai) => ruleIds.forEach((rule, ri) => { const n = m.get(rule); if (n) counts.push([ri, ai, n]); }));
  const heatmap = { agencies: shown.map(([a]) => a), rules: ruleIds, counts, more: Math.max(0, worst.length - shown.length) };

  // Each agency's latest report.
  const latest = new Map<string, (typeof reports)[number]>();
  for (const r of reports) {
    const had = latest.get(agencyName(r));
    if (!had || (r.year ?? -Infinity) > (had.year ?? -Infinity)) latest.set(agencyName(r), r);
  }
  const agencyList = [...latest.keys()].sort((a, b) => a.localeCompare(b, 'zh')).slice(0, BAR_AGENCIES);
  const reliableRate = (r: ReviewReport, id: string) => { const x = ind(r, id); return x?.status === 'ok' ? pct(x.value) : null; };
  const byAgency = {
    agencies: agencyList,
    year: agencyList.map((a) => latest.get(a)!.year ?? null),
    rates: Object.fromEntries(CHART_RATES.map((id) => [id, agencyList.map((a) => reliableRate(latest.get(a)!, id))])),
    more: Math.max(0, latest.size - agencyList.length),
  };

  let byYear: PageModel['byYear'];
  if (years.length > 1) {
    const pooled = (id: string, y: number) => {
      let n = 0;
      let d = 0;
      for (const r of reports) {
        if (r.year !== y) continue;
        const x = ind(r, id);
        if (x?.status === 'ok' && x.value?.kind === 'ratio') { n += x.value.numerator; d += x.value.denominator; }
      }
      return d === 0 ? null : pct({ kind: 'ratio', numerator: n, denominator: d });
    };
    byYear = {
      years,
      rates: Object.fromEntries(CHART_RATES.map((id) => [id, years.map((y) => pooled(id, y))])),
      applications: years.map((y) => reports.filter((r) => r.year === y).reduce((s, r) => { const a = ind(r, 'applications'); return s + (a?.status === 'ok' && a.value?.kind === 'number' ? a.value.value : 0); }, 0)),
      reports: years.map((y) => reports.filter((r) => r.year === y).length),
    };
  }
  return { lang, overview, rows, perRule, heatmap, byAgency, ...(byYear ? { byYear } : {}), reports, unreadable: [...unreadable] };
}

/** The label of an indicator id in the page's language. */
export function indicatorLabel(id: string, lang: Lang): string {
  return INDICATORS.find((d) => d.id === id)?.label[lang] ?? id;
}
