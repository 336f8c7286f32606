// Writing whole reports for the cross-check tests: a title, an overview
// paragraph given by the test, tables 2–4 filled from a few figures (the
// arithmetic always holds), sections 五 and 六, and a signature date.
import { builtinTemplates } from '../../../server/src/engine/templates/builtin.ts';
import { tableLines } from '../../../server/src/engine/scaffold.ts';

/** Figures of table 3 by row id: [自然人, 商业企业] (the other applicant columns are 0). */
export type T3 = Record<string, [number, number]>;

export interface ReportSpec {
  agency?: string;
  year?: number;
  /** Paragraphs under 一、总体情况. */
  overview?: string[];
  t3?: T3;
  /** 行政复议, 未经复议直接起诉, 复议后起诉: [维持, 纠正, 其他, 尚未审结] each. */
  t4?: { review?: number[]; direct?: number[]; after?: number[] };
  problems?: string[];
  other?: string[];
  /** Signature line, e.g. 2021年1月20日; none when empty. */
  signed?: string;
  /** A line under the title such as 发布时间：2021-01-20. */
  published?: string;
}

export const DEFAULT_T3: T3 = {
  new: [20, 5],
  carried_in: [1, 1],
  disclosed: [10, 2],
  partial: [2, 0],
  'withheld.third_party': [1, 0],
  'unavailable.not_held': [3, 1],
  'not_processed.repeated': [1, 1],
  other: [1, 0],
};

const RESULT_ROWS = (id: string) => id !== 'new' && id !== 'carried_in' && id !== 'carry_over' && id !== 'results_total';

/** Complete table 3 figures: results total and carry-over computed so the balance holds. */
export function completeT3(t3: T3): T3 {
  const out: T3 = { ...t3 };
  const results: [number, number] = [0, 0];
  for (const [id, v] of Object.entries(t3)) if (RESULT_ROWS(id)) { results[0] += v[0]; results[1] += v[1]; }
  out.results_total = results;
  const n = t3.new ?? [0, 0];
  const c = t3.carried_in ?? [0, 0];
  out.carry_over = [n[0] + c[0] - results[0], n[1] + c[1] - results[1]];
  if (out.carry_over.some((x) => x < 0)) throw new Error('carry-over would be negative');
  return out;
}

/** Σ of a row (both columns) or of a row group. */
export function total(t3: T3, id: string): number {
  return Object.entries(t3).filter(([k]) => k === id || k.startsWith(id + '.')).reduce((s, [, v]) => s + v[0] + v[1], 0);
}

function t3Lines(templateId: string, t3: T3): string[] {
  const template = builtinTemplates.find((t) => t.id === templateId)!;
  const def = template.tables.find((t) => t.id === 't3')!;
  const lines = ['| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | | | | | | |', '|---|---|---|---|---|---|---|---|',
    '| | 自然人 | 法人或其他组织 | | | | | 总计 |', '| | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |'];
  for (const r of def.rows) {
    if (r.group) { lines.push(`| ${r.label} | | | | | | | |`); continue; }
    // 2021 splits （六）其他处理 into three rows: the spec's `other` goes into 3.其他.
    const key = r.id === 'other_handling' || r.id === 'other_handling.other' ? 'other' : r.id;
    const v = t3[key] ?? [0, 0];
    lines.push(`| ${r.label} | ${v[0]} | ${v[1]} | 0 | 0 | 0 | 0 | ${v[0] + v[1]} |`);
  }
  return lines;
}

function t4Lines(t4: ReportSpec['t4'] = {}): string[] {
  const group = (v: number[] = [0, 0, 0, 0]) => [...v, v.reduce((a, b) => a + b, 0)];
  const values = [...group(t4.review), ...group(t4.direct), ...group(t4.after)];
  return [
    '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |',
    '| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
    `| ${values.join(' | ')} |`,
  ];
}

export function reportMarkdown(spec: ReportSpec = {}): string {
  const year = spec.year ?? 2021;
  const agency = spec.agency ?? '某市测试局';
  const templateId = year >= 2021 ? '2021' : '2019';
  const template = builtinTemplates.find((t) => t.id === templateId)!;
  const t3 = completeT3(spec.t3 ?? DEFAULT_T3);
  const out = [`# ${agency}${year}年政府信息公开工作年度报告`, ''];
  if (spec.published) out.push(spec.published, '');
  out.push(`本报告根据《中华人民共和国政府信息公开条例》编制，统计期限为${year}年1月1日至${year}年12月31日。`, '');
  out.push('一、总体情况', '');
  for (const p of spec.overview ?? [`${year}年，本机关持续推进政府信息公开工作。`]) out.push(p, '');
  out.push('二、主动公开政府信息情况', '', ...tableLines(template, 't2', '0'), '');
  out.push('三、收到和处理政府信息公开申请情况', '', ...t3Lines(templateId, t3), '');
  out.push('四、政府信息公开行政复议、行政诉讼情况', '', ...t4Lines(spec.t4), '');
  out.push('五、存在的主要问题及改进情况', '');
  for (const p of spec.problems ?? ['一是主动公开的深度和广度仍需拓展；二是政策解读形式较为单一。下一步将建立信息发布台账，丰富解读形式。']) out.push(p, '');
  out.push('六、其他需要报告的事项', '');
  for (const p of spec.other ?? [year >= 2021 ? '本年度未收取信息处理费。' : '无。']) out.push(p, '');
  if (spec.signed !== '') out.push(agency, '', spec.signed ?? `${year + 1}年1月20日`, '');
  return out.join('\n');
}
