import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { diagnosticAt, diagnosticsOf, FIXTURES, lineWith, ruleSuite, textAt } from './helpers.ts';

ruleSuite('cell-invalid');

test('cell-invalid: a slash or 无 for none is fixed like a blank; a negative, fractional or textual count is not', () => {
  const slash = diagnosticAt('cell-invalid', 'cell-invalid', lineWith('cell-invalid', '| 一、本年新收'));
  assert.equal(slash.message.zh, '一、本年新收「科研机构」「/」是斜杠，没有则应填 0');
  assert.equal(slash.message.en, '一、本年新收 «科研机构» “/” is a slash; write 0 for none');
  assert.equal(textAt('cell-invalid', slash), '/');
  assert.deepEqual(slash.fix!.edits.map((e) => e.newText), ['0']);
  assert.equal(slash.fix!.changesFigure, true);
  const none = diagnosticAt('cell-invalid', 'cell-invalid', lineWith('cell-invalid', '| 行政强制 |'));
  assert.equal(none.message.zh, '行政强制「本年处理决定数量」「无」不是数字，没有则应填 0');
  const negative = diagnosticAt('cell-invalid', 'cell-invalid', lineWith('cell-invalid', '| 1.属于国家秘密 |'));
  assert.equal(negative.message.zh, '（三）1.国家秘密「商业企业」「-1」为负数，件数不能为负');
  assert.equal(negative.fix, undefined);
  const fraction = diagnosticAt('cell-invalid', 'cell-invalid', lineWith('cell-invalid', '| 二、上年结转'));
  assert.equal(fraction.message.zh, '二、上年结转「社会公益组织」「-0.5」为小数，件数应为整数');
  const text = diagnosticAt('cell-invalid', 'cell-invalid', lineWith('cell-invalid', '| 3.补正后申请内容仍不明确 |'));
  assert.equal(text.message.zh, '（四）3.补正后仍不明确「法律服务机构」「若干」不是数字');
  assert.equal(text.fix, undefined);
  const review = diagnosticAt('cell-invalid', 'cell-invalid', lineWith('cell-invalid', '| 0.5 |'));
  assert.equal(review.message.zh, '行政复议「其他结果」「0.5」为小数，件数应为整数');
});

test('cell-invalid: full-width digits, thousands separators, units, notes, signed 本年增/减 and money decimals are valid', () => {
  assert.deepEqual(diagnosticsOf('cell-invalid-ok', 'cell-invalid'), []);
  assert.deepEqual(diagnosticsOf('cell-invalid-ok-3col', 'cell-invalid'), []);
});

test('cell-invalid: a relation through an invalid cell is not reported as broken', () => {
  for (const rule of ['total-row', 'total-results', 'balance', 'total-review']) assert.deepEqual(diagnosticsOf('cell-invalid', rule), []);
});

test('cell-invalid: text where the first figure stands (十二 under 自然人) is that figure written badly, not a second label column', () => {
  // clean-2021 (one label column) and clean-2021-3col (three): 一、本年新收 自然人 12 and （一）予以公开 自然人 6 written in words.
  const findings = (name: string, row: string, label: string, from: string, to: string) => {
    const source = readFileSync(join(FIXTURES, `${name}.md`), 'utf8');
    const line = source.split('\n').find((l) => l.startsWith(row) && l.includes(label))!;
    const text = source.replace(line, line.replace(`| ${from} |`, `| ${to} |`));
    assert.notEqual(text, source);
    return analyze(text).diagnostics.filter((d) => d.severity === 'error' || d.ruleId.startsWith('table-')).map((d) => [d.ruleId, d.message.zh, text.slice(d.range.start, d.range.end)]);
  };
  for (const name of ['clean-2021', 'clean-2021-3col']) {
    assert.deepEqual(findings(name, '| 一、本年新收', '一、本年新收', '12', '十二'), [['cell-invalid', '一、本年新收「自然人」「十二」不是数字', '十二']], name);
    assert.deepEqual(findings(name, '|', '（一）予以公开', '6', '二十'), [['cell-invalid', '（一）予以公开「自然人」「二十」不是数字', '二十']], name);
  }
});
