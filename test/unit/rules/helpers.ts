// Shared checks of the rule tests. Every rule test runs the same suite over
// the fixtures of test/fixtures/rules/ (see its README): findings against the
// sidecar <name>.expected.json, messages in both languages, every quick fix
// applied on its own, and the two layouts of table 3 giving the same findings.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyze, rules, type Analysis } from '../../../server/src/engine/analyze.ts';
import { applyEdits } from '../../../server/src/engine/fixes.ts';
import type { Diagnostic } from '../../../server/src/engine/types.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'rules');
export const DOCS = join(ROOT, 'docs', 'rules');

/** The rule ids of the engine issue, whose findings the fixtures list completely. */
export const CORE_RULES = [
  'section-missing', 'section-order', 'section-duplicate', 'section-title', 'section-numbering', 'section-empty',
  'table-missing', 'table-row-missing', 'table-row-label', 'table-shape', 'cell-empty', 'cell-invalid',
  'total-row', 'total-results', 'balance', 'total-review', 'template-mismatch',
  // Issue 12: a table that writes no zero has its blanks read as 0, said once per table.
  'blank-as-zero',
] as const;
const CORE = new Set<string>(CORE_RULES);

/** Findings about labels, titles and structure: a fix must never add one. */
export const STRUCTURAL_RULES = new Set([
  'section-missing', 'section-order', 'section-duplicate', 'section-title', 'section-numbering', 'section-empty',
  'table-missing', 'table-row-missing', 'table-row-label', 'table-shape', 'template-mismatch',
]);

/** The sum relations. */
export const ARITHMETIC_RULES = new Set(['total-row', 'total-results', 'balance', 'total-review']);

/** Whether a rule's fix changes a figure (applied only with --fix-figures). 'section' depends on the section: one with a table, yes. */
export const FIX_CHANGES_FIGURE: Record<string, boolean | 'section'> = {
  'section-missing': 'section',
  'section-title': false,
  'section-numbering': false,
  'table-missing': true,
  'table-row-missing': true,
  'table-row-label': false,
  'table-shape': false,
  'cell-empty': true,
  'cell-invalid': true,
  'blank-as-zero': true,
  'total-row': true,
  'total-results': true,
  balance: true,
  'total-review': true,
};

export interface Expected {
  ruleId: string;
  line: number;
  fixable: boolean;
}

export interface Fixture {
  name: string;
  text: string;
  expected: Expected[];
}

let cache: Fixture[] | undefined;

export function fixtures(): Fixture[] {
  cache ??= readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => {
      const name = f.slice(0, -3);
      const text = readFileSync(join(FIXTURES, f), 'utf8');
      const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected[];
      return { name, text, expected };
    });
  return cache;
}

export function fixture(name: string): Fixture {
  const f = fixtures().find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f;
}

const analyses = new Map<string, Analysis>();

