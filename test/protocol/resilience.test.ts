// A failing rule or a malformed document never stops the server: the error
// is logged, the other rules still report, and the server keeps answering.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { essence, expectedEssences, fileUri, fixture, TestClient } from './harness.ts';

describe('resilience', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ env: { NIANBAO_TEST_THROWING_RULE: '1' } });
  });
  after(() => client.stop());

  it('a rule that throws is logged; the other rules\' diagnostics still arrive', async () => {
    const text = readFileSync(fixture('seeds-raw/003_4ec1c1e093af1759.txt'), 'utf8');
    const uri = fileUri('/tmp/nianbao-proto/throwing.md');
    const published = await client.open(uri, text);
    assert.ok(published.diagnostics.length > 0);
    assert.deepEqual(published.diagnostics.map(essence), await expectedEssences(text));
    assert.ok(client.logs.some((l) => l.includes('test-throwing-rule') && l.includes('thrown on purpose')), client.logs.join('\n'));
    // Logged once per document, not on every keystroke.
    const v = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    await client.waitForDiagnostics(uri, (p) => p.version === v);
    assert.equal(client.logs.filter((l) => l.includes('thrown on purpose')).length, 1);
    await client.close(uri);
  });

  const malformed: [string, string][] = [
    ['binary garbage', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)).toString('latin1')],
    ['NUL bytes and lone surrogates', '# 2020年政府信息公开工作年度报告\n\0\0\ud800\udfff\ud800 | | |\n|---|\n'],
    ['a table of pipes only', '# 2021年政府信息公开工作年度报告\n\n' + '|'.repeat(5000) + '\n' + '|---'.repeat(500) + '\n'],
    ['deeply nested lists and quotes', '# 2021年政府信息公开工作年度报告\n\n' + '> '.repeat(500) + '- '.repeat(500) + '三、收到和处理政府信息公开申请情况\n'],
    ['ten thousand headings', Array.from({ length: 10000 }, (_, i) => `## ${'一二三四五六'[i % 6]}、总体情况`).join('\n')],
    ['CRLF and a BOM', '\ufeff# 某局2022年政府信息公开工作年度报告\r\n\r\n## 一、总体情况\r\n\r\n| 一、本年新收政府信息公开申请数量 | 1 |\r\n|---|---|\r\n'],
  ];
  for (const [name, text] of malformed) {
    it(`survives ${name}`, async () => {
      const uri = fileUri(`/tmp/nianbao-proto/malformed-${name.replace(/\W+/g, '-')}.md`);
      const published = await client.open(uri, text);
      assert.ok(Array.isArray(published.diagnostics));
      // Every feature still answers.
      const pos = { line: 0, character: 1 };
      await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos });
      await client.request('textDocument/completion', { textDocument: { uri }, position: pos });
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
      await client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: pos, end: { line: 99999, character: 0 } } });
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: [] } });
      await client.close(uri);
      assert.equal(client.child.exitCode, null, 'the server is still running');
    });
  }

  it('still serves a normal report afterwards', async () => {
    const text = readFileSync(fixture('seeds-raw/003_4ec1c1e093af1759.txt'), 'utf8');
    const uri = fileUri('/tmp/nianbao-proto/after.md');
    assert.ok((await client.open(uri, text)).diagnostics.length > 0);
    await client.close(uri);
  });
});
