// JUnit XML, the test report Jenkins, GitLab (artifacts:reports:junit) and
// most CI dashboards read: one test suite, one test case per report file.
// A report with errors is a failed test case with one <failure> per error;
// warnings and infos are listed in its <system-out>, or with
// `--junit-warnings failure` are failures too. A file that could not be read
// is a test case in <error>, a file that is not a report is <skipped>.
// Written with xmlbuilder2 (escaping, and characters XML cannot hold replaced).
// A published form (PDF, Word, web page) is located as its reader finds it,
// `report.pdf:3 表三 （七）总计「自然人」`, not by lines of its imported Markdown.
import { create } from 'xmlbuilder2';
import type { FileResult, OutDiagnostic } from '../check-file.ts';
import type { Formatter, FormatterIO } from './formatter.ts';
import { repoPath } from '../fingerprint.ts';
import { sourceLocation, sourcePlace } from './text.ts';

export type JunitWarnings = 'system-out' | 'failure';

export function junitFormatter(io: FormatterIO, warnings: JunitWarnings = 'system-out'): Formatter {
  const zh = io.lang === 'zh';
  const results: FileResult[] = [];
  const line = (r: FileResult, path: string, d: OutDiagnostic) =>
    `${r.form ? sourceLocation({ path }, d, zh) : `${path}:${d.line}:${d.column}`}: ${d.severity} ${d.ruleId}: ${d.message}`;
  const message = (r: FileResult, d: OutDiagnostic) => {
    const place = r.form ? sourcePlace(d, zh) : `${d.line}:${d.column}`;
    return place ? `${place} ${d.message}` : d.message;
  };
  return {
    file(r) {
      results.push(r);
    },
    end() {
      const fails = (d: OutDiagnostic) => d.severity === 'error' || (warnings === 'failure' && d.severity === 'warning');
      const shown = (r: FileResult) => (io.quiet ? r.diagnostics.filter((d) => d.severity === 'error') : r.diagnostics);
      const counts = {
        tests: results.length,
        failures: results.filter((r) => r.status === 'checked' && shown(r).some(fails)).length,
        errors: results.filter((r) => r.status === 'error').length,
        skipped: results.filter((r) => r.status === 'skipped').length,
      };
      const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' });
      const suites = doc.ele('testsuites', { name: 'nianbao', tests: counts.tests, failures: counts.failures, errors: counts.errors });
      const suite = suites.ele('testsuite', { name: 'nianbao check', tests: counts.tests, failures: counts.failures, errors: counts.errors, skipped: counts.skipped });
      for (const r of results) {
        const path = repoPath(r.path);
        const test = suite.ele('testcase', { name: path, classname: 'nianbao' });
        if (r.status === 'skipped') test.ele('skipped', { message: r.reason ?? '' });
        else if (r.status === 'error') test.ele('error', { message: r.reason ?? '', type: 'unreadable' }).txt(`${path}: ${r.reason ?? ''}`);
        const ds = shown(r);
        for (const d of ds.filter(fails)) {
          test.ele('failure', { message: message(r, d), type: d.ruleId }).txt(line(r, path, d));
        }
        const rest = ds.filter((d) => !fails(d));
        if (rest.length) test.ele('system-out').txt(rest.map((d) => line(r, path, d)).join('\n'));
      }
      io.out(doc.end({ prettyPrint: true }));
    },
  };
}
