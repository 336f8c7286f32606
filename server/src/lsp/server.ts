// The nianbao language server: wires the LSP connection to the engine.
// `startServer()` is the entry for dist/server.cjs and for `nianbao lsp
// --stdio`; the transport comes from process.argv (--stdio, --node-ipc,
// --socket=N). `createServer` builds the server on any connection and any
// Workspace (host/workspace.ts): the disk in use, memory in tests. Each
// feature registers itself from its own file in features/, the way the engine
// has one file per rule; every handler is guarded: a failing rule or a
// malformed document is logged and the server keeps serving.
import { createConnection, ProposedFeatures, TextDocuments, type Connection, type InitializeParams, type InitializeResult, type ServerCapabilities } from 'vscode-languageserver/node.js';
import { Console } from 'node:console';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../engine/analyze.ts';
import type { ConfigProblem } from '../host/nianbaorc.ts';
import { VERSION } from '../host/version.ts';
import { DiskWorkspace, type Workspace } from '../host/workspace.ts';
import { Analyses } from './analyses.ts';
import { RemoteAnalyzer } from './remote-analysis.ts';
import { ConfigStore } from './document-config.ts';
import { describe, type ClientState, type Feature, type ServerContext } from './context.ts';
import { registerCodeActions } from './features/code-actions.ts';
import { registerCommands } from './features/commands.ts';
import { registerCompletion } from './features/completion.ts';
import { registerConfigFile } from './features/config-file.ts';
import { registerDiagnostics } from './features/diagnostics.ts';
import { registerFormatting } from './features/formatting.ts';
import { registerHover } from './features/hover.ts';
import { registerInlayHints } from './features/inlay-hints.ts';
import { registerSymbols } from './features/symbols.ts';
import { registerWorkspace } from './features/workspace-folders.ts';
import { FrameRepair } from './framing.ts';
import { uriToPath } from './paths.ts';
import { installTestHooks, testAnalyze } from './test-hooks.ts';
import { testRules } from './test-rules.ts';
import { WorkspaceIndex } from './workspace-index.ts';

/**
 * The connection on the transport named on the command line. Over --stdio the
 * input goes through FrameRepair, so one corrupt frame does not leave the
 * server deaf, and console output goes to stderr (stdout carries only LSP).
 */
function connect(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  let junkLogged = 0;
  const input = process.stdin.pipe(new FrameRepair((skipped) => {
    // Logged, a few times at most: a client stuck on bad framing must not flood the log.
    if (junkLogged++ < 10) log(`nianbao: skipped ${skipped} bytes of input that were not an LSP message (bad Content-Length or stray output on the pipe)`);
  }));
  const connection = createConnection(ProposedFeatures.all, input, process.stdout);
  const toStderr = new Console({ stdout: process.stderr, stderr: process.stderr });
  for (const k of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const) (console as unknown as Record<string, unknown>)[k] = toStderr[k].bind(toStderr);
  function log(message: string) {
    connection.console.error(message);
  }
  return connection;
}

/** Shallow merge of the features' capabilities (each names its own keys). */
function merge(features: readonly Feature[]): ServerCapabilities {
  return Object.assign({}, ...features.map((f) => f.capabilities ?? {})) as ServerCapabilities;
}

/** The server on a connection, reading files through `workspace`; call `connection.listen()` after. */
export function createServer(connection: Connection, workspace: Workspace): { documents: TextDocuments<TextDocument> } {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.error(message);
  const client: ClientState = { lang: 'zh', canPull: false, canWatch: false, canRegisterConfig: false, canRefreshHints: false, hasFolderEvents: false };
  // Bound below, once the features that own them exist.
  let schedule: (uri: string) => void = () => undefined;
  let showConfigProblems: (path: string, problems: readonly ConfigProblem[]) => void = () => undefined;

  const configs = new ConfigStore({
    pull: (uri) => (client.canPull ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'nianbao' }) : Promise.resolve(undefined)),
    log,
    configProblems: (path, problems) => showConfigProblems(path, problems),
  }, workspace);
  // Large documents are analysed on the analysis thread, so the server keeps answering meanwhile.
  const remote = new RemoteAnalyzer(log);
  const analyses = new Analyses(configs, log, testRules(), testAnalyze(analyze), remote);
  // The workspace's reports: last year's report, copies, other agencies' reports sharing wording, a region's units.
  const reports = new WorkspaceIndex({ log, workspace, changed: (uris) => uris.forEach((uri) => schedule(uri)) });
  analyses.crossFor = (doc, config) => reports.crossInputs(doc.uri, config.analyze, config.rollup);

  const ctx: ServerContext = {
    connection, documents, workspace, configs, analyses, reports, client, log,
    async checkedFor(uri) {
      const doc = documents.get(uri);
      return doc ? analyses.get(doc) : undefined;
    },
    schedule: (uri) => schedule(uri),
    recheckAll() {
      configs.invalidate();
      for (const doc of documents.all()) schedule(doc.uri);
      if (client.canRefreshHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
    },
  };

  const diagnostics = registerDiagnostics(ctx);
  schedule = diagnostics.schedule;
  const configFile = registerConfigFile(ctx);
  showConfigProblems = configFile.show;
  const features: Feature[] = [
    diagnostics,
    configFile,
    registerWorkspace(ctx, configFile),
    registerCodeActions(ctx),
    registerCompletion(ctx),
    registerHover(ctx),
    registerSymbols(ctx),
    registerFormatting(ctx),
    registerInlayHints(ctx),
    registerCommands(ctx),
  ];

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client.lang = params.locale?.toLowerCase().startsWith('en') ? 'en' : 'zh';
    const caps = params.capabilities;
    client.canPull = caps.workspace?.configuration === true;
    client.canWatch = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    client.canRegisterConfig = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    client.canRefreshHints = caps.workspace?.inlayHint?.refreshSupport === true;
    client.hasFolderEvents = caps.workspace?.workspaceFolders === true;
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)) ?? [params.rootUri ? uriToPath(params.rootUri) : undefined];
    configs.workspaceFolders = folders.filter((f): f is string => f !== undefined);
    // Clients without workspace/configuration may pass the settings here.
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings !== undefined) configs.setPushed(init.settings);
    return { capabilities: merge(features), serverInfo: { name: 'nianbao', version: VERSION } };
  });

  connection.onInitialized(() => {
    for (const f of features) f.initialized?.();
  });

  installTestHooks(connection, () => ({ documents: documents.all().length, analyses: analyses.size, published: diagnostics.heldDocuments() }));
  documents.listen(connection);
  return { documents };
}

export function startServer(): Connection {
  const connection = connect();
  process.on('uncaughtException', (error) => connection.console.error(`nianbao: uncaught: ${describe(error)}`));
  process.on('unhandledRejection', (error) => connection.console.error(`nianbao: unhandled rejection: ${describe(error)}`));
  createServer(connection, new DiskWorkspace());
  connection.listen();
  return connection;
}
