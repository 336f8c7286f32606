// The VS Code extension: a thin client that starts the bundled language
// server (dist/server.cjs) over IPC and adds the commands and the status bar.
// Everything about reports happens in the server, except the export and the
// Markdown preview's tables, which run the bundled exporter (export.ts).
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/lsp/protocol.ts';
import { fixAll, newReport, nextYearReport } from './commands.ts';
import { exportReport, extendMarkdownIt } from './export.ts';
import { importAndCheck } from './import-check.ts';
import { RestartPolicy, restartingErrorHandler } from './restart-policy.ts';
import { ReportStatus } from './status-bar.ts';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ extendMarkdownIt: <T>(md: T) => T }> {
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const restarts = new RestartPolicy();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    // Not translated: the channel keeps one name users and tests can find.
    outputChannelName: 'nianbao',
    // A crashed server is restarted, at most 4 times in 3 minutes, and the output channel says so.
    errorHandler: restartingErrorHandler(restarts, {
      continue: ErrorAction.Continue, shutdown: ErrorAction.Shutdown, restart: CloseAction.Restart, doNotRestart: CloseAction.DoNotRestart,
    }),
  };
  const lc = new LanguageClient('nianbao', vscode.l10n.t('nianbao language server'), serverOptions, clientOptions);
  client = lc;
  const status = new ReportStatus();
  context.subscriptions.push(
    status,
    lc.onNotification(STATUS_NOTIFICATION, (s: StatusParams) => status.update(s)),
    vscode.commands.registerCommand('nianbao.newReport', () => newReport(lc)),
    vscode.commands.registerCommand('nianbao.nextYearReport', () => nextYearReport(lc)),
    vscode.commands.registerCommand('nianbao.fixAll', () => fixAll(lc)),
    vscode.commands.registerCommand('nianbao.importAndCheck', (uri?: vscode.Uri) => importAndCheck(lc, uri)),
    vscode.commands.registerCommand('nianbao.restartServer', async () => {
      status.clear();
      restarts.reset();
      await lc.restart();
    }),
    vscode.commands.registerCommand('nianbao.showOutput', () => lc.outputChannel.show(true)),
    vscode.commands.registerCommand('nianbao.exportDocx', (source?: vscode.Uri, target?: vscode.Uri) => exportReport('docx', source, target)),
    vscode.commands.registerCommand('nianbao.exportHtml', (source?: vscode.Uri, target?: vscode.Uri) => exportReport('html', source, target)),
  );
  await lc.start();
  // The Markdown preview's plugin (package.json: markdown.markdownItPlugins): tables 2–4 in the official layout.
  return { extendMarkdownIt: extendMarkdownIt() };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
