// The nianbao language server: wires the LSP connection to the engine.
// `startServer()` is the entry for dist/server.cjs and for `nianbao lsp
// --stdio`; the transport comes from process.argv (--stdio, --node-ipc,
// --socket=N). Every handler is guarded: a failing rule or a malformed
// document is logged and the server keeps serving.
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  LSPErrorCodes,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node.js';
import { Console } from 'node:console';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_NAME } from '../host/nianbaorc.ts';
import { VERSION } from '../host/version.ts';
import { builtinTemplates } from '../engine/templates/builtin.ts';
import type { Lang } from '../engine/types.ts';
import { analyze } from '../engine/analyze.ts';
import { Analyses, type Checked } from './analyses.ts';
import { codeActions, figureFixCount, FIX_ALL_KIND, fixAllEdits } from './code-actions.ts';
import { complete } from './completion.ts';
import { ConfigStore } from './config.ts';
import { configDiagnostics } from './config-diagnostics.ts';
import { notCheckedDiagnostic, toLspDiagnostic } from './diagnostics.ts';
import { BASELINE_WATCHERS } from './baseline.ts';
import { hover } from './hover.ts';
import { inlayHints } from './inlay-hints.ts';
import { documentSymbols, foldingRanges } from './outline.ts';
import { uriToPath } from './paths.ts';
import { fromLspRange, toLspEdit } from './positions.ts';
import {
  FIX_ALL_REQUEST, NEW_REPORT_REQUEST, NEXT_YEAR_REQUEST, STATUS_NOTIFICATION, TEMPLATES_REQUEST,
  type FixAllParams, type FixAllResult, type NewReportParams, type NextYearParams, type ReportTextResult, type StatusParams, type TemplateInfo,
} from './protocol.ts';
import { newReport, nextYearReport, ReportTextError } from './report-text.ts';
import { Scheduler } from './scheduler.ts';
import { FrameRepair } from './framing.ts';
import { formatTables } from './table-format.ts';
import { installTestHooks, testAnalyze } from './test-hooks.ts';
import { testRules } from './test-rules.ts';
import { REPORT_WATCHERS, WorkspaceIndex } from './workspace-index.ts';

function describe(error: unknown): string {
  return error instanceof Error ? error.stack ?? error.message : String(error);
}

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

