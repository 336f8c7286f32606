// The workspace around the open documents: its folders (scanned for reports
// by agency and year, so carryover and copied-text find last year's report),
// the files the client watches for the server (reports and `.nianbaorc.json`),
// and the changes the injected Workspace itself reports (an in-memory one in
// tests; the disk's come from the client).
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver/node.js';
import { pathToFileURL } from 'node:url';
import { CONFIG_NAME } from '../../host/nianbaorc.ts';
import { describe, type Feature, type ServerContext } from '../context.ts';
import { uriToPath } from '../paths.ts';
import { REPORT_WATCHERS } from '../workspace-index.ts';
import { BASELINE_WATCHERS } from '../baseline.ts';
import type { ConfigFileFeature } from './config-file.ts';

export function registerWorkspace(ctx: ServerContext, configFile: ConfigFileFeature): Feature {
  const { connection, reports, configs } = ctx;

  function filesChanged(changes: readonly { uri: string; type: number }[]): void {
    for (const c of changes) {
      const path = uriToPath(c.uri);
      if (c.type === FileChangeType.Deleted && path) configFile.deleted(path);
    }
    if (reports.filesChanged(changes)) ctx.recheckAll();
  }

  connection.onDidChangeWatchedFiles((params) => filesChanged(params.changes));
  ctx.workspace.watch((changes) => filesChanged(changes.map((c) => ({ uri: pathToFileURL(c.path).href, type: c.type }))));

  return {
    capabilities: { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } },
    initialized() {
      void reports.scan(configs.workspaceFolders);
      if (ctx.client.canWatch) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: REPORT_WATCHERS }).catch((e) => ctx.log(`nianbao: cannot watch reports: ${describe(e)}`));
        void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_NAME}` }, ...BASELINE_WATCHERS] }).catch((e) => ctx.log(`nianbao: cannot watch ${CONFIG_NAME}: ${describe(e)}`));
      }
      if (ctx.client.hasFolderEvents) {
        connection.workspace.onDidChangeWorkspaceFolders(async () => {
          const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
          configs.workspaceFolders = folders.map((f) => uriToPath(f.uri)).filter((f): f is string => f !== undefined);
          void reports.scan(configs.workspaceFolders);
          ctx.recheckAll();
        });
      }
    },
  };
}
