// Compact human output grouped by file, coloured only on a TTY, with a summary line.
import pc from 'picocolors';
import type { FileResult, OutDiagnostic } from '../check-file.ts';
import { placeText } from '../../host/load-report.ts';
import type { Formatter, FormatterIO } from './formatter.ts';

const FORM_NAMES = { zh: { pdf: 'PDF', docx: 'Word', html: '网页', text: '文本' }, en: { pdf: 'PDF', docx: 'Word', html: 'web page', text: 'text' } };

/**
 * Where a finding of a published form is, as its reader finds it:
 * `report.pdf:3 表三 （七）总计「自然人」` (page 3), `report.docx 表格 2 第 27 行 …`.
 * A line of the imported Markdown would mean nothing to them.
 */
export function sourceLocation(r: Pick<FileResult, 'path'>, d: OutDiagnostic, zh: boolean): string {
  const s = d.source ?? {};
  let at = r.path;
  if (s.page !== undefined) at += `:${s.page}`;
  else if (s.table !== undefined) at += zh ? ` 表格 ${s.table}${s.row !== undefined ? ` 第 ${s.row} 行` : ''}` : ` table ${s.table}${s.row !== undefined ? ` row ${s.row}` : ''}`;
  return s.where ? `${at} ${s.where}` : at;
}

/**
 * The same place without the file, for a message that goes with it
 * (junit's failure message): `第 3 页 表三 （七）总计「自然人」`,
 * `表格 2 第 27 行 …`, `page 3 …` (host/load-report.ts's placeText, as the review page says it).
 */
export function sourcePlace(d: OutDiagnostic, zh: boolean): string {
  return placeText(d.source ?? {}, zh ? 'zh' : 'en');
}

export function textFormatter(io: FormatterIO): Formatter {
  const c = pc.createColors(io.color);
  const zh = io.lang === 'zh';
  return {
    file(r) {
      if (r.status === 'skipped') {
        io.err(c.dim(`${r.path}: ${zh ? '已跳过' : 'skipped'}（${r.reason}）`));
        return;
      }
      if (r.status === 'error') {
        // Each reason says what failed (文件不存在, 无法导入：…, 无法解码：…, 不是年报：…), as review's do: the path and
        // it, once (无法检查: 无法导入：… said it twice); the summary line counts the files that could not be checked.
        io.err(`${c.red(r.path)}: ${r.reason}`);
        return;
      }
      if (r.notFixed) io.err(c.yellow(`${r.path}: ${r.notFixed}`));
      const shown = io.quiet ? r.diagnostics.filter((d) => d.severity === 'error') : r.diagnostics;
      if (shown.length === 0 && !r.fixed) return;
      const meta = [r.form ? FORM_NAMES[zh ? 'zh' : 'en'][r.form] : '', r.year ? `${r.year}${zh ? '年度' : ''}` : '', r.template ? `${r.template}${zh ? '年版格式' : ' format'}` : '', r.fixed ? (zh ? `已修复 ${r.fixed} 处` : `${r.fixed} fixed`) : ''].filter(Boolean).join(', ');
      io.out(`${c.underline(r.path)}${meta ? c.dim(`  (${meta})`) : ''}`);
      const width = Math.max(...shown.map((d) => `${d.line}:${d.column}`.length), 0);
      for (const d of shown) {
        const sev = d.severity === 'error' ? c.red(zh ? '错误' : 'error') : d.severity === 'warning' ? c.yellow(zh ? '警告' : 'warning') : c.blue(zh ? '提示' : 'info');
        // A published form cannot be fixed in place: its findings say where they are in it, not that they are fixable.
        if (r.form) io.out(`  ${sourceLocation(r, d, zh)}  ${sev}  ${d.message}  ${c.dim(d.ruleId)}`);
        else io.out(`  ${`${d.line}:${d.column}`.padEnd(width)}  ${sev}  ${d.message}  ${c.dim(d.ruleId)}${d.fixable ? c.dim(zh ? ' (可修复)' : ' (fixable)') : ''}`);
      }
      io.out('');
    },
    end(s) {
      const total = s.errors + s.warnings + s.infos;
      // A file that could not be checked is not a clean run (the exit status is 2).
      const mark = total === 0 && !s.failed ? '✓' : '✖';
      const line = zh
        ? `${mark} ${s.checked} 个报告，${total} 个问题（${s.errors} 个错误，${s.warnings} 个警告${s.infos ? `，${s.infos} 个提示` : ''}）${s.fixable ? `，${s.fixable} 个可自动修复` : ''}${s.fixed ? `，已修复 ${s.fixed} 处` : ''}${s.skipped ? `；跳过 ${s.skipped} 个非年报文件` : ''}${s.failed ? `；${s.failed} 个文件无法检查` : ''}`
        : `${mark} ${s.checked} reports, ${total} problems (${s.errors} errors, ${s.warnings} warnings${s.infos ? `, ${s.infos} infos` : ''})${s.fixable ? `, ${s.fixable} fixable` : ''}${s.fixed ? `, ${s.fixed} fixed` : ''}${s.skipped ? `; ${s.skipped} non-report files skipped` : ''}${s.failed ? `; ${s.failed} files could not be checked` : ''}`;
      io.out(total === 0 && s.failed === 0 ? c.green(line) : s.errors || s.failed ? c.red(line) : c.yellow(line));
    },
  };
}
