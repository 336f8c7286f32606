// What every feature of the server is registered with (features/*.ts): the
// connection, the open documents, the workspace the server reads files
// through, the shared per-version analyses, the configuration, the index of
// the workspace's reports, and what the client said it can do.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type ServerCapabilities, type TextDocuments } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../engine/types.ts';
import type { Workspace } from '../host/workspace.ts';
import type { Analyses, Checked } from './analyses.ts';
import type { ConfigStore } from './document-config.ts';
import type { WorkspaceIndex } from './workspace-index.ts';

/** What the client said at initialize (filled in then; defaults until). */
export interface ClientState {
  lang: Lang;
  canPull: boolean;
  canWatch: boolean;
  canRegisterConfig: boolean;
  canRefreshHints: boolean;
  hasFolderEvents: boolean;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly workspace: Workspace;
  readonly configs: ConfigStore;
  readonly analyses: Analyses;
  readonly reports: WorkspaceIndex;
  readonly client: ClientState;
  log(message: string): void;
  /** The analysis of an open document (current version), or undefined when it is not open. */
  checkedFor(uri: string): Promise<Checked | undefined>;
  /** Diagnostics for a document, in the scheduler's turn (features/diagnostics.ts). */
  schedule(uri: string): void;
  /** Configuration dropped and every open document checked again. */
  recheckAll(): void;
}

/** What a feature adds: its part of the server's capabilities, and work once the client is initialized. */
export interface Feature {
  capabilities?: ServerCapabilities;
  initialized?(): void;
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.stack ?? error.message : String(error);
}

/**
 * Runs a handler; an exception is logged and answered with `fallback`, never
 * left to stop the server. A request the client cancelled while it waited in
 * the queue (the server busy with a burst of edits) is answered with
 * RequestCancelled without doing the work.
 */
export async function guard<T>(ctx: Pick<ServerContext, 'log'>, what: string, fallback: T, body: () => T | Promise<T>, token?: CancellationToken): Promise<T> {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, `${what}: cancelled`);
  try {
    return await body();
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    ctx.log(`nianbao: ${what} failed: ${describe(error)}`);
    return fallback;
  }
}
