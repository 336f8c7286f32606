// `nianbao diff LAST.md THIS.md [--format text|json|markdown]`: year over
// year, section by section: the paragraphs kept word for word (内容雷同 if the
// year changed and the text did not), changed, added and removed; then every
// table figure with last year's value, this year's and the change. The
// comparison is the engine's (engine/cross/year-diff.ts); this prints it.
import { analyze } from '../engine/analyze.ts';
import { diffReports, type DiffSide, type YearDiff } from '../engine/cross/year-diff.ts';
import { formatNumber } from '../engine/relations.ts';
import type { Report } from '../engine/model.ts';
import { builtinTemplates } from '../engine/templates/builtin.ts';
import type { Lang } from '../engine/types.ts';
import { configFor } from '../host/nianbaorc.ts';
import { LoadError, loadReport } from '../host/load-report.ts';

const KIND_ZH = { kept: '未改动', changed: '改动', added: '新增', removed: '删除' };
const KIND_EN = { kept: 'kept word for word', changed: 'changed', added: 'added', removed: 'removed' };

function show(v: number | string | null): string {
  return v === null ? '—' : typeof v === 'number' ? formatNumber(v) : v;
}

function signed(n: number | null): string {
  return n === null ? '' : n > 0 ? `+${formatNumber(n)}` : n === 0 ? '0' : formatNumber(n);
}

function sideLine(s: DiffSide, lang: Lang): string {
  return lang === 'zh'
    ? `${s.path}（${s.agency ?? '未识别机关'}，${s.year ?? '?'}年度，${s.template}年版格式）`
    : `${s.path} (${s.agency ?? 'unknown agency'}, ${s.year ?? '?'}, ${s.template} format)`;
}

