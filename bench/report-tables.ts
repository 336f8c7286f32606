// Tables 2, 3 and 4 of a generated report: figures that satisfy every
// relation of the format (row totals, results total, balance, review totals),
// written in the layouts real reports use. Labels come from the templates, so
// the generator follows any change to them.
import type { RowDef, TableDef, Template } from '../server/src/engine/templates/template.ts';
import type { Rng } from './rng.ts';

/** Table 3 figures by row id: six applicant columns, then the total. */
export type Figures = Map<string, string[]>;

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

function t3def(template: Template): TableDef {
  return template.tables.find((t) => t.part === 't3')!;
}

/** Leaf rows whose sum is （七）总计, from the template's total-results relation. */
function resultRows(def: TableDef): string[] {
  return def.relations!.find((r) => r.rule === 'total-results')!.rhs;
}

export function table3Figures(rng: Rng, template: Template): Figures {
  const def = t3def(template);
  const leaves = resultRows(def);
  const byRow = new Map<string, number[]>();
  for (const id of [...leaves, 'new', 'carried_in', 'results_total', 'carry_over']) byRow.set(id, [0, 0, 0, 0, 0, 0]);
  // Most applications come from natural persons; the other columns are often zero.
  const scale = rng.pick([3, 10, 40, 150, 600]);
  const weights = leaves.map((_, i) => (i < 2 ? 8 : rng.next() < 0.4 ? rng.next() * 2 : 0));
  for (let c = 0; c < 6; c++) {
    const share = c === 0 ? 1 : rng.next() < 0.5 ? 0 : rng.next() * 0.2;
    const fresh = Math.round(scale * share * (0.5 + rng.next()));
    const carried = rng.next() < 0.5 ? 0 : rng.int(0, Math.max(1, Math.round(fresh / 10)));
    const carryOver = rng.next() < 0.5 ? 0 : rng.int(0, Math.round((fresh + carried) / 12));
    const done = fresh + carried - carryOver;
    byRow.get('new')![c] = fresh;
    byRow.get('carried_in')![c] = carried;
    byRow.get('carry_over')![c] = carryOver;
    byRow.get('results_total')![c] = done;
    // Spread the handled applications over the result rows by weight.
    const total = weights.reduce((a, b) => a + b, 0);
    let left = done;
    leaves.forEach((id, i) => {
      const n = i === leaves.length - 1 ? left : Math.min(left, Math.floor((done * weights[i]) / total));
      byRow.get(id)![c] = n;
      left -= n;
    });
  }
  const out: Figures = new Map();
  for (const [id, v] of byRow) out.set(id, [...v.map(String), String(v.reduce((a, b) => a + b, 0))]);
  return out;
}

const HEAD_LONG = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const APPLICANTS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];

function valuesOf(figures: Figures, r: RowDef): string[] {
  return r.group ? Array(7).fill('') : figures.get(r.id) ?? Array(7).fill('0');
}

/** Table 3 with one label column and group rows on lines of their own. */
export function table3OneColumn(template: Template, figures: Figures, labels: Map<string, string>): string[] {
  const def = t3def(template);
  const lines = [row([HEAD_LONG, '申请人情况', '', '', '', '', '', '']), row(['---', ...Array(7).fill('---:')]), row(['', '自然人', '法人或其他组织', '', '', '', '', '总计']), row(['', '', ...APPLICANTS, ''])];
  for (const r of def.rows) lines.push(row([labels.get(r.id) ?? r.label, ...valuesOf(figures, r)]));
  return lines;
}

/** Table 3 with three label columns, as merged Word cells come out: a group label shares the line of its first row. */
export function table3ThreeColumns(template: Template, figures: Figures, labels: Map<string, string>): string[] {
  const def = t3def(template);
  const lines = [row([HEAD_LONG, '', '', '申请人情况', '', '', '', '', '', '']), row(['---', '---', '---', ...Array(7).fill('---:')]), row(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']), row(['', '', '', '', ...APPLICANTS, ''])];
  let top = '';
  let mid = '';
  for (const r of def.rows) {
    const label = labels.get(r.id) ?? r.label;
    if (r.group) {
      if (/^[一二三四]、/.test(label)) top = label;
      else mid = label;
      continue;
    }
    const v = valuesOf(figures, r);
    if (/^[一二四]、/.test(label) || r.id === 'results_total') lines.push(row([label, '', '', ...v]));
    else if (/^[（(][一二三四五六七][）)]/.test(label)) lines.push(row([top, label, '', ...v]));
    else lines.push(row([top, mid, label, ...v]));
    if (!/^[一二四]、/.test(label)) top = '';
    if (!/^[（(]/.test(label)) mid = '';
  }
  return lines;
}

function cellValue(rng: Rng, kind: string | undefined): string {
  if (kind === 'money') return rng.next() < 0.3 ? '0' : (rng.next() * 3000).toFixed(rng.pick([0, 1, 2, 3]));
  if (kind === 'signed') return String(rng.int(-12, 12));
  return String(rng.next() < 0.2 ? 0 : rng.int(0, rng.pick([5, 30, 300, 3000])));
}

/** Table 2: one table, each 第二十条 block opened by its header cell and a 信息内容 row. */
export function table2(rng: Rng, template: Template): string[] {
  const defs = template.tables.filter((t) => t.part === 't2');
  const width = Math.max(...defs.map((d) => d.columns.length)) + 1;
  const pad = (cells: string[]) => [...cells, ...Array(width - cells.length).fill('')];
  const lines: string[] = [];
  defs.forEach((d, i) => {
    lines.push(row(pad([d.header!])));
    if (i === 0) lines.push(row(Array(width).fill('---')));
    lines.push(row(pad(['信息内容', ...d.columns.map((c) => c.label)])));
    for (const r of d.rows) lines.push(row(pad([r.label, ...d.columns.map((c) => cellValue(rng, c.kind))])));
  });
  return lines;
}

/** Table 4: three header rows as in the format, then one row of fifteen counts. */
export function table4(rng: Rng, template: Template): string[] {
  const def = template.tables.find((t) => t.part === 't4')!;
  const groups: number[][] = [0, 1, 2].map(() => {
    const v = [0, 1, 2, 3].map(() => (rng.next() < 0.6 ? 0 : rng.int(0, 6)));
    return [...v, v.reduce((a, b) => a + b, 0)];
  });
  const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  void def;
  return [
    row(['行政复议', '', '', '', '', '行政诉讼', ...Array(9).fill('')]),
    row(Array(15).fill('---')),
    row([...five, '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', '']),
    row(['', '', '', '', '', ...five, ...five]),
    row(groups.flat().map(String)),
  ];
}
