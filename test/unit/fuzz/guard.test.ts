// The parser guard (server/src/engine/parse/guard.ts): real reports come back
// as the same string; adversarial input comes back the same length,
// with each bound applied exactly at its limit; guarding twice changes nothing.
// (What the guard costs, and that bounded input parses in linear time, is
// measured by `npm run bench:parser`: bench/adversarial.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateCompendium, generateReport } from '../../../bench/generate.ts';
import {
  guardText, MAX_CONTAINER_LEVELS, MAX_DEPTH, MAX_LAZY_LINES, MAX_PIPES, MAX_SETEXT,
} from '../../../server/src/engine/parse/guard.ts';
import { scanPrefix } from '../../../server/src/engine/parse/guard-scan.ts';
import fc from 'fast-check';
import { FAMILIES } from './adversarial.ts';
import { byteMutation, cellMutation, lineMutation, randomMarkdown } from './mutate.ts';
import { budget } from '../../support/budget.ts';
import { repositoryMarkdown } from '../../support/markdown-files.ts';

const lines = (line: string, count: number) => Array.from({ length: count }, () => line).join('\n');

/** The guard's slow path on `text`: a row of too many pipes after it makes the guard look at every line. */
function viaSlowPath(text: string): string {
  const guarded = guardText(`${text}\n\n${'|'.repeat(MAX_PIPES + 1)}`);
  assert.ok(guarded.endsWith('\u00a6'), 'the slow path ran');
  return guarded.slice(0, text.length);
}

/** Text within the bounds: unchanged, by the fast path and by the slow path. */
function fits(text: string, what: string): void {
  assert.equal(guardText(text), text, `${what}: fast path`);
  assert.equal(viaSlowPath(text), text, `${what}: slow path`);
}

test('real reports and fixtures come back unchanged (the same string), by either path', () => {
  const files = repositoryMarkdown();
  assert.ok(files.length > 60, `${files.length} files`);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    fits(text, f);
    // CRLF and lone-CR line endings are lines too.
    for (const eol of ['\r\n', '\r']) fits(text.replace(/\n/g, eol), `${f} with ${JSON.stringify(eol)}`);
  }
  for (let seed = 1; seed <= 300; seed++) fits(generateReport(seed).text, `generated report ${seed}`);
  // 2 MB of reports, one after another: many lists and tables in one text.
  fits(generateCompendium(7, 2 << 20), 'compendium');
});

test('adversarial input keeps its length and offsets; guarding twice changes nothing', () => {
  for (const [name, family] of Object.entries(FAMILIES)) {
    const text = family.build(20_000);
    const guarded = guardText(text);
    assert.equal(guarded.length, text.length, name);
    assert.equal(guardText(guarded), guarded, `${name}: idempotent`);
    const crlf = text.replace(/\n/g, '\r\n');
    assert.equal(guardText(crlf), guarded.replace(/\n/g, '\r\n'), `${name}: the same with CRLF`);
  }
});

test('nesting, of one container kind or mixed: MAX_DEPTH levels kept, the deeper prefix made text', () => {
  // Mixed nesting (quotes and list items alternating, footnotes among them) is what overflowed the stack.
  for (const unit of ['> - ', '- > ', '>- ', '* > ', '+ > ', '> 1) ', '1. > ', '>\t-\t', '- [^a]: > 1. ', '[^a]: ', '[^a]: > ', '>', '- ']) {
    const text = unit.repeat(5000) + 'x';
    const guarded = guardText(text);
    assert.equal(scanPrefix(guarded, 0, guarded.length).depth, MAX_DEPTH, unit);
    const cut = scanPrefix(guarded, 0, guarded.length).end;
    assert.equal(guarded.slice(0, cut), text.slice(0, cut), `${unit}: the kept levels are unchanged`);
    assert.match(guarded.slice(cut), /^\u3000+x$/, `${unit}: the rest of the prefix is ideographic space`);
  }
  fits('> - '.repeat(MAX_DEPTH / 2) + 'x', 'MAX_DEPTH levels');
});

test('pipes: MAX_PIPES in a line kept, the rest become broken bars', () => {
  const row = '|' + ' 1 |'.repeat(MAX_PIPES + 50);
  const guarded = guardText(row);
  assert.equal(guarded.split('|').length - 1, MAX_PIPES);
  assert.equal(guarded.split('\u00a6').length - 1, 51);
  fits('|' + ' 1 |'.repeat(MAX_PIPES - 1), 'MAX_PIPES pipes');
});

test('containers: past MAX_CONTAINER_LEVELS markers in a segment, every marker of the segment becomes text', () => {
  const items = lines('- x', MAX_CONTAINER_LEVELS);
  fits(items, 'MAX_CONTAINER_LEVELS list items');
  const over = lines('- x', MAX_CONTAINER_LEVELS + 1);
  assert.equal(guardText(over), lines('\u3000 x', MAX_CONTAINER_LEVELS + 1));
  // Levels, not lines: `- - x` is two.
  assert.notEqual(guardText(lines('- - x', MAX_CONTAINER_LEVELS / 2 + 1)), lines('- - x', MAX_CONTAINER_LEVELS / 2 + 1));
  // Another segment (after a blank line, a paragraph at column 0) counts afresh.
  assert.equal(viaSlowPath(`${items}\n\npara\n\n${items}`), `${items}\n\npara\n\n${items}`);
});

test('lazy lines: past MAX_LAZY_LINES after a container line, the containers become text', () => {
  fits('> a\n' + lines('b', MAX_LAZY_LINES), 'MAX_LAZY_LINES lazy lines');
  const over = '> a\n' + lines('b', MAX_LAZY_LINES + 1);
  assert.equal(guardText(over), '\u3000 a\n' + lines('b', MAX_LAZY_LINES + 1));
});

test('setext underlines: past MAX_SETEXT in a segment they become text', () => {
  fits(lines('a\n=', MAX_SETEXT), 'MAX_SETEXT underlines');
  const guarded = guardText(lines('a\n-', MAX_SETEXT + 2)).split('\n');
  assert.deepEqual(guarded.slice(-4), ['a', '\uff0d', 'a', '\uff0d']);
  assert.equal(guarded[2 * MAX_SETEXT - 1], '-', 'the first MAX_SETEXT stay');
});

test('paragraphs and autolink literals are not bounded: they cost linear time since inline parsing is off', () => {
  // adversarial.integration.test.ts times them; here the guard must leave them alone.
  fits(lines('a', 10_000), '10,000 lines in one paragraph');
  fits(lines('x'.repeat(16_384), 64), '64 lines of 16,384 characters');
  fits('a@b.co http://e.co www.f.co '.repeat(10_000), '30,000 autolink literals');
  fits(`表三\n| 行 | 数 |\n| --- | --- |\n${lines('| a | 1 |', 3000)}`, 'a table of 3,000 rows');
});

test('the fast path and the slow path agree: text the fast path passes is unchanged by the slow path', () => {
  const seed = Number(process.env.FUZZ_SEED ?? 20261125);
  fc.assert(fc.property(fc.oneof(randomMarkdown, cellMutation, lineMutation, byteMutation), (text) => {
    if (guardText(text) === text) assert.equal(viaSlowPath(text), text);
  }), { seed, numRuns: budget(100, 400) });
});
