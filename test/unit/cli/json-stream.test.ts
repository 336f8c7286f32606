// `--format json` is written file by file (nothing kept for the end); the
// bytes must stay those of the whole document given to JSON.stringify(…, null, 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileResult } from '../../../server/src/cli/check-file.ts';
import { jsonFormatter } from '../../../server/src/cli/format/json.ts';
import { addToSummary, emptySummary } from '../../../server/src/cli/format/summary.ts';

const RESULTS: FileResult[] = [
  { path: 'a.md', status: 'checked', template: '2021', year: 2022, agency: '某市人民政府办公室', encoding: 'utf8', diagnostics: [
    { ruleId: 'total-row', severity: 'error', message: '合计应为 12 (“引号” \\ 和 "quotes")', line: 3, column: 5, endLine: 3, endColumn: 9, fixable: true, fingerprint: 'a1', subject: 't3.new_received.total', covered: '#' },
    { ruleId: 'table-row-label', severity: 'warning', message: 'label\nwith a line break', line: 10, column: 1, endLine: 10, endColumn: 4, fixable: false, fingerprint: 'b2', subject: 't3.?', covered: '5.属于三类内部事务息' },
  ] },
  { path: 'b.md', status: 'skipped', reason: '不是年报 (not a report)', diagnostics: [] },
  { path: 'c.md', status: 'error', reason: '文件不存在 (no such file)', diagnostics: [] },
  { path: 'd.md', status: 'checked', template: '2019', year: 2020, encoding: 'gb18030', fixed: 2, diagnostics: [] },
];

/** What the formatter printed, with the line break main.ts adds to each call. */
function streamed(results: FileResult[], quiet: boolean): string {
  let out = '';
  const f = jsonFormatter({ out: (s) => { out += s + '\n'; }, err: () => {}, lang: 'zh', quiet, color: false });
  const summary = emptySummary();
  for (const r of results) {
    addToSummary(summary, r);
    f.file(r);
  }
  f.end(summary);
  return out;
}

/** The document as it was built before streaming: every file kept, one JSON.stringify at the end. */
function whole(results: FileResult[], quiet: boolean): string {
  const summary = emptySummary();
  for (const r of results) addToSummary(summary, r);
  const files = results
    .map((r) => (quiet ? { ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') } : r))
    .map((r) => ({ path: r.path, status: r.status, ...(r.reason ? { reason: r.reason } : {}), template: r.template ?? null, year: r.year ?? null, agency: r.agency ?? null, ...(r.fixed !== undefined ? { fixed: r.fixed } : {}), diagnostics: r.diagnostics }));
  return JSON.stringify({ files, summary }, null, 2) + '\n';
}

test('streamed json is byte for byte the whole document, for 0, 1 and several files', () => {
  for (const quiet of [false, true]) {
    for (const results of [[], RESULTS.slice(0, 1), RESULTS.slice(1, 2), RESULTS]) {
      assert.equal(streamed(results, quiet), whole(results, quiet));
      JSON.parse(streamed(results, quiet));
    }
  }
});

test('each file is written when the next one arrives, not at the end', () => {
  const lines: string[] = [];
  const f = jsonFormatter({ out: (s) => lines.push(s), err: () => {}, lang: 'en', quiet: false, color: false });
  for (const r of RESULTS) f.file(r);
  // Everything but the last file is out before end(): the formatter holds one file at most.
  assert.equal(lines.length, RESULTS.length);
  assert.ok(lines.slice(1).every((s, i) => s.includes(`"path": "${RESULTS[i].path}"`)));
});
