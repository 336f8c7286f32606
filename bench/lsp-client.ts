// A minimal LSP client for the benchmarks: starts the real stdio server
// (dist/server.cjs), opens and edits documents, and waits for each version's
// publishDiagnostics. Independent of the test harness so benchmarks keep
// working while tests change.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';

interface Published {
  uri: string;
  version?: number;
}

export class BenchClient {
  private waiters: { uri: string; version: number; resolve: () => void }[] = [];
  private versions = new Map<string, number>();

  private constructor(readonly child: ChildProcess, private readonly rpc: MessageConnection) {}

  static async start(server: string): Promise<BenchClient> {
    // BENCH_SERVER_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p" to profile its start.
    const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), server, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new BenchClient(child, rpc);
    rpc.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      for (const w of [...client.waiters]) {
        if (w.uri === p.uri && (p.version ?? w.version) >= w.version) {
          client.waiters = client.waiters.filter((x) => x !== w);
          w.resolve();
        }
      }
    });
    // A budget the benchmark's compendium never reaches, even on a loaded machine.
    rpc.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ maxAnalysisTime: 3600 })));
    rpc.onRequest(() => null);
    rpc.listen();
    await rpc.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await rpc.sendNotification('initialized', {});
    return client;
  }

  /** Resolves when diagnostics for `uri` at `version` (or later) arrive. */
  published(uri: string, version: number, timeoutMs = 60000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}`)), timeoutMs);
      this.waiters.push({ uri, version, resolve: () => { clearTimeout(timer); resolve(); } });
    });
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    const done = this.published(uri, 1);
    await this.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await done;
  }

  /** Opens a document without waiting for its diagnostics. */
  async openNoWait(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.rpc.sendRequest(method, params) as Promise<R>;
  }

  /** Inserts `text` at line/character and resolves when that version's diagnostics arrive. */
  async insert(uri: string, line: number, character: number, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const done = this.published(uri, version);
    const range = { start: { line, character }, end: { line, character } };
    await this.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    await done;
  }

  /** Resident set size of the server process, in bytes (Linux). */
  rss(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.rpc.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.rpc.sendNotification('exit');
    } catch {
      // already gone
    }
    // The exit notification ends the server; wait briefly so it can flush (a
    // --cpu-prof profile, say) before making sure it is gone.
    if (this.child.exitCode === null) await new Promise((r) => { this.child.once('exit', r); setTimeout(r, 1000); });
    this.rpc.dispose();
    this.child.kill();
  }
}
