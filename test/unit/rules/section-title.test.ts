import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { diagnosticAt, diagnosticsOf, fixed, lineWith, ruleSuite, textAt } from './helpers.ts';

ruleSuite('section-title');

test('section-title: a variant seen in the wild and a typo are both set to the official title; the numeral is kept', () => {
  const v = diagnosticAt('section-title', 'section-title', lineWith('section-title', '五、存在问题及改进情况'));
  assert.equal(v.message.zh, '栏目标题「存在问题及改进情况」应为「存在的主要问题及改进情况」');
  assert.equal(v.message.en, 'Section title “存在问题及改进情况” should be “存在的主要问题及改进情况”');
  assert.equal(textAt('section-title', v), '存在问题及改进情况', 'the range is the title alone');
  assert.deepEqual(v.fix!.edits.map((e) => e.newText), ['存在的主要问题及改进情况']);
  assert.equal(v.fix!.changesFigure, false);
  const t = diagnosticAt('section-title', 'section-title', lineWith('section-title', '三、收到和处理政府信息公开申情况'));
  assert.equal(t.message.zh, '栏目标题「收到和处理政府信息公开申情况」应为「收到和处理政府信息公开申请情况」');
  const after = analyze(fixed('section-title', t));
  assert.ok(after.report.sections.some((s) => s.title === '收到和处理政府信息公开申请情况' && s.match === 'exact'));
});

test('section-title: punctuation width, spaces and a trailing colon are not findings', () => {
  assert.deepEqual(diagnosticsOf('section-title-ok', 'section-title'), []);
});
