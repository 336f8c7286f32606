// One analysis per document version and configuration, shared by every
// feature (diagnostics, code actions, hover, …): a keystroke is analysed once
// however many requests follow it. The documents edited last keep an
// incremental parser, so a keystroke re-parses only the block it touched.
//
// Reports (up to REMOTE_MIN_BYTES) are analysed here, synchronously: a few
// milliseconds. Larger documents (a county's compendium of many reports)
// are analysed on the analysis thread (remote-analysis.ts), within a time
// budget, so that the server keeps answering for every other document while
// they are checked.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis, type AnalyzeOptions } from '../engine/analyze.ts';
import { IncrementalParser } from '../engine/parse/incremental.ts';
import type { Report } from '../engine/model.ts';
import type { Rule } from '../engine/rules/rule.ts';
import type { ConfigStore, DocumentConfig } from './document-config.ts';
import { withBaseline } from './baseline.ts';
import { summarize, type PublishedSummary } from './published.ts';
import type { RemoteAnalyzer } from './remote-analysis.ts';

/** Why a Markdown document has no analysis: the user is told with one notice instead of diagnostics. */
export type NotChecked =
  | { reason: 'too-large'; size: number; limit: number }
  | { reason: 'engine-failed' }
  | { reason: 'too-slow'; limitMs: number };

export interface Checked {
  doc: TextDocument;
  config: DocumentConfig;
  /** Undefined when the document was too large or the engine failed on it. */
  analysis?: Analysis;
  /** A Markdown report (or listed in `files`): it gets diagnostics and the report features. */
  active: boolean;
  /** Set when a Markdown document was not analysed. */
  notChecked?: NotChecked;
  /** What is published for the analysis (at most MAX_PUBLISHED diagnostics) and the counts by severity. */
  summary?: PublishedSummary;
}

export type AnalyzeFn = typeof analyze;

/** What a document is compared with (workspace-index.ts): the analyze() options the cross rules read. */
export type CrossInputs = Pick<AnalyzeOptions, 'previous' | 'others' | 'rollup'>;

interface Pending {
  version: number;
  config: DocumentConfig;
  inputs: CrossInputs | undefined;
  doc: TextDocument;
  promise: Promise<Checked>;
}

interface Entry {
  version: number;
  config: DocumentConfig;
  inputs: CrossInputs | undefined;
  checked: Checked;
}

/**
 * Documents that keep their parse pieces between versions: the ones being
 * typed in. Each holds about 15 bytes of tree per byte of text, so keeping
 * them for every open report would break the 200 MB budget for 200 reports.
 */
export const INCREMENTAL_DOCUMENTS = 8;

/**
 * Documents larger than this (UTF-8 bytes) are analysed on the analysis
 * thread. The largest real reports are about 60 KB and take milliseconds; a
 * 1 MB compendium takes seconds, which the server's thread must not wait for.
 */
export const REMOTE_MIN_BYTES = 128 * 1024;

export function isMarkdown(doc: TextDocument): boolean {
  return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri);
}

export class Analyses {
  private readonly entries = new Map<string, Entry>();
  /** Analyses running or waiting on the analysis thread, per document. */
  private readonly pending = new Map<string, Pending>();
  private readonly logged = new Set<string>();
  /** Most recently analysed last (Map keeps insertion order). */
  private readonly parsers = new Map<string, IncrementalParser>();
  /**
   * What a document is compared with (workspace-index.ts): the same agency's
   * previous-year report (carryover, copied-text), its copies and other
   * agencies' reports (copy-*, shared-text), a region's units (rollup-*).
   * The same object while none of them changes: analyses are cached by it.
   */
  crossFor?: (doc: TextDocument, config: DocumentConfig) => CrossInputs | undefined;

  constructor(
    private readonly configs: ConfigStore,
    private readonly log: (message: string) => void,
    private readonly extraRules: readonly Rule[] = [],
    private readonly analyzeFn: AnalyzeFn = analyze,
    /** The analysis thread for large documents; without it every document is analysed here. */
    private readonly remote?: RemoteAnalyzer,
  ) {}

  /** Documents with a cached analysis (tests check that closing forgets them). */
  get size(): number {
    return this.entries.size;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.pending.delete(uri);
    this.remote?.forget(uri);
    this.parsers.delete(uri);
    for (const key of [...this.logged]) if (key.startsWith(uri + '\u0000')) this.logged.delete(key);
  }

  async get(doc: TextDocument): Promise<Checked> {
    const config = await this.configs.get(doc.uri);
    return this.check(doc, config);
  }

