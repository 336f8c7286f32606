// A finding's fingerprint: the same finding gets the same one run after run,
// so GitLab's merge-request widget and GitHub code scanning can tell a new
// finding from an old one. Made of what the finding is about, never of where
// it is: the rule, the file (relative to the working directory, as CI runs
// from the repository root), the structural subject (engine/subject.ts), and
// the Chinese message and the text it covers with every figure masked, so a
// total corrected from one wrong value to another stays the same finding.
// Findings alike in all of that are told apart by their order.
import { createHash } from 'node:crypto';
import { relative, resolve } from 'node:path';

export interface FingerprintParts {
  ruleId: string;
  subject: string;
  message: string;
  covered: string;
}

const mask = (s: string) => s.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, ' ').trim();

export function repoPath(path: string): string {
  return relative(process.cwd(), resolve(path)).split('\\').join('/');
}

/** One fingerprint per finding of one file, in the findings' order. */
export function fingerprints(path: string, findings: readonly FingerprintParts[]): string[] {
  const seen = new Map<string, number>();
  const file = repoPath(path);
  return findings.map((f) => {
    const key = JSON.stringify([f.ruleId, file, f.subject, mask(f.message), mask(f.covered)]);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(key + '\u0000' + n).digest('hex');
  });
}
