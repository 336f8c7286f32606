// didChange sequences over the real stdio server: incremental edits are
// applied correctly, the last publication matches a full analysis of the
// final text, versions never go backwards, every publication is the analysis
// of the version it names (nothing stale), and a burst of edits is analysed
// once, not once per edit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { cleanReport, essence, expectedEssences, fileUri, fixture, TestClient } from './harness.ts';

function position(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Checks every publication for `uri`: versions non-decreasing, each equal to the analysis of its version's text. */
async function checkPublications(client: TestClient, uri: string, texts: Map<number, string>): Promise<void> {
  const pubs = client.published.filter((p) => p.uri === uri && p.version !== undefined);
  for (let i = 1; i < pubs.length; i++) assert.ok(pubs[i].version! >= pubs[i - 1].version!, `version went back: ${pubs[i - 1].version} → ${pubs[i].version}`);
  for (const p of pubs) {
    const text = texts.get(p.version!);
    assert.ok(text !== undefined, `published an unknown version ${p.version}`);
    assert.deepEqual(p.diagnostics.map(essence), await expectedEssences(text), `publication of version ${p.version}`);
  }
}

describe('didChange', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  it('typing, deleting and pasting, one edit at a time', async () => {
    const uri = fileUri('/tmp/nianbao-proto/dc-seq.md');
    const texts = new Map<number, string>();
    const start = await cleanReport('2021', 2023);
    texts.set(1, start);
    await client.open(uri, start);
    // Type "12" into the 自然人 cell of 一、本年新收, character by character.
    const row = '| 一、本年新收政府信息公开申请数量 | ';
    let at = client.text(uri).indexOf(row) + row.length;
    for (const ch of ['1', '2']) {
      const p = position(client.text(uri), at);
      const v = await client.change(uri, [{ range: { start: p, end: p }, text: ch }]);
      texts.set(v, client.text(uri));
      at += 1;
      await client.waitForDiagnostics(uri, (x) => x.version === v);
    }
    // Delete the old "0" after it.
    const p0 = position(client.text(uri), at);
    let v = await client.change(uri, [{ range: { start: p0, end: { line: p0.line, character: p0.character + 1 } }, text: '' }]);
    texts.set(v, client.text(uri));
    await client.waitForDiagnostics(uri, (x) => x.version === v);
    // Delete a whole section heading line, then paste it back.
    const heading = '## 五、存在的主要问题及改进情况\n';
    const h = client.text(uri).indexOf(heading);
    v = await client.change(uri, [{ range: { start: position(client.text(uri), h), end: position(client.text(uri), h + heading.length) }, text: '' }]);
    texts.set(v, client.text(uri));
    const gone = await client.waitForDiagnostics(uri, (x) => x.version === v);
    assert.ok(gone.diagnostics.some((d) => d.code === 'section-missing'));
    const p1 = position(client.text(uri), h);
    v = await client.change(uri, [{ range: { start: p1, end: p1 }, text: heading }]);
    texts.set(v, client.text(uri));
    const last = await client.waitForDiagnostics(uri, (x) => x.version === v);
    assert.ok(client.text(uri).includes('| 一、本年新收政府信息公开申请数量 | 12 | 0 |'));
    assert.deepEqual(last.diagnostics.map(essence), await expectedEssences(client.text(uri)));
    assert.ok(last.diagnostics.some((d) => d.code === 'total-row'), '12 ≠ 0 in the row total');
    await checkPublications(client, uri, texts);
    await client.close(uri);
  });

  it('a burst of edits: only the newest version is analysed, nothing stale is published', async () => {
    const uri = fileUri('/tmp/nianbao-proto/dc-burst.md');
    const texts = new Map<number, string>();
    const start = readFileSync(fixture('seeds-raw/003_4ec1c1e093af1759.txt'), 'utf8');
    texts.set(1, start);
    await client.open(uri, start);
    const before = client.published.filter((p) => p.uri === uri).length;
    // 60 keystrokes at the end of the title line, sent without waiting.
    const line = start.split('\n').findIndex((l) => l.includes('年度'));
    let v = 1;
    for (let i = 0; i < 60; i++) {
      const ch = start.split('\n')[line].length + i;
      v = await client.change(uri, [{ range: { start: { line, character: ch }, end: { line, character: ch } }, text: i % 10 === 9 ? '年' : 'x' }]);
      texts.set(v, client.text(uri));
    }
    const last = await client.waitForDiagnostics(uri, (p) => p.version === v);
    assert.deepEqual(last.diagnostics.map(essence), await expectedEssences(client.text(uri)));
    await checkPublications(client, uri, texts);
    const count = client.published.filter((p) => p.uri === uri).length - before;
    console.log(`burst of 60 edits → ${count} publication(s)`);
    assert.ok(count < 60, `expected the burst to be coalesced, got ${count} publications`);
    await client.close(uri);
  });

  it('whole-text replacements and a close in the middle of pending work', async () => {
    const uri = fileUri('/tmp/nianbao-proto/dc-close.md');
    const texts = new Map<number, string>();
    const a = await cleanReport('2019', 2020);
    texts.set(1, a);
    await client.open(uri, a);
    const b = a.replace('## 二、主动公开政府信息情况', '## 二、主动公开');
    const v = await client.replaceAll(uri, b);
    texts.set(v, b);
    const pb = await client.waitForDiagnostics(uri, (p) => p.version === v);
    assert.deepEqual(pb.diagnostics.map(essence), await expectedEssences(b));
    // Change and close at once: the close clears, and no later publication brings findings back.
    await client.replaceAll(uri, a.replace('| 规章 | 0 |', '| 规章 | x |'));
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === undefined);
    assert.deepEqual(cleared.diagnostics, []);
    await new Promise((r) => setTimeout(r, 100));
    const lastPub = client.published.filter((p) => p.uri === uri).at(-1)!;
    assert.deepEqual(lastPub.diagnostics, [], 'nothing published after the close');
  });

  it('a seeded random edit sequence: the incremental server publishes what a full analysis gives, after every edit', async () => {
    const { generateReport } = await import('../../bench/generate.ts');
    const { Rng } = await import('../../bench/rng.ts');
    const rng = new Rng(4711);
    const uri = fileUri('/tmp/nianbao-proto/dc-random.md');
    const texts = new Map<number, string>();
    const start = generateReport(21, { bytes: 9000, errors: ['wrong-total', 'label-typo'] }).text.replace(/\r\n/g, '\n');
    texts.set(1, start);
    await client.open(uri, start);
    const typed = ['一', '7', '0', '|', ' ', '\n', '\n\n', '| 1 | 2 |\n', '## ', '（七）总计'];
    for (let step = 0; step < 40; step++) {
      const text = client.text(uri);
      const at = rng.int(0, text.length);
      const cut = rng.next() < 0.4 ? Math.min(text.length, at + rng.int(1, 6)) : at;
      const v = await client.change(uri, [{ range: { start: position(text, at), end: position(text, cut) }, text: cut === at ? rng.pick(typed) : '' }]);
      texts.set(v, client.text(uri));
      await client.waitForDiagnostics(uri, (x) => x.version === v);
    }
    await checkPublications(client, uri, texts);
    assert.ok(client.published.filter((p) => p.uri === uri).length >= 41, 'one publication per edit');
  });
});