export function analyzed(f: Fixture): Analysis {
  let a = analyses.get(f.name);
  if (!a) {
    a = analyze(f.text);
    analyses.set(f.name, a);
  }
  return a;
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

export function findings(text: string, diagnostics: readonly Diagnostic[], ruleId?: string): Expected[] {
  return diagnostics
    .filter((d) => (ruleId ? d.ruleId === ruleId : CORE.has(d.ruleId)))
    .map((d) => ({ ruleId: d.ruleId, line: lineOf(text, d.range.start), fixable: d.fix !== undefined }));
}

const order = (a: Expected, b: Expected) => a.line - b.line || a.ruleId.localeCompare(b.ruleId) || Number(a.fixable) - Number(b.fixable);

export function assertFindings(actual: Expected[], expected: Expected[], message?: string): void {
  assert.deepEqual([...actual].sort(order), [...expected].sort(order), message);
}

/** The diagnostics of a rule in one fixture. */
export function diagnosticsOf(name: string, ruleId: string): Diagnostic[] {
  return analyzed(fixture(name)).diagnostics.filter((d) => d.ruleId === ruleId);
}

/** The one diagnostic of a rule on a 1-based line of a fixture whose Chinese message contains `containing`. */
export function diagnosticAt(name: string, ruleId: string, line: number, containing = ''): Diagnostic {
  const f = fixture(name);
  const hits = diagnosticsOf(name, ruleId).filter((d) => lineOf(f.text, d.range.start) === line && d.message.zh.includes(containing));
  assert.equal(hits.length, 1, `${name}:${line} should have one ${ruleId} diagnostic containing “${containing}”, has ${hits.length}`);
  return hits[0];
}

/** 1-based line of the first line of a fixture that contains `s` (after `from`, a 1-based line). */
export function lineWith(name: string, s: string, from = 1): number {
  const lines = fixture(name).text.split('\n');
  for (let i = from - 1; i < lines.length; i++) if (lines[i].includes(s)) return i + 1;
  throw new Error(`${name}: no line with “${s}”`);
}

/** The fixture text with one diagnostic's fix applied. */
export function fixed(name: string, d: Diagnostic): string {
  return applyEdits(fixture(name).text, d.fix!.edits);
}

/** The source text a diagnostic points at. */
export function textAt(name: string, d: Diagnostic): string {
  return fixture(name).text.slice(d.range.start, d.range.end);
}

// blank-as-zero's message counts the table's blanks: a fix that writes a figure into one blank
// changes the count, not the finding.
const messageKey = (d: Diagnostic) => `${d.ruleId}\u0000${d.ruleId === 'blank-as-zero' ? d.message.zh.replace(/\d+ 个空格/, 'N 个空格') : d.message.zh}`;

function multiset(ds: readonly Diagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of ds) m.set(messageKey(d), (m.get(messageKey(d)) ?? 0) + 1);
  return m;
}

/** Diagnostics of `after` not in `before`, compared by rule and message (positions move when a fix inserts text). */
export function added(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  const left = multiset(before);
  const out: Diagnostic[] = [];
  for (const d of after) {
    const n = left.get(messageKey(d)) ?? 0;
    if (n > 0) left.set(messageKey(d), n - 1);
    else out.push(d);
  }
  return out;
}

function pipes(s: string): number {
  return (s.replace(/\\\|/g, '').match(/\|/g) ?? []).length;
}

/**
 * Applies one diagnostic's fix alone and checks it: the text changes only in
 * the fix's ranges, a cell edit keeps the row's cells, inserted line breaks
 * follow the file's, the diagnostic is gone after re-analysis, and no
 * structural (label, title, section, table) diagnostic appears. Returns the
 * diagnostics the fix added, for the caller to judge.
 */
export function checkFix(text: string, d: Diagnostic, before: readonly Diagnostic[]): { out: string; added: Diagnostic[] } {
  assert.ok(d.fix, 'has a fix');
  const edits = [...d.fix.edits].sort((a, b) => a.range.start - b.range.start);
  assert.ok(edits.length > 0, 'the fix has edits');
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i].range.start >= edits[i - 1].range.end, 'the edits of a fix do not overlap');
  const out = applyEdits(text, d.fix.edits);
  // Everything outside the edit ranges is unchanged, and each edit wrote exactly its new text.
  let pos = 0;
  let at = 0;
  for (const e of edits) {
    const keep = text.slice(pos, e.range.start);
    assert.equal(out.slice(at, at + keep.length), keep, 'text before an edit is unchanged');
    at += keep.length;
    assert.equal(out.slice(at, at + e.newText.length), e.newText, 'the edit wrote its text');
    at += e.newText.length;
    pos = e.range.end;
  }
  assert.equal(out.slice(at), text.slice(pos), 'text after the last edit is unchanged');
  for (const e of edits) {
    const old = text.slice(e.range.start, e.range.end);
    if (old !== '' && !old.includes('\n') && /^\s*\|/.test(text.slice(text.lastIndexOf('\n', e.range.start - 1) + 1, e.range.start + 1))) {
      assert.ok(!e.newText.includes('\n'), 'a cell edit stays on its line');
      assert.equal(pipes(e.newText), pipes(old), 'a cell edit keeps the row’s cells');
    }
    if (text.includes('\r\n')) assert.ok(!/(^|[^\r])\n/.test(e.newText), 'inserted line breaks are CRLF like the file’s');
    else assert.ok(!e.newText.includes('\r'), 'inserted line breaks are LF like the file’s');
  }
  const after = analyze(out).diagnostics;
  const count = (ds: readonly Diagnostic[]) => ds.filter((x) => messageKey(x) === messageKey(d)).length;
  assert.ok(count(after) < count(before), `re-analysis no longer reports “${d.message.zh}”`);
  const fresh = added(before, after).filter((x) => CORE.has(x.ruleId));
  const structural = fresh.filter((x) => STRUCTURAL_RULES.has(x.ruleId));
  assert.deepEqual(structural.map((x) => `${x.ruleId}: ${x.message.zh}`), [], 'the fix adds no label, title or structure diagnostic');
  return { out, added: fresh };
}

