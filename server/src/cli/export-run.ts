// `nianbao export`: read the report (any encoding decode.ts knows), check it
// with the settings `check` would use, write the Word file or web page in the
// official layout atomically. A report with errors is exported all the same
// (the figures are never changed) and stderr says how many; --strict refuses.
// Exit: 0 written; 1 --strict and the report has errors; 2 the report cannot
// be read, is not a report, or the output cannot be written.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { builtinTemplates } from '../engine/templates/builtin.ts';
import type { Lang } from '../engine/types.ts';
import { exportReport, type ExportFormat } from '../export/index.ts';
import { configFor } from '../host/nianbaorc.ts';
import { decodeBytes } from '../host/decode.ts';
import { MAX_FILE_SIZE } from '../host/limits.ts';

export { exportReport };

export interface ExportArgs {
  file: string;
  to: ExportFormat;
  out?: string;
  strict?: boolean;
  template?: string;
  config?: string;
  lang?: Lang;
}

export interface ExportIO {
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string) => void;
}

async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, data, { flag: 'wx' });
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.unlink(tmp).catch(() => {});
    throw e;
  }
}

export function defaultOut(file: string, to: ExportFormat): string {
  const ext = extname(file);
  return (ext ? file.slice(0, -ext.length) : file) + '.' + to;
}

export async function runExport(args: ExportArgs, io: ExportIO): Promise<number> {
  const zh = (args.lang ?? 'zh') === 'zh';
  const fail = (reason: string, code = 2) => {
    io.stderr(`nianbao export: ${args.file}: ${reason}\n`);
    return code;
  };
  let settings;
  try {
    settings = configFor(args.file, args.config);
  } catch (e) {
    return fail((e as Error).message);
  }
  const { config, templates } = settings;
  let text: string;
  try {
    const limit = config.maxFileSize ?? MAX_FILE_SIZE;
    const size = (await fs.stat(args.file)).size;
    if (size > limit) return fail(zh ? `文件过大，未导出：${size} 字节，上限 ${limit}` : `file too large, not exported: ${size} bytes, limit ${limit}`);
    text = decodeBytes(await fs.readFile(args.file)).text;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? (zh ? '文件不存在' : 'no such file') : code === 'EISDIR' ? (zh ? '这是目录，不是文件' : 'is a directory') : code === 'EACCES' ? (zh ? '没有读取权限' : 'permission denied') : (e as Error).message;
    return fail(zh ? `无法读取：${why}` : `cannot read: ${why}`);
  }
  const result = await exportReport(text, args.to, { templates: [...builtinTemplates, ...templates], template: args.template ?? config.template, rules: config.rules, blankCells: config.blankCells });
  if (!result.analysis.isReport) return fail(zh ? '不是政府信息公开工作年度报告：没有报告标题，能识别的栏目少于两个' : 'not an information-disclosure annual report: no report title and fewer than two known sections');
  const warnings = result.analysis.diagnostics.filter((d) => d.severity === 'warning').length;
  if (result.errors > 0) {
    const check = `nianbao check ${args.file}`;
    if (args.strict) return fail(zh ? `有 ${result.errors} 个错误，未导出（--strict）；用 ${check} 查看` : `${result.errors} errors; not exported (--strict); see ${check}`, 1);
    io.stderr(zh ? `nianbao export: ${args.file}: 注意：报告有 ${result.errors} 个错误、${warnings} 个警告，照原样导出（数字未改动）；用 ${check} 查看\n` : `nianbao export: ${args.file}: note: the report has ${result.errors} errors and ${warnings} warnings; exported as written (no figure changed); see ${check}\n`);
  }
  const out = args.out ?? defaultOut(args.file, args.to);
  if (out === '-') {
    io.stdout(result.data);
    return 0;
  }
  if (resolve(out) === resolve(args.file)) return fail(zh ? `拒绝覆盖报告本身（-o ${out}）` : `refusing to overwrite the report itself (-o ${out})`);
  try {
    await writeAtomic(out, result.data);
  } catch (e) {
    return fail(zh ? `无法写入 ${out}：${(e as Error).message}` : `cannot write ${out}: ${(e as Error).message}`);
  }
  io.stderr(zh ? `已导出 ${out}\n` : `exported ${out}\n`);
  return 0;
}
