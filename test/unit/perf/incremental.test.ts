// IncrementalParser against a full parse: seeded random edit sequences on
// generated reports and stress documents give, after every edit, the tree
// parseMarkdown gives for the new text, and the same diagnostics as a whole
// parse; a typical edit re-parses one or two pieces only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { IncrementalParser } from '../../../server/src/engine/parse/incremental.ts';
import { parseMarkdown, parseWhole } from '../../../server/src/engine/parse/markdown.ts';
import { blockSkeleton } from '../../../server/src/engine/parse/direct-blocks.ts';
import { generateReport } from '../../../bench/generate.ts';
import { Rng } from '../../../bench/rng.ts';
import { TRICKY } from './markdown-cases.ts';
import { FULL_BUDGET } from '../../support/budget.ts';

const INSERTS = ['一', '0', '7', '|', ' ', '\n', '\n\n', '```\n', '- ', '# ', '<!--', '-->', '| 1 | 2 |\n', '|---|\n', '\t', '    '];

function edit(rng: Rng, text: string): string {
  const at = rng.int(0, text.length);
  const roll = rng.next();
  if (roll < 0.45) return text.slice(0, at) + rng.pick(INSERTS) + text.slice(at);
  if (roll < 0.8) return text.slice(0, at) + text.slice(Math.min(text.length, at + rng.int(1, 6)));
  // Cut or copy a whole line, as editors do.
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  const end = nl === -1 ? text.length : nl + 1;
  return roll < 0.9 ? text.slice(0, start) + text.slice(end) : text.slice(0, end) + text.slice(start, end) + text.slice(end);
}

test('random edit sequences: incremental = full parse after every edit, same diagnostics', () => {
  // Sequence 4 is the first of the tricky documents: the quick budget keeps it.
  for (const seq of FULL_BUDGET ? [1, 2, 3, 4, 5, 6, 7, 8] : [1, 4]) {
    const rng = new Rng(1000 + seq);
    let text = seq % 4 === 0 ? Object.values(TRICKY)[seq % Object.keys(TRICKY).length] + TRICKY.longTable : generateReport(seq, { bytes: 5000 }).text;
    const parser = new IncrementalParser();
    parser.update(text);
    for (let step = 0; step < 30; step++) {
      text = edit(rng, text);
      const root = parser.update(text);
      assert.deepStrictEqual(root, parseMarkdown(text), `sequence ${seq}, step ${step}`);
      if (step % 10 === 9) assert.deepStrictEqual(analyze(text, { root }).diagnostics, analyze(text, { root: parseWhole(text) }).diagnostics, `sequence ${seq}, step ${step}`);
    }
  }
});

test('typing in a paragraph or a table cell re-parses one piece, the rest is reused', () => {
  let text = generateReport(5, { bytes: 20000 }).text;
  const parser = new IncrementalParser();
  parser.update(text);
  const prose = text.indexOf('。') + 1;
  for (const ch of '本年度新增') {
    const at = text.indexOf('。') + 1;
    text = text.slice(0, at) + ch + text.slice(at);
    parser.update(text);
    assert.equal(parser.reparsed, 1);
    assert.ok(parser.reused >= 4);
  }
  assert.ok(prose > 0);
  const cell = text.indexOf('| 0 |');
  text = text.slice(0, cell + 2) + '1' + text.slice(cell + 2);
  const root = parser.update(text);
  assert.equal(parser.reparsed, 1);
  assert.deepStrictEqual(blockSkeleton(root), blockSkeleton(parseWhole(text)));
  parser.update(text);
  assert.equal(parser.reparsed, 0, 'an unchanged text parses nothing');
});

test('release() forgets the pieces; the next update parses everything again, same tree', () => {
  const text = generateReport(8, { bytes: 8000 }).text;
  const parser = new IncrementalParser();
  const first = parser.update(text);
  parser.release();
  const again = parser.update(text);
  assert.ok(parser.reparsed > 1);
  assert.deepStrictEqual(again, first);
});
