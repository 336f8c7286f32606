// Required sections out of order. The sections kept in place are the longest
// run already in order; each of the others is reported once.
import type { Rule } from './rule.ts';

function longestIncreasing(values: number[]): Set<number> {
  const n = values.length;
  const len = Array(n).fill(1);
  const prev = Array(n).fill(-1);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (values[j] < values[i] && len[j] + 1 > len[i]) { len[i] = len[j] + 1; prev[i] = j; }
  let end = len.indexOf(Math.max(...len, 0));
  const keep = new Set<number>();
  while (end >= 0) { keep.add(end); end = prev[end]; }
  return keep;
}

const rule: Rule = {
  id: 'section-order',
  severity: 'error',
  description: { zh: '必备栏目顺序错误', en: 'Required sections are out of order' },
  check({ report, emit }) {
    const seen = new Set<string>();
    const firsts = report.sections.filter((s) => s.def && !seen.has(s.def.id) && seen.add(s.def.id));
    const order = report.template.sections;
    const index = firsts.map((s) => order.indexOf(s.def!));
    const keep = longestIncreasing(index);
    firsts.forEach((s, i) => {
      if (keep.has(i)) return;
      const before = firsts.slice(0, i).filter((_, j) => keep.has(j) && index[j] > index[i]).map((x) => `${x.def!.numeral}、${x.def!.title}`)[0];
      const heading = `${s.def!.numeral}、${s.def!.title}`;
      emit({
        message: before
          ? { zh: `「${heading}」应在「${before}」之前`, en: `“${heading}” should come before “${before}”` }
          : { zh: `「${heading}」位置不对`, en: `“${heading}” is out of place` },
        range: s.range,
      });
    });
  },
};
export default rule;
