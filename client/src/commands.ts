// The extension's commands. Each asks the server for text or edits (the
// server owns all report knowledge) and only does the editor work here:
// prompts, opening documents, applying edits.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import {
  FIX_ALL_REQUEST, NEW_REPORT_REQUEST, NEXT_YEAR_REQUEST, TEMPLATES_REQUEST,
  type FixAllResult, type ReportTextResult, type TemplateInfo,
} from '../../server/src/lsp/protocol.ts';

async function openReport(result: ReportTextResult): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.text });
  await vscode.window.showTextDocument(doc);
}

function fits(t: TemplateInfo, year: number): boolean {
  return (t.from === undefined || year >= t.from) && (t.to === undefined || year <= t.to);
}

function years(t: TemplateInfo): string {
  if (t.from !== undefined && t.to !== undefined) return vscode.l10n.t('report years {0}–{1}', t.from, t.to);
  if (t.from !== undefined) return vscode.l10n.t('report years {0} onward', t.from);
  if (t.to !== undefined) return vscode.l10n.t('report years up to {0}', t.to);
  return '';
}

export async function newReport(client: LanguageClient): Promise<void> {
  const last = new Date().getFullYear() - 1;
  const input = await vscode.window.showInputBox({
    title: vscode.l10n.t('New annual report'),
    prompt: vscode.l10n.t('Report year (the year the report covers)'),
    value: String(last),
    validateInput: (v) => (/^\s*(19|20)\d{2}\s*$/.test(v) ? undefined : vscode.l10n.t('Enter a four-digit year, e.g. {0}', last)),
  });
  if (input === undefined) return;
  const year = Number(input.trim());
  const uri = vscode.window.activeTextEditor?.document.uri.toString();
  const templates = await client.sendRequest<TemplateInfo[]>(TEMPLATES_REQUEST, { uri });
  const items = templates
    .map((t) => ({ label: t.name, description: years(t), detail: fits(t, year) ? vscode.l10n.t('The format in force for {0}', year) : undefined, id: t.id, fits: fits(t, year) }))
    .sort((a, b) => Number(b.fits) - Number(a.fits));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New annual report'), placeHolder: vscode.l10n.t('Report format') });
  if (!picked) return;
  await openReport(await client.sendRequest<ReportTextResult>(NEW_REPORT_REQUEST, { year, template: picked.id, uri }));
}

function markdownEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'markdown') return editor;
  void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown annual report first.'));
  return undefined;
}

export async function nextYearReport(client: LanguageClient): Promise<void> {
  const editor = markdownEditor();
  if (!editor) return;
  try {
    await openReport(await client.sendRequest<ReportTextResult>(NEXT_YEAR_REQUEST, { uri: editor.document.uri.toString() }));
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
  }
}

async function applyFixes(client: LanguageClient, editor: vscode.TextEditor, figures: boolean): Promise<FixAllResult | undefined> {
  const doc = editor.document;
  const result = await client.sendRequest<FixAllResult | null>(FIX_ALL_REQUEST, { uri: doc.uri.toString(), figures });
  if (!result || result.version !== doc.version) return undefined;
  if (result.edits.length) {
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) edit.replace(doc.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    await vscode.workspace.applyEdit(edit);
  }
  return result;
}

export async function fixAll(client: LanguageClient): Promise<void> {
  const editor = markdownEditor();
  if (!editor) return;
  const result = await applyFixes(client, editor, false);
  if (!result) return;
  if (result.figureFixes > 0) {
    const also = vscode.l10n.t('Correct figures too');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('{0} fixes change figures and were not applied. Check them before correcting.', result.figureFixes),
      also,
    );
    if (choice === also) await applyFixes(client, editor, true);
  } else if (result.edits.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('nianbao found nothing it can fix.'));
  }
}