/** CJK-free enough to be English: has Latin words, and is not the Chinese message. */
export function assertEnglish(zh: string, en: string, what: string): void {
  assert.ok(en.trim().length > 0, `${what}: English text exists`);
  assert.notEqual(en, zh, `${what}: English differs from Chinese`);
  assert.match(en, /[A-Za-z]{2,}/, `${what}: English has Latin words`);
}

/** Pairs of fixtures that differ only in table 3's layout: <name> and <name>-3col. */
export function layoutPairs(): [Fixture, Fixture][] {
  return fixtures()
    .filter((f) => f.name.endsWith('-3col'))
    .map((f) => [fixture(f.name.slice(0, -'-3col'.length)), f] as [Fixture, Fixture]);
}

function comparable(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => `${d.ruleId} | ${d.message.zh} | ${d.fix ? (d.fix.changesFigure ? 'fix:figure' : 'fix') : '-'}`).sort();
}

/**
 * The fixtures a rule's own test runs: its own (<id>*.md), the clean reports,
 * and every fixture that expects a finding of it. (fixtures.test.ts runs every
 * rule over every fixture.)
 */
export function fixturesFor(ruleId: string): Fixture[] {
  return fixtures().filter((f) => f.name.startsWith(ruleId) || f.name.startsWith('clean-') || f.expected.some((e) => e.ruleId === ruleId));
}

/** Default severities, as the engine issue's rule table gives them. */
export const DEFAULT_SEVERITY: Record<string, 'error' | 'warning'> = {
  'section-missing': 'error', 'section-order': 'error', 'section-duplicate': 'error', 'section-title': 'warning',
  'section-numbering': 'warning', 'section-empty': 'warning', 'table-missing': 'error', 'table-row-missing': 'error',
  'table-row-label': 'warning', 'table-shape': 'error', 'cell-empty': 'error', 'cell-invalid': 'error',
  'total-row': 'error', 'total-results': 'error', balance: 'error', 'total-review': 'error', 'template-mismatch': 'warning',
  'blank-as-zero': 'warning',
};

