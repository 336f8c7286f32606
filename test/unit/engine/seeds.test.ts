// The five real reports, as faithful Markdown: each must produce exactly the
// findings recorded by hand in its .expected.json (test/fixtures/seeds/README.md
// explains each one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { fixture, findings, lineOf } from '../../support/engine.ts';
import { LineIndex } from '../../../server/src/engine/lines.ts';

for (const id of ['000', '001', '002', '003', '004']) {
  test(`seed ${id} produces the hand-checked findings`, () => {
    const text = fixture(`test/fixtures/seeds/${id}.md`);
    const expected = JSON.parse(fixture(`test/fixtures/seeds/${id}.expected.json`));
    const want = expected.findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}@${f.line}`).sort();
    assert.deepEqual(findings(text), want);
    // Ranges and messages, in both languages, as recorded by hand.
    const lines = new LineIndex(text);
    const where = (offset: number) => { const p = lines.position(offset); return `${p.line + 1}:${p.character + 1}`; };
    const shown = (d: { ruleId: string; range: { start: number; end: number }; message: { zh: string; en: string } }) => `${d.ruleId} ${where(d.range.start)}-${where(d.range.end)} ${d.message.zh} | ${d.message.en}`;
    const recorded = expected.findings.map((f: { ruleId: string; range: string; message: { zh: string; en: string } }) => `${f.ruleId} ${f.range} ${f.message.zh} | ${f.message.en}`);
    assert.deepEqual(analyze(text).diagnostics.map(shown).sort(), recorded.sort());
    const a = analyze(text);
    assert.equal(a.report.template.id, expected.template);
    assert.equal(a.report.year, expected.year);
    assert.deepEqual(a.failures, []);
  });
}

test('seed 004: missing 一、总体情况 and the numbering 五..九 are reported', () => {
  const text = fixture('test/fixtures/seeds/004.md');
  const d = analyze(text).diagnostics;
  const missing = d.filter((x) => x.ruleId === 'section-missing');
  assert.equal(missing.length, 1);
  assert.match(missing[0].message.zh, /一、总体情况/);
  const numbering = d.filter((x) => x.ruleId === 'section-numbering').map((x) => x.message.zh);
  assert.equal(numbering.length, 5);
  assert.ok(numbering.some((m) => m.includes('应为「二」，实为「五」')));
});

test('seeds 003 and 004: misspelt labels are found with the official label as fix', () => {
  for (const [id, typo] of [['003', '5.属于三类内部事务息'], ['004', '5.属于三类内容事务信息']]) {
    const text = fixture(`test/fixtures/seeds/${id}.md`);
    const hit = analyze(text).diagnostics.find((x) => x.ruleId === 'table-row-label' && x.message.zh.includes(typo));
    assert.ok(hit, `${id}: ${typo} not reported`);
    assert.equal(hit.fix?.edits[0].newText, '5.属于三类内部事务信息');
    assert.equal(hit.fix?.changesFigure, false);
    assert.equal(text.slice(hit.range.start, hit.range.end), typo);
  }
});

test('seed 003: the table split by a page break is read as one table 3', () => {
  const text = fixture('test/fixtures/seeds/003.md');
  const a = analyze(text);
  const t3 = a.report.tables.find((t) => t.def.id === 't3')!;
  const tables = new Set(t3.rows.map((r) => r.raw.tableIndex));
  assert.equal(tables.size, 2, 'rows come from two Markdown tables');
  const expectedRows = t3.def.rows.filter((r) => !r.group).length;
  assert.equal(new Set(t3.rows.filter((r) => r.row && !r.row.group).map((r) => r.row!.id)).size, expectedRows);
  assert.ok(!a.diagnostics.some((d) => d.ruleId === 'table-row-missing' && d.message.zh.includes('收到和处理')));
});

test('seed 000: balance findings carry the expected values', () => {
  const text = fixture('test/fixtures/seeds/000.md');
  const bal = analyze(text).diagnostics.filter((d) => d.ruleId === 'balance');
  assert.equal(bal.length, 3);
  const msgs = bal.map((d) => d.message.zh);
  assert.ok(msgs.includes('四、结转下年度「商业企业」应为 1（一＋二＝三（七）＋四），实为 0'), msgs.join('\n'));
  assert.ok(msgs.includes('四、结转下年度「社会公益组织」应为 2（一＋二＝三（七）＋四），实为 0'));
  // 自然人: 0 + 0 = 2 + x has no non-negative answer: both sides are stated instead, and no fix is offered.
  const natural = bal.find((d) => d.message.zh.includes('自然人'))!;
  assert.match(natural.message.zh, /左边为 0，右边为 2/);
  assert.equal(natural.fix, undefined);
  assert.equal(lineOf(text, natural.range.start), 105);
});