export function diffText(d: YearDiff, lang: Lang, changedOnly = false): string {
  const zh = lang === 'zh';
  const K = zh ? KIND_ZH : KIND_EN;
  const out = [`${zh ? '上一年度' : 'Last'}: ${sideLine(d.last, lang)}`, `${zh ? '本年度' : 'This'}: ${sideLine(d.this, lang)}`, ...d.notes.map((n) => `! ${n}`), ''];
  const mark = { kept: '=', changed: '~', added: '+', removed: '-' };
  for (const s of d.sections) {
    const c = s.counts;
    out.push(`== ${s.title} ==  (${K.kept} ${c.kept} / ${K.changed} ${c.changed} / ${K.added} ${c.added} / ${K.removed} ${c.removed})`);
    for (const ch of s.changes) {
      if (ch.kind === 'changed') {
        out.push(`  ~ ${K.changed} (${Math.floor((ch.similarity ?? 0) * 100)}%)`, `    - ${ch.last}`, `    + ${ch.this}`);
      } else {
        out.push(`  ${mark[ch.kind]} ${ch.kind === 'kept' ? `${K.kept}${ch.boilerplate ? (zh ? '（固定表述）' : ' (fixed wording)') : ''}: ` : ''}${ch.this ?? ch.last}`);
      }
    }
    out.push('');
  }
  out.push(`== ${zh ? '表格数字（上年 → 本年，变化）' : 'Table figures (last → this, change)'} ==`);
  const rows = d.figures.filter((f) => !changedOnly || f.change !== 0);
  const cells = rows.map((f) => [f.name, show(f.last), show(f.this), f.change === null ? '—' : signed(f.change)]);
  const w = [0, 1, 2, 3].map((i) => Math.max(0, ...cells.map((c) => c[i].length)));
  rows.forEach((f, k) => {
    const [name, a, b, c] = cells[k];
    out.push(`  ${f.change !== 0 ? '*' : ' '} ${name.padEnd(w[0])}  ${a.padStart(w[1])} → ${b.padStart(w[2])}  ${c.padStart(w[3])}  ${f.label}`);
  });
  const changed = d.figures.filter((f) => f.change !== 0).length;
  out.push('', zh ? `共 ${d.figures.length} 个数字，${changed} 个有变化或无法比较` : `${d.figures.length} figures, ${changed} changed or not comparable`);
  return out.join('\n');
}

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function diffMarkdown(d: YearDiff, lang: Lang, changedOnly = false): string {
  const zh = lang === 'zh';
  const K = zh ? KIND_ZH : KIND_EN;
  const out = [`# ${zh ? '年度报告逐年比较' : 'Year-over-year comparison'}`, '', `- ${zh ? '上一年度' : 'Last'}: ${sideLine(d.last, lang)}`, `- ${zh ? '本年度' : 'This'}: ${sideLine(d.this, lang)}`, ...d.notes.map((n) => `- ⚠ ${n}`), ''];
  const quote = (s: string) => s.split(/\r?\n/).map((l) => `> ${l}`).join('\n');
  for (const s of d.sections) {
    const c = s.counts;
    out.push(`## ${s.title}`, '', `${K.kept} ${c.kept} · ${K.changed} ${c.changed} · ${K.added} ${c.added} · ${K.removed} ${c.removed}`, '');
    for (const kind of ['kept', 'changed', 'added', 'removed'] as const) {
      const list = s.changes.filter((x) => x.kind === kind);
      if (list.length === 0) continue;
      out.push(`### ${K[kind]}${kind === 'kept' ? (zh ? '（与上一年度逐字相同）' : ' (word for word as last year)') : ''}`, '');
      for (const ch of list) {
        if (kind === 'changed') out.push(`${zh ? '上年' : 'Last'} (${Math.floor((ch.similarity ?? 0) * 100)}%):`, '', quote(ch.last!), '', `${zh ? '本年' : 'This'}:`, '', quote(ch.this!), '');
        else out.push(quote((ch.this ?? ch.last)!) + (ch.boilerplate ? `\n\n${zh ? '（固定表述）' : '(fixed wording)'}` : ''), '');
      }
    }
  }
  out.push(`## ${zh ? '表格数字' : 'Table figures'}`, '', zh ? '| 数字 | 名称 | 上年 | 本年 | 变化 |' : '| Figure | Name | Last | This | Change |', '|---|---|---:|---:|---:|');
  for (const f of d.figures.filter((x) => !changedOnly || x.change !== 0)) {
    out.push(`| \`${f.name}\` | ${mdCell(f.label)} | ${mdCell(show(f.last))} | ${mdCell(show(f.this))} | ${f.change === null ? '—' : signed(f.change)} |`);
  }
  return out.join('\n') + '\n';
}

export interface DiffArgs {
  last: string;
  this: string;
  format: 'text' | 'json' | 'markdown';
  lang: Lang;
  template?: string;
  config?: string;
  changedOnly?: boolean;
}

/** Either year's report in any form: a PDF, Word file or web page is imported in memory (host/load-report.ts). */
async function load(path: string, args: DiffArgs): Promise<Report> {
  const { config, templates } = configFor(path, args.config);
  const loaded = await loadReport(path, { maxSize: config.maxFileSize, template: args.template ?? config.template });
  return analyze(loaded.text, { templates: [...builtinTemplates, ...templates], template: args.template ?? config.template, blankCells: config.blankCells }).report;
}

/** Exit: 0 compared; 2 a file could not be read. */
export async function runDiff(args: DiffArgs, io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const reports: Report[] = [];
  for (const path of [args.last, args.this]) {
    try {
      reports.push(await load(path, args));
    } catch (e) {
      const why = e instanceof LoadError ? e.reason[args.lang] : e instanceof Error ? e.message : String(e);
      io.err(`nianbao diff: ${path}: ${why}`);
      return 2;
    }
  }
  const [last, now] = reports;
  const d = diffReports(last, now, { last: args.last, this: args.this });
  if (args.format === 'json') io.out(JSON.stringify(d, null, 2));
  else if (args.format === 'markdown') io.out(diffMarkdown(d, args.lang, args.changedOnly));
  else io.out(diffText(d, args.lang, args.changedOnly));
  return 0;
}
