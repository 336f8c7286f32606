// shared-text's matcher (engine/cross/shared.ts) leaves pairs out before the
// edit distance: by a length window, by a histogram of trigrams in 128 buckets
// (four to a word, minHistogram) and by a merge of the sorted trigrams. None of
// them may change a finding: here it is compared with the plain definition
// (every paragraph against every paragraph, the edit distance for each pair of
// similar length), on reports fast-check writes from sentences that differ by
// a character, a figure or a clause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../../server/src/engine/analyze.ts';
import type { Report } from '../../../server/src/engine/model.ts';
import { histogram, minHistogram, sharedParagraphs, type Shared } from '../../../server/src/engine/cross/shared.ts';
import { compact, paragraphs, sentences } from '../../../server/src/engine/cross/prose.ts';
import { isFormulaCompact, maskNumbers } from '../../../server/src/engine/cross/formulas.ts';
import { similarity } from '../../../server/src/engine/parse/label-normalize.ts';
import { reportMarkdown } from '../cross/build.ts';

/** Words as four bytes each (byte 0 lowest), as histogram() lays them out. */
function words(bytes: number[]): Int32Array {
  const out = new Int32Array(32);
  bytes.forEach((b, i) => { out[i >> 2] |= b << (8 * (i & 3)); });
  return out;
}

test('minHistogram: the sum over 128 buckets of the smaller count, four buckets to a word', () => {
  assert.equal(minHistogram(words(Array(128).fill(127)), words(Array(128).fill(1))), 128);
  assert.equal(minHistogram(words(Array(128).fill(127)), words(Array(128).fill(127))), 128 * 127);
  assert.equal(minHistogram(words([127, 0, 0, 0]), words([0, 127, 0, 0])), 0);
  assert.equal(minHistogram(words([5, 3, 0, 9, 0, 0, 0, 0, 4]), words([2, 9, 7, 9, 0, 0, 0, 0, 1])), 2 + 3 + 0 + 9 + 1);
  assert.equal(minHistogram(words([0, 0, 0, 0, 0, 0, 0, 100]), words([0, 0, 0, 0, 0, 0, 0, 127])), 100);
  assert.equal(minHistogram(new Int32Array(32), words([1, 2, 3])), 0);
});

test('minHistogram equals the bucket-by-bucket sum of minima on any counts below 128', () => {
  const counts = fc.array(fc.integer({ min: 0, max: 127 }), { minLength: 128, maxLength: 128 });
  fc.assert(fc.property(counts, counts, (a, b) => {
    assert.equal(minHistogram(words(a), words(b)), a.reduce((n, x, i) => n + Math.min(x, b[i]), 0));
  }), { numRuns: 2000 });
});

/** Trigrams two texts share, counted with repeats: what the histogram bound must never fall below. */
function sharedTrigrams(s: string, t: string): number {
  const count = new Map<string, number>();
  for (let i = 0; i + 3 <= s.length; i++) count.set(s.slice(i, i + 3), (count.get(s.slice(i, i + 3)) ?? 0) + 1);
  let n = 0;
  for (let i = 0; i + 3 <= t.length; i++) {
    const k = t.slice(i, i + 3);
    const c = count.get(k) ?? 0;
    if (c > 0) { n++; count.set(k, c - 1); }
  }
  return n;
}

test('histogram(): trigrams counted once each; a bound at least the shared trigrams', () => {
  assert.equal(minHistogram(histogram('政府信息公开')!, histogram('政府信息公开')!), 4);
  assert.equal(minHistogram(histogram('ab')!, histogram('ab')!), 0);
  assert.equal(histogram('啊'.repeat(200)), undefined, 'one trigram 198 times passes a byte below 128');
  assert.equal(minHistogram(histogram('啊'.repeat(129))!, histogram('啊'.repeat(100))!), 98);
  const text = fc.string({ unit: fc.constantFrom('政', '府', '信', '息', '公', '开', '#', '，', '年', 'a'), maxLength: 80 });
  fc.assert(fc.property(text, text, (s, t) => {
    const hs = histogram(s)!, ht = histogram(t)!;
    assert.ok(minHistogram(hs, ht) >= sharedTrigrams(s, t));
  }), { numRuns: 2000 });
});

// --- the plain definition ---------------------------------------------------------------

