// The server's index of the workspace's reports (server/src/lsp/workspace-index.ts):
// which files it reads, how it pairs a report with last year's, how open
// documents win over files, and which documents it names for re-checking.
// Reading the disk is tested on a real folder; the rest runs over an
// in-memory workspace (server/src/host/workspace.ts).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cellKey } from '../../../server/src/engine/model.ts';
import { tableOf, numberOf } from '../../../server/src/engine/cross/figures.ts';
import type { Report } from '../../../server/src/engine/model.ts';
import { decodeHead, listReportFiles, readIdentity, WorkspaceIndex } from '../../../server/src/lsp/workspace-index.ts';
import { DiskWorkspace, MemoryWorkspace } from '../../../server/src/host/workspace.ts';

const FIXTURES = new URL('../../fixtures/cross/carryover/', import.meta.url);
const R2020 = readFileSync(new URL('2020.md', FIXTURES), 'utf8');
const R2021 = readFileSync(new URL('2021.md', FIXTURES), 'utf8');
const CARRIED_OVER = '| 四、结转下年度继续办理 | 3 | 2 | 0 | 0 | 0 | 0 | 5 |';
const FIXED = '| 四、结转下年度继续办理 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |';

const uri = (path: string) => pathToFileURL(path).href;
const doc = (path: string, text: string, version = 1) => TextDocument.create(uri(path), 'markdown', version, text);
/** 四、结转下年度继续办理, 总计 column, of a report. */
const carriedOver = (r: Report | undefined) => {
  const t = r && tableOf(r, 't3');
  return t ? numberOf(t.cells.get(cellKey('carry_over', t.def.columns.at(-1)!.id))) : undefined;
};

function diskWorkspace(): { dir: string; last: string; now: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-index-'));
  mkdirSync(join(dir, 'reports'));
  const last = join(dir, 'reports/2020.md');
  const now = join(dir, 'reports/2021.md');
  writeFileSync(last, R2020);
  writeFileSync(now, R2021);
  return { dir, last, now };
}

/** The same two reports in memory, under /ws. */
function workspace(): { ws: MemoryWorkspace; dir: string; last: string; now: string } {
  const dir = join(tmpdir(), 'nianbao-memory-ws');
  const last = join(dir, 'reports/2020.md');
  const now = join(dir, 'reports/2021.md');
  return { ws: new MemoryWorkspace({ [last]: R2020, [now]: R2021 }), dir, last, now };
}

function index(options: ConstructorParameters<typeof WorkspaceIndex>[0] = {}) {
  const changed: string[][] = [];
  const logs: string[] = [];
  const ix = new WorkspaceIndex({ ...options, changed: (uris) => changed.push(uris), log: (m) => logs.push(m) });
  return { ix, changed, logs };
}

