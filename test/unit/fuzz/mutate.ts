// Generators for the property tests: random Markdown built from report
// fragments, and real reports mutated cell by cell, line by line and byte by byte.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { root } from '../../support/engine.ts';

export const corpus: string[] = [
  ...['examples/2020-clean-2019-format.md', 'examples/2022-clean-2021-format.md', 'examples/2022-with-mistakes.md'],
  ...readdirSync(root + 'test/fixtures/seeds').filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => 'test/fixtures/seeds/' + f),
].map((p) => readFileSync(root + p, 'utf8'));

const lines = [...new Set(corpus.flatMap((t) => t.split('\n')))];

const piece = fc.oneof(
  fc.constantFrom(...lines),
  fc.constantFrom('|', '| |', '|---|', '| --- | ---: |', '', '#', '## ', '**', '一、', '（七）总计', '总计', '0', '-1', '1.5', '/', '１２', '1,234', '\t', '>', '- ', '```', '\r'),
  fc.string({ unit: fc.constantFrom('|', '-', ' ', '\n', '一', '、', '（', '）', '总', '计', '0', '1', '9', '#', '*', '`', '\\', '>', '年') }),
);

export const randomMarkdown = fc.array(piece, { maxLength: 60 }).map((xs) => xs.join('\n'));

const cellValue = fc.constantFrom('', '0', '7', '-3', '2.5', '/', '无', '１０', '1,000', '|', '\\|', '`|`', '55（含自然失效29件）', '（七）总计');

/** A real report with one of its table cells replaced. */
export const cellMutation = fc.record({ doc: fc.nat(), line: fc.nat(), cell: fc.nat(), value: cellValue }).map(({ doc, line, cell, value }) => {
  const text = corpus[doc % corpus.length];
  const ls = text.split('\n');
  const rows = ls.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('|'));
  if (rows.length === 0) return text;
  const [row, index] = rows[line % rows.length];
  const cells = row.split('|');
  const k = 1 + (cell % Math.max(1, cells.length - 2));
  cells[k] = ` ${value} `;
  ls[index] = cells.join('|');
  return ls.join('\n');
});

/** A real report with lines deleted, duplicated or swapped. */
export const lineMutation = fc.record({ doc: fc.nat(), ops: fc.array(fc.record({ kind: fc.constantFrom('delete', 'duplicate', 'swap'), at: fc.nat(), to: fc.nat() }), { minLength: 1, maxLength: 6 }) }).map(({ doc, ops }) => {
  const ls = corpus[doc % corpus.length].split('\n');
  for (const op of ops) {
    const i = op.at % ls.length;
    const j = op.to % ls.length;
    if (op.kind === 'delete' && ls.length > 1) ls.splice(i, 1);
    else if (op.kind === 'duplicate') ls.splice(i, 0, ls[i]);
    else [ls[i], ls[j]] = [ls[j], ls[i]];
  }
  return ls.join('\n');
});

/** A real report with bytes inserted, deleted or replaced (decoded leniently, as an editor would show them). */
export const byteMutation = fc.record({ doc: fc.nat(), ops: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), kind: fc.constantFrom('insert', 'delete', 'replace') }), { minLength: 1, maxLength: 8 }) }).map(({ doc, ops }) => {
  const bytes = [...Buffer.from(corpus[doc % corpus.length])];
  for (const op of ops) {
    const i = op.at % bytes.length;
    if (op.kind === 'insert') bytes.splice(i, 0, op.byte);
    else if (op.kind === 'delete') bytes.splice(i, 1);
    else bytes[i] = op.byte;
  }
  return Buffer.from(bytes).toString('utf8');
});
