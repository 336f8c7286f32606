// Engine diagnostics as LSP diagnostics: rule id as `code` with a link to the
// rule's page, cells of a relation as related information.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Lang, Severity } from '../engine/types.ts';
import type { NotChecked } from './analyses.ts';
import { toLspRange } from './positions.ts';

export const RULE_DOCS = 'https://github.com/nianbao/nianbao/blob/main/docs/rules/';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(doc: TextDocument, d: Diagnostic, lang: Lang): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toLspRange(doc, d.range),
    severity: SEVERITY[d.severity],
    code: d.ruleId,
    codeDescription: { href: `${RULE_DOCS}${encodeURIComponent(d.ruleId)}.md` },
    source: 'nianbao',
    message: d.message[lang],
  };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri: doc.uri, range: toLspRange(doc, r.range) }, message: r.message[lang] }));
  }
  return out;
}

/** Codes of the notices published instead of diagnostics for a document that was not analysed. */
export const NOT_CHECKED_CODES = { 'too-large': 'file-too-large', 'engine-failed': 'check-failed' } as const;

/**
 * The one information diagnostic a Markdown document gets when it was not
 * analysed: larger than `maxFileSize`, or the engine failed on it (the error
 * is in the output channel). At the start of the document.
 */
export function notCheckedDiagnostic(n: NotChecked, lang: Lang): LspDiagnostic {
  const message = n.reason === 'too-large'
    ? (lang === 'en'
      ? `File too large, not checked: ${n.size} bytes, over the limit of ${n.limit} bytes (setting nianbao.maxFileSize, or maxFileSize in .nianbaorc.json).`
      : `文件过大，未检查：${n.size} 字节，超过上限 ${n.limit} 字节（可在设置 nianbao.maxFileSize 或 .nianbaorc.json 的 maxFileSize 中调整）。`)
    : (lang === 'en'
      ? 'Not checked: nianbao failed on this document. The error is in the nianbao output channel; please report it.'
      : '未检查：nianbao 处理此文档时出错，错误详情见“nianbao”输出窗口，请报告此问题。');
  const start = { line: 0, character: 0 };
  return { range: { start, end: start }, severity: DiagnosticSeverity.Information, code: NOT_CHECKED_CODES[n.reason], source: 'nianbao', message };
}
