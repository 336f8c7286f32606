// One analysis per document version and configuration, shared by every
// feature (diagnostics, code actions, hover, …): a keystroke is analysed once
// however many requests follow it. Analysis is synchronous; only reading the
// configuration may wait for the client.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../engine/analyze.ts';
import type { Rule } from '../engine/rules/rule.ts';
import type { ConfigStore, DocumentConfig } from './config.ts';

export interface Checked {
  doc: TextDocument;
  config: DocumentConfig;
  /** Undefined when the document was too large or the engine failed on it. */
  analysis?: Analysis;
  /** A Markdown report (or listed in `files`): it gets diagnostics and the report features. */
  active: boolean;
}

interface Entry {
  version: number;
  config: DocumentConfig;
  checked: Checked;
}

export function isMarkdown(doc: TextDocument): boolean {
  return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri);
}

export class Analyses {
  private readonly entries = new Map<string, Entry>();
  private readonly logged = new Set<string>();

  constructor(
    private readonly configs: ConfigStore,
    private readonly log: (message: string) => void,
    private readonly extraRules: readonly Rule[] = [],
  ) {}

  forget(uri: string): void {
    this.entries.delete(uri);
    for (const key of [...this.logged]) if (key.startsWith(uri + '\u0000')) this.logged.delete(key);
  }

  async get(doc: TextDocument): Promise<Checked> {
    const config = await this.configs.get(doc.uri);
    return this.getWith(doc, config);
  }

  /** The analysis of `doc` as it is now, under `config`; synchronous. */
  getWith(doc: TextDocument, config: DocumentConfig): Checked {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version && hit.config === config && hit.checked.doc === doc) return hit.checked;
    const checked = this.run(doc, config);
    this.entries.set(doc.uri, { version: doc.version, config, checked });
    return checked;
  }

  private run(doc: TextDocument, config: DocumentConfig): Checked {
    if (!isMarkdown(doc)) return { doc, config, active: false };
    const text = doc.getText();
    // Bytes, as the CLI counts them; UTF-8 of CJK is 3 bytes a character.
    if (Buffer.byteLength(text, 'utf8') > config.maxFileSize) return { doc, config, active: false };
    let analysis: Analysis;
    try {
      analysis = analyze(text, { ...config.analyze, extraRules: this.extraRules });
    } catch (error) {
      this.logOnce(doc.uri, 'engine', `nianbao: analysis of ${doc.uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return { doc, config, active: false };
    }
    for (const f of analysis.failures) this.logOnce(doc.uri, f.ruleId, `nianbao: rule ${f.ruleId} failed on ${doc.uri}; its findings are missing, the other rules still report.\n${f.error}`);
    return { doc, config, analysis, active: analysis.isReport || config.listed };
  }

  /** A rule failing on every keystroke is logged once per document, not once per keystroke. */
  private logOnce(uri: string, what: string, message: string): void {
    const key = uri + '\u0000' + what + '\u0000' + message.split('\n')[0];
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.log(message);
  }
}
