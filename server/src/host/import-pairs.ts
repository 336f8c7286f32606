// An imported report beside the published file it was imported from: 导入并检查
// and `nianbao import` write X.md (or "X (2).md" when X.md exists) beside
// X.pdf / X.docx / X.html / X.txt. Checked together, the two have one agency and
// year, yet they are one report, not two published copies: copy-identical is
// not said between them (copy-differs is: the Markdown no longer matches what
// was published), and for last year's report the published file stands for the
// pair (what was published is the record). Decided from the names alone, as
// the import names them (docs/rules/copy-identical.md).
import { basename, dirname, extname } from 'node:path';

const PUBLISHED = new Set(['.pdf', '.docx', '.html', '.htm', '.txt']);

/** The names a Markdown file may have been imported from: "X.md" → X; "X (2).md" → "X (2)" and X. None for other files. */
function importStems(path: string): string[] {
  if (extname(path).toLowerCase() !== '.md') return [];
  const base = basename(path, extname(path));
  const stripped = base.replace(/ \(\d+\)$/, '');
  return stripped === base ? [base] : [base, stripped];
}

/** Each Markdown file among `paths` imported from a published file among them → those published files (the same stem in the same folder). */
export function importSources(paths: readonly string[]): Map<string, string[]> {
  const published = new Map<string, string[]>();
  for (const p of paths) {
    if (!PUBLISHED.has(extname(p).toLowerCase())) continue;
    const key = `${dirname(p)}\u0000${basename(p, extname(p))}`;
    published.set(key, [...(published.get(key) ?? []), p]);
  }
  const out = new Map<string, string[]>();
  for (const p of paths) {
    for (const stem of importStems(p)) {
      const sources = published.get(`${dirname(p)}\u0000${stem}`);
      if (sources) {
        out.set(p, sources);
        break;
      }
    }
  }
  return out;
}
