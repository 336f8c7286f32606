// A word typed twice, back to back (资金资金, 政务公开政务公开): two to four
// Chinese characters repeated at once, so doubled strings of four to eight
// characters. Doubled single characters are not judged: besides the words
// that are doubles (常常, 人人, 天天, 层层) most are two words meeting
// (机关关于, 公开开展, 部门门户), which only a dictionary could tell apart.
// Reduplicated forms (实实在在, 认认真真: AABB) and a word followed by its
// derivative (信息信息化) are words; LEGITIMATE lists the doubles that are
// words too, and the user can add to it (checks.doubledWords.allow).
import { paragraphs } from '../cross/prose.ts';
import type { Rule } from './rule.ts';

/** Doubled strings that are words or set phrases, not typing mistakes. */
export const LEGITIMATE = [
  // single characters doubled, should the check ever read them (and as the user's list shows them)
  '常常', '人人', '天天', '处处', '事事', '时时', '层层', '家家', '户户', '年年', '步步', '一一',
  // ABAB forms of formal prose
  '一步一步', '一项一项', '一件一件', '一个一个', '一条一条', '一批一批', '一年一年', '一次一次',
  '讨论讨论', '研究研究',
];

const HAN = /\p{Script=Han}+/gu;
const DERIVATIVE = /^[化性式型者员]/;

/**
 * Doubled units of 2–4 characters in a run of Chinese characters: offset in
 * the run (UTF-16), the unit, how many times it is written in a row (资金资金资金:
 * 3, one finding). Linear in the run's length: a megabyte of 公开公开… is one
 * finding, found in one pass.
 */
export function doubles(run: string): { at: number; unit: string; times: number; length: number }[] {
  // Code point starts, so that a unit is whole characters also outside the BMP.
  const offs: number[] = [];
  for (let i = 0; i < run.length; i++) {
    offs.push(i);
    const c = run.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  offs.push(run.length);
  const count = offs.length - 1;
  const piece = (i: number, n: number) => run.slice(offs[i], offs[i + n]);
  const out: { at: number; unit: string; times: number; length: number }[] = [];
  let i = 0;
  while (i < count) {
    let found = 0;
    // The shortest unit first: 公开公开公开公开 is 公开 four times, not 公开公开 twice.
    for (let n = 2; n <= 4; n++) {
      if (i + 2 * n > count) break;
      if (piece(i, n) === piece(i + n, n)) { found = n; break; }
    }
    if (!found) { i++; continue; }
    const unit = piece(i, found);
    let times = 2;
    while (i + (times + 1) * found <= count && piece(i + times * found, found) === unit) times++;
    // 哈哈哈哈 is one character doubled, not a word typed twice.
    if (![...unit].every((c) => c === unit[0])) out.push({ at: offs[i], unit, times, length: offs[i + times * found] - offs[i] });
    i += times * found;
  }
  return out;
}

const rule: Rule = {
  id: 'doubled-word',
  severity: 'warning',
  description: { zh: '词语重复（如“资金资金”）', en: 'A word typed twice (资金资金)' },
  check({ report, checks, emit }) {
    const allowed = new Set([...LEGITIMATE, ...(checks.doubledWords?.allow ?? [])]);
    for (const p of paragraphs(report)) {
      HAN.lastIndex = 0;
      for (let m; (m = HAN.exec(p.text)); ) {
        for (const d of doubles(m[0])) {
          const doubled = d.unit + d.unit;
          if (allowed.has(doubled)) continue;
          const after = m[0].slice(d.at + d.length);
          if (d.times === 2 && DERIVATIVE.test(after)) continue;
          const start = p.start + m.index + d.at;
          const shown = d.times === 2 ? doubled : `${doubled}…`;
          emit({
            message: {
              zh: `「${d.unit}」连续重复了${d.times === 2 ? '两' : ` ${d.times} `}次（${shown}）：应为「${d.unit}」`,
              en: `“${d.unit}” is written ${d.times === 2 ? 'twice' : `${d.times} times`} in a row (${shown}); it should be “${d.unit}” once`,
            },
            range: { start, end: start + d.length },
          });
        }
      }
    }
  },
};
export default rule;
