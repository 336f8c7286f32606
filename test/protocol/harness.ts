// A minimal LSP client for the protocol tests: starts the bundled server
// (dist/server.cjs --stdio) as a child process and speaks JSON-RPC to it over
// stdio, recording what the server publishes. Build first: `node esbuild.mjs`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import type { Diagnostic, PublishDiagnosticsParams, Range, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SERVER = join(ROOT, 'dist/server.cjs');

export function fixture(rel: string): string {
  return join(ROOT, 'test/fixtures', rel);
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export interface StartOptions {
  locale?: string;
  /** The `nianbao` settings the server gets from workspace/configuration. */
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  workspaceFolder?: string;
  /** Answer workspace/configuration (true) or behave as a client without it. */
  pullConfiguration?: boolean;
  /** Options for node itself, before the server script (e.g. --expose-gc). */
  nodeArgs?: string[];
}

interface Waiter {
  uri: string;
  test: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly statuses: unknown[] = [];
  /** What the server registered with client/registerCapability. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  settings: Record<string, unknown>;
  /** The server's answer to initialize. */
  capabilities: Record<string, unknown> = {};
  private waiters: Waiter[] = [];
  private readonly docs = new Map<string, TextDocument>();

  private constructor(readonly child: ChildProcess, readonly rpc: MessageConnection, options: StartOptions) {
    this.settings = options.settings ?? {};
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`node esbuild.mjs\` first`);
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, rpc, options);
    child.stderr!.on('data', (d: Buffer) => client.logs.push(d.toString()));
    rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.published.push(p);
      for (const w of [...client.waiters]) {
        if (w.uri === p.uri && w.test(p)) {
          client.waiters = client.waiters.filter((x) => x !== w);
          w.resolve(p);
        }
      }
    });
    rpc.onNotification('window/logMessage', (p: { message: string }) => client.logs.push(p.message));
    rpc.onNotification('nianbao/status', (p: unknown) => client.statuses.push(p));
    rpc.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => client.settings));
    rpc.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...p.registrations);
      return null;
    });
    rpc.onRequest('workspace/inlayHint/refresh', () => null);
    rpc.listen();
    const pull = options.pullConfiguration !== false;
    const init = await rpc.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      locale: options.locale ?? 'zh-cn',
      rootUri: options.workspaceFolder ? fileUri(options.workspaceFolder) : null,
      workspaceFolders: options.workspaceFolder ? [{ uri: fileUri(options.workspaceFolder), name: 'ws' }] : null,
      initializationOptions: pull ? undefined : { settings: options.settings },
      capabilities: {
        workspace: {
          configuration: pull,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          inlayHint: { refreshSupport: true },
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
          completion: { completionItem: { snippetSupport: true } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    client.capabilities = init.capabilities;
    await rpc.sendNotification('initialized', {});
    return client;
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  version(uri: string): number {
    return this.docs.get(uri)!.version;
  }

  /** Resolves with the first publication for `uri` (from now on, or already seen when `since` is given) passing `test`. */
  waitForDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms; logs:\n${this.logs.join('\n')}`)), timeoutMs);
      this.waiters.push({ uri, test, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  /** Opens a document and waits for its first diagnostics. */
  async open(uri: string, text: string, languageId = 'markdown', timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    const wait = this.waitForDiagnostics(uri, (p) => p.version === 1, timeoutMs);
    await this.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return wait;
  }

  /** Sends incremental changes; returns the new version (does not wait). */
  async change(uri: string, changes: { range: Range; text: string }[]): Promise<number> {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    TextDocument.update(doc, changes, version);
    await this.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Applies LSP text edits to the client's copy and sends them as one didChange, then waits for that version's diagnostics. */
  async applyEdits(uri: string, edits: TextEdit[]): Promise<PublishDiagnosticsParams> {
    const doc = this.docs.get(uri)!;
    // Incremental changes are applied in order; send them back to front so earlier ranges stay valid.
    const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
    const version = await this.change(uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
    return this.waitForDiagnostics(uri, (p) => p.version === version);
  }

  async replaceAll(uri: string, text: string): Promise<number> {
    const doc = this.docs.get(uri)!;
    return this.change(uri, [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, text }]);
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.rpc.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.rpc.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.rpc.sendNotification('exit');
    } catch {
      // The server may already be gone; the kill below is enough.
    }
    this.rpc.dispose();
    if (this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => { this.child.kill(); resolve(); }, 2000);
        this.child.once('exit', () => { clearTimeout(timer); resolve(); });
      });
    }
  }
}

/** Resident memory of a process in kB, from /proc/<pid>/status (VmRSS); undefined where there is no /proc. */
export function rssKb(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The essentials of a diagnostic, to compare the server's with the engine's. */
export function essence(d: Diagnostic): string {
  return `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;
}

/** A seed report as Markdown (test/fixtures/seeds/NNN.md). */
export function seedText(id: string): string {
  return readFileSync(fixture(`seeds/${id}.md`), 'utf8');
}

/**
 * What the server must publish for a seed: the findings recorded by hand in
 * test/fixtures/seeds/NNN.expected.json (rule, range with 1-based lines and
 * columns, message), in the shape of essence().
 */
export function seedFindings(id: string, lang: 'zh' | 'en' = 'zh'): string[] {
  const expected = JSON.parse(readFileSync(fixture(`seeds/${id}.expected.json`), 'utf8')) as { findings: { ruleId: string; range: string; message: { zh: string; en: string } }[] };
  return expected.findings.map((f) => {
    const [s, e] = f.range.split('-').map((p) => p.split(':').map(Number));
    return `${f.ruleId} ${s[0] - 1}:${s[1] - 1}-${e[0] - 1}:${e[1] - 1} ${f.message[lang]}`;
  });
}

/** Essences in a stable order: by position, then rule, then message. */
export function sorted(essences: readonly string[]): string[] {
  const key = (s: string) => {
    const [, at] = s.split(' ');
    const [a, b] = at.split('-')[0].split(':').map(Number);
    return a * 1e6 + b;
  };
  return [...essences].sort((x, y) => key(x) - key(y) || x.localeCompare(y));
}

/**
 * The engine run in-process on `text`, in the shape of essence(). Not an
 * oracle: a finding the engine gets wrong is wrong here too. Tests use it only
 * for what it can show, that the server (incremental, scheduled, over stdio)
 * publishes what a full analysis of the same text gives; what the findings
 * must be is written in the tests or in fixture files (seedFindings).
 */
export async function engineEssences(text: string, lang: 'zh' | 'en' = 'zh', options: Record<string, unknown> = {}): Promise<string[]> {
  const { analyze } = await import('../../server/src/engine/analyze.ts');
  const doc = TextDocument.create('file:///x.md', 'markdown', 1, text);
  return analyze(text, options).diagnostics.map((d) => {
    const s = doc.positionAt(d.range.start);
    const e = doc.positionAt(d.range.end);
    return `${d.ruleId} ${s.line}:${s.character}-${e.line}:${e.character} ${d.message[lang]}`;
  });
}

/** A clean report in the given format, as nianbao/newReport writes it. */
export async function cleanReport(templateId: '2019' | '2021', year: number, agency = '某市某局'): Promise<string> {
  const { reportText } = await import('../../server/src/engine/scaffold.ts');
  const { builtinTemplates } = await import('../../server/src/engine/templates/builtin.ts');
  return reportText(builtinTemplates.find((t) => t.id === templateId)!, { year, agency, fill: '0' });
}

/** Replaces the `index`-th (0-based) match of `pattern` in `text`. */
export function replaceNth(text: string, pattern: RegExp, index: number, replacement: string): string {
  let n = -1;
  return text.replace(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'), (m) => (++n === index ? replacement : m));
}
