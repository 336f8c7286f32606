// The previous report that the year-on-year checks may compare with: the
// same agency's report for exactly the year before. Another year (or a
// report without one) is not compared.
import type { Report } from '../model.ts';

export function lastYears(report: Report, previous: Report | undefined): Report | undefined {
  if (!previous || report.year === undefined || previous.year !== report.year - 1) return undefined;
  return previous;
}
