// Finding a report's previous-year report among files read together (check,
// data, the workspace index of the editor) and loading it: carryover and
// copied-text compare a report with the same agency's report of the year before.
import { analyze, type AnalyzeOptions } from '../engine/analyze.ts';
import { identify, pairPrevious, type Identity } from '../engine/cross/identity.ts';
import { detached } from '../engine/detach.ts';
import type { Report } from '../engine/model.ts';
import { readReportText } from './report-file.ts';

/**
 * Who and when the report in a file is, for pairing it with last year's
 * (agency and year only, the agency copied: a slice of the text would keep the
 * whole file alive); undefined when the file cannot be read (check reports it).
 */
export function readIdentity(path: string): Identity | undefined {
  let identity: Identity;
  try {
    identity = identify(readReportText(path));
  } catch {
    return undefined;
  }
  return { agency: identity.agency === undefined ? undefined : detached(identity.agency), year: identity.year };
}

/** Each file's previous-year report among `paths` (path → path), from their identities (`readIdentity`, in this order). */
export function pairIdentities(paths: readonly string[], identities: readonly (Identity | undefined)[]): Record<string, string> {
  const items: { path: string; identity: Identity }[] = [];
  paths.forEach((path, i) => {
    const identity = identities[i];
    if (identity) items.push({ path, identity });
  });
  return Object.fromEntries(pairPrevious(items));
}

/**
 * First, cheap pass over the files checked together: read each one's title,
 * agency and year, and map each file to the same agency's file for the year
 * before (path → path). Unreadable files are left out (check reports them).
 */
export function previousIndex(paths: readonly string[]): Record<string, string> {
  return pairIdentities(paths, paths.map(readIdentity));
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