/** The whole per-rule suite: fixtures, messages, fixes, layouts. */
export function ruleSuite(ruleId: string): void {
  const own = fixturesFor(ruleId);
  const names = new Set(own.map((f) => f.name));

  describe(`${ruleId}: severity and configuration`, () => {
    const rule = rules.find((r) => r.id === ruleId);
    test('is registered with its default severity and a description in both languages', () => {
      assert.ok(rule, 'in rules/index.ts');
      assert.equal(rule.severity, DEFAULT_SEVERITY[ruleId]);
      assert.ok(rule.description.zh && rule.description.en);
      const f = own.find((x) => x.expected.some((e) => e.ruleId === ruleId))!;
      for (const d of analyzed(f).diagnostics.filter((x) => x.ruleId === ruleId)) assert.equal(d.severity, rule.severity);
    });
    test('"rules": {"<id>": "off" | "info"} in .nianbaorc.json turns it off or changes its severity', () => {
      const f = own.find((x) => x.expected.some((e) => e.ruleId === ruleId))!;
      assert.equal(analyze(f.text, { rules: { [ruleId]: 'off' } }).diagnostics.filter((d) => d.ruleId === ruleId).length, 0);
      const info = analyze(f.text, { rules: { [ruleId]: 'info' } }).diagnostics.filter((d) => d.ruleId === ruleId);
      assert.equal(info.length, f.expected.filter((e) => e.ruleId === ruleId).length);
      assert.ok(info.every((d) => d.severity === 'info'));
    });
  });
  describe(`${ruleId}: fixtures`, () => {
    // What the rule does, not what the sidecars say: a rule that stopped firing, or fired everywhere, fails here.
    test('the rule fires where its fixtures expect it, and stays silent on the clean ones', () => {
      const expecting = own.filter((f) => f.expected.some((e) => e.ruleId === ruleId));
      assert.ok(expecting.length > 0, 'a fixture expects this rule');
      const fired = expecting.map((f) => analyzed(f).diagnostics.filter((d) => d.ruleId === ruleId).length);
      assert.ok(fired.every((n) => n > 0), `fires in every fixture that expects it: ${expecting.map((f, i) => `${f.name} ${fired[i]}`).join(', ')}`);
      const clean = own.filter((f) => f.expected.every((e) => e.ruleId !== ruleId));
      assert.ok(clean.some((f) => f.name.startsWith('clean-')), 'the clean reports are among its fixtures');
      for (const f of clean) assert.deepEqual(analyzed(f).diagnostics.filter((d) => d.ruleId === ruleId).map((d) => d.message.zh), [], `${f.name}: silent`);
    });
    for (const f of own) {
      test(f.name, () => {
        const a = analyzed(f);
        assert.deepEqual(a.failures, [], 'no rule threw');
        assertFindings(findings(f.text, a.diagnostics, ruleId), f.expected.filter((e) => e.ruleId === ruleId));
      });
    }
  });

  describe(`${ruleId}: messages`, () => {
    test('every finding has a Chinese message and an English one; fix titles too', () => {
      let n = 0;
      for (const f of own) {
        for (const d of analyzed(f).diagnostics.filter((x) => x.ruleId === ruleId)) {
          n++;
          assert.ok(d.message.zh.trim().length > 0, 'Chinese message');
          assert.match(d.message.zh, /[\u4e00-\u9fff]/, 'the Chinese message is Chinese');
          assertEnglish(d.message.zh, d.message.en, `${f.name}: ${d.message.zh}`);
          if (d.fix) assertEnglish(d.fix.title.zh, d.fix.title.en, `${f.name}: fix ${d.fix.title.zh}`);
          for (const r of d.related ?? []) assert.ok(r.message.zh && r.message.en, 'related messages in both languages');
        }
      }
      assert.ok(n > 0, 'the fixtures exercise the rule');
    });
  });

  const fixable = own.filter((f) => analyzed(f).diagnostics.some((d) => d.ruleId === ruleId && d.fix));
  if (fixable.length > 0 || ruleId in FIX_CHANGES_FIGURE) {
    describe(`${ruleId}: fixes`, () => {
      test('the rule offers fixes in the fixtures', () => assert.ok(fixable.length > 0));
      for (const f of fixable) {
        test(f.name, () => {
          const before = analyzed(f).diagnostics;
          for (const d of before.filter((x) => x.ruleId === ruleId && x.fix)) {
            const kind = FIX_CHANGES_FIGURE[ruleId];
            if (typeof kind === 'boolean') assert.equal(d.fix!.changesFigure, kind, `changesFigure of “${d.fix!.title.zh}”`);
            const { added: fresh } = checkFix(f.text, d, before);
            // A label or title fix leaves the figures alone and so adds nothing at all. A figure fix may be
            // one of several that hold only together (two totals off in opposite directions): alone it may
            // break another sum for the moment, but nothing else (fixtures.test.ts applies them together).
            const allowed = d.fix!.changesFigure ? ARITHMETIC_RULES : new Set<string>();
            assert.deepEqual(fresh.filter((x) => !allowed.has(x.ruleId)).map((x) => `${x.ruleId}: ${x.message.zh}`), [], `fixing “${d.message.zh}” adds no diagnostic`);
          }
        });
      }
    });
  }

  describe(`${ruleId}: both layouts of table 3`, () => {
    for (const [one, three] of layoutPairs().filter(([a, b]) => names.has(a.name) || names.has(b.name))) {
      test(`${one.name} ≡ ${three.name}`, () => {
        assert.deepEqual(
          comparable(analyzed(three).diagnostics.filter((d) => d.ruleId === ruleId)),
          comparable(analyzed(one).diagnostics.filter((d) => d.ruleId === ruleId)),
        );
      });
    }
  });
}
