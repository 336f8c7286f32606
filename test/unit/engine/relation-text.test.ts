// The relation written out with its values (relations.ts `relationText`): what the hover on a figure, the inlay
// hints and the review page show a reader. Found by npm run mutate: no engine test read it (only the protocol
// suite's hover, which the mutation run does not use). Expected texts written by hand from the figures below.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { evaluate, relationText } from '../../../server/src/engine/relations.ts';
import { reportMarkdown } from '../cross/build.ts';

// 一 = 5, 2; 二 = 1, 0; （一）予以公开 4, 1; （六）3.其他 1, 0; （七）总计 5, 1; 四 = 1, 1 (自然人, 商业企业).
const base = reportMarkdown({ t3: { new: [5, 2], carried_in: [1, 0], disclosed: [4, 1], other: [1, 0] } });
// Two mistakes: （一）予以公开「总计」 6 for 5; 四、结转下年度「商业企业」 2 for 1 (its row total 3, so the row holds).
const text = base
  .replace('| （一）予以公开 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |', '| （一）予以公开 | 4 | 1 | 0 | 0 | 0 | 0 | 6 |')
  .replace('| 四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |', '| 四、结转下年度继续办理 | 1 | 2 | 0 | 0 | 0 | 0 | 3 |');

function texts(lang: 'zh' | 'en'): Map<string, string> {
  const table = analyze(text).report.tables.find((t) => t.def.relations?.some((r) => r.rule === 'balance'))!;
  return new Map(evaluate(table).instances.map((i) => [`${i.relation.rule} ${i.along}`, relationText(i, lang)]));
}

test('relation text: the fixture has the two mistakes it says', () => {
  assert.equal(text.split('\n').filter((l, i) => l !== base.split('\n')[i]).length, 2);
});

test('relation text: a total written as the sum of its parts, holding and failing', () => {
  const t = texts('zh');
  assert.equal(t.get('total-row new'), '一、本年新收「总计」 = 5 + 2 + 0 + 0 + 0 + 0 = 7 ✓');
  assert.equal(t.get('total-row disclosed'), '（一）予以公开「总计」 = 4 + 1 + 0 + 0 + 0 + 0 = 5 ≠ 6 ✗');
  assert.equal(texts('en').get('total-row disclosed'), '（一）予以公开 «总计» = 4 + 1 + 0 + 0 + 0 + 0 = 5 ≠ 6 ✗');
});

test('relation text: more than eight parts show the first six, an ellipsis and the last', () => {
  // （七）总计 sums 21 result rows; the last is （六）3.其他.
  const t = texts('zh');
  assert.equal(t.get('total-results natural_person'), '（七）总计「自然人」 = 4 + 0 + 0 + 0 + 0 + 0 + … + 1 = 5 ✓');
  assert.equal(t.get('total-results total'), '（七）总计「总计」 = 6 + 0 + 0 + 0 + 0 + 0 + … + 1 = 7 ≠ 6 ✗');
});

test('relation text: a relation with two terms on each side names both sides', () => {
  const t = texts('zh');
  assert.equal(t.get('balance natural_person'), '一、本年新收「自然人」 + 二、上年结转「自然人」 = 5 + 1 = 6；（七）总计「自然人」 + 四、结转下年度「自然人」 = 5 + 1 = 6 ✓');
  assert.equal(t.get('balance commercial'), '一、本年新收「商业企业」 + 二、上年结转「商业企业」 = 2 + 0 = 2；（七）总计「商业企业」 + 四、结转下年度「商业企业」 = 1 + 2 = 3 ✗');
  assert.equal(texts('en').get('balance commercial'), '一、本年新收 «商业企业» + 二、上年结转 «商业企业» = 2 + 0 = 2；（七）总计 «商业企业» + 四、结转下年度 «商业企业» = 1 + 2 = 3 ✗');
});
