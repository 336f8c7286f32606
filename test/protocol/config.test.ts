// Configuration: editor settings (workspace/configuration, or pushed by
// clients without it) merged with .nianbaorc.json, the file winning; changes
// apply without a restart.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { InlayHint } from 'vscode-languageserver-protocol';
import { cleanReport, fileUri, TestClient } from './harness.ts';

/** A 2021 report without 五 (section-missing) and with a wrong row total (total-row, balance). */
async function faulty(): Promise<string> {
  return (await cleanReport('2021', 2023))
    .replace('## 五、存在的主要问题及改进情况\n\n（待补充）\n\n', '')
    .replace('| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 7 |');
}

function codes(p: { diagnostics: { code?: string | number }[] }): string[] {
  return [...new Set(p.diagnostics.map((d) => String(d.code)))].sort();
}

const ALL = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };

describe('configuration', () => {
  it('.nianbaorc.json rules apply, and a change to the file applies without a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-rc-'));
    const rc = join(dir, '.nianbaorc.json');
    writeFileSync(rc, JSON.stringify({ rules: { 'section-missing': 'off', balance: 'warning' } }));
    mkdirSync(join(dir, 'sub'));
    const client = await TestClient.start({ workspaceFolder: dir });
    try {
      const uri = fileUri(join(dir, 'sub/report.md'));
      const first = await client.open(uri, await faulty());
      assert.deepEqual(codes(first), ['balance', 'total-row']);
      assert.equal(first.diagnostics.find((d) => d.code === 'balance')!.severity, 2, 'warning');
      writeFileSync(rc, JSON.stringify({ rules: { 'total-row': 'off' } }));
      const next = client.waitForDiagnostics(uri, (p) => codes(p).includes('section-missing'));
      await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(rc), type: 2 }] });
      assert.deepEqual(codes(await next), ['balance', 'section-missing']);
    } finally {
      await client.stop();
    }
  });

  it('editor settings apply, change without a restart, and the file wins where both are set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-settings-'));
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { balance: 'error' } }));
    const client = await TestClient.start({ workspaceFolder: dir, settings: { rules: { balance: 'off', 'total-row': 'off' } } });
    try {
      const uri = fileUri(join(dir, 'r.md'));
      const first = await client.open(uri, await faulty());
      assert.deepEqual(codes(first), ['balance', 'section-missing']);
      client.settings = { rules: { 'section-missing': 'off' } };
      const next = client.waitForDiagnostics(uri, (p) => codes(p).includes('total-row'));
      await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(codes(await next), ['balance', 'total-row']);
    } finally {
      await client.stop();
    }
  });

  it('nianbao.template forces a format', async () => {
    const client = await TestClient.start({ settings: { template: '2019' } });
    try {
      const uri = fileUri('/tmp/nianbao-proto/forced.md');
      await client.open(uri, await cleanReport('2021', 2023));
      const status = client.statuses.at(-1) as { templateId: string };
      assert.equal(status.templateId, '2019');
    } finally {
      await client.stop();
    }
  });

  it('nianbao.inlayHints: all, errors, off', async () => {
    const client = await TestClient.start({ settings: { inlayHints: 'errors' } });
    try {
      const uri = fileUri('/tmp/nianbao-proto/hints.md');
      await client.open(uri, await faulty());
      const hints = async () => (await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: ALL })).map((h) => String(h.label));
      const errorsOnly = await hints();
      assert.ok(errorsOnly.length > 0 && errorsOnly.every((l) => l.startsWith('应为')), errorsOnly.join(', '));
      for (const [setting, check] of [['off', (l: string[]) => l.length === 0], ['all', (l: string[]) => l.some((x) => x.endsWith('✓'))]] as const) {
        client.settings = { inlayHints: setting };
        const republished = client.waitForDiagnostics(uri);
        await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
        await republished;
        assert.ok(check(await hints()), `${setting}: ${(await hints()).join(', ')}`);
      }
    } finally {
      await client.stop();
    }
  });

  it('a client without workspace/configuration passes settings in initializationOptions and didChangeConfiguration', async () => {
    const client = await TestClient.start({ pullConfiguration: false, settings: { rules: { 'section-missing': 'off' } } });
    try {
      const uri = fileUri('/tmp/nianbao-proto/push.md');
      assert.ok(!codes(await client.open(uri, await faulty())).includes('section-missing'));
      const next = client.waitForDiagnostics(uri, (p) => codes(p).includes('section-missing'));
      await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: { nianbao: { rules: { 'total-row': 'off' } } } });
      assert.deepEqual(codes(await next), ['balance', 'section-missing']);
    } finally {
      await client.stop();
    }
  });

  it('a broken .nianbaorc.json is logged and ignored, and its error is a diagnostic on the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-badrc-'));
    writeFileSync(join(dir, '.nianbaorc.json'), '{ "rules": { "balance": "loud" }, oops');
    const client = await TestClient.start({ workspaceFolder: dir });
    try {
      const onRc = client.waitForDiagnostics(fileUri(join(dir, '.nianbaorc.json')));
      const published = await client.open(fileUri(join(dir, 'r.md')), await faulty());
      assert.deepEqual(codes(published), ['balance', 'section-missing', 'total-row']);
      assert.ok(client.logs.some((l) => l.includes('.nianbaorc.json')), client.logs.join('\n'));
      const rc = await onRc;
      assert.equal(rc.diagnostics.length, 1);
      assert.equal(rc.diagnostics[0].code, 'config-invalid');
      // Where the parser stopped: `oops`, line 0 from column 34.
      assert.deepEqual(rc.diagnostics[0].range.start, { line: 0, character: 34 });
    } finally {
      await client.stop();
    }
  });

  it('an invalid field is a diagnostic on its key; the valid ones still apply; fixing the file clears it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-badfield-'));
    const rcPath = join(dir, '.nianbaorc.json');
    writeFileSync(rcPath, '{\n  "rules": { "total-row": "off" },\n  "maxFileSize": "big"\n}\n');
    const client = await TestClient.start({ workspaceFolder: dir });
    try {
      const rcUri = fileUri(rcPath);
      const onRc = client.waitForDiagnostics(rcUri);
      const published = await client.open(fileUri(join(dir, 'r.md')), await faulty());
      assert.deepEqual(codes(published), ['balance', 'section-missing']);
      const rc = await onRc;
      assert.deepEqual(rc.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['config-invalid', 2, 2]]);
      const cleared = client.waitForDiagnostics(rcUri, (p) => p.diagnostics.length === 0);
      writeFileSync(rcPath, '{ "rules": { "total-row": "off" } }');
      await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: rcUri, type: 2 }] });
      await cleared;
    } finally {
      await client.stop();
    }
  });
});
