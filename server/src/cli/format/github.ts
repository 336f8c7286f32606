// GitHub Actions workflow commands: one ::error/::warning/::notice line per finding.
import type { Formatter, FormatterIO } from './formatter.ts';
import { sourceLocation } from './text.ts';

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubFormatter(io: FormatterIO): Formatter {
  return {
    file(r) {
      if (r.status === 'error') {
        io.out(`::error file=${escapeProperty(r.path)},title=nianbao::${escapeData(r.reason ?? '')}`);
        return;
      }
      for (const d of r.diagnostics) {
        if (io.quiet && d.severity !== 'error') continue;
        const cmd = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
        // A published form has no lines to annotate: the message says where (page, table, row).
        if (r.form) { io.out(`::${cmd} file=${escapeProperty(r.path)},title=${escapeProperty(`nianbao ${d.ruleId}`)}::${escapeData(`${sourceLocation(r, d, io.lang === 'zh')}: ${d.message}`)}`); continue; }
        io.out(`::${cmd} file=${escapeProperty(r.path)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${escapeProperty(`nianbao ${d.ruleId}`)}::${escapeData(d.message)}`);
      }
    },
    end(s) {
      io.err(`nianbao: ${s.checked} reports, ${s.errors} errors, ${s.warnings} warnings`);
    },
  };
}
