// Code actions over the real stdio server: a quick fix applied makes its
// diagnostic disappear; "fix all of this rule"; source.fixAll.nianbao leaves
// figures alone; the nianbao/fixAll request behind the 修复全部问题 command.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { cleanReport, essence, fileUri, TestClient } from './harness.ts';

/** A clean 2021 report with a wrong total (a figure fix) and two misspelt labels (fixes that leave figures alone). */
async function faulty(): Promise<string> {
  return (await cleanReport('2021', 2023))
    .replace('| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 7 |')
    .replace('| 5.属于三类内部事务信息 |', '| 5.属于三类内部事务息 |')
    .replace('| 2.重复申请 |', '| 2.重复申 |');
}

/** What faulty() must get: the wrong total twice (its row, its column's balance), and the two labels. */
const FAULTY = [
  'balance 30:45-30:46 一、本年新收「总计」应为 0（使「总计」列 一＋二＝三（七）＋四 成立），实为 7',
  'total-row 30:45-30:46 一、本年新收「总计」应为 0（六类申请人之和），实为 7',
  'table-row-label 40:2-40:13 行标签「5.属于三类内部事务息」应为「5.属于三类内部事务信息」',
  'table-row-label 50:2-50:7 行标签「2.重复申」应为「2.重复申请」',
];

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return action.edit?.changes?.[uri] ?? [];
}

function actionsAt(client: TestClient, uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only } });
}

describe('code actions', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  it('a figure quick fix is offered, preferred, and applying it removes the diagnostic', async () => {
    const uri = fileUri('/tmp/nianbao-proto/ca-figure.md');
    const opened = await client.open(uri, await faulty());
    assert.deepEqual(opened.diagnostics.map(essence), FAULTY);
    const total = opened.diagnostics.find((d) => d.code === 'total-row')!;
    const actions = await actionsAt(client, uri, total);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.some((d) => d.code === 'total-row'));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    // The wrong 总计 also breaks the balance of its column: both findings propose the same edit, one action fixes both.
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.title, '将一、本年新收「总计」改为 0');
    assert.deepEqual(fix.diagnostics!.map(essence), FAULTY.slice(0, 2));
    assert.deepEqual(editsOf(fix, uri), [{ range: { start: { line: 30, character: 45 }, end: { line: 30, character: 46 } }, newText: '0' }]);
    const after = await client.applyEdits(uri, editsOf(fix, uri));
    assert.deepEqual(after.diagnostics.map(essence), FAULTY.slice(2));
    await client.close(uri);
  });

  it('"fix all of this rule" fixes every finding of the rule', async () => {
    const uri = fileUri('/tmp/nianbao-proto/ca-rule.md');
    const opened = await client.open(uri, await faulty());
    assert.deepEqual(opened.diagnostics.map(essence), FAULTY);
    const labels = opened.diagnostics.filter((d) => d.code === 'table-row-label');
    const actions = await actionsAt(client, uri, labels[0], ['quickfix']);
    const all = actions.find((a) => a.title.includes('修复全部「table-row-label」问题'));
    assert.ok(all, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(all.diagnostics?.length, 2);
    const after = await client.applyEdits(uri, editsOf(all, uri));
    assert.deepEqual(after.diagnostics.map(essence), FAULTY.slice(0, 2), 'the labels fixed, the figures untouched');
    await client.close(uri);
  });

  it('source.fixAll.nianbao (codeActionsOnSave) never changes figures', async () => {
    const uri = fileUri('/tmp/nianbao-proto/ca-save.md');
    const opened = await client.open(uri, await faulty());
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.nianbao');
    const after = await client.applyEdits(uri, editsOf(actions[0], uri));
    assert.deepEqual(after.diagnostics.map(essence), FAULTY.slice(0, 2), 'only the findings about the figure are left');
    assert.ok(client.text(uri).includes('| 0 | 7 |'), 'the wrong total is still there');
    // Nothing left that may be fixed unattended: no action.
    const again = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.nianbao'] },
    });
    assert.deepEqual(again, []);
    assert.equal(opened.version, 1);
    await client.close(uri);
  });

  it('quick fixes are not offered for a source-only request, nor source actions for a lightbulb request', async () => {
    const uri = fileUri('/tmp/nianbao-proto/ca-kinds.md');
    const opened = await client.open(uri, await faulty());
    const d = opened.diagnostics[0];
    assert.ok((await actionsAt(client, uri, d, ['source.fixAll'])).every((a) => a.kind === 'source.fixAll.nianbao'));
    assert.ok((await actionsAt(client, uri, d)).every((a) => a.kind === 'quickfix'));
    await client.close(uri);
  });

  it('nianbao/fixAll returns the safe edits and counts the figure fixes it left out', async () => {
    const uri = fileUri('/tmp/nianbao-proto/ca-command.md');
    await client.open(uri, await faulty());
    const safe = await client.request<{ edits: TextEdit[]; version: number; figureFixes: number }>('nianbao/fixAll', { uri });
    assert.equal(safe.version, 1);
    assert.equal(safe.figureFixes, 1);
    assert.equal(safe.edits.length, 2);
    let after = await client.applyEdits(uri, safe.edits);
    assert.deepEqual(after.diagnostics.map(essence), FAULTY.slice(0, 2));
    const figures = await client.request<{ edits: TextEdit[]; figureFixes: number }>('nianbao/fixAll', { uri, figures: true });
    after = await client.applyEdits(uri, figures.edits);
    assert.deepEqual(after.diagnostics, []);
    await client.close(uri);
  });
});
