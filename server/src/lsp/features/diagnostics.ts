// Diagnostics: engine findings as LSP diagnostics (rule id as `code` with a
// link to the rule's page, cells of a relation as related information), the
// notice of a document not checked, and their publication with the status bar's
// counts for every open document.
import { DiagnosticSeverity, TextDocumentSyncKind, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULE_DOCS_URL } from '../../engine/rules/rule.ts';
import type { Diagnostic, Lang, Severity } from '../../engine/types.ts';
import type { NotChecked } from '../analyses.ts';
import { toLspRange } from '../positions.ts';
import { describe, type Feature, type ServerContext } from '../context.ts';
import { STATUS_NOTIFICATION, type StatusParams } from '../protocol.ts';
import { Scheduler } from '../scheduler.ts';



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
    codeDescription: { href: `${RULE_DOCS_URL}${encodeURIComponent(d.ruleId)}.md` },
    source: 'nianbao',
    message: d.message[lang],
  };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri: doc.uri, range: toLspRange(doc, r.range) }, message: r.message[lang] }));
  }
  return out;
}

/** Codes of the notices published instead of diagnostics for a document that was not analysed (each has a page in docs/rules/). */
export const NOT_CHECKED_CODES = { 'too-large': 'file-too-large', 'engine-failed': 'check-failed', 'too-slow': 'check-timeout' } as const;
/** Code of the notice that findings were left out of what is published (published.ts). */
export const OMITTED_CODE = 'findings-omitted';
/** Every notice the server publishes of its own, not a rule's finding: each has a page in docs/rules/. */
export const NOTICE_CODES: readonly string[] = [...Object.values(NOT_CHECKED_CODES), OMITTED_CODE];

/** The notice after the published diagnostics when `omitted` findings were left out, at the start of the document. */
export function omittedDiagnostic(omitted: number, shown: number, lang: Lang): LspDiagnostic {
  const start = { line: 0, character: 0 };
  const message = lang === 'en'
    ? `${omitted} more findings are not shown: the editor shows ${shown} (errors first). \`nianbao check\` lists them all; "Fix all" still applies to every one.`
    : `另有 ${omitted} 条问题未显示：编辑器只显示 ${shown} 条（错误优先）。\`nianbao check\` 可列出全部；“全部修复”仍作用于所有问题。`;
  return { range: { start, end: start }, severity: DiagnosticSeverity.Information, code: OMITTED_CODE, codeDescription: { href: `${RULE_DOCS_URL}${OMITTED_CODE}.md` }, source: 'nianbao', message };
}

function notCheckedMessage(n: NotChecked, lang: Lang): string {
  switch (n.reason) {
    case 'too-large':
      return lang === 'en'
        ? `File too large, not checked: ${n.size} bytes, over the limit of ${n.limit} bytes (setting nianbao.maxFileSize, or maxFileSize in .nianbaorc.json).`
        : `文件过大，未检查：${n.size} 字节，超过上限 ${n.limit} 字节（可在设置 nianbao.maxFileSize 或 .nianbaorc.json 的 maxFileSize 中调整）。`;
    case 'too-slow': {
      const seconds = n.limitMs / 1000;
      return lang === 'en'
        ? `Not checked: checking this document took longer than ${seconds} s and was stopped, so that the editor stays responsive. To allow more time, raise the setting nianbao.maxAnalysisTime (seconds), or check it with \`nianbao check\`.`
        : `未检查：此文档检查用时超过 ${seconds} 秒，已停止，以免编辑器卡顿。如需更长时间，可调高设置 nianbao.maxAnalysisTime（秒），或用 \`nianbao check\` 检查。`;
    }
    case 'engine-failed':
      return lang === 'en'
        ? 'Not checked: nianbao failed on this document. The error is in the nianbao output channel; please report it.'
        : '未检查：nianbao 处理此文档时出错，错误详情见“nianbao”输出窗口，请报告此问题。';
  }
}

/**
 * The one information diagnostic a Markdown document gets when it was not
 * analysed: larger than `maxFileSize`, its analysis took longer than
 * `maxAnalysisTime`, or the engine failed on it (the error is in the output
 * channel). At the start of the document.
 */
export function notCheckedDiagnostic(n: NotChecked, lang: Lang): LspDiagnostic {
  const start = { line: 0, character: 0 };
  const code = NOT_CHECKED_CODES[n.reason];
  return {
    range: { start, end: start },
    severity: DiagnosticSeverity.Information,
    code,
    codeDescription: { href: `${RULE_DOCS_URL}${code}.md` },
    source: 'nianbao',
    message: notCheckedMessage(n, lang),
  };
}

/**
 * Diagnostics and status of each open Markdown document, published in the
 * scheduler's turn (newest version only, never going backwards), cleared when
 * the document closes.
 */
export function registerDiagnostics(ctx: ServerContext): Feature & { schedule(uri: string): void; heldDocuments(): number } {
  const { connection, documents, analyses, configs, reports } = ctx;
  /** Last version published per document: published versions never go backwards. */
  const published = new Map<string, number>();

  async function publish(uri: string, version: number): Promise<void> {
    const config = await configs.get(uri);
    const doc = documents.get(uri);
    // A newer version arrived while the configuration was read: its own turn will publish.
    if (!doc || doc.version !== version) return;
    const checked = await analyses.check(doc, config);
    // Large documents are analysed on the analysis thread: the document may have changed or closed meanwhile.
    if (documents.get(uri) !== doc || doc.version !== version) return;
    if ((published.get(uri) ?? -Infinity) > version) return;
    published.set(uri, version);
    const lang = ctx.client.lang;
    const analysis = checked.active ? checked.analysis : undefined;
    // At most MAX_PUBLISHED diagnostics, and a notice of how many were left out (published.ts).
    const summary = analysis ? checked.summary : undefined;
    const diagnostics = summary
      ? [...summary.shown.map((d) => toLspDiagnostic(doc, d, lang)), ...(summary.omitted ? [omittedDiagnostic(summary.omitted, summary.shown.length, lang)] : [])]
      : checked.notChecked ? [notCheckedDiagnostic(checked.notChecked, lang)] : [];
    const count = (s: 'error' | 'warning' | 'info') => summary?.counts[s] ?? 0;
    const status: StatusParams = {
      uri,
      version,
      isReport: analysis !== undefined,
      year: analysis?.report.year,
      templateId: analysis?.report.template.id,
      templateName: analysis?.report.template.name[lang],
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    };
    // Status first: whoever waits for the diagnostics finds the status already there.
    void connection.sendNotification(STATUS_NOTIFICATION, status);
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  const scheduler = new Scheduler({
    version: (uri) => documents.get(uri)?.version,
    run: (uri, version) => publish(uri, version).catch((e) => ctx.log(`nianbao: diagnostics for ${uri} failed: ${describe(e)}`)),
    onError: (e) => ctx.log(`nianbao: ${describe(e)}`),
  });

  documents.onDidChangeContent((e) => scheduler.schedule(e.document.uri));
  documents.onDidChangeContent((e) => reports.openDocument(e.document));
  documents.onDidClose((e) => reports.closeDocument(e.document.uri));
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    scheduler.cancel(uri);
    analyses.forget(uri);
    configs.forget(uri);
    published.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  return {
    capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
    schedule: (uri) => scheduler.schedule(uri),
    heldDocuments: () => published.size,
  };
}
