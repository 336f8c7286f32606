// The server compares an open report with the workspace's other reports as
// `nianbao check` compares a folder: other agencies' reports sharing wording
// (shared-text), other copies of the same report (copy-differs), and a
// region's units declared in .nianbaorc.json (rollup-mismatch,
// rollup-incomplete), whether those reports are open or only on disk, and
// follows them when they change. Fixtures: test/fixtures/cross (make.ts says
// what each holds).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { fileUri, fixture, TestClient } from './harness.ts';

const of = (p: PublishDiagnosticsParams, rule: string) => p.diagnostics.filter((d) => d.code === rule);

/** test/fixtures/cross/<name> copied to a fresh workspace folder. */
function workspace(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cross-ws-'));
  cpSync(fixture(`cross/${name}`), dir, { recursive: true });
  return dir;
}

describe('the cross-report rules in the editor', () => {
  it('shared-text against another agency\'s report on disk; its 五 rewritten in the editor leaves one', async () => {
    const dir = workspace('shared');
    const client = await TestClient.start({ workspaceFolder: dir });
    try {
      const edu = fileUri(join(dir, 'education.md'));
      // The index is built in the background: wait for the publication that has the comparison.
      const found = client.waitForDiagnostics(edu, (p) => of(p, 'shared-text').length > 0);
      await client.open(edu, readFileSync(join(dir, 'education.md'), 'utf8'));
      const shared = of(await found, 'shared-text');
      // 一、总体情况's paragraph (figures aside) and 五 word for word, both 财政局's; 卫健委 shares only formula sentences.
      assert.equal(shared.length, 2, shared.map((d) => d.message).join('\n'));
      assert.ok(shared.every((d) => d.severity === 2 && d.message.includes('「某市财政局」的报告（finance.md）')), shared.map((d) => d.message).join('\n'));

      const five = '一是政务公开工作机制还不够健全，个别科室对主动公开的时限把握不严，信息发布存在滞后现象；二是政策解读形式较为单一，图解、视频等解读产品数量偏少。';
      const finance = readFileSync(join(dir, 'finance.md'), 'utf8');
      assert.ok(finance.includes(five));
      const one = client.waitForDiagnostics(edu, (p) => of(p, 'shared-text').length === 1);
      await client.open(fileUri(join(dir, 'finance.md')), finance.replace(five, '预算公开的说明还不够通俗，部分专项资金分配结果公开不及时；下一步将编写预算解读材料，资金下达后及时公开分配结果。'));
      await one;
    } finally {
      await client.stop();
    }
  });

  it('copy-differs: the other copy on disk with one figure changed is named, with the figure', async () => {
    const dir = workspace('copies/differs');
    const client = await TestClient.start({ workspaceFolder: dir });
    try {
      const portal = fileUri(join(dir, 'portal.md'));
      const found = client.waitForDiagnostics(portal, (p) => of(p, 'copy-differs').length > 0);
      await client.open(portal, readFileSync(join(dir, 'portal.md'), 'utf8'));
      assert.deepEqual(of(await found, 'copy-differs').map((d) => d.message), ['表二 第二十条第（六）项 行政处罚「本年处理决定数量」此处为 0，同一份报告的另一副本 platform.md 中为 3']);
    } finally {
      await client.stop();
    }
  });

  it('roll-up: exactly the wrong cell of the county, gone when the unit is corrected on disk; a missing unit is not judged, once', async () => {
    const dir = workspace('rollup');
    const client = await TestClient.start({ workspaceFolder: dir });
    try {
      const county = fileUri(join(dir, 'county.md'));
      const found = client.waitForDiagnostics(county, (p) => of(p, 'rollup-mismatch').length > 0);
      await client.open(county, readFileSync(join(dir, 'county.md'), 'utf8'));
      const p = await found;
      assert.deepEqual(of(p, 'rollup-mismatch').map((d) => d.message), ['表二 第二十条第（六）项 行政处罚「本年处理决定数量」为 15，3 个下属单位的报告合计为 14（某县教育局 0 ＋ 某县财政局 0 ＋ 某县卫生健康局 14）']);
      assert.deepEqual(of(p, 'rollup-incomplete'), []);

      const unit = join(dir, 'units/health.md');
      const text = readFileSync(unit, 'utf8');
      assert.ok(text.includes('| 行政处罚 | 14 |  |  |'));
      writeFileSync(unit, text.replace('| 行政处罚 | 14 |  |  |', '| 行政处罚 | 15 |  |  |'));
      const gone = client.waitForDiagnostics(county, (q) => of(q, 'rollup-mismatch').length === 0);
      await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(unit), type: 2 }] });
      await gone;
    } finally {
      await client.stop();
    }

    const partial = workspace('rollup-missing');
    const other = await TestClient.start({ workspaceFolder: partial });
    try {
      const county = fileUri(join(partial, 'county.md'));
      const found = other.waitForDiagnostics(county, (p) => of(p, 'rollup-incomplete').length > 0);
      await other.open(county, readFileSync(join(partial, 'county.md'), 'utf8'));
      const p = await found;
      const incomplete = of(p, 'rollup-incomplete');
      assert.equal(incomplete.length, 1);
      assert.match(incomplete[0].message, /某县民政局/);
      assert.deepEqual(of(p, 'rollup-mismatch'), []);
    } finally {
      await other.stop();
    }
  });
});
