// Finding a report's previous-year report among files read together (check,
// data, the workspace index of the editor) and loading it: carryover and
// copied-text compare a report with the same agency's report of the year before.
// Either of the two may be Markdown or a published form (PDF, Word, web page,
// copied text): `identifyFile` and `loadPreviousFile` import a published one in
// memory (load-report.ts), as `check` does, so a 2024.pdf is paired with a
// 2023.docx as a 2024.md is with a 2023.md.
import { analyze, type AnalyzeOptions } from '../engine/analyze.ts';
import { identify, pairPrevious, type Identity } from '../engine/cross/identity.ts';
import { detached } from '../engine/detach.ts';
import { textFingerprints, textHash } from '../engine/cross/shared.ts';
import type { Report } from '../engine/model.ts';
import { statSync } from 'node:fs';
import { importSources } from './import-pairs.ts';
import { loadReport } from './load-report.ts';
import { readReportText } from './report-file.ts';

/**
 * Who and when the report in a file is, for pairing it with last year's
 * (agency and year only, the agency copied: a slice of the text would keep the
 * whole file alive); undefined when the file cannot be read (check reports it).
 */
export function readIdentity(path: string): Identity | undefined {
  let identity: Identity;
  let text: string;
  try {
    text = readReportText(path);
    identity = identify(text);
  } catch {
    return undefined;
  }
  // The text's hash and sentence fingerprints pair copies and other agencies' reports sharing wording (batch.ts).
  return { agency: identity.agency === undefined ? undefined : detached(identity.agency), year: identity.year, textHash: textHash(text), prints: textFingerprints(text) };
}

/**
 * Who and when the report in a file of any form is: a published form is
 * imported in memory first (its bytes, not its name, decide the form).
 * Undefined when the file cannot be read or imported (check reports it).
 */
export async function identifyFile(path: string, maxSize?: number): Promise<Identity | undefined> {
  let text: string;
  try {
    text = (await loadReport(path, { maxSize })).text;
  } catch {
    return undefined;
  }
  const identity = identify(text);
  // The text's hash and sentence fingerprints pair copies and other agencies' reports sharing wording (batch.ts).
  return { agency: identity.agency === undefined ? undefined : detached(identity.agency), year: identity.year, textHash: textHash(text), prints: textFingerprints(text) };
}

/**
 * Each file's previous-year report among `paths` (path → path), from their
 * identities (`readIdentity`, in this order). An imported Markdown report
 * beside its published source counts as that one report (import-pairs.ts).
 */
export function pairIdentities(paths: readonly string[], identities: readonly (Identity | undefined)[]): Record<string, string> {
  const items: { path: string; identity: Identity }[] = [];
  paths.forEach((path, i) => {
    const identity = identities[i];
    if (identity) items.push({ path, identity });
  });
  return Object.fromEntries(pairPrevious(items, importSources(paths)));
}

/**
 * The previous-year report for a file, analysed with the same templates;
 * undefined when it cannot be read. `read` gives a file's text (the disk's by
 * default; the server reads through its Workspace).
 */
export function loadPreviousReport(path: string | undefined, options: Pick<AnalyzeOptions, 'templates' | 'template' | 'blankCells'>, read: (path: string) => string = readReportText): Report | undefined {
  if (!path) return undefined;
  try {
    return analyze(read(path), { templates: options.templates, template: options.template, blankCells: options.blankCells }).report;
  } catch {
    return undefined;
  }
}

/**
 * `loadPreviousReport` for a file of any form: a published previous-year
 * report (last year's PDF or Word file) is imported in memory and analysed.
 * Memoised (reportMemo): in a batch the same file is last year's report, a
 * copy, a peer or a unit of many files, and is read and analysed once.
 */
export async function loadPreviousFile(path: string | undefined, options: Pick<AnalyzeOptions, 'templates' | 'template' | 'blankCells'>, maxSize?: number): Promise<Report | undefined> {
  if (!path) return undefined;
  let key: string;
  try {
    const st = statSync(path, { bigint: true });
    // The file's identity and version: a file --fix rewrote (a new inode by rename) or edited is loaded again.
    key = [path, st.dev, st.ino, st.size, st.mtimeNs, maxSize ?? '', options.template ?? '', options.templates?.map((t) => t.id).join(',') ?? '', JSON.stringify(options.blankCells ?? null)].join('\u0000');
  } catch {
    return undefined;
  }
  const hit = reportMemo.get(key);
  if (hit) {
    // Most recently used last: the map's order is the eviction order.
    reportMemo.delete(key);
    reportMemo.set(key, hit);
    return hit.report;
  }
  let report: Report | undefined;
  try {
    reportLoads.count++;
    const loaded = await loadReport(path, { maxSize, template: options.template });
    report = analyze(loaded.text, { templates: options.templates, template: options.template, blankCells: options.blankCells }).report;
  } catch {
    report = undefined;
  }
  reportMemo.set(key, { report });
  if (reportMemo.size > MEMO_REPORTS) reportMemo.delete(reportMemo.keys().next().value!);
  return report;
}

/**
 * Reports kept analysed for other files of the batch (least recently used
 * dropped first): enough for a batch's common peers (batch.ts keeps them to the
 * first holders of each shared sentence) and a region's units, without holding
 * a province's 10,000 reports in memory.
 */
export const MEMO_REPORTS = 512;
const reportMemo = new Map<string, { report: Report | undefined }>();
/** How many times loadPreviousFile read and analysed a file (not memoised): what tests count to know each file is analysed once. */
export const reportLoads = { count: 0 };
