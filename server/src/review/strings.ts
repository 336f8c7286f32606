// The review page's words, Chinese first and English with --lang en.
import type { Lang } from '../engine/types.ts';

type Arg = string | number;
const S: Record<string, { zh: string | ((...a: Arg[]) => string); en: string | ((...a: Arg[]) => string) }> = {
  title: { zh: '政府信息公开工作年度报告审阅', en: 'Review of government information-disclosure annual reports' },
  overview: { zh: '概览', en: 'Overview' },
  reports: { zh: '报告', en: 'Reports' },
  agencies: { zh: '机关', en: 'Agencies' },
  years: { zh: '年度', en: 'Years' },
  errors: { zh: '错误', en: 'Errors' },
  warnings: { zh: '警告', en: 'Warnings' },
  cleanShare: { zh: '无错误的报告', en: 'Reports with no errors' },
  unreadable: { zh: '无法读取的文件', en: 'Files that could not be read' },
  reportsTable: { zh: '报告一览', en: 'All reports' },
  filter: { zh: '筛选（机关、年度、路径…）', en: 'Filter (agency, year, path…)' },
  onlyErrors: { zh: '只看有错误的', en: 'Only reports with errors' },
  shown: { zh: (n, m) => `显示 ${n} / ${m} 份`, en: (n, m) => `${n} of ${m} shown` },
  agency: { zh: '机关', en: 'Agency' },
  year: { zh: '年度', en: 'Year' },
  format: { zh: '格式', en: 'Format' },
  changeApplications: { zh: '申请总数变化', en: 'Applications: change' },
  changeOpenRate: { zh: '公开率变化', en: 'Open rate: change' },
  sortHint: { zh: '点击表头排序', en: 'Click a column header to sort' },
  charts: { zh: '图表', en: 'Charts' },
  chartPerRule: { zh: '各规则的问题数', en: 'Findings per rule' },
  chartHeatmap: { zh: '机关 × 规则', en: 'Agency × rule' },
  heatmapMore: { zh: (n, m) => `只列出问题最多的 ${n} 个机关，另有 ${m} 个未列出。`, en: (n, m) => `The ${n} agencies with most findings; ${m} more not shown.` },
  chartByAgency: { zh: '各机关的指标（最近一年）', en: 'Indicators by agency (latest year)' },
  byAgencyNote: { zh: '不可靠、为空或缺失的指标不画出。', en: 'Unreliable, empty or missing indicators are not plotted.' },
  byAgencyMore: { zh: (n, m) => `只列出前 ${n} 个机关，另有 ${m} 个未列出。`, en: (n, m) => `First ${n} agencies; ${m} more not shown.` },
  chartByYear: { zh: '各年度的指标', en: 'Indicators over the years' },
  byYearNote: { zh: '每年所有可靠报告合计：分子之和 ÷ 分母之和。', en: 'All reliable reports of the year together: Σ numerators ÷ Σ denominators.' },
  details: { zh: '各报告的问题', en: 'Findings by report' },
  source: { zh: '文件', en: 'File' },
  previous: { zh: '上一年度报告', en: "Last year's report" },
  noPrevious: { zh: '本批文件中没有该机关上一年度的报告。', en: "Last year's report of this agency is not in the batch." },
  noFindings: { zh: '没有发现问题。', en: 'No findings.' },
  indicators: { zh: '指标', en: 'Indicators' },
  indicator: { zh: '指标', en: 'Indicator' },
  value: { zh: '本年', en: 'This year' },
  change: { zh: '与上年相比', en: 'Change' },
  status: { zh: '说明', en: 'Note' },
  yearOverYear: { zh: '与上一年度比较', en: 'Compared with last year' },
  noYearFindings: { zh: '与上一年度报告比较，没有发现雷同文字或结转不一致。', en: "Compared with last year's report: no copied text, carry-over consistent." },
  relation: { zh: '关系', en: 'Relation' },
  line: { zh: (l, c) => `第 ${l} 行第 ${c} 列`, en: (l, c) => `line ${l}, column ${c}` },
  unreliable: { zh: '不可靠', en: 'unreliable' },
  statusEmpty: { zh: '无可计算（分母为 0）', en: 'nothing to divide (denominator 0)' },
  statusMissing: { zh: '缺少所需数字', en: 'figures missing' },
  statusAbsent: { zh: '该格式无此项', en: 'not in this format' },
  generatedBy: { zh: (v) => `由 nianbao ${v} 生成。指标的定义见 docs/indicators.md；本页不联网，可直接发送。`, en: (v) => `Made by nianbao ${v}. Indicators are defined in docs/indicators.md; the page needs no network and can be mailed as is.` },
  noReports: { zh: '没有找到报告。', en: 'No reports found.' },
};

export function t(key: keyof typeof S, lang: Lang, ...args: Arg[]): string {
  const v = S[key][lang];
  return typeof v === 'function' ? v(...args) : v;
}
