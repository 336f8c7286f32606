// The server's analyses are incremental (one IncrementalParser per document
// being edited) and must equal a full analysis of the same text after every
// edit of a seeded random sequence; the number of documents holding parse
// pieces stays bounded, and closing a document forgets its pieces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { Analyses, INCREMENTAL_DOCUMENTS } from '../../../server/src/lsp/analyses.ts';
import { ConfigStore } from '../../../server/src/lsp/document-config.ts';
import { generateReport } from '../../../bench/generate.ts';
import { Rng } from '../../../bench/rng.ts';
import { budget } from '../../support/budget.ts';

const TYPED = ['一', '0', '7', '|', ' ', '\n', '\n\n', '- ', '# ', '| 1 | 2 |\n', '（七）总计', '9'];

function setup() {
  const configs = new ConfigStore({ log: () => {} });
  const analyses = new Analyses(configs, () => {});
  return { configs, analyses };
}

/** One editor change: an insertion, a deletion or a line cut, as an LSP range edit. */
function change(rng: Rng, doc: TextDocument) {
  const text = doc.getText();
  const at = rng.int(0, text.length);
  const roll = rng.next();
  if (roll < 0.55) return { range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: rng.pick(TYPED) };
  if (roll < 0.85) return { range: { start: doc.positionAt(at), end: doc.positionAt(Math.min(text.length, at + rng.int(1, 8))) }, text: '' };
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  return { range: { start: doc.positionAt(start), end: doc.positionAt(nl === -1 ? text.length : nl + 1) }, text: '' };
}

test('random edit sequences: the incremental analysis equals a full analysis after every edit', async () => {
  const { configs, analyses } = setup();
  for (let seq = 1; seq <= budget(2, 4); seq++) {
    const rng = new Rng(7700 + seq);
    const uri = `file:///edit-${seq}.md`;
    let doc = TextDocument.create(uri, 'markdown', 1, generateReport(300 + seq, { bytes: 8000, errors: ['wrong-total', 'label-typo'] }).text);
    const config = await configs.get(uri);
    analyses.getWith(doc, config);
    for (let step = 0; step < 40; step++) {
      doc = TextDocument.update(doc, [change(rng, doc)], doc.version + 1);
      const checked = analyses.getWith(doc, config);
      const full = analyze(doc.getText(), config.analyze);
      assert.deepStrictEqual(checked.analysis?.diagnostics, full.diagnostics, `sequence ${seq}, step ${step}`);
      assert.deepStrictEqual(checked.analysis?.report.tables, full.report.tables, `sequence ${seq}, step ${step}`);
    }
  }
});

test(`parse pieces are kept for the last ${INCREMENTAL_DOCUMENTS} documents edited, none for documents only opened, and dropped on close`, async () => {
  const { configs, analyses } = setup();
  const text = generateReport(11, { bytes: 5000 }).text;
  // Opening alone keeps nothing: a document gets its parser when it is analysed again (edited).
  for (let i = 0; i < INCREMENTAL_DOCUMENTS + 5; i++) {
    const uri = `file:///many-${i}.md`;
    analyses.getWith(TextDocument.create(uri, 'markdown', 1, text), await configs.get(uri));
  }
  assert.equal(analyses.incrementalDocuments, 0);
  for (let i = 0; i < INCREMENTAL_DOCUMENTS + 5; i++) {
    const uri = `file:///many-${i}.md`;
    analyses.getWith(TextDocument.create(uri, 'markdown', 2, text + '本'), await configs.get(uri));
  }
  assert.equal(analyses.incrementalDocuments, INCREMENTAL_DOCUMENTS);
  analyses.forget(`file:///many-${INCREMENTAL_DOCUMENTS + 4}.md`);
  assert.equal(analyses.incrementalDocuments, INCREMENTAL_DOCUMENTS - 1);
  // A document whose pieces were dropped is analysed in full, with the same result.
  const uri = 'file:///many-0.md';
  const doc = TextDocument.create(uri, 'markdown', 3, text + '\n本');
  assert.deepStrictEqual(analyses.getWith(doc, await configs.get(uri)).analysis?.diagnostics, analyze(doc.getText()).diagnostics);
});
