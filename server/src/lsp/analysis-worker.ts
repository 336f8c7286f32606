// The language server's analysis thread: large documents are analysed here so
// that the server's own thread keeps answering hover, completion and outline
// requests for every other document while a compendium of hundreds of
// reports is checked (remote-analysis.ts is the other side).
//
// What goes back: what is published (at most 1,000 diagnostics, published.ts)
// and the failures as they are, the report's small head (title, year,
// template…) as it is, and the large rest (every diagnostic, sections, table
// models, stray rows, the Markdown tables' ranges) as one v8-serialized
// buffer, transferred without a copy and read on the server's thread only if
// a feature of that very document asks for it: a compendium's 15,000
// findings would otherwise cost the server's thread most of a second. The text does not go back (the server has it) and
// the Markdown tables go back without their rows: the features read their
// ranges and table ids only, and the rows are most of a compendium's model.
import { serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { analyze, type Analysis, type AnalyzeOptions, type RuleFailure } from '../engine/analyze.ts';
import type { Report } from '../engine/model.ts';
import { IncrementalParser } from '../engine/parse/incremental.ts';
import { summarize, type PublishedSummary } from './published.ts';
import { withBaseline } from './baseline.ts';
import type { BaselineEntry } from '../engine/baseline.ts';
import { testAnalyze } from './test-hooks.ts';
import { testRules } from './test-rules.ts';

export interface AnalysisRequest {
  type: 'analyze';
  id: number;
  uri: string;
  text: string;
  /** The document's settings and what it is compared with (reports are cloned to this thread). */
  options: Pick<AnalyzeOptions, 'templates' | 'template' | 'rules' | 'blankCells' | 'checks' | 'previous' | 'others' | 'rollup'>;
  /** Findings a baseline accepted (docs/baseline.md): left out here, as on the server's thread. */
  baseline?: BaselineEntry[];
}

export interface ForgetRequest {
  type: 'forget';
  uri: string;
}

/** The report without its text and its large parts. */
export type ReportHead = Omit<Report, 'text' | ReportBodyKey>;
export type ReportBodyKey = 'sections' | 'tables' | 'rawTables' | 'strayRows';
export const REPORT_BODY_KEYS: readonly ReportBodyKey[] = ['sections', 'tables', 'rawTables', 'strayRows'];
/** What the serialized body holds. */
export type AnalysisBody = Pick<Report, ReportBodyKey> & { diagnostics: Analysis['diagnostics'] };

export type AnalysisReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; summary: PublishedSummary; suppressed: Analysis['suppressed']; failures: RuleFailure[]; isReport: boolean; head: ReportHead; body: Uint8Array }
  | { type: 'failed'; id: number; error: string };

/**
 * Documents the thread keeps parse pieces for, so an edit re-parses only the
 * blocks it touched, and the largest text it keeps them for: pieces cost
 * about 15 bytes per byte of text.
 */
const KEPT_PARSERS = 2;
const KEPT_PARSER_MAX_CHARS = 2 * 1024 * 1024;

export function runAnalysisWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runAnalysisWorker: not in a worker thread');
  const analyzeFn = testAnalyze(analyze);
  const extraRules = testRules();
  const parsers = new Map<string, IncrementalParser>();

  function parserFor(uri: string, text: string): IncrementalParser | undefined {
    const kept = parsers.get(uri);
    parsers.delete(uri);
    if (text.length > KEPT_PARSER_MAX_CHARS) return undefined;
    const parser = kept ?? new IncrementalParser();
    parsers.set(uri, parser);
    if (parsers.size > KEPT_PARSERS) parsers.delete(parsers.keys().next().value!);
    return parser;
  }

  port.on('message', (m: AnalysisRequest | ForgetRequest) => {
    if (m.type === 'forget') {
      parsers.delete(m.uri);
      return;
    }
    let reply: AnalysisReply;
    let transfer: ArrayBuffer[] = [];
    try {
      const analysis = withBaseline(analyzeFn(m.text, { ...m.options, extraRules, parser: parserFor(m.uri, m.text) }), m.baseline);
      const { text: _text, sections, tables, rawTables, strayRows, ...head } = analysis.report;
      const parts: AnalysisBody = { diagnostics: analysis.diagnostics, sections, tables, rawTables: rawTables.map((t) => ({ range: t.range, tableIds: t.tableIds, rows: [] })), strayRows };
      const body = serialize(parts);
      // A Buffer may be a view of a larger pool: transfer a buffer of its own.
      const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? new Uint8Array(body.buffer) : new Uint8Array(body);
      transfer = [own.buffer as ArrayBuffer];
      reply = { type: 'done', id: m.id, summary: summarize(analysis.diagnostics), suppressed: analysis.suppressed, failures: analysis.failures, isReport: analysis.isReport, head, body: own };
    } catch (error) {
      parsers.delete(m.uri);
      reply = { type: 'failed', id: m.id, error: error instanceof Error ? error.stack ?? error.message : String(error) };
    }
    port.postMessage(reply, transfer);
  });
  port.postMessage({ type: 'ready' } satisfies AnalysisReply);
}
