// `nianbao export REPORT.md --to docx|html [-o OUT] [--strict]`: the command's
// definition. The work is in export-run.ts, bundled on its own
// (dist/export.cjs, with the docx library) and loaded only when the command runs.
import { Command, Option } from 'commander';
import type { CliIO } from './io.ts';

/** The `export` command: writes to the run's streams, hands back its exit status. */
export function exportCommand(lang: 'zh' | 'en', io: CliIO, exit: (code: number) => void): Command {
  return new Command('export')
    .description('把年报导出为官方格式的 Word 文件或网页 / export a report to Word or a web page in the official layout')
    .argument('<report>', 'Markdown 格式的年报 / the report in Markdown')
    .addOption(new Option('--to <format>', '导出格式 / output format').choices(['docx', 'html']).makeOptionMandatory())
    .option('-o, --out <file>', '输出文件（默认与报告同名，扩展名 .docx/.html；- 为标准输出）/ output file (default: beside the report; - for stdout)')
    .option('--strict', '报告有错误时不导出 / refuse to export a report that has errors')
    .addOption(new Option('--template <id>', '强制使用的格式 / force a format').choices(['2019', '2021']))
    .option('--config <file>', '配置文件 / config file (default: nearest .nianbaorc.json)')
    .addOption(new Option('--lang <lang>', '消息语言 / message language').choices(['zh', 'en']).default(lang))
    .action(async (file: string, o) => {
      const { runExport } = await import('./export-run.ts');
      exit(await runExport(
        { file, to: o.to, out: o.out, strict: !!o.strict, template: o.template, config: o.config, lang: o.lang },
        { stdout: io.stdout, stderr: io.stderr },
      ));
    });
}
