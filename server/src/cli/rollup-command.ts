// `nianbao rollup UNITS… [-o FILE] [--agency NAME]`: the region's tables 2–4
// as the sum of its units' reports, written as a report in the official
// layout (Markdown) with the units listed: the starting point of a 区/县 or
// 市 report, which its office otherwise adds up by hand. What is summed:
// engine/cross/rollup.ts. The units must be reports of one year in one
// format; anything else is a usage error (exit 2) that names the files.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { analyze } from '../engine/analyze.ts';
import { rollupMarkdown, type Unit } from '../engine/cross/rollup.ts';
import { builtinTemplates } from '../engine/templates/builtin.ts';
import { configFor } from '../host/nianbaorc.ts';
import { readReportText } from '../host/report-file.ts';
import { expand } from '../host/discovery.ts';
import type { CliIO } from './io.ts';

export interface RollupArgs {
  units: string[];
  out?: string;
  agency?: string;
  template?: string;
}

export interface RollupIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

export async function runRollup(args: RollupArgs, io: RollupIO): Promise<number> {
  const { targets, missing } = await expand(args.units);
  for (const m of missing) io.err(`${m}: 没有匹配的文件 (no such file or no match)`);
  const units: Unit[] = [];
  for (const t of targets) {
    try {
      const { config, templates } = configFor(t.path);
      const report = analyze(readReportText(t.path, config.maxFileSize), { templates: [...builtinTemplates, ...templates], template: args.template ?? config.template, blankCells: config.blankCells }).report;
      units.push({ path: t.path, report });
    } catch (e) {
      io.err(`${t.path}: ${e instanceof Error ? e.message : String(e)}`);
      return 2;
    }
  }
  if (missing.length || units.length === 0) {
    if (units.length === 0) io.err('没有可汇总的报告 (no unit reports)');
    return 2;
  }
  const years = new Set(units.map((u) => u.report.year));
  const formats = new Set(units.map((u) => u.report.template.id));
  if (years.size > 1 || years.has(undefined) || formats.size > 1) {
    io.err(`各单位报告的年度和格式必须相同 (the units must be reports of one year in one format):\n${units.map((u) => `  ${u.path}: ${u.report.year ?? '年度不明'}年度, ${u.report.template.id}年版格式`).join('\n')}`);
    return 2;
  }
  const text = rollupMarkdown(units[0].report.template, units, { agency: args.agency, year: units[0].report.year! }) + '\n';
  if (args.out) {
    writeFileSync(args.out, text);
    io.err(`已汇总 ${units.length} 个单位的报告，写入 ${args.out} (summed ${units.length} reports)`);
  } else io.out(text);
  return 0;
}

/** The `rollup` command (one line in main.ts registers it): writes to the run's streams, hands back its exit status. */
export function registerRollup(program: Command, io: CliIO, exit: (code: number) => void): void {
  program
    .command('rollup')
    .description('把下属单位报告的表二至表四逐项相加，写成本行政区域报告的初稿 / sum the units\' tables 2–4 into a draft of the region\'s report')
    .argument('<units...>', '下属单位的报告（文件、目录或 glob）/ the units\' reports')
    .option('-o, --out <file>', '输出文件（默认输出到标准输出）/ output file (default: stdout)')
    .option('--agency <name>', '区域报告的机关名称（写在标题中）/ the region\'s name for the title')
    .option('--template <id>', '强制使用的格式 / force a format')
    .action(async (units: string[], o) => {
      exit(await runRollup(
        { units, out: o.out, agency: o.agency, template: o.template },
        { out: (s) => io.stdout(s), err: (s) => io.stderr(s + '\n') },
      ));
    });
}
