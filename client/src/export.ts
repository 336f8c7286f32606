// 导出为 Word / 导出为网页, and the Markdown preview's official tables. Both
// run the exporter bundled beside the client (dist/export.cjs, dist/preview.cjs,
// loaded on first use so that starting the extension does not load the docx
// library), with the settings the editor checks with.
import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../../server/src/engine/analyze.ts';
import type { SeveritySetting } from '../../server/src/engine/types.ts';
import type * as ExportModule from '../../server/src/export/index.ts';
import type * as PreviewModule from '../../server/src/export/preview.ts';

type Format = 'docx' | 'html';

/** The checks' settings from VS Code's settings (a .nianbaorc.json is the server's to read; the count here may differ where one sets rules). */
function settingsFor(uri: vscode.Uri | undefined): AnalyzeOptions {
  const c = vscode.workspace.getConfiguration('nianbao', uri);
  const template = c.get<string>('template') || undefined;
  return { template, rules: c.get<Record<string, SeveritySetting>>('rules') ?? {}, blankCells: c.get<'zero-if-no-zeros' | 'each'>('blankCells') };
}

function sibling(uri: vscode.Uri, ext: string): vscode.Uri {
  if (uri.scheme === 'untitled') {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder ? vscode.Uri.joinPath(folder, `report.${ext}`) : vscode.Uri.file(`report.${ext}`);
  }
  return uri.with({ path: uri.path.replace(/(\.[^./]*)?$/, `.${ext}`) });
}

/**
 * Exports the active report (or the document at `source`) to `target`, asking
 * where when no target is given. Returns the file written, if any.
 */
export async function exportReport(to: Format, source?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const doc = source ? await vscode.workspace.openTextDocument(source) : vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'markdown') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown annual report first.'));
    return undefined;
  }
  // The bundle beside dist/client.cjs (esbuild.mjs leaves this require as it is).
  const exporter = require('./export.cjs') as typeof ExportModule;
  const result = await exporter.exportReport(doc.getText(), to, settingsFor(doc.uri));
  if (!result.analysis.isReport) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This file is not an annual report: it has no report title and fewer than two known sections.'));
    return undefined;
  }
  const name = to === 'docx' ? vscode.l10n.t('Word document') : vscode.l10n.t('Web page');
  const where = target ?? (await vscode.window.showSaveDialog({ defaultUri: sibling(doc.uri, to), filters: { [name]: [to] }, title: to === 'docx' ? vscode.l10n.t('Export as Word') : vscode.l10n.t('Export as web page') }));
  if (!where) return undefined;
  const data = typeof result.data === 'string' ? Buffer.from(result.data, 'utf8') : result.data;
  await vscode.workspace.fs.writeFile(where, data);
  const open = vscode.l10n.t('Open');
  const message = result.errors > 0
    ? vscode.l10n.t('Exported {0}. The report has {1} errors; it was exported as written, no figure changed.', vscode.workspace.asRelativePath(where), result.errors)
    : vscode.l10n.t('Exported {0}.', vscode.workspace.asRelativePath(where));
  const show = result.errors > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(message, open).then((choice) => {
    if (choice === open) void vscode.env.openExternal(where);
  });
  return where;
}

/** The Markdown preview's plugin: loaded when the preview first asks for it. */
export function extendMarkdownIt() {
  return <T>(md: T): T => {
    const preview = require('./preview.cjs') as typeof PreviewModule;
    const { analyze } = preview;
    const lang = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
    (md as { use: (plugin: unknown, options: unknown) => unknown }).use(preview.nianbaoPreview, {
      lang,
      // The settings of the active editor's folder (the preview follows the editor it was opened from).
      analyze: (text: string, parser: PreviewModule.PreviewParser) => analyze(text, { ...settingsFor(vscode.window.activeTextEditor?.document.uri), parser }),
    });
    return md;
  };
}
