// The analysis thread for large documents (lsp/remote-analysis.ts and
// analysis-worker.ts), from source: what comes back equals an analysis on
// this thread; a request made stale by a newer version of its document, or
// by closing it, is dropped (and a running one stopped); an analysis over
// its time budget ends as `timed-out` and the next request gets a fresh
// thread; a thread that cannot start fails its requests instead of looping.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateCompendium } from '../../../bench/generate.ts';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { Analyses, REMOTE_MIN_BYTES } from '../../../server/src/lsp/analyses.ts';
import { ConfigStore } from '../../../server/src/lsp/document-config.ts';
import { RemoteAnalyzer } from '../../../server/src/lsp/remote-analysis.ts';

const BIG = generateCompendium(3, 2 * REMOTE_MIN_BYTES);
const LONG = 600_000;

describe('the analysis thread', () => {
  const logs: string[] = [];
  const remote = new RemoteAnalyzer((m) => logs.push(m));
  after(() => remote.dispose());

  test('a large document analysed there gives what an analysis here gives', { timeout: LONG }, async () => {
    const configs = new ConfigStore({ log: () => {} });
    const analyses = new Analyses(configs, () => {}, [], analyze, remote);
    const doc = TextDocument.create('file:///big.md', 'markdown', 1, BIG);
    const config = await configs.get(doc.uri);
    const pending = analyses.check(doc, config);
    assert.ok(pending instanceof Promise, 'a document over REMOTE_MIN_BYTES goes to the thread');
    // Asked again meanwhile: the same analysis, not a second one.
    assert.equal(analyses.check(doc, config), pending);
    const checked = await pending;
    const here = analyze(BIG);
    assert.ok(checked.analysis, JSON.stringify(checked.notChecked));
    assert.deepEqual(checked.analysis.diagnostics, here.diagnostics);
    // What is published was chosen on the thread: every finding, or 999 and the number left out.
    const summary = checked.summary!;
    assert.equal(summary.shown.length + summary.omitted, here.diagnostics.length);
    assert.ok(summary.shown.length <= 999 || summary.omitted === 0);
    assert.equal(checked.analysis.isReport, here.isReport);
    const report = checked.analysis.report;
    assert.equal(report.text, BIG);
    assert.equal(report.year, here.report.year);
    assert.equal(report.template.id, here.report.template.id);
    assert.deepEqual(report.sections, here.report.sections);
    assert.deepEqual(report.tables, here.report.tables);
    assert.deepEqual(report.strayRows, here.report.strayRows);
    // The Markdown tables come back without their rows: the features read ranges and ids.
    assert.deepEqual(report.rawTables, here.report.rawTables.map((t) => ({ range: t.range, tableIds: t.tableIds, rows: [] })));
    // Kept for the version: asked again, answered at once.
    assert.equal(analyses.check(doc, config), checked);
    // A report stays on this thread.
    const small = TextDocument.create('file:///small.md', 'markdown', 1, BIG.slice(0, 20_000));
    assert.ok(!(analyses.check(small, await configs.get(small.uri)) instanceof Promise));
  });

  test('a newer version drops the waiting or running request for the older one', { timeout: LONG }, async () => {
    const started = remote.started;
    const first = remote.analyze({ uri: 'file:///a.md', text: BIG, options: {}, budgetMs: LONG });
    const second = remote.analyze({ uri: 'file:///a.md', text: BIG + '\n\n补充。\n', options: {}, budgetMs: LONG });
    assert.deepEqual(await first, { kind: 'dropped' });
    const done = await second;
    assert.equal(done.kind, 'done');
    assert.ok(remote.started - started <= 2);
  });

  test('closing a document drops its request', { timeout: LONG }, async () => {
    const request = remote.analyze({ uri: 'file:///closed.md', text: BIG, options: {}, budgetMs: LONG });
    remote.forget('file:///closed.md');
    assert.deepEqual(await request, { kind: 'dropped' });
  });

  test('an analysis over its budget is stopped; the next request gets a fresh thread', { timeout: LONG }, async () => {
    // 1 ms: no analysis of 256 KB takes that little.
    assert.deepEqual(await remote.analyze({ uri: 'file:///slow.md', text: BIG, options: {}, budgetMs: 1 }), { kind: 'timed-out', budgetMs: 1 });
    const started = remote.started;
    const next = await remote.analyze({ uri: 'file:///next.md', text: '# 某局2021年政府信息公开工作年度报告\n', options: {}, budgetMs: LONG });
    assert.equal(next.kind, 'done');
    assert.equal(remote.started, started + 1);
  });

  test('a thread that cannot start fails its requests instead of starting again and again', { timeout: LONG }, async () => {
    let spawned = 0;
    const broken = new RemoteAnalyzer(() => {}, () => {
      spawned++;
      return new Worker('throw new Error("cannot start")', { eval: true });
    });
    const r = await broken.analyze({ uri: 'file:///x.md', text: BIG, options: {}, budgetMs: LONG });
    assert.equal(r.kind, 'failed');
    assert.equal(spawned, 1);
  });
});
