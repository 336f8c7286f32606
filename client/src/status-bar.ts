// The status bar item: detected year, format and error count of the active
// report, from the server's nianbao/status notifications. Hidden for files
// that are not reports.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol.ts';

export class ReportStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('nianbao.status', vscode.StatusBarAlignment.Left, 50);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = vscode.l10n.t('nianbao report status');
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.byUri.delete(doc.uri.toString());
        this.render();
      }),
    );
  }

  update(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  clear(): void {
    this.byUri.clear();
    this.render();
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    // The server sends URIs in its own encoding; compare parsed forms.
    const status = doc ? this.byUri.get(doc.uri.toString()) ?? [...this.byUri.values()].find((s) => vscode.Uri.parse(s.uri).toString() === doc.uri.toString()) : undefined;
    if (!status || !status.isReport) {
      this.item.hide();
      return;
    }
    const year = status.year === undefined ? vscode.l10n.t('year?') : vscode.l10n.t('{0} report', status.year);
    const problems = status.errors > 0
      ? `$(error) ${vscode.l10n.t('{0} errors', status.errors)}`
      : status.warnings > 0 ? `$(warning) ${vscode.l10n.t('{0} warnings', status.warnings)}` : `$(check) ${vscode.l10n.t('no errors')}`;
    this.item.text = `$(checklist) ${year} · ${status.templateName ?? status.templateId ?? ''} · ${problems}`;
    this.item.tooltip = vscode.l10n.t('nianbao: {0} errors, {1} warnings, {2} notes. Click to open the Problems panel.', status.errors, status.warnings, status.infos);
    this.item.backgroundColor = status.errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
