// Engine diagnostics as LSP diagnostics: rule id as `code` with a link to the
// rule's page, cells of a relation as related information.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Lang, Severity } from '../engine/types.ts';
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
