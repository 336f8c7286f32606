// Faulty reports for the fix-safety test: bench/generate.ts with one or two of
// its injected errors (a wrong total, a typo'd label, a missing section, a
// blank cell) forced, plus one more mistake of the kinds reports have that
// the generator does not make, so that every rule with a fix is exercised.
// Deterministic: a seed gives the same report every time.
import { generateReport, INJECTED_ERRORS, type GeneratedReport } from '../../../bench/generate.ts';
import { Rng } from '../../../bench/rng.ts';

/** Mistakes made on the generated text, each aimed at a rule with a fix. */
export const EXTRA_FAULTS = {
  /** A section title reworded (section-title). */
  'title-variant': (ls: string[], rng: Rng) => edit(ls, rng, isHeading, (l) => (l.includes('情况') ? l.replace('情况', '的情况') : l.replace(/、/, '、关于'))),
  /** A section numbered with the next numeral (section-numbering). */
  numeral: (ls: string[], rng: Rng) => edit(ls, rng, isHeading, (l) => l.replace(/[一二三四五]、/, (m) => '二三四五六'['一二三四五'.indexOf(m[0])] + '、')),
  /** A zero written as a placeholder for none (cell-invalid). */
  placeholder: (ls: string[], rng: Rng) => edit(ls, rng, (l) => /^\|.*\| 0 \|/.test(l), (l) => l.replace(/\| 0 \|/, `| ${rng.pick(['/', '无', '—', '-'])} |`)),
  /** A row of zeros left out of table 3 (table-row-missing). */
  'row-dropped': (ls: string[], rng: Rng) => edit(ls, rng, (l) => /^\|.*[1-9一二三四五六七八]\.[^|]*\|(?: 0 \|){7}\r?$/.test(l), () => undefined),
  /** A column header of table 2 shortened (table-shape). */
  'header-typo': (ls: string[], rng: Rng) => edit(ls, rng, (l) => l.includes('本年处理决定数量'), (l) => l.replace('本年处理决定数量', '本年处理决定数')),
  /** A row of table 3 with one cell too many (table-shape). */
  'extra-cell': (ls: string[], rng: Rng) => edit(ls, rng, (l) => /^\| (?:一、本年新收|二、上年结转|（七）总计|四、结转下年度)/.test(l), (l) => l.replace(/\|(\r?)$/, '| 0 |$1')),
  /** Table 4 left out (table-missing). */
  'table-dropped': (ls: string[]) => {
    const at = ls.findIndex((l) => l.startsWith('| 行政复议 |'));
    if (at >= 0) ls.splice(at, 5);
  },
  /** The 统计期限 naming the year before (year-mismatch). */
  'period-year': (ls: string[]) => edit(ls, new Rng(0), (l) => l.includes('统计期限为'), (l) => l.replace(/统计期限为(\d{4})/, (_, y: string) => `统计期限为${Number(y) - 1}`)),
} satisfies Record<string, (lines: string[], rng: Rng) => void>;

export type ExtraFault = keyof typeof EXTRA_FAULTS;
const KINDS = Object.keys(EXTRA_FAULTS) as ExtraFault[];

const isHeading = (l: string) => /^(?:## |\*\*)?[一二三四五六]、/.test(l);

/** Replaces (or, when `to` gives undefined, deletes) one line, picked at random among those `which` accepts. */
function edit(lines: string[], rng: Rng, which: (line: string) => boolean, to: (line: string) => string | undefined): void {
  const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => which(l));
  if (candidates.length === 0) return;
  const [line, i] = rng.pick(candidates);
  const out = to(line);
  if (out === undefined) lines.splice(i, 1);
  else lines[i] = out;
}

export interface FaultyReport extends GeneratedReport {
  extra: ExtraFault;
}

/**
 * Report `seed` of the faulty corpus: the generator's smallest report (its
 * figures and tables; about 3,600 characters) with generator errors forced
 * and one extra fault.
 */
export function faultyReport(seed: number): FaultyReport {
  const rng = new Rng(seed * 7919 + 3);
  const first = INJECTED_ERRORS[seed % INJECTED_ERRORS.length];
  const errors = rng.next() < 0.35 ? [first, INJECTED_ERRORS[(seed + 1 + rng.int(0, 2)) % INJECTED_ERRORS.length]] : [first];
  // bytes 0: no narrative beyond what the format needs.
  const report = generateReport(seed, { bytes: 0, errors });
  const extra = KINDS[seed % KINDS.length];
  const lines = report.text.split('\n');
  EXTRA_FAULTS[extra](lines, rng);
  return { ...report, text: lines.join('\n'), extra };
}
