// Deterministic corpus generator: realistic 政府信息公开工作年度报告 in Markdown
// for benchmarks and tests. A seed fixes everything: format (2019 or 2021 by
// year), size (5–60 KB), narrative (drawn from bench/sentences.ts with the
// year, agency and figures put in), heading style, table 3 layout (one or
// three label columns), line endings, a little Markdown variety (lists, block
// quotes, HTML comments), and the injected errors (a wrong total, a typo'd
// label, a missing section, a blank cell). Figures satisfy every relation of
// the format unless an error was injected on purpose.
//
// `node --import tsx bench/generate.ts DIR COUNT [SEED]` writes a corpus.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinTemplates } from '../server/src/engine/templates/builtin.ts';
import type { Template } from '../server/src/engine/templates/template.ts';
import { table2, table3Figures, table3OneColumn, table3ThreeColumns, table4 } from './report-tables.ts';
import { Rng } from './rng.ts';
import { AGENCY_BODIES, AGENCY_PLACES, OTHER, OVERVIEW, PLATFORMS, PROBLEMS, SUBHEADS } from './sentences.ts';

export type InjectedError = 'wrong-total' | 'label-typo' | 'missing-section' | 'blank-cell';
export const INJECTED_ERRORS: readonly InjectedError[] = ['wrong-total', 'label-typo', 'missing-section', 'blank-cell'];

export interface ReportOptions {
  /** Approximate size in UTF-8 bytes; default drawn between 5 and 60 KB. */
  bytes?: number;
  year?: number;
  layout?: 'one-column' | 'three-columns';
  /** Errors to inject; default: none for most reports, one or two for about a third. */
  errors?: InjectedError[];
}

export interface GeneratedReport {
  name: string;
  text: string;
  year: number;
  template: string;
  layout: 'one-column' | 'three-columns';
  errors: InjectedError[];
}

const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

function fill(rng: Rng, sentence: string, vars: Record<string, string>): string {
  return sentence.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (k === 'n') return String(rng.int(20, 3000));
    if (k === 'm') return String(rng.int(3, 400));
    if (k === 'k') return String(rng.int(1, 30));
    if (k === 'platform') return rng.pick(PLATFORMS);
    if (k === 'month') return String(rng.int(1, 12));
    return vars[k] ?? k;
  });
}

function paragraph(rng: Rng, pool: readonly string[], vars: Record<string, string>): string {
  const n = rng.int(2, 6);
  return Array.from({ length: n }, () => fill(rng, rng.pick(pool), vars)).join('');
}

/** Removes one character inside a label, after its numbering, as copying from PDF does. */
function typo(rng: Rng, label: string): string {
  const lead = /^([一二三四]、|[（(][一二三四五六七][）)]|\d\.)/.exec(label)?.[0].length ?? 0;
  const at = rng.int(lead + 2, label.length - 2);
  return label.slice(0, at) + label.slice(at + 1);
}

function chooseErrors(rng: Rng): InjectedError[] {
  if (rng.next() < 0.65) return [];
  const first = rng.pick(INJECTED_ERRORS);
  if (rng.next() < 0.7) return [first];
  const second = rng.pick(INJECTED_ERRORS.filter((e) => e !== first));
  return [first, second];
}

/** Report sizes: log-uniform between 5 and 60 KB (median about 17 KB). */
export function reportBytes(rng: Rng): number {
  return Math.round(5 * 1024 * Math.pow(12, rng.next()));
}

