import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticAt, diagnosticsOf, lineWith, ruleSuite } from './helpers.ts';

ruleSuite('section-empty');

test('section-empty: a heading followed by the next heading, a lone rule line, or the end of the file', () => {
  const d = diagnosticAt('section-empty', 'section-empty', lineWith('section-empty', '## 五、存在的主要问题及改进情况'));
  assert.equal(d.message.zh, '「五、存在的主要问题及改进情况」没有内容；如无可报告的事项，请写明“无”');
  assert.equal(d.message.en, '“五、存在的主要问题及改进情况” is empty; write 无 if there is nothing to report');
  assert.equal(d.fix, undefined, 'the content is the author’s to write');
  assert.equal(diagnosticsOf('section-empty-2019', 'section-empty').length, 2);
});

test('section-empty: “无” is content', () => {
  assert.deepEqual(diagnosticsOf('section-empty-ok', 'section-empty'), []);
});

test('section-empty: a heading repeated right away as a table caption is not an empty section', () => {
  // Found by npm run mutate (section-empty.ts: the heading repeated next, not the one before or two on).
  assert.deepEqual(diagnosticsOf('section-duplicate-2019', 'section-empty'), []);
});