/** Not every sentence a formula, and 30 characters of wording once figures and formula sentences are out. */
function comparedPlain(text: string): boolean {
  const ss = sentences({ text, start: 0 });
  if (ss.length > 0 && ss.every((s) => isFormulaCompact(compact(s.text)))) return false;
  const wording = ss.filter((s) => !isFormulaCompact(compact(s.text))).map((s) => maskNumbers(compact(s.text)).replace(/#/g, '')).join('');
  return wording.length >= 30;
}

function sharedPlain(report: Report, other: Report, min = 0.9): Shared[] {
  const prep = (r: Report) => paragraphs(r).filter((p) => comparedPlain(p.text)).map((p) => ({ p, c: compact(p.text), m: maskNumbers(compact(p.text)) }));
  const theirs = prep(other);
  const out: Shared[] = [];
  for (const x of prep(report)) {
    const same = theirs.filter((y) => y.m === x.m).at(-1);
    if (same) { out.push({ paragraph: x.p, other: same.p, similarity: 1, numbersDiffer: same.c !== x.c }); continue; }
    let best: { y: (typeof theirs)[number]; s: number } | undefined;
    for (const y of theirs) {
      if (Math.min(x.m.length, y.m.length) / Math.max(x.m.length, y.m.length) < min) continue;
      const s = similarity(x.m, y.m);
      if (s >= min && (!best || s > best.s)) best = { y, s };
    }
    if (best) out.push({ paragraph: x.p, other: best.y.p, similarity: best.s, numbersDiffer: false });
  }
  return out;
}

const SENTENCES = [
  '本单位坚持以公开为常态、不公开为例外，扎实推进政务公开标准化规范化建设。',
  '全年通过门户网站主动公开政府信息1,234条，其中政策文件56件，解读材料12篇。',
  '依托政务新媒体矩阵及时回应社会关切，对热点问题开展多轮解读并收集意见反馈给业务部门。',
  '本局全面梳理权责清单，在门户网站开设专栏集中发布行政许可、行政处罚事项的办理依据和流程，方便群众查询办理。',
  '严格落实保密审查制度，做到先审查后公开，全年未发生失泄密事件。',
  '本报告根据《中华人民共和国政府信息公开条例》编制。',
  '加强工作人员业务培训，组织专题培训3次，参训人员达到120人次。',
  '下一步，我们将进一步完善依申请公开办理流程，提高答复质量和效率。',
];
const EDITS = ['的', '及', '和', '了', '局', '市', '全', '年'];

/** A paragraph: sentences from the pool, each maybe with one character replaced, dropped or added, or its figures changed. */
const paragraphArb = fc.array(
  fc.record({ i: fc.nat(SENTENCES.length - 1), edit: fc.nat(4), at: fc.nat(60), ch: fc.constantFrom(...EDITS), n: fc.nat(999) }),
  { minLength: 1, maxLength: 3 },
).map((parts) => parts.map(({ i, edit, at, ch, n }) => {
  const s = SENTENCES[i];
  const k = at % s.length;
  if (edit === 1) return s.slice(0, k) + ch + s.slice(k + 1);
  if (edit === 2) return s.slice(0, k) + s.slice(k + 1);
  if (edit === 3) return s.slice(0, k) + ch + s.slice(k);
  if (edit === 4) return s.replace(/\d+/g, String(n));
  return s;
}).join(''));

test('shared-text\'s matcher finds exactly what comparing every pair finds, on generated reports', () => {
  const reportArb = fc.array(paragraphArb, { minLength: 1, maxLength: 6 }).map((overview) => analyze(reportMarkdown({ agency: '某局', overview })).report);
  fc.assert(fc.property(reportArb, reportArb, (a, b) => {
    const fast = sharedParagraphs(a, b);
    const plain = sharedPlain(a, b);
    assert.deepEqual(fast, plain);
  }), { numRuns: 100 });
});

test('the plain definition and the matcher agree on a near copy, its best match and a pair just below 90 %', () => {
  const s = SENTENCES[3];
  const a = analyze(reportMarkdown({ agency: '甲局', overview: [s] })).report;
  // Both paragraphs of b are near copies: two characters replaced in 53, then one; the closer (second) wins.
  const b = analyze(reportMarkdown({ agency: '乙局', overview: [s.replace('门户网站', '门口网点'), s.replace('和', '及')] })).report;
  const found = sharedParagraphs(a, b).filter((x) => x.paragraph.text === s);
  assert.equal(found.length, 1);
  assert.equal(found[0].other.text, s.replace('和', '及'));
  assert.equal(compact(s).length, 53);
  assert.equal(found[0].similarity, 1 - 1 / 53);
  // Two as close (one character replaced, one dropped: both 52/53): the first wins, though the second is shorter.
  const tie = analyze(reportMarkdown({ agency: '丁局', overview: [s.replace('门户网站', '门户网点'), s.replace('和', '')] })).report;
  const first = sharedParagraphs(a, tie).filter((x) => x.paragraph.text === s);
  assert.equal(first.length, 1);
  assert.equal(first[0].other.text, s.replace('门户网站', '门户网点'));
  assert.equal(first[0].similarity, 1 - 1 / 53);
  // Six characters replaced in 53: 88.7 %, below 90 %.
  const far = analyze(reportMarkdown({ agency: '丙局', overview: [s.replace('全面梳理权责', '认真整顿职能')] })).report;
  assert.deepEqual(sharedParagraphs(a, far).filter((x) => x.paragraph.text === s), []);
  assert.deepEqual(sharedPlain(a, far).filter((x) => x.paragraph.text === s), []);
});
