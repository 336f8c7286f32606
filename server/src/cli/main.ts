// The `nianbao` command line: check, data, diff, import, lsp. Argument parsing
// with commander; the work is in check-command.ts, import-command.ts and the
// server. Only `check` is loaded up front: the other commands are imported
// when run; in the bundle `import` and `lsp` are separate files (esbuild.mjs).
// `runCli` is one run with its streams given (io.ts); run as a program (dist/cli.cjs,
// or this file under tsx) it runs on the process's. The tests call `runCli` of
// the bundle in their own process (test/support/cli.ts).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runCheck, type OutputFormat } from './check-command.ts';
import { runnerFor } from './workers.ts';
import { VERSION } from '../host/version.ts';
import { forgetConfigFiles } from '../host/nianbaorc.ts';
import { registerReview } from './review-command.ts';
import { exportCommand } from './export-command.ts';
import { registerRollup } from './rollup-command.ts';
import { defaultLang as localeLang, processIO, type CliIO } from './io.ts';

function intArg(name: string) {
  return (v: string) => {
    if (!/^\d+$/.test(v)) throw new InvalidArgumentError(`${name} must be a whole number`);
    return Number(v);
  };
}

function shardArg(v: string) {
  const m = /^(\d+)\/(\d+)$/.exec(v);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new InvalidArgumentError('expected i/n with 1 ≤ i ≤ n, e.g. 2/4');
  return { index: Number(m[1]), count: Number(m[2]) };
}

