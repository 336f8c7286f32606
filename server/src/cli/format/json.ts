// Machine-readable output: {"files":[…],"summary":{…}}; lines and columns 1-based.
// Written as the files come, not kept for the end, so memory does not grow
// with the number of files; the bytes are those of JSON.stringify(document, null, 2).
import type { FileResult } from '../check-file.ts';
import type { Formatter, FormatterIO } from './formatter.ts';

function entry(r: FileResult) {
  return { path: r.path, status: r.status, ...(r.form ? { form: r.form } : {}), ...(r.reason ? { reason: r.reason } : {}), ...(r.notFixed ? { notFixed: r.notFixed } : {}), template: r.template ?? null, year: r.year ?? null, agency: r.agency ?? null, ...(r.fixed !== undefined ? { fixed: r.fixed } : {}), ...(r.baselined ? { baselined: r.baselined.length, baselineGone: (r.absent ?? []).reduce((n, e) => n + e.count, 0) } : {}), diagnostics: r.diagnostics, ...(r.indicators ? { indicators: r.indicators } : {}) };
}

/** JSON.stringify(value, null, 2) with every line after the first indented by `depth` more levels. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).split('\n').join('\n' + '  '.repeat(depth));
}

export function jsonFormatter(io: FormatterIO): Formatter {
  // io.out ends each call with a line break, and the comma after an element
  // belongs on its last line: each element is held until the next one (or the end).
  let pending: string | undefined;
  return {
    file(r) {
      const shown = io.quiet ? { ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') } : r;
      if (pending === undefined) io.out('{\n  "files": [');
      else io.out(pending + ',');
      pending = '    ' + nested(entry(shown), 2);
    },
    end(summary) {
      if (pending === undefined) io.out('{\n  "files": [],');
      else io.out(pending + '\n  ],');
      io.out(`  "summary": ${nested(summary, 1)}\n}`);
    },
  };
}
