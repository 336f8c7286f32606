// What a rule is: an id, a default severity, a one-line description in both
// languages, and a check over the report model. Rules never throw at the
// caller: analyze() isolates each one.
import type { Diagnostic, Fix, Related, Severity, Text2 } from '../types.ts';
import type { ImportFacts, Report } from '../model.ts';
import type { Range } from '../types.ts';
import type { CheckSettings } from '../settings.ts';
import type { Unit } from '../cross/rollup.ts';

/** Where each rule's page is (docs/rules/<id>.md): the editor's diagnostic links and SARIF's helpUri. */
export const RULE_DOCS_URL = 'https://github.com/nianbao/nianbao/blob/main/docs/rules/';

export interface Finding {
  message: Text2;
  range: Range;
  fix?: Fix;
  related?: Related[];
}

/** Another report of the batch or workspace that this one is compared with. */
export interface OtherReport {
  /** How the user names the file (a path as given, or a workspace-relative path). */
  path: string;
  report: Report;
  /** Same agency and year: another copy of this report. Else another agency's report of the same year. */
  sameReport: boolean;
  /**
   * Set when this report and the other are an imported Markdown report and the
   * published file it was imported from (the host knows it from their names):
   * what the other one is. Not two published copies (copy-identical is silent).
   */
  importPair?: 'source' | 'import';
}

export interface RuleContext {
  report: Report;
  /** The same agency's previous-year report, when the caller found one (carryover, copied-text). */
  previous?: Report;
  /** What the import of a published form found (import-short-row), when the text was imported. */
  imported?: ImportFacts;
  /** Copies of this report and other agencies' reports of the same year (copy-identical, copy-differs, shared-text). */
  others: readonly OtherReport[];
  /**
   * When this is a region's report declared in the configuration: its units'
   * reports found, and the units declared but not found (rollup-mismatch,
   * rollup-incomplete).
   */
  rollup?: { units: readonly Unit[]; missing: readonly string[] };
  /** Thresholds and lists set by the user (settings.ts has the defaults). */
  checks: CheckSettings;
  emit(finding: Finding): void;
}

export interface Rule {
  id: string;
  severity: Severity;
  description: Text2;
  /**
   * What the rule compares the report with, when not the report alone: without
   * it the rule is silent, and its silence proves nothing (a disable comment
   * naming it is then not called unused).
   */
  needs?: 'previous' | 'imported' | 'others' | 'rollup';
  check(ctx: RuleContext): void;
}

export type { Diagnostic };