describe('workspace index', () => {
  it('reads agency and year of the workspace\'s Markdown files, skipping node_modules, .git, dot folders and files too large (on disk)', async () => {
    const { dir, last, now } = diskWorkspace();
    mkdirSync(join(dir, 'node_modules/pkg'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, '.hidden'));
    for (const p of ['node_modules/pkg/2020.md', '.git/2020.md', '.hidden/2020.md']) copyFileSync(last, join(dir, p));
    writeFileSync(join(dir, 'notes.md'), '# 会议纪要\n\n无。\n');
    writeFileSync(join(dir, 'big.md'), R2020.replace('某县教育局', '某县财政局') + 'x'.repeat(4000));
    // GB18030 from Chinese Windows, with a .markdown extension.
    writeFileSync(join(dir, 'reports/2019.markdown'), iconv.encode(R2020.replaceAll('2020', '2019'), 'gb18030'));
    const { ix } = index({ maxFileSize: R2020.length * 3 + 100 });
    await ix.scan([dir]);
    const ids = ix.identities();
    assert.deepEqual([...ids.keys()].sort(), [join(dir, 'notes.md'), join(dir, 'reports/2019.markdown'), last, now].sort());
    assert.deepEqual(ids.get(last), { agency: '某县教育局', year: 2020 });
    assert.deepEqual(ids.get(join(dir, 'reports/2019.markdown')), { agency: '某县教育局', year: 2019 });
    assert.deepEqual(ids.get(join(dir, 'notes.md')), { agency: undefined, year: undefined });
  });

  it('is bounded: at most maxFiles files, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-index-many-'));
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, `r${String(i).padStart(2, '0')}.md`), R2020.replace('某县教育局', `某县第${i}局`));
    const { ix, logs } = index({ maxFiles: 5 });
    await ix.scan([dir]);
    assert.equal(ix.size, 5);
    assert.ok(logs.some((l) => l.includes('more than 5')), logs.join('\n'));
    const listed = await listReportFiles(new DiskWorkspace(), [dir, dir], 100);
    assert.equal(listed.paths.length, 12, 'a folder given twice is listed once');
  });

  it('reads only the head of a file, and a cut inside a character still decodes', async () => {
    const text = '# 某县教育局2020年政府信息公开工作年度报告\n';
    const utf8 = Buffer.from(text, 'utf8');
    assert.equal(decodeHead(utf8.subarray(0, 10), true), '# 某县');
    const gbk = iconv.encode(text, 'gb18030');
    assert.equal(decodeHead(gbk.subarray(0, 7), true), '# 某县');
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-index-head-'));
    writeFileSync(join(dir, 'r.md'), R2021);
    const id = readIdentity(new DiskWorkspace(), join(dir, 'r.md'), 1e7, 301);
    assert.equal(id?.agency, '某县教育局');
    assert.equal(id?.year, 2021);
    assert.equal(readIdentity(new DiskWorkspace(), join(dir, 'missing.md'), 1e7, 300), undefined);
  });

  it('finds the previous-year report of an open document and analyses it once', async () => {
    const { ws, dir, last, now } = workspace();
    const { ix } = index({ workspace: ws });
    await ix.scan([dir]);
    ix.openDocument(doc(now, R2021));
    assert.equal(ix.previousOf(uri(now)), last);
    const a = ix.previousReport(uri(now), {});
    assert.equal(a?.year, 2020);
    assert.equal(carriedOver(a), 5);
    assert.equal(ix.previousReport(uri(now), {}), a, 'cached while the file does not change');
    assert.equal(ix.previousOf(uri(last)), undefined, 'no 2019 report');
  });

  it('a change on disk names the documents to check again and gives a new report', async () => {
    const { ws, dir, last, now } = workspace();
    const { ix, changed } = index({ workspace: ws });
    await ix.scan([dir]);
    ix.openDocument(doc(now, R2021));
    const before = ix.previousReport(uri(now), {});
    ws.write(last, R2020.replace(CARRIED_OVER, FIXED));
    assert.equal(ix.filesChanged([{ uri: uri(last), type: 2 }]), false, 'only report files: no general re-check');
    await ix.idle();
    assert.deepEqual(changed.at(-1), [uri(now)]);
    const after = ix.previousReport(uri(now), {});
    assert.notEqual(after, before);
    assert.equal(carriedOver(after), 4);

    // Deleted: no previous report any more.
    ws.delete(last);
    changed.length = 0;
    ix.filesChanged([{ uri: uri(last), type: 3 }]);
    await ix.idle();
    assert.deepEqual(changed, [[uri(now)]]);
    assert.equal(ix.previousReport(uri(now), {}), undefined);

    // Created again.
    ws.write(last, R2020);
    ix.filesChanged([{ uri: uri(last), type: 1 }]);
    await ix.idle();
    assert.equal(carriedOver(ix.previousReport(uri(now), {})), 5);
  });

  it('ignores files that do not concern it, and says when the caller must re-check for other files', async () => {
    const { ws, dir, now } = workspace();
    const { ix, changed } = index({ workspace: ws });
    await ix.scan([dir]);
    ix.openDocument(doc(now, R2021));
    ix.previousReport(uri(now), {});
    // Outside the workspace, or under node_modules: not indexed.
    const outside = join(dir, '../nianbao-outside/2020.md');
    ws.write(outside, R2020);
    ws.write(join(dir, 'node_modules/2020.md'), R2020);
    assert.equal(ix.filesChanged([{ uri: uri(outside), type: 1 }, { uri: uri(join(dir, 'node_modules/2020.md')), type: 1 }]), false);
    await ix.idle();
    assert.equal(ix.size, 2);
    assert.equal(ix.filesChanged([{ uri: uri(join(dir, '.nianbaorc.json')), type: 2 }]), true);
    // A deleted folder takes its reports with it.
    for (const p of [join(dir, 'reports/2020.md'), join(dir, 'reports/2021.md')]) ws.delete(p);
    assert.equal(ix.filesChanged([{ uri: uri(join(dir, 'reports')), type: 3 }]), true);
    await ix.idle();
    assert.equal(ix.size, 0);
    assert.deepEqual(changed.at(-1), [uri(now)]);
  });

  it('two reports of the same agency for last year: no guess', async () => {
    const { ws, dir, last, now } = workspace();
    ws.write(join(dir, 'reports/2020-draft.md'), ws.readFile(last));
    const { ix } = index({ workspace: ws });
    await ix.scan([dir]);
    ix.openDocument(doc(now, R2021));
    assert.equal(ix.previousReport(uri(now), {}), undefined);
  });

  it('the text of an open document wins over its file; closed, the file counts again', async () => {
    const { ws, dir, last, now } = workspace();
    const { ix, changed } = index({ workspace: ws });
    await ix.scan([dir]);
    ix.openDocument(doc(now, R2021));
    assert.equal(carriedOver(ix.previousReport(uri(now), {})), 5);

    ix.openDocument(doc(last, R2020.replace(CARRIED_OVER, FIXED)));
    assert.deepEqual(changed.at(-1), [uri(now)]);
    assert.equal(carriedOver(ix.previousReport(uri(now), {})), 4);

    // Typing in 2021 without touching its title: its previous report stays the same object.
    const same = ix.previousReport(uri(now), {});
    changed.length = 0;
    ix.openDocument(doc(now, R2021 + '\n补充。\n', 2));
    assert.deepEqual(changed, []);
    assert.equal(ix.previousReport(uri(now), {}), same);

    // Retitled as another agency's report: no previous report.
    ix.openDocument(doc(now, R2021.replace('某县教育局2021年', '某县财政局2021年'), 3));
    assert.deepEqual(changed.at(-1), [uri(now)]);
    assert.equal(ix.previousReport(uri(now), {}), undefined);
    ix.openDocument(doc(now, R2021, 4));

    ix.closeDocument(uri(last));
    await ix.idle();
    assert.equal(carriedOver(ix.previousReport(uri(now), {})), 5);
  });

  it('an untitled document finds last year\'s report on disk', async () => {
    const { ws, dir } = workspace();
    const { ix } = index({ workspace: ws });
    await ix.scan([dir]);
    const untitled = TextDocument.create('untitled:Untitled-1', 'markdown', 1, R2021);
    ix.openDocument(untitled);
    assert.equal(ix.previousReport(untitled.uri, {})?.year, 2020);
    // Not Markdown: not indexed.
    ix.openDocument(TextDocument.create('untitled:Untitled-2', 'plaintext', 1, R2021));
    assert.equal(ix.previousOf('untitled:Untitled-2'), undefined);
  });

  it('a second scan keeps what did not change and drops what left the workspace', async () => {
    const { ws, dir, now } = workspace();
    const other = join(dir, '../nianbao-index-other');
    const { ix, changed } = index({ workspace: ws });
    await ix.scan([dir]);
    ix.openDocument(doc(now, R2021));
    const a = ix.previousReport(uri(now), {});
    await ix.scan([dir, other]);
    assert.equal(ix.previousReport(uri(now), {}), a, 'unchanged files are not analysed again');
    assert.deepEqual(changed, []);
    await ix.scan([other]);
    assert.deepEqual(changed.at(-1), [uri(now)]);
    assert.equal(ix.previousReport(uri(now), {}), undefined);
  });
});
