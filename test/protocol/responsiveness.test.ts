// The server never freezes: a large document is analysed on the analysis
// thread while the server keeps answering for the others. Through the real
// bundled server over stdio, with a 5 MB compendium (about 300 reports in
// one document; seconds to check): the small report's outline and hover
// arrive before the compendium's diagnostics; a version made stale by an
// edit is never published; an analysis over the time budget ends in one
// notice naming the setting that raises it, and the server goes on.
// No wall-clock bound is asserted: only the order of the answers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { generateCompendium } from '../../bench/generate.ts';
import { fileUri, seedText, TestClient } from './harness.ts';

const BIG_BYTES = 5 * 1024 * 1024;
const SLOW_MS = 300_000;

describe('responsiveness while a 5 MB document is analysed', () => {
  let big: string;
  before(() => {
    big = generateCompendium(7, BIG_BYTES);
    assert.ok(Buffer.byteLength(big) >= BIG_BYTES);
  });

  describe('answers for other documents', () => {
    let client: TestClient;
    before(async () => {
      // A budget no loaded machine reaches: these tests are about order, not the budget.
      client = await TestClient.start({ settings: { maxAnalysisTime: 600 } });
    });
    after(() => client.stop());

    it('answers the small report\'s outline and hover before the compendium\'s diagnostics', { timeout: SLOW_MS }, async () => {
      const small = fileUri('/tmp/nianbao-proto/responsive-small.md');
      const bigUri = fileUri('/tmp/nianbao-proto/responsive-big.md');
      await client.open(small, seedText('001'));
      const events: string[] = [];
      const bigDone = client.waitForDiagnostics(bigUri, (p) => p.version === 1, SLOW_MS).then((p) => {
        events.push('big diagnostics');
        return p;
      });
      await client.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'markdown', version: 1, text: big } });
      // Asked after the compendium is open, so behind its analysis if analyses blocked the server.
      const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: small } });
      events.push('small symbols');
      const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 2 } });
      events.push('small hover');
      assert.ok(symbols.some((s) => s.name.includes('年度报告')), `the small report's outline names its title: ${JSON.stringify(symbols.map((s) => s.name))}`);
      assert.ok(hover === null || typeof hover === 'object');
      const published: PublishDiagnosticsParams = await bigDone;
      assert.deepEqual(events, ['small symbols', 'small hover', 'big diagnostics']);
      // The compendium was checked, not skipped: its reports repeat the six sections.
      assert.ok(published.diagnostics.some((d) => d.code === 'section-duplicate'), 'the compendium has its findings');
      assert.ok(!published.diagnostics.some((d) => ['check-timeout', 'check-failed', 'file-too-large'].includes(String(d.code))));
      // Thousands of findings: 999 published, errors first, and one notice of how many more there are.
      assert.equal(published.diagnostics.length, 1000);
      const omitted = published.diagnostics.filter((d) => d.code === 'findings-omitted');
      assert.equal(omitted.length, 1);
      assert.match(omitted[0].message, /^另有 \d+ 条问题未显示：编辑器只显示 999 条/);
      // Features of the compendium itself come from the analysis thread's result.
      const bigSymbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: bigUri } });
      assert.ok(bigSymbols.length > 100, `the compendium's outline: ${bigSymbols.length} symbols`);
      await client.close(bigUri);
    });

    it('never publishes a version an edit made stale', { timeout: SLOW_MS }, async () => {
      const uri = fileUri('/tmp/nianbao-proto/responsive-stale.md');
      await client.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: big } });
      // A moment for the analysis of version 1 to start (it takes seconds).
      await new Promise((r) => setTimeout(r, 300));
      const seenBefore = client.published.length;
      await client.rpc.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '<!-- 汇编 -->\n' }],
      });
      const last = await client.waitForDiagnostics(uri, (p) => p.version === 2, SLOW_MS);
      const stale = client.published.slice(seenBefore).filter((p) => p.uri === uri && p.version === 1);
      assert.equal(stale.length, 0, 'version 1 was published after version 2 was sent');
      assert.ok(last.diagnostics.some((d) => d.code === 'section-duplicate'));
      await client.close(uri);
    });
  });

  describe('the time budget', () => {
    let client: TestClient;
    before(async () => {
      // 0.2 s: a 5 MB compendium takes several seconds even on a fast idle machine.
      client = await TestClient.start({ settings: { maxAnalysisTime: 0.2 } });
    });
    after(() => client.stop());

    it('gives a document over the budget one notice that names the setting, and goes on serving', { timeout: SLOW_MS }, async () => {
      const uri = fileUri('/tmp/nianbao-proto/responsive-slow.md');
      const published = await client.open(uri, big, 'markdown', SLOW_MS);
      assert.equal(published.diagnostics.length, 1);
      const [notice] = published.diagnostics;
      assert.equal(notice.code, 'check-timeout');
      assert.equal(notice.severity, 3);
      assert.match(notice.message, /nianbao\.maxAnalysisTime/);
      assert.match(notice.message, /0\.2 秒/);
      assert.match(notice.codeDescription?.href ?? '', /docs\/rules\/check-timeout\.md$/);
      // The server still checks other documents.
      const small = fileUri('/tmp/nianbao-proto/responsive-after.md');
      const after = await client.open(small, seedText('004'));
      assert.ok(after.diagnostics.every((d) => d.code !== 'check-timeout'));
      assert.ok(after.diagnostics.length > 0, 'seed 004 has findings');
    });
  });
});
