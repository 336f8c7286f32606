// The language server built on an in-memory workspace (createServer with a
// MemoryWorkspace, host/workspace.ts) and in-memory streams: no file on disk,
// no child process. Last year's report exists only in the workspace; so does
// a broken .nianbaorc.json, whose problem is published on it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import { createConnection } from 'vscode-languageserver/node.js';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { MemoryWorkspace } from '../../../server/src/host/workspace.ts';
import { createServer } from '../../../server/src/lsp/server.ts';

const FIXTURES = new URL('../../fixtures/cross/carryover/', import.meta.url);
const R2020 = readFileSync(new URL('2020.md', FIXTURES), 'utf8');
const R2021 = readFileSync(new URL('2021.md', FIXTURES), 'utf8');
// A folder that does not exist on disk: everything is in memory.
const ROOT = join(tmpdir(), 'nianbao-no-such-folder-memory');
const uri = (p: string) => pathToFileURL(p).href;

async function start(ws: MemoryWorkspace): Promise<{ client: MessageConnection; published: PublishDiagnosticsParams[]; wait(u: string, test?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>; stop(): void }> {
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  createServer(server, ws);
  server.listen();
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { u: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters]) if (w.u === p.uri && w.test(p)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(p); }
  });
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  client.listen();
  await client.sendRequest('initialize', {
    processId: null, rootUri: uri(ROOT), workspaceFolders: [{ uri: uri(ROOT), name: 'ws' }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  await client.sendNotification('initialized', {});
  return {
    client,
    published,
    wait: (u, test = () => true) => new Promise((resolve) => {
      const seen = published.find((p) => p.uri === u && test(p));
      if (seen) resolve(seen);
      else waiters.push({ u, test, resolve });
    }),
    stop: () => { client.dispose(); server.dispose(); up.end(); down.end(); },
  };
}

describe('the server on an in-memory workspace', () => {
  it('finds last year\'s report in the workspace and reports carryover; a change in the workspace re-checks', async () => {
    const last = join(ROOT, 'reports/2020.md');
    const now = join(ROOT, 'reports/2021.md');
    const ws = new MemoryWorkspace({ [last]: R2020 });
    const s = await start(ws);
    try {
      // Give the folder scan its turn, then open this year's report (not in the workspace's files: only open).
      await new Promise((r) => setTimeout(r, 50));
      await s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(now), languageId: 'markdown', version: 1, text: R2021 } });
      const first = await s.wait(uri(now), (p) => p.diagnostics.some((d) => d.code === 'carryover'));
      // The fixture's 2021 report carries over a figure that does not match 2020's 结转下年度继续办理 (test/fixtures/cross/carryover).
      assert.ok(first.diagnostics.filter((d) => d.code === 'carryover').length >= 1);
      // Last year's report fixed to agree: the workspace reports the change, the server checks again.
      ws.write(last, R2020.replace('| 四、结转下年度继续办理 | 3 | 2 | 0 | 0 | 0 | 0 | 5 |', '| 四、结转下年度继续办理 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |'));
      const again = await s.wait(uri(now), (p) => p !== first && !p.diagnostics.some((d) => d.code === 'carryover'));
      assert.equal(again.diagnostics.filter((d) => d.code === 'carryover').length, 0);
    } finally {
      s.stop();
    }
  });

  it('a broken .nianbaorc.json in the workspace is a diagnostic on it, and its valid rules apply', async () => {
    const rc = join(ROOT, '.nianbaorc.json');
    const ws = new MemoryWorkspace({ [rc]: '{\n  "rules": { "year-mismatch": "off", "section-missing": "loud" }\n}\n' });
    const s = await start(ws);
    try {
      const doc = join(ROOT, 'r.md');
      await s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(doc), languageId: 'markdown', version: 1, text: '# 某县教育局2021年政府信息公开工作年度报告\n\n## 一、总体情况\n\n略。\n' } });
      const onRc = await s.wait(uri(rc));
      // On the key "section-missing": line 1, column 37.
      assert.deepEqual(onRc.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['config-invalid', 1, 37]]);
      const onDoc = await s.wait(uri(doc));
      assert.ok(onDoc.diagnostics.some((d) => d.code === 'section-missing'), 'the bad severity is ignored: section-missing keeps its default');
    } finally {
      s.stop();
    }
  });
});
