// `nianbao import FILE [-o OUT.md] [--from text|html|docx] [--check]`: turn a
// Word file, a web page or copied text into a report in Markdown, print an
// account of every cell, and (--check) the checker's findings on the result.
// Exit: 0 done; 1 --check found errors; 2 unreadable source, not a report,
// or the output could not be written.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { analyze } from '../engine/analyze.ts';
import type { Diagnostic, Lang } from '../engine/types.ts';
import { formatAccount } from '../engine/import/account.ts';
import { ImportError, importReport, type ImportResult, type SourceKind } from '../host/published/index.ts';

export interface ImportArgs {
  file: string;
  out?: string;
  from?: SourceKind;
  check?: boolean;
  lang?: Lang;
  /** Force a format (2019, 2021). */
  template?: string;
}

export interface ImportIO {
  /** Receives whole chunks of output, newlines included. */
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

function position(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) { line++; start = i + 1; }
  return { line, col: offset - start + 1 };
}

export function formatDiagnostics(text: string, diagnostics: Diagnostic[], lang: Lang): string {
  const zh = lang === 'zh';
  const sev = { error: zh ? '错误' : 'error', warning: zh ? '警告' : 'warning', info: zh ? '提示' : 'info' };
  const lines = diagnostics.map((d) => {
    const p = position(text, d.range.start);
    return `  ${p.line}:${p.col} ${sev[d.severity]} ${zh ? d.message.zh : d.message.en} [${d.ruleId}]`;
  });
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const infos = diagnostics.length - errors - warnings;
  const head = zh ? '检查结果：' : 'Check:';
  const tail = zh
    ? `  ${diagnostics.length === 0 ? '✓ 没有发现问题' : `✖ ${diagnostics.length} 个问题（${errors} 个错误，${warnings} 个警告${infos ? `，${infos} 个提示` : ''}）`}`
    : `  ${diagnostics.length === 0 ? '✓ no problems' : `✖ ${diagnostics.length} problems (${errors} errors, ${warnings} warnings${infos ? `, ${infos} infos` : ''})`}`;
  return [head, ...lines, tail].join('\n') + '\n';
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Writes through a temporary file in the same folder, renamed over the target: never a half-written file. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.unlink(tmp).catch(() => {});
    throw e;
  }
}

export async function runImport(args: ImportArgs, io: ImportIO): Promise<number> {
  const lang: Lang = args.lang ?? 'zh';
  const zh = lang === 'zh';
  const fail = (reason: string) => {
    io.stderr(`nianbao import: ${args.file}: ${reason}\n`);
    return 2;
  };
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(args.file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? (zh ? '文件不存在' : 'no such file') : code === 'EISDIR' ? (zh ? '这是目录，不是文件' : 'is a directory') : code === 'EACCES' ? (zh ? '没有读取权限' : 'permission denied') : (e as Error).message;
    return fail(zh ? `无法读取：${why}` : `cannot read: ${why}`);
  }
  let result: ImportResult;
  try {
    result = await importReport(bytes, { from: args.from, fileName: args.file, template: args.template });
  } catch (e) {
    if (e instanceof ImportError) return fail(zh ? `无法导入：${e.text.zh}` : `cannot import: ${e.text.en}`);
    return fail(zh ? `无法导入：文件无法解析（${(e as Error).message}）` : `cannot import: the file cannot be parsed (${(e as Error).message})`);
  }
  const analysis = analyze(result.markdown, args.template ? { template: args.template } : {});
  // Not a report: the import found no report title and fewer than two of the format's sections.
  if (result.account.title === undefined && result.account.sections < 2) {
    return fail(zh ? '不是政府信息公开工作年度报告：没有报告标题，能识别的栏目少于两个' : 'not an information-disclosure annual report: no report title and fewer than two known sections');
  }
  // `-o -` is standard output, as in `nianbao export` (never a file named "-").
  const out = args.out === '-' ? undefined : args.out;
  const report = out ? io.stdout : io.stderr;
  if (out) {
    if (await sameFile(out, args.file)) return fail(zh ? `拒绝覆盖源文件（-o ${out} 就是要导入的文件）` : `refusing to overwrite the source file (-o ${out} is the file being imported)`);
    try {
      await writeAtomic(out, result.markdown);
    } catch (e) {
      return fail(zh ? `无法写入 ${out}：${(e as Error).message}` : `cannot write ${out}: ${(e as Error).message}`);
    }
  } else io.stdout(result.markdown);
  report(formatAccount(result.account, args.file, lang) + (out ? (zh ? `  已写入 ${out}\n` : `  written to ${out}\n`) : ''));
  if (!args.check) return 0;
  report(formatDiagnostics(result.markdown, analysis.diagnostics, lang));
  return analysis.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
