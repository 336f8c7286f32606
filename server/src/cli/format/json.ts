// Machine-readable output: {"files":[…],"summary":{…}}; lines and columns 1-based.
import type { FileResult } from '../check-file.ts';
import type { Formatter, FormatterIO } from './formatter.ts';

export function jsonFormatter(io: FormatterIO): Formatter {
  const files: FileResult[] = [];
  return {
    file(r) {
      files.push(io.quiet ? { ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') } : r);
    },
    end(summary) {
      io.out(JSON.stringify({
        files: files.map((r) => ({ path: r.path, status: r.status, ...(r.reason ? { reason: r.reason } : {}), template: r.template ?? null, year: r.year ?? null, agency: r.agency ?? null, ...(r.fixed !== undefined ? { fixed: r.fixed } : {}), diagnostics: r.diagnostics })),
        summary,
      }, null, 2));
    },
  };
}