/** One run of `nianbao` with these arguments (without `node` and the script); resolves to the exit status. */
export async function runCli(args: readonly string[], io: CliIO): Promise<number> {
  const defaultLang = () => localeLang(io.env);
  const out = (s: string) => io.stdout(s);
  const err = (s: string) => io.stderr(s);
  let exitCode = 0;
  forgetConfigFiles();

  const program = new Command('nianbao')
    .description('政府信息公开工作年度报告检查 / checker for government information-disclosure annual reports')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err });

  program
    .command('check')
    .description('检查年报 / check reports')
    .argument('[paths...]', '文件、目录或 glob / files, directories or globs')
    .addOption(new Option('--format <format>', '输出格式 / output format').choices(['text', 'json', 'sarif', 'github', 'junit', 'gitlab']).default('text'))
    .option('--fix', '自动修复不改变数字的问题（标签、标题）/ apply fixes that change no figure')
    .option('--fix-figures', '同时修复数字（合计等）/ also apply fixes that set or correct a number')
    .addOption(new Option('--template <id>', '强制使用的格式 / force a format').choices(['2019', '2021']))
    .option('--config <file>', '配置文件 / config file (default: nearest .nianbaorc.json)')
    .addOption(new Option('--lang <lang>', '消息语言 / message language').choices(['zh', 'en']).default(defaultLang()))
    .option('--max-warnings <n>', '警告超过此数时以 1 退出 / exit 1 when warnings exceed n', intArg('--max-warnings'))
    .option('--quiet', '只报告错误 / report errors only')
    .option('--shard <i/n>', '只检查第 i 份（共 n 份）/ check shard i of n', shardArg)
    .option('--jobs <n>', '并行线程数（0：不用线程）/ worker threads (default: number of cores; 0: none)', intArg('--jobs'))
    .option('--no-fail', '有错误也以 0 退出（演示用）/ exit 0 even with errors (demonstrations)')
    .option('--summary', '最后按机关和年度列出错误和警告数（问题最多的在前）/ end with a table per agency and year, worst first')
    .option('--published', '目录中也检查已发布的报告：PDF、Word、网页、文本（导入后检查，不写文件）/ directories: also check published reports (.pdf, .docx, .html, .txt)')
    .addOption(new Option('--baseline <file>', '只报告基线中没有的新问题 / report only findings not in this baseline (docs/baseline.md)').conflicts('writeBaseline'))
    .option('--write-baseline <file>', '把本次的全部问题记入基线文件 / record every finding of this run in a baseline file')
    .addOption(new Option('--junit-warnings <how>', 'junit 格式中警告的写法：列在 system-out，或作为失败 / junit: warnings in <system-out> or as failures').choices(['system-out', 'failure']).default('system-out'))
    .option('--cache', '只检查上次检查后有变化的文件 / check only files changed since the last --cache run')
    .option('--cache-location <dir>', '缓存目录 / cache directory (default: node_modules/.cache/nianbao)')
    .action(async (paths: string[], o) => {
      // --cache-location alone does not turn the cache on (as in eslint and prettier).
      const cache = o.cache ? (await import('./cached-runner.ts')).openCheckCache(o.cacheLocation, { fix: !!o.fix, fixFigures: !!o.fixFigures, template: o.template, config: o.config, lang: o.lang }, (s) => err(s + '\n')) : undefined;
      const { code } = await runCheck(
        { paths, format: o.format as OutputFormat, fix: !!o.fix, fixFigures: !!o.fixFigures, template: o.template, config: o.config, lang: o.lang, maxWarnings: o.maxWarnings, quiet: !!o.quiet, noFail: o.fail === false, shard: o.shard, jobs: o.jobs, summary: !!o.summary, junitWarnings: o.junitWarnings, baseline: o.baseline, writeBaseline: o.writeBaseline, published: o.published ? true : undefined },
        { out: (s) => out(s + '\n'), err: (s) => err(s + '\n'), color: io.stdoutTTY && !io.env.NO_COLOR, progress: io.stderrTTY ? err : undefined },
        cache ? cache.runner(runnerFor(o.jobs)) : runnerFor(o.jobs),
      );
      cache?.save();
      exitCode = code;
    });

  program
    .command('data')
    .description('导出每份报告的表格数字和问题数（供电子表格使用）/ export every report\'s figures and finding counts')
    .argument('[paths...]', '文件、目录或 glob / files, directories or globs')
    .addOption(new Option('--format <format>', '输出格式（xlsx 需要 -o）/ output format (xlsx needs -o)').choices(['csv', 'json', 'xlsx']).default('csv'))
    .option('-o, --output <file>', '写入文件而不是标准输出 / write to a file instead of stdout')
    .addOption(new Option('--template <id>', '强制使用的格式 / force a format').choices(['2019', '2021']))
    .option('--config <file>', '配置文件 / config file (default: nearest .nianbaorc.json)')
    .option('--published', '目录中也读取已发布的报告：PDF、Word、网页、文本 / directories: published reports too (.pdf, .docx, .html, .txt)')
    .addOption(new Option('--lang <lang>', '消息语言 / message language').choices(['zh', 'en']).default(defaultLang()))
    .option('--cache', '只分析上次 --cache 运行后有变化的文件 / analyse only files changed since the last --cache run')
    .option('--cache-location <dir>', '缓存目录 / cache directory (default: node_modules/.cache/nianbao)')
    .action(async (paths: string[], o) => {
      const { runData } = await import('./data-command.ts');
      const cached = o.cache ? await import('./cached-runner.ts') : undefined;
      const cache = cached?.openDataCache(o.cacheLocation, { template: o.template, config: o.config });
      exitCode = await runData(
        { paths, format: o.format, output: o.output, template: o.template, config: o.config, lang: o.lang, cache, published: o.published ? true : undefined },
        { out, err: (s) => err(s + '\n') },
      );
      if (cache) cached!.saveCache(cache, (s) => err(s + '\n'));
    });

  registerReview(program, io, (code) => (exitCode = code));

  program
    .command('diff')
    .description('与上一年度报告逐段、逐个数字比较 / compare with last year\'s report, section by section and figure by figure')
    .argument('<last>', '上一年度报告 / last year\'s report')
    .argument('<this>', '本年度报告 / this year\'s report')
    .addOption(new Option('--format <format>', '输出格式 / output format').choices(['text', 'json', 'markdown']).default('text'))
    .option('--changed', '只列出有变化的数字 / list only the figures that changed')
    .addOption(new Option('--template <id>', '强制使用的格式 / force a format').choices(['2019', '2021']))
    .option('--config <file>', '配置文件 / config file (default: nearest .nianbaorc.json)')
    .addOption(new Option('--lang <lang>', '消息语言 / message language').choices(['zh', 'en']).default(defaultLang()))
    .action(async (last: string, current: string, o) => {
      const { runDiff } = await import('./diff-command.ts');
      exitCode = await runDiff(
        { last, this: current, format: o.format, lang: o.lang, template: o.template, config: o.config, changedOnly: !!o.changed },
        { out: (s) => out(s.endsWith('\n') ? s : s + '\n'), err: (s) => err(s + '\n') },
      );
    });

  program
    .command('import')
    .description('把 PDF、Word、网页或复制的文本导入为可检查的 Markdown / import a PDF, .docx, web page or copied text as Markdown')
    .argument('<file>', '.pdf、.docx、.html/.htm、.txt 或 .md 文件 / the file to import')
    .option('-o, --out <file>', '输出文件（默认输出到标准输出）/ output file (default: stdout)')
    .addOption(new Option('--from <kind>', '按此类型读取 / read the file as').choices(['text', 'html', 'docx', 'pdf']))
    .option('--check', '导入后立即检查 / check the result')
    .addOption(new Option('--template <id>', '强制使用的格式 / force a format').choices(['2019', '2021']))
    .addOption(new Option('--lang <lang>', '消息语言 / message language').choices(['zh', 'en']).default(defaultLang()))
    .action(async (file: string, o) => {
      const { runImport } = await import('./import-command.ts');
      exitCode = await runImport(
        { file, out: o.out, from: o.from, check: !!o.check, lang: o.lang, template: o.template },
        { stdout: out, stderr: err },
      );
    });

  program.addCommand(exportCommand(defaultLang(), io, (code) => (exitCode = code)));
  registerRollup(program, io, (code) => (exitCode = code));

  program
    .command('lsp')
    .description('以 LSP 服务器运行（供其他编辑器和 CI 使用）/ run the language server')
    .option('--stdio', 'use stdio')
    .option('--node-ipc', 'use node IPC')
    .allowUnknownOption(true)
    .action(async () => {
      // The language server's entry starts it when loaded, reading the transport (--stdio, --node-ipc)
      // from the command line as when run alone; bundled, this is dist/server.cjs itself.
      await import('../lsp/main.ts');
    });

  // Commands added whole (addCommand) do not inherit these: a usage error is exit 2 in every command, and
  // commander writes its help and errors to the run's streams, never exiting the process itself.
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: out, writeErr: err });

  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    err(`nianbao: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  return exitCode;
}

/** Run as a program: dist/cli.cjs (also through the npm bin link), or this file under tsx. */
function runAsProgram(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (runAsProgram()) {
  // A closed pipe (`nianbao check | head`) ends the run quietly, as Unix tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  void runCli(process.argv.slice(2), processIO()).then((code) => {
    process.exitCode = code;
  });
}
