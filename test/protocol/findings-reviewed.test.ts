// Findings reviewed once, in the bundled server over stdio: a disable comment
// removes its diagnostic and an unused one is reported; a baseline written by
// the bundled CLI (named in .nianbaorc.json or by the nianbao.baseline
// setting) hides the findings it accepted even after lines moved, shows new
// ones, and a corrupt baseline hides nothing.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { cliProcess } from '../support/cli.ts';
import { cleanReport, fileUri, TestClient } from './harness.ts';

const ROW1 = '| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
const HEADER = '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |';

/** A 2021 report whose table 3 row 一 total is 7 where its parts sum to 0: total-row and balance. */
async function faulty(): Promise<string> {
  const text = (await cleanReport('2021', 2023)).replace(ROW1, '| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 7 |');
  assert.ok(text.includes(HEADER), 'the clean report has the table-3 header this test inserts before');
  return text;
}

const codes = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => String(d.code)).sort();

describe('findings reviewed once', () => {
  it('a disable comment removes the diagnostic; an unused one is reported at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-disable-'));
    const client = await TestClient.start({ workspaceFolder: dir });
    try {
      const uri = fileUri(join(dir, 'r.md'));
      const text = await faulty();
      assert.deepEqual(codes(await client.open(uri, text)), ['balance', 'total-row']);
      const commented = text
        .replace(HEADER, `<!-- nianbao-disable total-row balance -- 已核实 -->\n${HEADER}`)
        .replace('## 五、', '<!-- nianbao-disable-next-line fee-statement -->\n## 五、');
      const next = client.waitForDiagnostics(uri, (p) => !codes(p).includes('total-row'));
      await client.replaceAll(uri, commented);
      const after = await next;
      assert.deepEqual(codes(after), ['disable-unused']);
      const unused = after.diagnostics[0];
      const line = commented.split('\n').findIndex((l) => l.startsWith('<!-- nianbao-disable-next-line fee-statement'));
      assert.equal(unused.range.start.line, line);
      assert.match(unused.message, /「fee-statement」没有屏蔽任何问题/);
    } finally {
      await client.stop();
    }
  });

  it('the "accept" quick action wraps the table in a disable … enable pair for that rule; a heading gets disable-next-line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-accept-'));
    const client = await TestClient.start({ workspaceFolder: dir });
    try {
      const uri = fileUri(join(dir, 'r.md'));
      const text = (await faulty()).replace('## 五、存在的主要问题及改进情况', '## 五、存在问题及改进情况');
      const opened = await client.open(uri, text);
      assert.deepEqual(codes(opened), ['balance', 'section-title', 'total-row']);
      let last = opened;
      const accept = async (code: string) => {
        const d = last.diagnostics.find((x) => x.code === code)!;
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        const action = actions.find((a) => a.title.startsWith('接受此问题') && a.diagnostics?.[0].code === code);
        assert.ok(action, JSON.stringify(actions.map((a) => a.title)));
        assert.equal(action.isPreferred, undefined, 'never the preferred action');
        last = await client.applyEdits(uri, action.edit!.changes![uri]);
        return last;
      };
      assert.deepEqual(codes(await accept('total-row')), ['balance', 'section-title']);
      const lines = client.text(uri).split('\n');
      const header = lines.findIndex((l) => l.startsWith(HEADER));
      assert.equal(lines[header - 1], '<!-- nianbao-disable total-row -->');
      assert.ok(lines.includes('<!-- nianbao-enable total-row -->'));
      assert.deepEqual(codes(await accept('section-title')), ['balance']);
      assert.equal(lines.length + 1, client.text(uri).split('\n').length);
      assert.ok(client.text(uri).includes('<!-- nianbao-disable-next-line section-title -->\n## 五、存在问题及改进情况'));
    } finally {
      await client.stop();
    }
  });

  it('a baseline in .nianbaorc.json hides accepted findings after lines moved, and shows a new one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-baseline-'));
    const text = await faulty();
    writeFileSync(join(dir, 'r.md'), text);
    const w = cliProcess(['check', '--write-baseline', '.nianbao-baseline.json', 'r.md'], { cwd: dir });
    assert.equal(w.code, 0, w.stderr);
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ baseline: '.nianbao-baseline.json' }));
    const client = await TestClient.start({ workspaceFolder: dir });
    try {
      const uri = fileUri(join(dir, 'r.md'));
      // Two lines added at the top: every accepted finding moves down.
      const moved = text.replace('\n', '\n\n本报告另有附件。\n');
      assert.deepEqual(codes(await client.open(uri, moved)), []);
      // A new mistake: table 3 row 二 total 5 where its parts sum to 0.
      const next = client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      await client.replaceAll(uri, moved.replace('| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 5 |'));
      const after = await next;
      assert.ok(after.diagnostics.some((d) => d.code === 'total-row' && /二、上年结转/.test(d.message)), JSON.stringify(after.diagnostics.map((d) => d.message)));
      assert.ok(!after.diagnostics.some((d) => /一、本年新收/.test(d.message) && d.code === 'total-row'), 'the accepted finding stays hidden');
    } finally {
      await client.stop();
    }
  });

  it('the nianbao.baseline setting works the same; a corrupt baseline hides nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-baseline-setting-'));
    const text = await faulty();
    writeFileSync(join(dir, 'r.md'), text);
    assert.equal(cliProcess(['check', '--write-baseline', 'accepted-baseline.json', 'r.md'], { cwd: dir }).code, 0);
    writeFileSync(join(dir, 'broken-baseline.json'), '{"version": 1, "files": ');
    const client = await TestClient.start({ workspaceFolder: dir, settings: { baseline: 'accepted-baseline.json' } });
    try {
      const uri = fileUri(join(dir, 'r.md'));
      assert.deepEqual(codes(await client.open(uri, text)), []);
      client.settings = { baseline: 'broken-baseline.json' };
      const next = client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(codes(await next), ['balance', 'total-row']);
    } finally {
      await client.stop();
    }
  });
});
