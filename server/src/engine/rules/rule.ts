// What a rule is: an id, a default severity, a one-line description in both
// languages, and a check over the report model. Rules never throw at the
// caller: analyze() isolates each one.
import type { Diagnostic, Fix, Related, Severity, Text2 } from '../types.ts';
import type { ImportFacts, Report } from '../model.ts';
import type { Range } from '../types.ts';
import type { CheckSettings } from '../settings.ts';

/** Where each rule's page is (docs/rules/<id>.md): the editor's diagnostic links and SARIF's helpUri. */
export const RULE_DOCS_URL = 'https://github.com/nianbao/nianbao/blob/main/docs/rules/';

export interface Finding {
  message: Text2;
  range: Range;
  fix?: Fix;
  related?: Related[];
}

export interface RuleContext {
  report: Report;
  /** The same agency's previous-year report, when the caller found one (carryover, copied-text). */
  previous?: Report;
  /** What the import of a published form found (import-short-row), when the text was imported. */
  imported?: ImportFacts;
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
  needs?: 'previous' | 'imported';
  check(ctx: RuleContext): void;
}

export type { Diagnostic };
