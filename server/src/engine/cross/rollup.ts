// A region's figures as the sum of its units' reports: what the office that
// writes a 区/县 or 市 report adds up by hand. Every figure of tables 2, 3
// and 4 is summed as written, including table 2's 现行有效件数 (the region's
// documents in force are its units'), the 2019 format's 本年增/减 (signed)
// and the fee amounts (万元); nothing is averaged, and no figure is
// recomputed from others. A figure some unit does not give (blank, `/`, text)
// has no sum: it is not judged, and `nianbao rollup` leaves it blank.
import type { Report } from '../model.ts';
import { formatNumber } from '../relations.ts';
import { tableLines } from '../scaffold.ts';
import type { ColumnDef, RowDef, TableDef, Template } from '../templates/template.ts';
import { figureName, reportFigures } from './figures.ts';

export interface Unit {
  path: string;
  report: Report;
}

export interface Summed {
  /** The sum, when every unit gives the figure. */
  value?: number;
  /** Each unit's figure, in unit order (undefined where the unit does not give one). */
  parts: (number | undefined)[];
}

/** Tables that are summed: table 2's parts, 3 and 4. */
export const isSummedTable = (tableId: string) => /^t2(\.|$)/.test(tableId) || tableId === 't3' || tableId === 't4';
/** The same for a figure's name (t2.1.rules.issued, t3.new.total). */
const isSummedFigure = (name: string) => /^(t2\.|t3\.|t4\.)/.test(name);

/** Sums by figure name (t3.new.total, …) over the units, for the figures of the units' tables 2–4. */
export function sumUnits(units: readonly Unit[]): Map<string, Summed> {
  const figures = units.map((u) => reportFigures(u.report));
  const names = new Set<string>();
  for (const f of figures) for (const name of f.keys()) if (isSummedFigure(name)) names.add(name);
  const out = new Map<string, Summed>();
  for (const name of names) {
    const parts = figures.map((f) => f.get(name)?.value);
    const value = parts.every((p) => p !== undefined) ? round(parts.reduce((s, p) => s! + p!, 0)!) : undefined;
    out.set(name, { value, parts });
  }
  return out;
}

/** Sums of amounts with decimals (4068.208 万元) without binary noise. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export interface RollupText {
  /** The region's name for the title; 本行政区域 when not given. */
  agency?: string;
  year: number;
}

/**
 * The region's report as a starting point: the title, the official opening,
 * the six sections with their placeholders, and tables 2–4 in the official
 * layout filled with the units' sums (blank where a unit gives no figure),
 * after a note listing the units summed.
 */
export function rollupMarkdown(template: Template, units: readonly Unit[], { agency = '本行政区域', year }: RollupText): string {
  const sums = sumUnits(units);
  const blanks = new Set<string>();
  const value = (table: TableDef, row: RowDef, column: ColumnDef) => {
    const name = figureName(table, row, column);
    const s = sums.get(name);
    if (s?.value === undefined) { blanks.add(name); return ''; }
    return formatNumber(s.value);
  };
  const out = [`# ${agency}${year}年政府信息公开工作年度报告`, ''];
  out.push(`本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室印发的政府信息公开工作年度报告格式要求编制，统计期限为${year}年1月1日至${year}年12月31日。`, '');
  const tables: string[] = [];
  for (const s of template.sections) {
    tables.push(`## ${s.numeral}、${s.title}`, '');
    if (s.table) tables.push(...tableLines(template, s.table, '', value), '');
    else tables.push(s.placeholder ?? '（待补充）', '');
  }
  out.push(`> 表二至表四由下列 ${units.length} 个单位的${year}年度报告逐项相加生成（nianbao rollup）：每个数字都是各单位同一单元格之和，表二的现行有效件数、收费金额也相加，不求平均，不由其他数字推算。`);
  for (const u of units) out.push(`> - ${u.report.agency ?? '（未识别机关）'}（${u.path}）`);
  if (blanks.size) out.push(`> 有 ${blanks.size} 个单元格留空：至少一个单位的报告没有给出该数字。`);
  out.push('', ...tables);
  return out.join('\n');
}
