// The block parser (units, long tables in chunks, each parsed by remark:
// parseMarkdownWithRemark) against one whole-document parse (parseWhole): on
// every fixture, every example, generated reports and documents built to
// stress the cuts, the trees are identical node for node, and analyze() gives
// exactly the same diagnostics (rule, range, message, fix edits) from either
// tree. The engine's own parse (parseMarkdown: the direct block scan where it
// applies, direct-blocks.ts) gives the same block skeleton and the same
// diagnostics too (and test/unit/perf/direct-blocks.test.ts tries it harder).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { parseMarkdown, parseMarkdownWithRemark, parseWhole } from '../../../server/src/engine/parse/markdown.ts';
import { splitUnits } from '../../../server/src/engine/parse/blocks.ts';
import { blockSkeleton } from '../../../server/src/engine/parse/direct-blocks.ts';
import { parseInUnits } from '../../../server/src/engine/parse/units.ts';
import { generateCompendium, generateReport, INJECTED_ERRORS } from '../../../bench/generate.ts';
import { randomDocument, TRICKY } from './markdown-cases.ts';
import { budget } from '../../support/budget.ts';
import { repositoryMarkdown } from '../../support/markdown-files.ts';

function sameAnalysis(text: string, label: string): void {
  const whole = parseWhole(text);
  const blocks = parseMarkdownWithRemark(text);
  assert.deepStrictEqual(blocks, whole, `${label}: trees differ`);
  const direct = parseMarkdown(text);
  assert.deepStrictEqual(blockSkeleton(direct), blockSkeleton(whole), `${label}: direct scan's blocks differ`);
  const a = analyze(text, { root: whole });
  const b = analyze(text, { root: blocks });
  const c = analyze(text, { root: direct });
  assert.deepStrictEqual(b.diagnostics, a.diagnostics, `${label}: diagnostics differ`);
  assert.deepStrictEqual(b.failures, a.failures, `${label}: rule failures differ`);
  assert.equal(JSON.stringify(c.diagnostics), JSON.stringify(a.diagnostics), `${label}: diagnostics from the direct scan differ`);
}

test('every fixture and example: block parse = whole parse', () => {
  const files = repositoryMarkdown();
  assert.ok(files.length >= 5, 'fixtures found');
  // The unit suite takes every third file, the integration suite every file (test/support/budget.ts).
  const step = budget(3, 1);
  for (const f of files.filter((_, i) => i % step === 0)) sameAnalysis(readFileSync(f, 'utf8'), f);
});

test('generated reports (both formats, both table 3 layouts, each injected error): block parse = whole parse', () => {
  const seen = new Set<string>();
  // Seeds 1–24 already hold every injected error and every format and layout (asserted below); the integration suite runs 60.
  for (let seed = 1; seed <= budget(24, 60); seed++) {
    const r = generateReport(seed, { bytes: 5000 + (seed % 5) * 3000 });
    seen.add(`${r.template}/${r.layout}`);
    for (const e of r.errors) seen.add(e);
    sameAnalysis(r.text, r.name);
  }
  for (const e of INJECTED_ERRORS) assert.ok(seen.has(e), `no report with ${e}`);
  for (const k of ['2019/one-column', '2019/three-columns', '2021/one-column', '2021/three-columns']) assert.ok(seen.has(k), `no ${k} report`);
});

test('a compendium of reports: block parse = whole parse, cut into many units', () => {
  const text = generateCompendium(7, 64 * 1024);
  assert.ok(splitUnits(text).length > 20);
  sameAnalysis(text, 'compendium');
});

test('Markdown that spans blank lines or interrupts tables: block parse = whole parse', () => {
  for (const [name, text] of Object.entries(TRICKY)) {
    assert.deepStrictEqual(parseMarkdownWithRemark(text), parseWhole(text), name);
    sameAnalysis(text, name);
  }
});

test('random documents of fences, HTML, lists, tables and blank lines: identical trees', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const text = randomDocument(seed, 20 + (seed % 50));
    assert.deepStrictEqual(parseMarkdownWithRemark(text), parseWhole(text), `seed ${seed}: ${JSON.stringify(text)}`);
    assert.deepStrictEqual(blockSkeleton(parseMarkdown(text)), blockSkeleton(parseWhole(text)), `seed ${seed} (direct scan): ${JSON.stringify(text)}`);
  }
});

test('cuts are real: a report is parsed in several units, a long table in chunks', () => {
  const r = generateReport(11, { bytes: 30000 });
  assert.ok(splitUnits(r.text).length >= 5);
  let calls = 0;
  const root = parseInUnits(TRICKY.longTable, (s) => {
    calls++;
    return parseWhole(s);
  });
  assert.deepStrictEqual(root, parseWhole(TRICKY.longTable));
  assert.ok(calls >= 4, `long table parsed in ${calls} calls`);
});

test('known difference: a reference and its definition in different units — inline nodes differ, diagnostics do not', () => {
  // Link and footnote references resolve only within a unit. The engine reads block positions and
  // table rows, never inline content, so the diagnostics are the same (docs/performance.md).
  const filler = ('正文。'.repeat(300) + '\n\n').repeat(3);
  const text = '# 某局2022年政府信息公开工作年度报告\n\n见[链接][a]和脚注[^1]。\n\n' + filler + '[a]: http://example.com\n\n[^1]: 注释\n';
  assert.ok(splitUnits(text).length > 1);
  const blocks = parseMarkdownWithRemark(text);
  const whole = parseWhole(text);
  assert.deepStrictEqual(blocks.children.map((c) => [c.type, c.position]), whole.children.map((c) => [c.type, c.position]));
  assert.deepStrictEqual(analyze(text, { root: blocks }).diagnostics, analyze(text, { root: whole }).diagnostics);
});
