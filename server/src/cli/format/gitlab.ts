// GitLab Code Quality (artifacts:reports:codequality): a JSON array of issues,
// each with a description, the rule id as check_name, a fingerprint that stays
// the same from run to run (fingerprint.ts: what the finding is about, not its
// line), a severity and the file and line. GitLab compares the fingerprints of
// the merge request's pipeline with the target branch's to show what is new
// and what was fixed. A file that could not be read is an issue too, so the
// widget does not show a clean report for it. Streamed, one issue a line.
import { createHash } from 'node:crypto';
import type { FileResult, OutDiagnostic } from '../check-file.ts';
import type { Formatter, FormatterIO } from './formatter.ts';
import { repoPath } from '../fingerprint.ts';
import { sourceLocation } from './text.ts';

const SEVERITY: Record<OutDiagnostic['severity'], string> = { error: 'major', warning: 'minor', info: 'info' };

function issues(r: FileResult, quiet: boolean): unknown[] {
  const path = repoPath(r.path);
  if (r.status === 'error') {
    const fingerprint = createHash('sha256').update(JSON.stringify(['file-unreadable', path])).digest('hex');
    return [{ type: 'issue', check_name: 'file-unreadable', description: `无法检查 (cannot check): ${r.reason ?? ''}`, fingerprint, severity: 'critical', location: { path, lines: { begin: 1 } } }];
  }
  return r.diagnostics
    .filter((d) => !quiet || d.severity === 'error')
    .map((d) => ({
      type: 'issue',
      check_name: d.ruleId,
      // A published form: the place in it leads the description, and the page stands for the line.
      description: r.form ? `${sourceLocation(r, d, true)}: ${d.message}` : d.message,
      fingerprint: d.fingerprint,
      severity: SEVERITY[d.severity],
      location: { path, lines: r.form ? { begin: d.source?.page ?? 1 } : { begin: d.line, end: d.endLine } },
    }));
}

export function gitlabFormatter(io: FormatterIO): Formatter {
  let pending: string | undefined;
  return {
    file(r) {
      for (const issue of issues(r, io.quiet)) {
        io.out(pending === undefined ? '[' : pending + ',');
        pending = '  ' + JSON.stringify(issue);
      }
    },
    end() {
      io.out(pending === undefined ? '[]' : pending + '\n]');
    },
  };
}
