// Diagnostics over the real stdio server: what is published on open, for
// which files, in which language, with which metadata, and cleared on close.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cleanReport, essence, expectedEssences, fileUri, fixture, TestClient } from './harness.ts';

const SEED = fixture('seeds-raw/003_4ec1c1e093af1759.txt');

describe('diagnostics', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  it('initialize announces incremental sync and the features', () => {
    const caps = client.capabilities as Record<string, any>;
    assert.equal(caps.textDocumentSync.change, 2, 'incremental');
    assert.equal(caps.textDocumentSync.openClose, true);
    for (const key of ['hoverProvider', 'completionProvider', 'codeActionProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'documentFormattingProvider', 'documentRangeFormattingProvider', 'inlayHintProvider']) {
      assert.ok(caps[key], key);
    }
    assert.ok(caps.codeActionProvider.codeActionKinds.includes('source.fixAll.nianbao'));
  });

  it('publishes on open what the engine finds, with rule ids, doc links and source', async () => {
    const text = readFileSync(SEED, 'utf8');
    const uri = fileUri('/tmp/nianbao-proto/seed-003.md');
    const published = await client.open(uri, text);
    assert.equal(published.version, 1);
    assert.ok(published.diagnostics.length > 0, 'the seed has findings');
    assert.deepEqual(published.diagnostics.map(essence), await expectedEssences(text));
    for (const d of published.diagnostics) {
      assert.equal(d.source, 'nianbao');
      assert.equal(typeof d.code, 'string');
      assert.equal(d.codeDescription?.href, `https://github.com/nianbao/nianbao/blob/main/docs/rules/${d.code}.md`);
      assert.ok(d.severity! >= 1 && d.severity! <= 3);
    }
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('points related information at the cells of a failing relation', async () => {
    const text = (await cleanReport('2021', 2023)).replace('| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 0 |');
    const uri = fileUri('/tmp/nianbao-proto/related.md');
    const published = await client.open(uri, text);
    const withRelated = published.diagnostics.filter((d) => d.relatedInformation?.length);
    assert.ok(withRelated.length > 0, JSON.stringify(published.diagnostics.map(essence)));
    for (const d of withRelated) for (const r of d.relatedInformation!) assert.equal(r.location.uri, uri);
    await client.close(uri);
  });

  it('a clean report gets an empty list and a status notification', async () => {
    const uri = fileUri('/tmp/nianbao-proto/clean.md');
    const published = await client.open(uri, await cleanReport('2019', 2020));
    assert.deepEqual(published.diagnostics.map(essence), []);
    const status = client.statuses.filter((s) => (s as { uri: string }).uri === uri).at(-1) as Record<string, unknown>;
    assert.equal(status.isReport, true);
    assert.equal(status.year, 2020);
    assert.equal(status.templateId, '2019');
    assert.equal(status.errors, 0);
    await client.close(uri);
  });

  it('other Markdown files get nothing; non-Markdown documents neither', async () => {
    const uri = fileUri('/tmp/nianbao-proto/notes.md');
    const published = await client.open(uri, '# 会议记录\n\n今天讨论了预算。\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    assert.deepEqual(published.diagnostics, []);
    await client.close(uri);
    const txt = fileUri('/tmp/nianbao-proto/report.txt');
    const plain = await client.open(txt, readFileSync(SEED, 'utf8'), 'plaintext');
    assert.deepEqual(plain.diagnostics, []);
    await client.close(txt);
  });

  it('nianbao.files makes a file without a report title a report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-files-'));
    const listed = await TestClient.start({ workspaceFolder: dir, settings: { files: ['reports/**/*.md'] } });
    try {
      const body = '二、主动公开政府信息情况\n\n（待补充）\n';
      const inside = fileUri(join(dir, 'reports/2024/draft.md'));
      const outside = fileUri(join(dir, 'notes/draft.md'));
      assert.ok((await listed.open(inside, body)).diagnostics.length > 0, 'a listed file is checked');
      assert.deepEqual((await listed.open(outside, body)).diagnostics, [], 'an unlisted one is not');
    } finally {
      await listed.stop();
    }
  });

  it('.nianbaorc.json files globs list files too, relative to the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-rcfiles-'));
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ files: ['drafts/*.md'] }));
    const c = await TestClient.start({ workspaceFolder: dir });
    try {
      const published = await c.open(fileUri(join(dir, 'drafts/a.md')), '三、收到和处理政府信息公开申请情况\n\n（待补充）\n');
      assert.ok(published.diagnostics.length > 0);
    } finally {
      await c.stop();
    }
  });

  it('speaks English when the client locale is English', async () => {
    const en = await TestClient.start({ locale: 'en-US' });
    try {
      const text = readFileSync(SEED, 'utf8');
      const published = await en.open(fileUri('/tmp/nianbao-proto/en.md'), text);
      assert.deepEqual(published.diagnostics.map(essence), await expectedEssences(text, 'en'));
    } finally {
      await en.stop();
    }
  });
});
