// host/batch-reports.ts: a batch's reports built once each, shared between a
// file's own check and the checks compared with it, kept only while a check
// still to come needs them; and cli/worker-plan.ts, which tells each worker
// thread what to keep and when to drop it. Counted, never timed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchReports, batchWork, countUses } from '../../../server/src/host/batch-reports.ts';
import { WorkerPlan } from '../../../server/src/cli/worker-plan.ts';
import { builtinTemplates } from '../../../server/src/engine/templates/builtin.ts';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { reportMarkdown } from '../cross/build.ts';

const NEEDS: Record<string, { previous?: string; related?: { copies: string[]; peers: string[] } }> = {
  a: { related: { copies: [], peers: ['b'] } },
  b: { related: { copies: [], peers: ['a'] } },
  c: { related: { copies: [], peers: ['b'] }, previous: 'e' },
  d: {},
};

test('uses: one per check compared with the file, and one for its own check when it is in the batch', () => {
  const uses = countUses(['a', 'b', 'c', 'd'], (p) => NEEDS[p]);
  assert.deepEqual(Object.fromEntries(uses), { a: 2, b: 3, e: 1 });
});

test('a report built for another file\'s check is the one its own check uses, and is dropped once nothing still to come needs it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-reports-'));
  try {
    const a = join(dir, 'a.md');
    const b = join(dir, 'b.md');
    writeFileSync(a, reportMarkdown({ agency: '财政局', year: 2022 }));
    writeFileSync(b, reportMarkdown({ agency: '教育局', year: 2022 }));
    const options = { templates: builtinTemplates };
    const reports = new BatchReports(countUses([a, b], (p) => (p === a ? { related: { copies: [], peers: [b] } } : { related: { copies: [], peers: [a] } })));
    const before = { ...batchWork };
    // a's check: b built for it; a's own report built by analyze, then kept (b's check needs it).
    const bForA = await reports.other(b, options, undefined);
    assert.equal(reports.own(a, options, undefined), undefined);
    const aReport = analyze(reportMarkdown({ agency: '财政局', year: 2022 })).report;
    reports.checked(a, options, undefined, aReport);
    assert.equal(reports.size, 2);
    // b's check: a is the kept one (not built again), and b's own report is the one built for a.
    assert.equal(await reports.other(a, options, undefined), aReport);
    assert.equal(reports.own(b, options, undefined), bForA);
    reports.checked(b, options, undefined, bForA!);
    assert.equal(reports.size, 0, 'nothing still to come needs a or b');
    assert.deepEqual({ built: batchWork.built - before.built, reused: batchWork.reused - before.reused }, { built: 1, reused: 1 });
    assert.equal(bForA?.agency, '教育局');
    // Other templates or another blank-cell policy are another report.
    const again = new BatchReports();
    await again.other(b, options, undefined);
    assert.equal(again.own(b, { ...options, blankCells: 'each' as const }, undefined), undefined);
    // A file that cannot be read is no report (the check reports it), and is not read again while kept.
    assert.equal(await again.other(join(dir, 'gone.md'), options, undefined), undefined);
    again.release([b, join(dir, 'gone.md')]);
    assert.equal(again.size, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('worker plan: each worker keeps a report while a file still to be sent needs it, and drops it with its next task', () => {
  const plan = new WorkerPlan(['a', 'b', 'c', 'd'], (p) => NEEDS[p]);
  // a to worker 0: b is built there for it; a's own report kept (b still to come needs it).
  assert.deepEqual(plan.send('a', 0), { keep: true });
  // b to worker 1: a built there; a is needed no more (worker 0 and 1 drop it), b's own kept for c.
  assert.deepEqual(plan.send('b', 1), { keep: true, release: ['a'] });
  // c to worker 0: e (last year's, not in the batch: needed once) and b's last use; worker 0 drops a, e and b after c.
  assert.deepEqual(plan.send('c', 0), { keep: false, release: ['a', 'e', 'b'] });
  // d to worker 1: worker 1 drops b.
  assert.deepEqual(plan.send('d', 1), { keep: false, release: ['b'] });
});
