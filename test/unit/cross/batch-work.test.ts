// The work a batch costs stays near-linear in its size (#17): each file of the
// batch is read and analysed once for the others however many compare with
// it; peers come from an index with a cap per sentence; copies only among the
// same agency and year; and shared-text computes an edit distance only for
// pairs whose trigrams allow the similarity. Counted, never timed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { MAX_HOLDERS, MAX_PEERS, pairRelated } from '../../../server/src/engine/cross/batch.ts';
import { sharedParagraphs, sharedWork } from '../../../server/src/engine/cross/shared.ts';
import { batchWork } from '../../../server/src/host/batch-reports.ts';
import { inThread } from '../../../server/src/cli/check-command.ts';
import { collectData } from '../../../server/src/cli/data-command.ts';
import type { FileResult } from '../../../server/src/cli/check-file.ts';
import { reportMarkdown } from './build.ts';

const MODEL = '本单位坚持以公开为常态、不公开为例外，围绕中心工作，扎实推进政务公开标准化规范化建设，切实保障人民群众的知情权、参与权和监督权。';
const AGENCIES = ['财政局', '教育局', '卫健委', '民政局', '司法局', '商务局', '水务局', '交通局', '审计局', '统计局', '林业局', '气象局'];

test('a batch of 12 agencies sharing a paragraph: each file\'s report is built once, for its own check and the others alike, and every file gets its shared-text', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-'));
  const paths = AGENCIES.map((agency, i) => {
    const p = join(dir, `${String(i).padStart(2, '0')}.md`);
    writeFileSync(p, reportMarkdown({ agency, year: 2022, overview: [MODEL, `${agency}今年重点公开了本部门的预算决算、重大项目和民生事项办理情况，共计发布信息若干条，编号第${i}号。`] }));
    return p;
  });
  const results: FileResult[] = [];
  const before = { ...batchWork };
  await inThread(paths.map((path) => ({ path, explicit: true })), { lang: 'zh' }, (r) => results.push(r), paths);
  // Each file has MAX_PEERS (10) peers, the first files in path order (ties): analysed per file, that was 12 × 10 = 120
  // builds; then each peer once for the others and once more for its own check (11 + 12 = 23); now each file once:
  // 00's check builds 01–10 for itself (10), 01–10 reuse those in their own checks, and 00 and 11 (nobody's peer:
  // 00–09 take 10 as their tenth, 10 and 11 take 00–09) are built by their own checks.
  const built = batchWork.built - before.built;
  const reused = batchWork.reused - before.reused;
  assert.equal(built, 10);
  assert.equal(reused, 10);
  // Builds per file: own checks that built their report (12 − reused) plus the builds for the others, over 12 files.
  assert.equal(AGENCIES.length - reused + built, AGENCIES.length);
  assert.equal(results.length, AGENCIES.length);
  // nianbao data over the same batch: the same, each report built once.
  const dataBefore = { ...batchWork };
  const data = await collectData(paths);
  assert.equal(data.records.length, AGENCIES.length);
  assert.deepEqual({ built: batchWork.built - dataBefore.built, reused: batchWork.reused - dataBefore.reused }, { built: 10, reused: 10 });
  assert.ok(data.records.every((r) => r.rules['shared-text'] === 3 * MAX_PEERS), data.records.map((r) => r.rules['shared-text']).join(' '));
  for (const r of results) {
    const shared = r.diagnostics.filter((d) => d.ruleId === 'shared-text');
    // Three paragraphs with each of its 10 peers: MODEL, build.ts's section 五, and the agency's own paragraph (the same wording but for the name and number, ≥ 90 %).
    assert.equal(shared.length, 3 * MAX_PEERS, `${r.path}: ${shared.map((d) => d.message).join('\n')}`);
  }
});

test('pairing a batch whose every file shares one sentence: copies by agency and year only, peers only among the first holders of the sentence', () => {
  const n = 300;
  const items = Array.from({ length: n }, (_, i) => ({ path: `r${String(i).padStart(3, '0')}.md`, identity: { agency: i === 1 ? 'A0' : `A${i}`, year: i === 2 ? 2021 : 2022 }, prints: [7] }));
  const pairs = pairRelated(items);
  // Same agency, other year: not a copy; same agency and year: copies of each other.
  assert.deepEqual(pairs.get('r000.md')!.copies, ['r001.md']);
  assert.deepEqual(pairs.get('r001.md')!.copies, ['r000.md']);
  assert.equal(pairs.get('r002.md'), undefined, 'alone in its year: no copy, no peer');
  // A file beyond the cap is compared with the first holders (r000/r001 are one agency, so the ten are r003…r012 after them).
  assert.deepEqual(pairs.get('r299.md')!.peers, ['r000.md', 'r001.md', 'r003.md', 'r004.md', 'r005.md', 'r006.md', 'r007.md', 'r008.md', 'r009.md', 'r010.md']);
  // No file beyond the first MAX_HOLDERS + 1 holders is anyone's peer.
  const proposed = new Set([...pairs.values()].flatMap((r) => r.peers));
  assert.ok([...proposed].every((p) => Number(p.slice(1, 4)) <= MAX_HOLDERS), [...proposed].join(' '));
});

test('peers: the files sharing the most sentences first, equal counts in path order, never the same agency', () => {
  const id = (agency: string) => ({ agency, year: 2022 });
  const items = [
    { path: 'x.md', identity: id('甲'), prints: [1, 2, 3, 4] },
    { path: 'd.md', identity: id('乙'), prints: [1] },
    { path: 'c.md', identity: id('丙'), prints: [1, 2, 3] },
    { path: 'b.md', identity: id('丁'), prints: [2] },
    { path: 'a.md', identity: id('戊'), prints: [3, 4] },
    { path: 'y.md', identity: id('甲'), prints: [1, 2, 3, 4] },
  ];
  const pairs = pairRelated(items);
  assert.deepEqual(pairs.get('x.md'), { copies: ['y.md'], peers: ['c.md', 'a.md', 'b.md', 'd.md'] });
  assert.deepEqual(pairs.get('b.md'), { copies: [], peers: ['c.md', 'x.md', 'y.md'] });
  assert.deepEqual(pairs.get('a.md'), { copies: [], peers: ['x.md', 'y.md', 'c.md'] });
});

test('shared-text computes no edit distance for paragraphs of the same length whose trigrams rule out 90 %, and still finds the near copy', () => {
  const a = reportMarkdown({ agency: '甲局', overview: ['本局全面梳理权责清单，在门户网站开设专栏集中发布行政许可、行政处罚事项的办理依据和流程，方便群众查询办理。'] });
  const b = reportMarkdown({ agency: '乙局', overview: ['乙方持续加强平台建设，依托政务新媒体矩阵及时回应社会关切，对热点问题开展多轮解读并收集意见反馈给业务部门。'] });
  const near = reportMarkdown({ agency: '丙局', overview: ['本局全面梳理权责清单，在门户网站开设专栏集中发布行政许可、行政处罚事项的办理依据及流程，方便群众查询办理。'] });
  const ra = analyze(a).report;
  const start = sharedWork.distances;
  const none = sharedParagraphs(ra, analyze(b).report).filter((s) => s.paragraph.text.startsWith('本局全面'));
  assert.deepEqual(none, []);
  assert.equal(sharedWork.distances - start, 0);
  const found = sharedParagraphs(ra, analyze(near).report).filter((s) => s.paragraph.text.startsWith('本局全面'));
  assert.equal(found.length, 1);
  assert.ok(found[0].similarity >= 0.9 && found[0].similarity < 1, String(found[0].similarity));
  assert.equal(sharedWork.distances - start, 1);
});
