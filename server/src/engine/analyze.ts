// The engine's entry point: text in, report model and diagnostics out. Pure:
// no file system, no editor. The CLI and the language server both call this.
import type { Root } from 'mdast';
import type { ImportFacts, Report } from './model.ts';
import type { BlankCellPolicy } from './parse/blanks.ts';
import type { IncrementalParser } from './parse/incremental.ts';
import { buildReport, isReport } from './parse/report.ts';
import { rules as allRules, type Rule } from './rules/index.ts';
import type { OtherReport, RuleContext } from './rules/rule.ts';
import { builtinTemplates } from './templates/builtin.ts';
import type { Template } from './templates/template.ts';
import type { Diagnostic, SeveritySetting } from './types.ts';
import { applyDirectives, parseDirectives } from './inline-config.ts';
import disableUnused, { unusedFinding } from './rules/disable-unused.ts';
import disableUnknownRule, { unknownFinding } from './rules/disable-unknown-rule.ts';
import type { CheckSettings } from './settings.ts';

export interface AnalyzeOptions {
  templates?: readonly Template[];
  /** Force a template id (2019, 2021, or a user template's id). */
  template?: string;
  /** Severity per rule id; 'off' disables. */
  rules?: Readonly<Record<string, SeveritySetting>>;
  /** Extra rules (tests use this to prove a throwing rule does not stop the others). */
  extraRules?: readonly Rule[];
  root?: Root;
  /**
   * The report already built from this same text with these templates and
   * blank-cell policy (buildReport): a batch builds each file's report once,
   * whether it is first needed as another file's peer or for its own check.
   */
  report?: Report;
  /**
   * The document's incremental parser: only the pieces an edit touched are
   * parsed again; the result is the same as a full analysis.
   */
  parser?: IncrementalParser;
  /** The same agency's previous-year report, built by the caller with analyze(): for carryover and copied-text. */
  previous?: Report | undefined;
  /** How blank cells are read: as 0 in a table that writes no zero (default), or each as a missing figure. */
  blankCells?: BlankCellPolicy;
  /** What the import found, when the text was imported from a published form (import-short-row). */
  imported?: ImportFacts;
  /** Copies of this report and other agencies' reports of the same year, built by the caller with analyze(). */
  others?: readonly OtherReport[];
  /** A region's units (reports built by the caller with analyze()) and the units not found: rollup-mismatch. */
  rollup?: RuleContext['rollup'];
  /** Thresholds and lists of the checks that judge with one (settings.ts). */
  checks?: CheckSettings;
}

export interface RuleFailure {
  ruleId: string;
  error: string;
}

export interface Analysis {
  report: Report;
  isReport: boolean;
  diagnostics: Diagnostic[];
  /** Findings accepted by a `<!-- nianbao-disable -->` comment in the report (inline-config.ts): not in `diagnostics`. */
  suppressed: Diagnostic[];
  /** Rules that threw; their findings are missing, the others are complete. */
  failures: RuleFailure[];
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const templates = options.templates ?? builtinTemplates;
  const report = options.report ?? buildReport(text, { templates, template: options.template, root: options.root, parser: options.parser, blankCells: options.blankCells });
  let diagnostics: Diagnostic[] = [];
  const failures: RuleFailure[] = [];
  const all = [...allRules, ...(options.extraRules ?? [])];
  const unjudged = new Set<string>();
  for (const rule of all) {
    const setting = options.rules?.[rule.id] ?? rule.severity;
    if (setting === 'off' || (rule.needs === 'previous' && !options.previous) || (rule.needs === 'imported' && !options.imported) || (rule.needs === 'others' && !options.others?.length) || (rule.needs === 'rollup' && !options.rollup)) unjudged.add(rule.id);
    if (setting === 'off') continue;
    try {
      rule.check({
        report,
        previous: options.previous,
        imported: options.imported,
        checks: options.checks ?? {},
        others: options.others ?? [],
        rollup: options.rollup,
        emit: (f) => diagnostics.push({ ruleId: rule.id, severity: setting, ...f }),
      });
    } catch (error) {
      unjudged.add(rule.id);
      failures.push({ ruleId: rule.id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  }
  // The report's own disable comments, then the findings about those comments (never suppressed by one).
  let suppressed: Diagnostic[] = [];
  const directives = parseDirectives(text);
  if (directives.length) {
    const inline = applyDirectives(text, directives, diagnostics, { known: all.map((r) => r.id), unjudged });
    diagnostics = inline.kept;
    suppressed = inline.suppressed;
    const unusedLevel = options.rules?.[disableUnused.id] ?? disableUnused.severity;
    if (unusedLevel !== 'off') for (const u of inline.unused) diagnostics.push({ ruleId: disableUnused.id, severity: unusedLevel, ...unusedFinding(text, u) });
    const unknownLevel = options.rules?.[disableUnknownRule.id] ?? disableUnknownRule.severity;
    if (unknownLevel !== 'off') for (const u of inline.unknown) diagnostics.push({ ruleId: disableUnknownRule.id, severity: unknownLevel, ...unknownFinding(u) });
  }
  diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
  return { report, isReport: isReport(report), diagnostics, suppressed, failures };
}

export { allRules as rules };
