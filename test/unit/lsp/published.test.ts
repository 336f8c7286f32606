// What the server publishes for a document with more findings than an editor
// shows: 999 of them, errors first, then warnings, then the rest, each kept in
// document order, and the number left out; the counts cover every finding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic, Severity } from '../../../server/src/engine/types.ts';
import { MAX_PUBLISHED, summarize } from '../../../server/src/lsp/published.ts';

function finding(at: number, severity: Severity): Diagnostic {
  return { ruleId: `r-${severity}`, severity, message: { zh: `第 ${at} 处`, en: `at ${at}` }, range: { start: at, end: at + 1 } };
}

test('up to the limit, everything is published', () => {
  const all = Array.from({ length: 1000 }, (_, i) => finding(i, i % 2 ? 'warning' : 'info'));
  const s = summarize(all);
  assert.equal(MAX_PUBLISHED, 1000);
  assert.equal(s.shown.length, 1000);
  assert.equal(s.omitted, 0);
  assert.deepEqual(s.counts, { error: 0, warning: 500, info: 500 });
});

test('over the limit: 999 shown, errors first, then warnings, in document order; the rest counted', () => {
  // 400 errors, 700 warnings, 300 infos, interleaved.
  const all: Diagnostic[] = [];
  for (let i = 0; i < 1400; i++) all.push(finding(i, i < 1200 ? (i % 3 === 0 && all.filter((d) => d.severity === 'error').length < 400 ? 'error' : 'warning') : 'info'));
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  assert.deepEqual([errors, warnings], [400, 800]);
  const s = summarize(all);
  assert.equal(s.shown.length, 999);
  assert.equal(s.omitted, 401);
  assert.deepEqual(s.counts, { error: 400, warning: 800, info: 200 });
  assert.equal(s.shown.filter((d) => d.severity === 'error').length, 400);
  assert.equal(s.shown.filter((d) => d.severity === 'warning').length, 599);
  assert.equal(s.shown.filter((d) => d.severity === 'info').length, 0);
  const starts = s.shown.map((d) => d.range.start);
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'document order');
  // The warnings shown are the first 599 in the document.
  assert.equal(Math.max(...s.shown.filter((d) => d.severity === 'warning').map((d) => d.range.start)), all.filter((d) => d.severity === 'warning')[598].range.start);
});
