// The server indexes the workspace's reports, not only the open ones: an open
// 2021 report is compared with the same agency's 2020 report on disk
// (carryover), the index follows changes on disk (didChangeWatchedFiles), and
// an open document's text wins over its file.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import iconv from 'iconv-lite';
import { fileUri, fixture, TestClient } from './harness.ts';

const CARRIED_OVER = '| 四、结转下年度继续办理 | 3 | 2 | 0 | 0 | 0 | 0 | 5 |';
/** 2020's carry-over as 2021 carried it in: 商业企业 1, 总计 4. */
const FIXED = '| 四、结转下年度继续办理 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |';

const carryover = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'carryover');

/** A workspace with 2020.md in reports/ (not opened) and 2021.md beside it; also a copy of 2020 under node_modules, which must not count. */
function workspace(): { dir: string; last: string; now: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-ws-'));
  mkdirSync(join(dir, 'reports'));
  mkdirSync(join(dir, 'node_modules/pkg'), { recursive: true });
  const last = join(dir, 'reports/2020.md');
  const now = join(dir, 'reports/2021.md');
  copyFileSync(fixture('cross/carryover/2020.md'), last);
  copyFileSync(fixture('cross/carryover/2021.md'), now);
  // Were node_modules indexed, there would be two 2020 reports of the agency and no guess.
  copyFileSync(fixture('cross/carryover/2020.md'), join(dir, 'node_modules/pkg/2020.md'));
  return { dir, last, now };
}

/** Opens this year's report and expects the two carryover errors against last year's report on disk. */
async function expectCarryover(client: TestClient, now: string): Promise<void> {
  const uri = fileUri(now);
  // The index is built in the background: the first publication may come before it, so wait for any with carryover.
  const found = client.waitForDiagnostics(uri, (p) => carryover(p).length > 0);
  await client.open(uri, readFileSync(now, 'utf8'));
  const first = carryover(await found);
  assert.equal(first.length, 2, first.map((d) => d.message).join('\n'));
  assert.ok(first.every((d) => d.severity === 1), 'carryover is an error');
  assert.ok(first.some((d) => d.message.includes('商业企业') && d.message.includes('2020年度报告')), first.map((d) => d.message).join('\n'));
}

describe('workspace index', () => {
  it('carryover against last year\'s report on disk, updated when the file changes', async () => {
    const { dir, last, now } = workspace();
    const client = await TestClient.start({ workspaceFolder: dir });
    try {
      const uri = fileUri(now);
      await expectCarryover(client, now);

      // 2020.md fixed on disk; the file watcher tells the server.
      const text = readFileSync(last, 'utf8');
      assert.ok(text.includes(CARRIED_OVER));
      writeFileSync(last, text.replace(CARRIED_OVER, FIXED));
      const gone = client.waitForDiagnostics(uri, (p) => carryover(p).length === 0);
      await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(last), type: 2 }] });
      const after = await gone;
      assert.equal(after.version, 1, 'the same version, published again');

      // Broken again, then deleted: no previous report, no carryover.
      writeFileSync(last, text);
      const back = client.waitForDiagnostics(uri, (p) => carryover(p).length === 2);
      await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(last), type: 2 }] });
      await back;
      rmSync(last);
      const deleted = client.waitForDiagnostics(uri, (p) => carryover(p).length === 0);
      await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(last), type: 3 }] });
      await deleted;
    } finally {
      await client.stop();
    }
  });

  it('the text of an open previous report wins over its file, until it is closed', async () => {
    const { dir, last, now } = workspace();
    const client = await TestClient.start({ workspaceFolder: dir });
    try {
      const uri = fileUri(now);
      const found = client.waitForDiagnostics(uri, (p) => carryover(p).length > 0);
      await client.open(uri, readFileSync(now, 'utf8'));
      await found;

      // 2020 opened with the right figures, unsaved: 2021 is checked against the editor's text.
      const lastUri = fileUri(last);
      const gone = client.waitForDiagnostics(uri, (p) => carryover(p).length === 0);
      await client.open(lastUri, readFileSync(last, 'utf8').replace(CARRIED_OVER, FIXED));
      await gone;

      // Edited back in the editor: the finding returns on the next keystroke of the other document.
      const again = client.waitForDiagnostics(uri, (p) => carryover(p).length === 2);
      await client.replaceAll(lastUri, readFileSync(last, 'utf8'));
      await again;

      // Fixed in the editor, then closed without saving: the file on disk (still wrong) counts again.
      const fixed = client.waitForDiagnostics(uri, (p) => carryover(p).length === 0);
      await client.replaceAll(lastUri, readFileSync(last, 'utf8').replace(CARRIED_OVER, FIXED));
      await fixed;
      const reverted = client.waitForDiagnostics(uri, (p) => carryover(p).length === 2);
      await client.close(lastUri);
      await reverted;
    } finally {
      await client.stop();
    }
  });

  it('last year\'s report saved in GB18030 is read too (iconv-lite, loaded by the bundle on first use)', async () => {
    const { dir, last, now } = workspace();
    writeFileSync(last, iconv.encode(readFileSync(last, 'utf8'), 'gb18030'));
    rmSync(join(dir, 'node_modules'), { recursive: true });
    const client = await TestClient.start({ workspaceFolder: dir });
    try {
      await expectCarryover(client, now);
    } finally {
      await client.stop();
    }
  });

  it('registers a file watcher for Markdown files', async () => {
    const client = await TestClient.start({ workspaceFolder: workspace().dir });
    try {
      const globs = async () => {
        for (let i = 0; i < 100; i++) {
          const found = client.registrations
            .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
            .flatMap((r) => (r.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern));
          if (found.includes('**/*.md')) return found;
          await new Promise((r) => setTimeout(r, 20));
        }
        return [];
      };
      assert.ok((await globs()).includes('**/*.md'));
    } finally {
      await client.stop();
    }
  });
});