export function startServer(): Connection {
  const connection = connect();
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.error(message);
  let lang: Lang = 'zh';
  let canPull = false;
  let canWatch = false;
  let canRegisterConfig = false;
  let canRefreshHints = false;
  let hasFolderEvents = false;

  const configs = new ConfigStore({
    pull: (uri) => (canPull ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'nianbao' }) : Promise.resolve(undefined)),
    log,
    configProblems: (path, problems) => {
      let text = '';
      try {
        text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
      } catch {
        // Gone since it was read: the problems are placed at the start.
      }
      if (problems.length) rcWithProblems.add(path);
      else if (!rcWithProblems.delete(path)) return;
      void connection.sendDiagnostics({ uri: pathToFileURL(path).href, diagnostics: configDiagnostics(path, text, problems, lang) });
    },
  });
  /** Config files whose problems are shown, so that fixing or deleting one clears them. */
  const rcWithProblems = new Set<string>();
  const analyses = new Analyses(configs, log, testRules(), testAnalyze(analyze));
  // The workspace's reports by agency and year: last year's report for carryover and copied-text.
  const reports = new WorkspaceIndex({ log, changed: (uris) => uris.forEach((uri) => scheduler.schedule(uri)) });
  analyses.previousFor = (doc, config) => reports.previousReport(doc.uri, config.analyze);
  /** Last version published per document: published versions never go backwards. */
  const published = new Map<string, number>();

  /**
   * Runs a handler; an exception is logged and answered with `fallback`, never
   * left to stop the server. A request the client cancelled while it waited in
   * the queue (the server busy with a burst of edits) is answered with
   * RequestCancelled without doing the work.
   */
  async function guard<T>(what: string, fallback: T, body: () => T | Promise<T>, token?: CancellationToken): Promise<T> {
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, `${what}: cancelled`);
    try {
      return await body();
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log(`nianbao: ${what} failed: ${describe(error)}`);
      return fallback;
    }
  }

  async function checkedFor(uri: string): Promise<Checked | undefined> {
    const doc = documents.get(uri);
    return doc ? analyses.get(doc) : undefined;
  }

  async function publish(uri: string, version: number): Promise<void> {
    const config = await configs.get(uri);
    const doc = documents.get(uri);
    // A newer version arrived while the configuration was read: its own turn will publish.
    if (!doc || doc.version !== version) return;
    const checked = analyses.getWith(doc, config);
    if ((published.get(uri) ?? -Infinity) > version) return;
    published.set(uri, version);
    const analysis = checked.active ? checked.analysis : undefined;
    const diagnostics = analysis
      ? analysis.diagnostics.map((d) => toLspDiagnostic(doc, d, lang))
      : checked.notChecked ? [notCheckedDiagnostic(checked.notChecked, lang)] : [];
    const count = (s: string) => analysis?.diagnostics.filter((d) => d.severity === s).length ?? 0;
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
    run: (uri, version) => publish(uri, version).catch((e) => log(`nianbao: diagnostics for ${uri} failed: ${describe(e)}`)),
    onError: (e) => log(`nianbao: ${describe(e)}`),
  });

  function recheckAll(): void {
    configs.invalidate();
    for (const doc of documents.all()) scheduler.schedule(doc.uri);
    if (canRefreshHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    lang = params.locale?.toLowerCase().startsWith('en') ? 'en' : 'zh';
    const caps = params.capabilities;
    canPull = caps.workspace?.configuration === true;
    canWatch = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canRegisterConfig = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    canRefreshHints = caps.workspace?.inlayHint?.refreshSupport === true;
    hasFolderEvents = caps.workspace?.workspaceFolders === true;
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)) ?? [params.rootUri ? uriToPath(params.rootUri) : undefined];
    configs.workspaceFolders = folders.filter((f): f is string => f !== undefined);
    // Clients without workspace/configuration may pass the settings here.
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings !== undefined) configs.setPushed(init.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: ['|'] },
        hoverProvider: true,
        documentSymbolProvider: { label: 'nianbao' },
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        inlayHintProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'nianbao', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    void reports.scan(configs.workspaceFolders);
    if (canWatch) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: REPORT_WATCHERS }).catch((e) => log(`nianbao: cannot watch reports: ${describe(e)}`));
    if (canWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_NAME}` }, ...BASELINE_WATCHERS] }).catch((e) => log(`nianbao: cannot watch ${CONFIG_NAME}: ${describe(e)}`));
    }
    if (canRegisterConfig) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' }).catch(() => undefined);
    }
    if (hasFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
        configs.workspaceFolders = folders.map((f) => uriToPath(f.uri)).filter((f): f is string => f !== undefined);
        void reports.scan(configs.workspaceFolders);
        recheckAll();
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const settings = (params.settings as { nianbao?: unknown } | null | undefined)?.nianbao;
    if (settings !== undefined) configs.setPushed(settings);
    recheckAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const c of params.changes) {
      const path = uriToPath(c.uri);
      if (c.type === FileChangeType.Deleted && path && rcWithProblems.delete(path)) void connection.sendDiagnostics({ uri: c.uri, diagnostics: [] });
    }
    if (reports.filesChanged(params.changes)) recheckAll();
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

  connection.onCodeAction((params, token) => guard('code actions', [], async () => {
    const c = await checkedFor(params.textDocument.uri);
    if (!c?.active || !c.analysis) return [];
    return codeActions(c.doc, c.analysis.diagnostics, params, lang, c.analysis.report);
  }, token));

  connection.onCompletion((params, token) => guard('completion', [], async () => {
    const c = await checkedFor(params.textDocument.uri);
    if (!c?.analysis) return [];
    return complete(c.doc, params.position, { analysis: c.analysis, active: c.active, templates: c.config.analyze.templates ?? builtinTemplates }, lang);
  }, token));

  connection.onHover((params, token) => guard('hover', null, async () => {
    const c = await checkedFor(params.textDocument.uri);
    if (!c?.active || !c.analysis) return null;
    return hover(c.doc, c.analysis, c.doc.offsetAt(params.position), lang);
  }, token));

  connection.onDocumentSymbol((params, token) => guard('document symbols', [], async () => {
    const c = await checkedFor(params.textDocument.uri);
    return c?.active && c.analysis ? documentSymbols(c.doc, c.analysis, lang) : [];
  }, token));

  connection.onFoldingRanges((params, token) => guard('folding ranges', [], async () => {
    const c = await checkedFor(params.textDocument.uri);
    return c?.active && c.analysis ? foldingRanges(c.doc, c.analysis) : [];
  }, token));

  // Formatting aligns every GFM table of any Markdown file, report or not.
  connection.onDocumentFormatting((params, token) => guard('formatting', [], async () => {
    const c = await checkedFor(params.textDocument.uri);
    if (!c?.analysis) return [];
    return formatTables(c.analysis.report.text, c.analysis.report.rawTables.map((t) => t.range)).map((e) => toLspEdit(c.doc, e));
  }, token));

  connection.onDocumentRangeFormatting((params, token) => guard('range formatting', [], async () => {
    const c = await checkedFor(params.textDocument.uri);
    if (!c?.analysis) return [];
    const within = fromLspRange(c.doc, params.range);
    return formatTables(c.analysis.report.text, c.analysis.report.rawTables.map((t) => t.range), within).map((e) => toLspEdit(c.doc, e));
  }, token));

  connection.languages.inlayHint.on((params, token) => guard('inlay hints', [], async () => {
    const c = await checkedFor(params.textDocument.uri);
    if (!c?.active || !c.analysis) return [];
    return inlayHints(c.doc, c.analysis, fromLspRange(c.doc, params.range), c.config.inlayHints, lang);
  }, token));

  connection.onRequest(TEMPLATES_REQUEST, (params: { uri?: string } | undefined, token) => guard('templates', [] as TemplateInfo[], async () => {
    const templates = params?.uri ? (await configs.get(params.uri)).analyze.templates ?? builtinTemplates : builtinTemplates;
    return templates.map((t) => ({ id: t.id, name: t.name[lang], from: t.years.from, to: t.years.to }));
  }, token));

  connection.onRequest(NEW_REPORT_REQUEST, async (params: NewReportParams & { uri?: string }): Promise<ReportTextResult> => {
    const templates = params.uri ? (await configs.get(params.uri)).analyze.templates ?? builtinTemplates : builtinTemplates;
    try {
      return newReport(templates, params.year, params.template, params.agency, lang);
    } catch (error) {
      if (error instanceof ReportTextError) throw new ResponseError(1, error.message);
      log(`nianbao: new report failed: ${describe(error)}`);
      throw new ResponseError(2, describe(error));
    }
  });

  connection.onRequest(NEXT_YEAR_REQUEST, async (params: NextYearParams): Promise<ReportTextResult> => {
    const c = await checkedFor(params.uri);
    if (!c?.analysis) throw new ResponseError(1, lang === 'en' ? 'The document is not open or not a report.' : '文档未打开或不是年度报告。');
    try {
      return nextYearReport(c.analysis, c.config.analyze.templates ?? builtinTemplates, lang);
    } catch (error) {
      if (error instanceof ReportTextError) throw new ResponseError(1, error.message);
      log(`nianbao: next year's report failed: ${describe(error)}`);
      throw new ResponseError(2, describe(error));
    }
  });

  connection.onRequest(FIX_ALL_REQUEST, (params: FixAllParams, token) => guard('fix all', null as FixAllResult | null, async () => {
    const c = await checkedFor(params.uri);
    if (!c?.active || !c.analysis) return { edits: [], version: c?.doc.version ?? 0, figureFixes: 0 };
    const figures = params.figures === true;
    return {
      edits: fixAllEdits(c.analysis.diagnostics, figures).map((e) => toLspEdit(c.doc, e)),
      version: c.doc.version,
      figureFixes: figures ? 0 : figureFixCount(c.analysis.diagnostics),
    };
  }, token));

  process.on('uncaughtException', (error) => log(`nianbao: uncaught: ${describe(error)}`));
  process.on('unhandledRejection', (error) => log(`nianbao: unhandled rejection: ${describe(error)}`));

  installTestHooks(connection, () => ({ documents: documents.all().length, analyses: analyses.size, published: published.size }));

  documents.listen(connection);
  connection.listen();
  return connection;
}
