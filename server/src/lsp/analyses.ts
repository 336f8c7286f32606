// One analysis per document version and configuration, shared by every
// feature (diagnostics, code actions, hover, …): a keystroke is analysed once
// however many requests follow it. Analysis is synchronous; only reading the
// configuration may wait for the client. The documents edited last keep an
// incremental parser, so a keystroke re-parses only the block it touched.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../engine/analyze.ts';
import { IncrementalParser } from '../engine/parse/incremental.ts';
import type { Report } from '../engine/model.ts';
import type { Rule } from '../engine/rules/rule.ts';
import type { ConfigStore, DocumentConfig } from './document-config.ts';
import { withBaseline } from './baseline.ts';

/** Why a Markdown document has no analysis: the user is told with one notice instead of diagnostics. */
export type NotChecked =
  | { reason: 'too-large'; size: number; limit: number }
  | { reason: 'engine-failed' };

export interface Checked {
  doc: TextDocument;
  config: DocumentConfig;
  /** Undefined when the document was too large or the engine failed on it. */
  analysis?: Analysis;
  /** A Markdown report (or listed in `files`): it gets diagnostics and the report features. */
  active: boolean;
  /** Set when a Markdown document was not analysed. */
  notChecked?: NotChecked;
}

export type AnalyzeFn = typeof analyze;

interface Entry {
  version: number;
  config: DocumentConfig;
  previous: Report | undefined;
  checked: Checked;
}

/**
 * Documents that keep their parse pieces between versions: the ones being
 * typed in. Each holds about 15 bytes of tree per byte of text, so keeping
 * them for every open report would break the 200 MB budget for 200 reports.
 */
export const INCREMENTAL_DOCUMENTS = 8;

export function isMarkdown(doc: TextDocument): boolean {
  return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri);
}

export class Analyses {
  private readonly entries = new Map<string, Entry>();
  private readonly logged = new Set<string>();
  /** Most recently analysed last (Map keeps insertion order). */
  private readonly parsers = new Map<string, IncrementalParser>();
  /** The same agency's previous-year report for a document (workspace-index.ts): carryover, copied-text. */
  previousFor?: (doc: TextDocument, config: DocumentConfig) => Report | undefined;

  constructor(
    private readonly configs: ConfigStore,
    private readonly log: (message: string) => void,
    private readonly extraRules: readonly Rule[] = [],
    private readonly analyzeFn: AnalyzeFn = analyze,
  ) {}

  /** Documents with a cached analysis (tests check that closing forgets them). */
  get size(): number {
    return this.entries.size;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.parsers.delete(uri);
    for (const key of [...this.logged]) if (key.startsWith(uri + '\u0000')) this.logged.delete(key);
  }

  async get(doc: TextDocument): Promise<Checked> {
    const config = await this.configs.get(doc.uri);
    return this.getWith(doc, config);
  }

  /** The analysis of `doc` as it is now, under `config`; synchronous. */
  getWith(doc: TextDocument, config: DocumentConfig): Checked {
    const previous = this.previous(doc, config);
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version && hit.config === config && hit.previous === previous && hit.checked.doc === doc) return hit.checked;
    const checked = this.run(doc, config, previous);
    this.entries.set(doc.uri, { version: doc.version, config, previous, checked });
    return checked;
  }

  private previous(doc: TextDocument, config: DocumentConfig): Report | undefined {
    if (!this.previousFor || !isMarkdown(doc)) return undefined;
    try {
      return this.previousFor(doc, config);
    } catch (error) {
      this.logOnce(doc.uri, 'previous', `nianbao: finding the previous-year report of ${doc.uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return undefined;
    }
  }

  private run(doc: TextDocument, config: DocumentConfig, previous: Report | undefined): Checked {
    if (!isMarkdown(doc)) return { doc, config, active: false };
    const text = doc.getText();
    // Bytes, as the CLI counts them; UTF-8 of CJK is 3 bytes a character.
    const size = Buffer.byteLength(text, 'utf8');
    if (size > config.maxFileSize) {
      this.logOnce(doc.uri, 'size', `nianbao: ${doc.uri} is larger than maxFileSize (${config.maxFileSize} bytes): not checked`);
      return { doc, config, active: false, notChecked: { reason: 'too-large', size, limit: config.maxFileSize } };
    }
    let analysis: Analysis;
    try {
      analysis = this.analyzeFn(text, { ...config.analyze, extraRules: this.extraRules, previous, parser: this.entries.has(doc.uri) ? this.parserFor(doc.uri) : undefined });
    } catch (error) {
      // A stack overflow or any other engine error: logged, the document gets a notice, the server goes on.
      this.logOnce(doc.uri, 'engine', `nianbao: analysis of ${doc.uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return { doc, config, active: false, notChecked: { reason: 'engine-failed' } };
    }
    // Findings a baseline accepted are left out here, so diagnostics, code actions and fix-all all agree.
    analysis = withBaseline(analysis, config.baseline);
    for (const f of analysis.failures) this.logOnce(doc.uri, f.ruleId, `nianbao: rule ${f.ruleId} failed on ${doc.uri}; its findings are missing, the other rules still report.\n${f.error}`);
    return { doc, config, analysis, active: analysis.isReport || config.listed };
  }

  // Only a document analysed before (being edited) gets a parser: opening
  // hundreds of reports parses each once, keeping and copying no trees.
  private parserFor(uri: string): IncrementalParser {
    const parser = this.parsers.get(uri) ?? new IncrementalParser();
    this.parsers.delete(uri);
    this.parsers.set(uri, parser);
    if (this.parsers.size > INCREMENTAL_DOCUMENTS) this.parsers.delete(this.parsers.keys().next().value!);
    return parser;
  }

  /** Documents holding parse pieces (tests check the bound). */
  get incrementalDocuments(): number {
    return this.parsers.size;
  }

  /** A rule failing on every keystroke is logged once per document, not once per keystroke. */
  private logOnce(uri: string, what: string, message: string): void {
    const key = uri + '\u0000' + what + '\u0000' + message.split('\n')[0];
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.log(message);
  }
}