export function generateReport(seed: number, options: ReportOptions = {}): GeneratedReport {
  const rng = new Rng(seed * 2654435761 + 17);
  const year = options.year ?? rng.int(2019, 2024);
  const template: Template = builtinTemplates.find((t) => (t.years.from ?? 0) <= year && year <= (t.years.to ?? 9999))!;
  const agency = rng.pick(AGENCY_PLACES) + rng.pick(AGENCY_BODIES);
  const layout = options.layout ?? (rng.next() < 0.5 ? 'one-column' : 'three-columns');
  const errors = options.errors ?? chooseErrors(rng);
  const target = options.bytes ?? reportBytes(rng);

  const figures = table3Figures(rng, template);
  const labels = new Map<string, string>();
  const t3 = template.tables.find((t) => t.part === 't3')!;
  const leaves = t3.rows.filter((r) => !r.group && r.label.length >= 8);
  if (errors.includes('wrong-total')) {
    const id = rng.pick(['new', 'disclosed', 'results_total', 'carry_over']);
    const v = figures.get(id)!;
    v[6] = String(Number(v[6]) + rng.int(1, 9));
  }
  if (errors.includes('blank-cell')) figures.get(rng.pick(leaves).id)![rng.int(0, 5)] = '';
  if (errors.includes('label-typo')) {
    const r = rng.pick(leaves);
    labels.set(r.id, typo(rng, r.label));
  }
  const newTotal = figures.get('new')![6];
  const t4 = table4(rng, template);
  const vars = { year: String(year), agency, new: newTotal, review: t4[4].split('|')[5].trim() };

  // Heading style and Markdown variety, fixed per report.
  const style = rng.pick(['## ', '**', '']);
  const heading = (s: string) => (style === '**' ? `**${s}**` : style + s);
  const missing = errors.includes('missing-section') ? rng.pick(['problems', 'other', 'overview']) : undefined;

  const body = new Map<string, string[]>();
  const weights: Record<string, number> = { overview: 0.55, proactive: 0.05, requests: 0.05, review: 0.05, problems: 0.2, other: 0.1 };
  for (const s of template.sections) body.set(s.id, [paragraph(rng, s.id === 'problems' ? PROBLEMS : s.id === 'other' ? OTHER : OVERVIEW, vars)]);
  // From report year 2021 the fees charged (or that none were) are stated under 六.
  if (year >= 2021) body.get('other')!.unshift(fill(rng, OTHER[rng.int(0, 1)], vars));
  const comment = rng.next() < 0.05;
  // Published in time: departments by 31 January (条例 第四十九条).
  const date = `${year + 1}年1月${rng.int(5, 30)}日`;
  // The 2021 format's overview has five sub-parts: spread the paragraphs under their sub-headings.
  const overview = (paras: string[]) => {
    if (year < 2021) return paras;
    const per = Math.ceil(paras.length / SUBHEADS.length);
    return SUBHEADS.flatMap((h, i) => [heading(h).replace(/^## /, '### '), ...paras.slice(i * per, (i + 1) * per)]);
  };

  const tables: Record<string, string[]> = {
    t2: table2(rng, template),
    t3: layout === 'one-column' ? table3OneColumn(template, figures, labels) : table3ThreeColumns(template, figures, labels),
    t4,
  };
  const render = () => {
    const out = [`# ${agency}${year}年政府信息公开工作年度报告`];
    if (comment) out.push('<!-- 来源：本机关门户网站政府信息公开专栏 -->');
    out.push(fill(new Rng(seed), '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室印发的政府信息公开工作年度报告格式要求编制，统计期限为{year}年1月1日至{year}年12月31日。', vars));
    for (const s of template.sections) {
      if (s.id === missing) continue;
      out.push(heading(`${s.numeral}、${s.title}`));
      out.push(...(s.id === 'overview' ? overview(body.get(s.id)!) : body.get(s.id)!));
      if (s.table) out.push(tables[s.table].join('\n'));
    }
    out.push(agency, date);
    return out.join('\n\n') + '\n';
  };

  // Grow the narrative until the report reaches its size.
  const extra = new Rng(seed + 99);
  let size = byteLength(render());
  const ids = template.sections.map((s) => s.id);
  while (size < target) {
    let u = extra.next();
    const id = ids.find((k) => (u -= weights[k] ?? 0) < 0) ?? 'overview';
    const pool = id === 'problems' ? PROBLEMS : id === 'other' ? OTHER : OVERVIEW;
    const roll = extra.next();
    let p: string;
    if (roll < 0.04) p = Array.from({ length: extra.int(2, 5) }, (_, i) => `${i + 1}. ${fill(extra, extra.pick(pool), vars)}`).join('\n');
    else if (roll < 0.07) p = Array.from({ length: extra.int(2, 4) }, () => `- ${fill(extra, extra.pick(pool), vars)}`).join('\n');
    else if (roll < 0.08) p = `> 注：${fill(extra, extra.pick(pool), vars)}`;
    else p = paragraph(extra, pool, vars);
    const list = body.get(id)!;
    list.splice(extra.int(0, list.length), 0, p);
    size += byteLength(p) + 2;
  }
  let text = render();
  if (rng.next() < 0.1) text = text.replace(/\n/g, '\r\n');
  return { name: `report-${String(seed).padStart(5, '0')}.md`, text, year, template: template.id, layout, errors };
}

/** `count` reports with seeds first..first+count-1, made one at a time (a 10,000-report corpus never sits in memory). */
export function* generateCorpus(count: number, first = 1): Generator<GeneratedReport> {
  for (let i = 0; i < count; i++) yield generateReport(first + i);
}

/** Many reports in one file, as counties publish the reports of all their departments: at least `bytes` UTF-8 bytes. */
export function generateCompendium(seed: number, bytes = 1 << 20): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const r = generateReport(seed * 100003 + i, { errors: [] });
    const t = r.text.replace(/\r\n/g, '\n');
    parts.push(t);
    size += byteLength(t) + 1;
  }
  return parts.join('\n');
}

export function writeCorpus(dir: string, count: number, first = 1): string[] {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (const r of generateCorpus(count, first)) {
    const p = join(dir, r.name);
    writeFileSync(p, r.text);
    paths.push(p);
  }
  return paths;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count, seed] = process.argv.slice(2);
  if (!dir || !count) {
    process.stderr.write('usage: node --import tsx bench/generate.ts DIR COUNT [SEED]\n');
    process.exit(2);
  }
  const paths = writeCorpus(dir, Number(count), seed ? Number(seed) : 1);
  process.stdout.write(`${paths.length} reports in ${dir}\n`);
}
