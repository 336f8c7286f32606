// 导入并检查 (Import and Check): a published report (.pdf, .docx, .html) from
// the Explorer's context menu, imported by the server, written as Markdown
// beside it (a new file: never over one), opened, and its Problems shown.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { IMPORT_PUBLISHED_REQUEST, type ImportPublishedResult } from '../../server/src/lsp/protocol.ts';

async function pickSource(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Import and Check'),
    canSelectMany: false,
    filters: { [vscode.l10n.t('Published reports')]: ['pdf', 'docx', 'html', 'htm'] },
  });
  return picked?.[0];
}

export async function importAndCheck(client: LanguageClient, uri?: vscode.Uri): Promise<void> {
  const source = uri instanceof vscode.Uri ? uri : await pickSource();
  if (!source) return;
  const name = source.path.split('/').pop() ?? source.toString();
  let result: ImportPublishedResult;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}…', name) },
      () => client.sendRequest<ImportPublishedResult>(IMPORT_PUBLISHED_REQUEST, { uri: source.toString() }),
    );
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return;
  }
  const target = vscode.Uri.parse(result.target);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  // The import's account (every cell placed, anything that could not be) in the output channel, as `nianbao import` prints it.
  client.outputChannel.appendLine(result.account);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const targetName = target.path.split('/').pop() ?? '';
  const message = result.unplaced > 0
    ? vscode.l10n.t('Imported {0} as {1}: {2} cells placed, {3} items could not be placed (kept in the report; see the output).', name, targetName, result.cellsPlaced, result.unplaced)
    : vscode.l10n.t('Imported {0} as {1}: {2} cells placed.', name, targetName, result.cellsPlaced);
  void vscode.window.showInformationMessage(message);
}
