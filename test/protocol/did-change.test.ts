// didChange sequences over the real stdio server: incremental edits are
// applied correctly, the last publication matches a full analysis of the
// final text, versions never go backwards, every publication is the analysis
// of the version it names (nothing stale), and a burst of edits is analysed
// once, not once per edit. What the findings are is written here or taken
// from the seeds' hand-checked findings; the engine run in-process
// (engineEssences) only shows that each publication is a full analysis of its
// version.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cleanReport, engineEssences, essence, fileUri, seedFindings, seedText, sorted, TestClient } from './harness.ts';

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
    assert.deepEqual(p.diagnostics.map(essence), await engineEssences(text), `publication of version ${p.version}`);
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
    assert.deepEqual((await client.open(uri, start)).diagnostics, [], 'the clean report');
    // Overtype the 0 in the 自然人 cell of 一、本年新收 with 1 (one more than the total: off by one), then type 2.
    const row = '| 一、本年新收政府信息公开申请数量 | ';
    const at = client.text(uri).indexOf(row) + row.length;
    const p0 = position(client.text(uri), at);
    let v = await client.change(uri, [{ range: { start: p0, end: { line: p0.line, character: p0.character + 1 } }, text: '1' }]);
    texts.set(v, client.text(uri));
    const one = await client.waitForDiagnostics(uri, (x) => x.version === v);
    assert.deepEqual(one.diagnostics.map(essence), [
      'balance 30:21-30:22 一、本年新收「自然人」应为 0（使「自然人」列 一＋二＝三（七）＋四 成立），实为 1',
      'total-row 30:21-30:22 一、本年新收「自然人」应为 0（使一、本年新收「总计」等于六类申请人之和），实为 1',
    ]);
    const p1 = position(client.text(uri), at + 1);
    v = await client.change(uri, [{ range: { start: p1, end: p1 }, text: '2' }]);
    texts.set(v, client.text(uri));
    await client.waitForDiagnostics(uri, (x) => x.version === v);
    // Delete a whole section heading line, then paste it back.
    const heading = '## 五、存在的主要问题及改进情况\n';
    const h = client.text(uri).indexOf(heading);
    v = await client.change(uri, [{ range: { start: position(client.text(uri), h), end: position(client.text(uri), h + heading.length) }, text: '' }]);
    texts.set(v, client.text(uri));
    const gone = await client.waitForDiagnostics(uri, (x) => x.version === v);
    const twelve = [
      'balance 30:21-30:23 一、本年新收「自然人」应为 0（使「自然人」列 一＋二＝三（七）＋四 成立），实为 12',
      'total-row 30:21-30:23 一、本年新收「自然人」应为 0（使一、本年新收「总计」等于六类申请人之和），实为 12',
    ];
    assert.deepEqual(gone.diagnostics.map(essence), [...twelve, 'section-missing 71:0-71:14 缺少「五、存在的主要问题及改进情况」']);
    const p2 = position(client.text(uri), h);
    v = await client.change(uri, [{ range: { start: p2, end: p2 }, text: heading }]);
    texts.set(v, client.text(uri));
    const last = await client.waitForDiagnostics(uri, (x) => x.version === v);
    assert.ok(client.text(uri).includes('| 一、本年新收政府信息公开申请数量 | 12 | 0 |'));
    assert.deepEqual(last.diagnostics.map(essence), twelve);
    await checkPublications(client, uri, texts);
    await client.close(uri);
  });

  it('a burst of edits: only the newest version is analysed, nothing stale is published', async () => {
    const uri = fileUri('/tmp/nianbao-proto/dc-burst.md');
    const texts = new Map<number, string>();
    const start = seedText('003');
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
    // Only the title line changed: the seed's own findings, where they were.
    assert.deepEqual(sorted(last.diagnostics.map(essence)), sorted(seedFindings('003')));
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
    assert.deepEqual(pb.diagnostics.map(essence), ['section-title 8:5-8:9 栏目标题「主动公开」应为「主动公开政府信息情况」']);
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
    // After all that, a seed pasted over everything gets its hand-checked findings.
    const v = await client.replaceAll(uri, seedText('000'));
    const pasted = await client.waitForDiagnostics(uri, (x) => x.version === v);
    assert.deepEqual(sorted(pasted.diagnostics.map(essence)), sorted(seedFindings('000')));
    await client.close(uri);
  });
});
