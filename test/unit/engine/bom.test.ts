// A byte order mark at the start of the text (as some editors and LSP clients
// send it) is one character of the text: every finding stays on its own text,
// one character further on, and the report is still read as a report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { fixture } from '../../support/engine.ts';

test('a leading BOM shifts every finding by one character and changes nothing else', () => {
  for (const name of ['total-row', 'table-row-label', 'section-missing-2019', 'cell-empty']) {
    const text = fixture(`test/fixtures/rules/${name}.md`);
    const plain = analyze(text);
    const bom = analyze('\ufeff' + text);
    assert.equal(bom.isReport, true, name);
    assert.equal(bom.report.title?.text, plain.report.title?.text, name);
    const shown = (a: typeof plain, shift: number) => a.diagnostics.map((d) => `${d.ruleId} ${d.range.start + shift}-${d.range.end + shift} ${d.message.zh}`);
    assert.deepEqual(shown(bom, 0), shown(plain, 1), name);
    assert.ok(plain.diagnostics.length > 0, `${name} has findings`);
    for (const d of bom.diagnostics) {
      // The fix edits the same text as without the BOM.
      for (const e of d.fix?.edits ?? []) assert.equal(('\ufeff' + text).slice(e.range.start, e.range.end), text.slice(e.range.start - 1, e.range.end - 1), `${name}: ${d.message.zh}`);
    }
  }
});
