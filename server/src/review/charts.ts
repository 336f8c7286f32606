// The review page's charts: ECharts options made from the page model, each
// rendered to inline SVG at build time (echarts-lib.ts, loaded on first use).
// The page holds the SVG only: no script, no fonts or tiles fetched.
import type { Lang } from '../engine/types.ts';
import { CHART_RATES, indicatorLabel, type PageModel } from './model.ts';
import { t } from './strings.ts';

export interface Chart {
  id: string;
  title: string;
  /** What the chart leaves out or how it counts, under its title. */
  note?: string;
  svg: string;
}

type Render = (option: Record<string, unknown>, width: number, height: number) => string;

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const WIDTH = 900;
const COLORS = ['#c0392b', '#2e86c1', '#27ae60', '#8e44ad', '#d68910', '#16a085'];

const base = { textStyle: { fontFamily: FONT, fontSize: 12 }, color: COLORS };

function perRuleOption(m: PageModel) {
  const rules = [...m.perRule].reverse();
  return {
    ...base,
    grid: { left: 150, right: 40, top: 10, bottom: 30 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rules.map((r) => r.ruleId) },
    series: [{ type: 'bar', data: rules.map((r) => r.findings), label: { show: true, position: 'right' }, itemStyle: { color: COLORS[0] } }],
  };
}

function heatmapOption(m: PageModel) {
  const max = Math.max(1, ...m.heatmap.counts.map((c) => c[2]));
  return {
    ...base,
    grid: { left: 180, right: 30, top: 10, bottom: 110 },
    xAxis: { type: 'category', data: m.heatmap.rules, axisLabel: { rotate: 40, interval: 0 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: m.heatmap.agencies, axisLabel: { interval: 0 }, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#fdebd0', '#c0392b'] } },
    series: [{ type: 'heatmap', data: m.heatmap.counts, label: { show: true } }],
  };
}

function byAgencyOption(m: PageModel, lang: Lang) {
  const rates = ['open_rate', 'review_correction_rate', 'litigation_correction_rate'];
  return {
    ...base,
    legend: { top: 0 },
    grid: { left: 180, right: 50, top: 30, bottom: 30 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: m.byAgency.agencies, inverse: true, axisLabel: { interval: 0 } },
    series: rates.map((id) => ({ name: indicatorLabel(id, lang), type: 'bar', data: m.byAgency.rates[id], label: { show: true, position: 'right', formatter: '{c}%' } })),
  };
}

function byYearOption(m: PageModel, lang: Lang) {
  const y = m.byYear!;
  return {
    ...base,
    legend: { top: 0 },
    grid: { left: 60, right: 40, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: y.years.map(String) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: CHART_RATES.map((id) => ({ name: indicatorLabel(id, lang), type: 'line', data: y.rates[id], connectNulls: false, label: { show: true, formatter: '{c}%' } })),
  };
}

/** Every chart of the page, rendered with `render` (echarts-lib's renderSvg). */
export function chartsOf(m: PageModel, render: Render): Chart[] {
  const lang = m.lang;
  const out: Chart[] = [];
  if (m.perRule.length) {
    out.push({ id: 'per-rule', title: t('chartPerRule', lang), svg: render(perRuleOption(m), WIDTH, 60 + 24 * m.perRule.length) });
    const more = m.heatmap.more ? t('heatmapMore', lang, m.heatmap.agencies.length, m.heatmap.more) : undefined;
    out.push({ id: 'heatmap', title: t('chartHeatmap', lang), ...(more ? { note: more } : {}), svg: render(heatmapOption(m), WIDTH, 170 + 26 * m.heatmap.agencies.length) });
  }
  if (m.byAgency.agencies.length) {
    const note = [t('byAgencyNote', lang), m.byAgency.more ? t('byAgencyMore', lang, m.byAgency.agencies.length, m.byAgency.more) : ''].filter(Boolean).join(' ');
    out.push({ id: 'by-agency', title: t('chartByAgency', lang), note, svg: render(byAgencyOption(m, lang), WIDTH, 80 + 60 * m.byAgency.agencies.length) });
  }
  if (m.byYear) out.push({ id: 'by-year', title: t('chartByYear', lang), note: t('byYearNote', lang), svg: render(byYearOption(m, lang), WIDTH, 360) });
  return out;
}

let loading: Promise<typeof import('./echarts-lib.ts')> | undefined;

/** The charts, with ECharts loaded on first use. */
export async function renderCharts(m: PageModel): Promise<Chart[]> {
  loading ??= import('./echarts-lib.ts');
  const lib = await loading;
  return chartsOf(m, lib.renderSvg);
}
