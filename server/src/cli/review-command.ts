// `nianbao review PATHS… -o review.html`: one self-contained page for a batch
// of reports (overview, sortable table with the indicators, charts, every
// finding in context). The command and its run; server/src/review/ reads the
// files as `check` does (collect.ts: any form, --published for directories)
// and builds the page. ECharts is loaded
// only when the first chart is drawn.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Lang } from '../engine/types.ts';
import { VERSION } from '../host/version.ts';
import { collectReview, type ReviewIO } from '../review/collect.ts';
import { publishedFor, publishedHint } from './published-option.ts';
import { defaultLang, type CliIO } from './io.ts';

export interface ReviewArgs {
  paths: string[];
  output: string;
  lang: Lang;
  template?: string;
  config?: string;
  /** Directories: published reports too (PDF, Word, web page, text); else the `published` of the directory's .nianbaorc.json. */
  published?: boolean;
}

/** Exit: 0 written; 2 some file could not be read (the page lists it); the page is written either way. */
export async function runReview(args: ReviewArgs, io: ReviewIO): Promise<number> {
  const { reports, unreadable, publishedOnly } = await collectReview({ ...args, published: publishedFor(args.published, args.config) }, io);
  for (const p of publishedOnly) io.err(publishedHint(p, args.lang));
  const { buildModel } = await import('../review/model.ts');
  const { renderCharts } = await import('../review/charts.ts');
  const { pageHtml } = await import('../review/html.ts');
  const model = buildModel(reports, unreadable, args.lang);
  const html = pageHtml(model, await renderCharts(model), VERSION);
  writeFileSync(args.output, html, 'utf8');
  // Each reason already says what failed (无法导入：…, 文件不存在, 不是年报：…), as check's do: the path and it, once.
  for (const u of unreadable) io.err(`${u.path}: ${u.reason}`);
  const o = model.overview;
  io.err(args.lang === 'zh'
    ? `已写入 ${args.output}：${o.reports} 份报告，${o.agencies} 个机关，${o.errors} 个错误，${o.warnings} 个警告`
    : `${args.output} written: ${o.reports} reports, ${o.agencies} agencies, ${o.errors} errors, ${o.warnings} warnings`);
  return unreadable.length ? 2 : 0;
}

/** The `review` command (one line in main.ts registers it): writes to the run's streams, hands back its exit status. */
export function registerReview(program: Command, io: CliIO, exit: (code: number) => void): void {
  program
    .command('review')
    .description('为一批报告生成一页审阅报告（概览、指标、图表、每个问题的上下文）/ one HTML page reviewing a batch of reports')
    .argument('[paths...]', '文件、目录或 glob / files, directories or globs')
    .requiredOption('-o, --output <file>', '输出的 HTML 文件 / the HTML file to write')
    .addOption(new Option('--template <id>', '强制使用的格式 / force a format').choices(['2019', '2021']))
    .option('--config <file>', '配置文件 / config file (default: nearest .nianbaorc.json)')
    .option('--published', '目录中也读取已发布的报告：PDF、Word、网页、文本（导入后检查）/ directories: published reports too (.pdf, .docx, .html, .txt)')
    .addOption(new Option('--lang <lang>', '页面语言 / page language').choices(['zh', 'en']).default(defaultLang(io.env)))
    .action(async (paths: string[], o) => {
      exit(await runReview(
        { paths, output: o.output, lang: o.lang, template: o.template, config: o.config, published: o.published ? true : undefined },
        {
          err: (s) => io.stderr(s + '\n'),
          ...(io.stderrTTY ? { progress: (s: string) => io.stderr(`\r\x1b[K${s}`) } : {}),
        },
      ));
    });
}
