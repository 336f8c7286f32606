// `nianbao data --format xlsx`: the reviewer's workbook. One sheet of reports
// (agency, year, counts, every indicator and its change, findings per rule),
// then one sheet per table (表二, 表三, 表四) with every figure as a number
// under its row and column labels and its stable name (the CSV's column).
// Agency and year are the first columns and the header rows are frozen, so
// the sheets scroll as reviewers expect. exceljs is loaded on first use.
import type { FigureSlot } from '../engine/cross/figures.ts';
import { INDICATORS, type Indicator } from '../engine/indicators.ts';
import type { Lang } from '../engine/types.ts';

/** A report's record in `nianbao data` (CSV, JSON) and the workbook (cli/data-command.ts calls it ReportRecord). */
export interface WorkbookReport {
  path: string;
  agency: string | null;
  year: number | null;
  template: string;
  title: string | null;
  /** The previous-year file compared for carryover and copied-text, if one was found. */
  previous: string | null;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings per rule id (every rule, 0 included). */
  rules: Record<string, number>;
  /** Every figure slot of the report's format: the number, the cell text when it is not a number, null when blank or absent. */
  values: Record<string, number | string | null>;
  /** The indicators (engine/indicators.ts), with their change from the previous-year report when there is one. */
  indicators: Indicator[];
}

export interface WorkbookInput {
  records: readonly WorkbookReport[];
  slots: readonly FigureSlot[];
  ruleIds: readonly string[];
}

const SHEETS: { id: string; zh: string; en: string; tables: (tableId: string) => boolean }[] = [
  { id: 't2', zh: '表二 主动公开', en: 'Table 2 Proactive', tables: (t) => t.startsWith('t2') },
  { id: 't3', zh: '表三 依申请公开', en: 'Table 3 Applications', tables: (t) => t === 't3' },
  { id: 't4', zh: '表四 复议诉讼', en: 'Table 4 Review & suits', tables: (t) => t === 't4' },
];

const HEAD_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F4F4' } };
const WARN_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFDEBD0' } };
const NAME_FONT = { color: { argb: 'FF7F8C8D' }, size: 9 };

function tableLabel(slot: FigureSlot, lang: Lang): string {
  const t = slot.table;
  if (t.id.startsWith('t2')) return t.title[lang];
  return slot.row.unlabeled ? (slot.column.group ?? '') : (slot.row.short ?? slot.row.label);
}

function statusText(ind: Indicator, lang: Lang): string {
  const zh: Record<string, string> = { unreliable: '不可靠', empty: '为空（分母为 0）', missing: '缺少数字', absent: '该格式无此项' };
  const en: Record<string, string> = { unreliable: 'unreliable', empty: 'empty (denominator 0)', missing: 'figures missing', absent: 'not in this format' };
  const problems = (ind.problems ?? []).map((p) => p[lang]).join('；');
  return [(lang === 'zh' ? zh : en)[ind.status] ?? '', problems].filter(Boolean).join('：');
}

/** The workbook's bytes (.xlsx). */
export async function workbookBytes(input: WorkbookInput, lang: Lang): Promise<Buffer> {
  const { Workbook } = await import('./exceljs-lib.ts');
  const wb = new Workbook();
  wb.creator = 'nianbao';

  // Reports: two header rows (labels, stable names), agency and year frozen.
  const reports = wb.addWorksheet(lang === 'zh' ? '报告' : 'Reports', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  const fixed = lang === 'zh'
    ? ['机关', '年度', '文件', '格式', '标题', '上一年度报告', '错误', '警告', '提示']
    : ['Agency', 'Year', 'File', 'Format', 'Title', "Last year's report", 'Errors', 'Warnings', 'Infos'];
  const fixedNames = ['agency', 'year', 'path', 'template', 'title', 'previous', 'errors', 'warnings', 'infos'];
  const indHeads = INDICATORS.flatMap((d) => [d.label[lang] + (d.unit && d.unit[lang] && d.kind !== 'rate' ? `（${d.unit[lang]}）` : ''), `${d.label[lang]}${lang === 'zh' ? ' 与上年相比' : ': change'}`]);
  const indNames = INDICATORS.flatMap((d) => [`indicator.${d.id}`, `indicator.${d.id}.change`]);
  const notesHead = lang === 'zh' ? '指标说明' : 'Indicator notes';
  reports.addRow([...fixed, ...indHeads, notesHead, ...input.ruleIds]);
  reports.addRow([...fixedNames, ...indNames, 'indicator.notes', ...input.ruleIds.map((id) => `rule.${id}`)]);
  for (const r of input.records) {
    const values: (string | number | null)[] = [r.agency, r.year, r.path, r.template, r.title, r.previous, r.errors, r.warnings, r.infos];
    const formats: (string | undefined)[] = values.map(() => undefined);
    const flagged: boolean[] = values.map(() => false);
    for (const d of INDICATORS) {
      const ind = r.indicators.find((x) => x.id === d.id);
      const pct = d.kind === 'rate' ? '0.0%' : undefined;
      const q = ind?.value;
      values.push(q ? (q.kind === 'number' ? q.value : q.numerator / q.denominator) : null);
      formats.push(pct);
      flagged.push(ind?.status === 'unreliable');
      const c = ind?.change?.value;
      values.push(c ? (c.kind === 'number' ? c.value : c.numerator / c.denominator) : null);
      formats.push(d.kind === 'rate' ? '+0.0%;-0.0%;0.0%' : '+0;-0;0');
      flagged.push(ind?.change?.status === 'unreliable');
    }
    values.push(r.indicators.filter((i) => i.status !== 'ok').map((i) => `${INDICATORS.find((d) => d.id === i.id)!.label[lang]}：${statusText(i, lang)}`).join('\n') || null);
    for (const id of input.ruleIds) values.push(r.rules[id] ?? 0);
    const row = reports.addRow(values);
    formats.forEach((f, i) => { if (f) row.getCell(i + 1).numFmt = f; });
    flagged.forEach((x, i) => { if (x) row.getCell(i + 1).fill = WARN_FILL; });
  }
  style(reports, 2);

  // One sheet per table: row label, column label, stable name; then one row per report.
  for (const sheet of SHEETS) {
    const slots = input.slots.filter((s) => sheet.tables(s.table.id));
    const ws = wb.addWorksheet(sheet[lang], { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
    const head = lang === 'zh' ? ['机关', '年度', '文件'] : ['Agency', 'Year', 'File'];
    ws.addRow([...head, ...slots.map((s) => tableLabel(s, lang) + (s.table.id.startsWith('t2') ? ` ${s.row.label}` : ''))]);
    ws.addRow(['', '', '', ...slots.map((s) => (s.column.group ? `${s.column.group}·${s.column.label}` : s.column.label))]);
    ws.addRow(['agency', 'year', 'path', ...slots.map((s) => s.name)]);
    for (const r of input.records) {
      ws.addRow([r.agency, r.year, r.path, ...slots.map((s) => r.values[s.name] ?? null)]);
    }
    style(ws, 3);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function style(ws: import('exceljs').Worksheet, headRows: number): void {
  for (let i = 1; i <= headRows; i++) {
    const row = ws.getRow(i);
    row.eachCell((c) => {
      c.fill = HEAD_FILL;
      if (i === headRows) c.font = NAME_FONT;
      else c.font = { bold: true };
      c.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 7;
  ws.getColumn(3).width = 30;
}
