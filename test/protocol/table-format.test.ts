// The table formatter on its own (server/src/lsp/table-format.ts): display
// widths, alignment, and the property that matters most: formatting never
// changes the text of a cell, whatever the table.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatTableLines, formatTables, splitRow } from '../../server/src/lsp/table-format.ts';
import { displayWidth } from '../../server/src/lsp/text-width.ts';

/** Display columns at which a line's unescaped pipes stand. */
function pipeColumns(line: string): number[] {
  const out: number[] = [];
  let w = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') { w += 1 + displayWidth(line[i + 1] ?? ''); i++; continue; }
    if (ch === '|') out.push(w);
    w += displayWidth(String.fromCodePoint(line.codePointAt(i)!));
    if (line.codePointAt(i)! > 0xffff) i++;
  }
  return out;
}

describe('display width', () => {
  it('counts East Asian Wide and Fullwidth as two columns', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('自然人'), 6);
    assert.equal(displayWidth('（一）'), 6, 'full-width brackets');
    assert.equal(displayWidth('、，：'), 6, 'CJK punctuation');
    assert.equal(displayWidth('ＡＢ１'), 6, 'fullwidth Latin and digits');
    assert.equal(displayWidth('𠀀𪜀'), 4, 'CJK extension B and C (astral planes)');
    assert.equal(displayWidth('e\u0301'), 1, 'a combining mark takes no column');
    assert.equal(displayWidth('a\u200bb'), 2, 'zero-width space');
    assert.equal(displayWidth('“三安全一稳定”'), 14, 'curly quotes are Ambiguous: narrow');
  });
});

describe('formatTableLines', () => {
  it('aligns a Chinese table by display width, keeping the alignment markers', () => {
    const out = formatTableLines(['| 信息内容 | 本年新制作数量 | 总计 |', '|---|:---:|---:|', '| 规章 | 22 | 1 |', '| 规范性文件 | 54 | 1191 |'])!;
    assert.deepEqual(out, [
      '| 信息内容   | 本年新制作数量 | 总计 |',
      '| ---------- | :------------: | ---: |',
      '| 规章       |       22       |    1 |',
      '| 规范性文件 |       54       | 1191 |',
    ]);
  });

  it('keeps escaped pipes inside a cell, pads short rows with empty cells, keeps extra cells', () => {
    const out = formatTableLines(['a | b', '--|--', 'x \\| y', '1 | 2 | 3'])!;
    const cells = out.map(splitRow);
    assert.deepEqual([cells[0], cells[2], cells[3]], [['a', 'b'], ['x \\| y', ''], ['1', '2', '3']]);
    assert.ok(cells[1].every((c) => /^-{3,}$/.test(c)));
    assert.equal(out[2], '| x \\| y |     |', 'the escaped pipe is text, not a column');
  });

  it('leaves alone what it cannot read safely', () => {
    assert.equal(formatTableLines(['| a |', '| not a delimiter |']), undefined);
    assert.equal(formatTableLines(['> | a |', '> |---|']), undefined);
    assert.equal(formatTableLines(['| a | b |', '|---|']), undefined, 'delimiter and header disagree');
  });

  it('formatTables edits only changed lines and only tables in the range', () => {
    const text = '| a | b |\n|---|---|\n| 1 | 2 |\n\n| 长 | x |\n|---|---|\n| 1 | 2 |\n';
    const all = formatTables(text, [{ start: 0, end: 29 }, { start: 31, end: text.length - 1 }]);
    assert.ok(all.every((e) => e.newText.startsWith('|')));
    const second = formatTables(text, [{ start: 0, end: 29 }, { start: 31, end: text.length - 1 }], { start: 40, end: 40 });
    assert.ok(second.length > 0 && second.every((e) => e.range.start >= 31));
  });

  // Cells drawn from what reports hold: CJK, full-width punctuation, digits, astral ideographs, escaped pipes, blanks.
  const cellText = fc.array(fc.constantFrom('自', '然', '人', '（', '）', '、', '“', '”', '1', '9', '0', '.', 'a', 'Z', ' ', '𠀀', '\\|', '-', ':', '*', '`'), { maxLength: 12 })
    .map((parts) => parts.join('').trim())
    .filter((s) => !s.endsWith('\\'));
  const table = fc.integer({ min: 1, max: 6 }).chain((cols) => fc.record({
    header: fc.array(cellText, { minLength: cols, maxLength: cols }),
    aligns: fc.array(fc.constantFrom('---', ':--', '--:', ':-:', '-'), { minLength: cols, maxLength: cols }),
    rows: fc.array(fc.array(cellText, { minLength: 1, maxLength: cols + 2 }), { maxLength: 8 }),
    outer: fc.boolean(),
    spaces: fc.constantFrom('', ' ', '   '),
  }));

  it('property: cell texts never change, rows stay rows, the result is aligned and stable', () => {
    fc.assert(fc.property(table, ({ header, aligns, rows, outer, spaces }) => {
      const line = (cells: string[]) => (outer ? `|${spaces}` : '') + cells.join(`${spaces}|${spaces}`) + (outer ? `${spaces}|` : '');
      // Without outer pipes an empty first or last cell would read as an outer pipe
      // (a different table); such rows are not what a writer means, so they are left out.
      // Nor rows that Markdown reads as another block: a list item, a quote, a thematic break.
      const plain = (r: string[]) => outer || (r.length >= 2 && r[0] !== '' && r[r.length - 1] !== '' && !/^(>|[*+-](\s|$)|\d{1,9}[.)](\s|$))/.test(line(r)));
      const body = rows.filter(plain);
      if (!plain(header)) return;
      // `- | ---` would start a list item, not a table.
      if (!outer && spaces !== '' && aligns[0] === '-') return;
      const input = [line(header), line(aligns), ...body.map(line)];
      const out = formatTableLines(input);
      assert.ok(out, `not formatted: ${JSON.stringify(input)}`);
      assert.equal(out.length, input.length);
      input.forEach((l, i) => {
        if (i === 1) return;
        const before = splitRow(l);
        const after = splitRow(out[i]);
        assert.deepEqual(after.slice(0, before.length), before, `row ${i}: ${JSON.stringify(l)} → ${JSON.stringify(out[i])}`);
        assert.ok(after.slice(before.length).every((c) => c === ''));
      });
      const columns = pipeColumns(out[0]);
      for (const l of out) assert.deepEqual(pipeColumns(l).slice(0, columns.length), columns, JSON.stringify(out));
      assert.deepEqual(formatTableLines(out), out, 'formatting is idempotent');
    }), { numRuns: 500 });
  });
});