  /**
   * The analysis of `doc` at its version now, under `config`: at once for a
   * report, from the analysis thread for a large document (requests that ask
   * meanwhile share the same analysis).
   */
  check(doc: TextDocument, config: DocumentConfig): Checked | Promise<Checked> {
    if (!this.remote || !this.isRemote(doc, config)) return this.getWith(doc, config);
    const inputs = this.inputs(doc, config);
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version && hit.config === config && hit.inputs === inputs && hit.checked.doc === doc) return hit.checked;
    const waiting = this.pending.get(doc.uri);
    if (waiting && waiting.version === doc.version && waiting.config === config && waiting.inputs === inputs && waiting.doc === doc) return waiting.promise;
    const version = doc.version;
    const text = doc.getText();
    const remote = this.remote;
    const promise = remote
      .analyze({ uri: doc.uri, text, options: { ...config.analyze, ...inputs }, baseline: config.baseline, budgetMs: config.maxAnalysisTime })
      .then((result): Checked | Promise<Checked> => {
        if (this.pending.get(doc.uri)?.promise === promise) this.pending.delete(doc.uri);
        let checked: Checked;
        if (result.kind === 'done') {
          const analysis = result.analysis;
          for (const f of analysis.failures) this.logOnce(doc.uri, f.ruleId, `nianbao: rule ${f.ruleId} failed on ${doc.uri}; its findings are missing, the other rules still report.\n${f.error}`);
          checked = { doc, config, analysis, active: analysis.isReport || config.listed, summary: result.summary };
        } else if (result.kind === 'timed-out') {
          this.log(`nianbao: analysis of ${doc.uri} (version ${version}) took longer than maxAnalysisTime (${result.budgetMs / 1000} s): stopped`);
          checked = { doc, config, active: false, notChecked: { reason: 'too-slow', limitMs: result.budgetMs } };
        } else if (result.kind === 'failed') {
          this.logOnce(doc.uri, 'engine', `nianbao: analysis of ${doc.uri} failed: ${result.error}`);
          checked = { doc, config, active: false, notChecked: { reason: 'engine-failed' } };
        } else {
          // Dropped for a newer version (whoever asked is answered from that one) or the document was closed.
          return this.pending.get(doc.uri)?.promise ?? { doc, config, active: false };
        }
        // Kept only while it is the document's version (TextDocument objects change in place).
        if (doc.version === version) this.entries.set(doc.uri, { version, config, inputs, checked });
        return checked;
      });
    this.pending.set(doc.uri, { version, config, inputs, doc, promise });
    return promise;
  }

  private isRemote(doc: TextDocument, config: DocumentConfig): boolean {
    if (!isMarkdown(doc)) return false;
    const text = doc.getText();
    // UTF-8 is at most 3 bytes per UTF-16 unit: most documents need no count.
    if (text.length * 3 <= REMOTE_MIN_BYTES) return false;
    const size = Buffer.byteLength(text, 'utf8');
    return size > REMOTE_MIN_BYTES && size <= config.maxFileSize;
  }

  /** The analysis of `doc` as it is now, under `config`, on this thread. */
  getWith(doc: TextDocument, config: DocumentConfig): Checked {
    const inputs = this.inputs(doc, config);
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version && hit.config === config && hit.inputs === inputs && hit.checked.doc === doc) return hit.checked;
    const checked = this.run(doc, config, inputs);
    this.entries.set(doc.uri, { version: doc.version, config, inputs, checked });
    return checked;
  }

  private inputs(doc: TextDocument, config: DocumentConfig): CrossInputs | undefined {
    if (!this.crossFor || !isMarkdown(doc)) return undefined;
    try {
      return this.crossFor(doc, config);
    } catch (error) {
      this.logOnce(doc.uri, 'previous', `nianbao: finding the reports to compare ${doc.uri} with failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return undefined;
    }
  }

  private run(doc: TextDocument, config: DocumentConfig, inputs: CrossInputs | undefined): Checked {
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
      analysis = this.analyzeFn(text, { ...config.analyze, extraRules: this.extraRules, ...inputs, parser: this.entries.has(doc.uri) ? this.parserFor(doc.uri) : undefined });
    } catch (error) {
      // A stack overflow or any other engine error: logged, the document gets a notice, the server goes on.
      this.logOnce(doc.uri, 'engine', `nianbao: analysis of ${doc.uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return { doc, config, active: false, notChecked: { reason: 'engine-failed' } };
    }
    // Findings a baseline accepted are left out here, so diagnostics, code actions and fix-all all agree.
    analysis = withBaseline(analysis, config.baseline);
    for (const f of analysis.failures) this.logOnce(doc.uri, f.ruleId, `nianbao: rule ${f.ruleId} failed on ${doc.uri}; its findings are missing, the other rules still report.\n${f.error}`);
    return { doc, config, analysis, active: analysis.isReport || config.listed, summary: summarize(analysis.diagnostics) };
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
