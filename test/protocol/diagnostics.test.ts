// Diagnostics over the real stdio server: what is published on open, for
// which files, in which language, with which metadata, and cleared on close.
// The findings expected are the seeds' hand-checked ones (seedFindings) or
// written here, never the engine's own output.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cleanReport, essence, fileUri, seedFindings, seedText, sorted, TestClient } from './harness.ts';

const SEEDS = ['000', '001', '002', '003', '004'];

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

  it('publishes on open the hand-checked findings of the five seeds: rule ids, ranges, messages, doc links, source', async () => {
    for (const id of SEEDS) {
      const uri = fileUri(`/tmp/nianbao-proto/seed-${id}.md`);
      const published = await client.open(uri, seedText(id));
      assert.equal(published.version, 1);
      assert.deepEqual(sorted(published.diagnostics.map(essence)), sorted(seedFindings(id)), `seed ${id}`);
      for (const d of published.diagnostics) {
        assert.equal(d.source, 'nianbao');
        assert.equal(d.codeDescription?.href, `https://github.com/nianbao/nianbao/blob/main/docs/rules/${d.code}.md`);
        assert.equal(d.severity, ['total-row', 'total-results', 'balance', 'total-review', 'cell-empty', 'cell-invalid', 'section-missing', 'table-row-missing'].includes(String(d.code)) ? 1 : 2, `${d.code} severity`);
      }
      await client.close(uri);
      const cleared = await client.waitForDiagnostics(uri);
      assert.deepEqual(cleared.diagnostics, []);
    }
  });

  it('points related information at the cells of a failing relation', async () => {
    const text = (await cleanReport('2021', 2023)).replace('| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 0 |');
    const uri = fileUri('/tmp/nianbao-proto/related.md');
    const published = await client.open(uri, text);
    // 5 in 自然人 breaks the row's total (0) and the column's balance (all 0): one cell explains both.
    assert.deepEqual(published.diagnostics.map(essence), [
      'balance 30:21-30:22 一、本年新收「自然人」应为 0（使「自然人」列 一＋二＝三（七）＋四 成立），实为 5',
      'total-row 30:21-30:22 一、本年新收「自然人」应为 0（使一、本年新收「总计」等于六类申请人之和），实为 5',
    ]);
    const related = (i: number) => published.diagnostics[i].relatedInformation!.map((r) => `${r.location.uri === uri ? '' : r.location.uri}${r.location.range.start.line}:${r.location.range.start.character} ${r.message}`);
    assert.deepEqual(related(0), ['31:21 二、上年结转「自然人」 = 0', '58:10 （七）总计「自然人」 = 0', '59:16 四、结转下年度「自然人」 = 0']);
    assert.deepEqual(related(1), [
      '30:45 一、本年新收「总计」 = 0', '30:25 一、本年新收「商业企业」 = 0', '30:29 一、本年新收「科研机构」 = 0',
      '30:33 一、本年新收「社会公益组织」 = 0', '30:37 一、本年新收「法律服务机构」 = 0', '30:41 一、本年新收「其他」 = 0',
    ]);
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
    const plain = await client.open(txt, seedText('000'), 'plaintext');
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
      // Five sections missing, and 二 without its table.
      assert.deepEqual((await listed.open(inside, body)).diagnostics.map(essence), [
        'section-missing 0:0-0:12 缺少「一、总体情况」',
        'section-missing 0:0-0:12 缺少「三、收到和处理政府信息公开申请情况」',
        'section-missing 0:0-0:12 缺少「四、政府信息公开行政复议、行政诉讼情况」',
        'section-missing 0:0-0:12 缺少「五、存在的主要问题及改进情况」',
        'section-missing 0:0-0:12 缺少「六、其他需要报告的事项」',
        'table-missing 0:0-0:12 「二、主动公开政府信息情况」缺少表格（第二十条主动公开情况）',
      ], 'a listed file is checked');
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
      assert.deepEqual(published.diagnostics.map((d) => d.code), ['section-missing', 'section-missing', 'section-missing', 'section-missing', 'section-missing', 'table-missing']);
      assert.equal(published.diagnostics[5].message, '「三、收到和处理政府信息公开申请情况」缺少表格（收到和处理政府信息公开申请情况）');
    } finally {
      await c.stop();
    }
  });

  it('speaks English when the client locale is English', async () => {
    const en = await TestClient.start({ locale: 'en-US' });
    try {
      for (const id of SEEDS) {
        const published = await en.open(fileUri(`/tmp/nianbao-proto/en-${id}.md`), seedText(id));
        assert.deepEqual(sorted(published.diagnostics.map(essence)), sorted(seedFindings(id, 'en')), `seed ${id}`);
      }
    } finally {
      await en.stop();
    }
  });
});
