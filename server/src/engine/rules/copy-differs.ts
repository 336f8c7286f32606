// Two files that are the same report (same agency and year) but differ: the
// 2021 national evaluation faulted reports whose copies on several platforms
// differ. Each difference is a finding on this file's side (the other file's
// check reports its side): a table figure (表三 …「总计」 25 here, 26 there),
// a paragraph whose figures differ (25 → 26), a paragraph reworded, a
// paragraph the other copy does not have. Needs ctx.others. An imported
// Markdown report and the published file it came from (other.importPair) are
// compared the same way, and said to be that: the Markdown no longer matches
// what was published.
//
// Two files of one agency and year that share less than half their
// paragraphs (figures aside), or differ in more than half the table figures
// both have, are not two copies of one report but two reports: a misnamed
// agency, a wrong year, a draft beside the final. That is said once, on the
// title, with how much they share; listing each of their paragraphs and
// figures as a difference would bury it (and made the findings of a
// province's batch grow with the square of its copies).
import { reportFigures, slotLabel } from '../cross/figures.ts';
import { compact, paragraphs } from '../cross/prose.ts';
import { maskNumbers } from '../cross/formulas.ts';
import { boundedSimilarity, textHash } from '../cross/shared.ts';
import type { Report } from '../model.ts';
import type { Rule } from './rule.ts';

/** Below this similarity a paragraph has no counterpart in the other copy. */
const COUNTERPART = 0.5;
/** Below this share of paragraphs found in the other file (figures aside), or above it of figures differing, the two are two reports, not two copies. */
const SAME_REPORT = 0.5;
/** Fewer paragraphs (figures) than this say too little to tell two reports from two copies. */
const FEW_PARAGRAPHS = 3;
const FEW_FIGURES = 10;

function slotsByName(report: Report) {
  const out = new Map<string, Parameters<typeof slotLabel>[0]>();
  for (const t of report.tables) for (const c of t.cells.values()) out.set(`${t.def.id}.${c.row.id}.${c.column.id}`, c);
  return out;
}

const rule: Rule = {
  id: 'copy-differs',
  needs: 'others',
  severity: 'warning',
  description: { zh: '同一份报告的两个副本内容不一致', en: 'Two copies of the same report differ' },
  check({ report, others, emit }) {
    const mine = textHash(report.text);
    // This file's side, the same against every other file: its figures and its paragraphs (compacted; the non-empty ones masked).
    const mineFigures = reportFigures(report);
    const slots = slotsByName(report);
    const mineParas = paragraphs(report).map((p) => ({ p, c: compact(p.text) }));
    const mineMasked = mineParas.filter(({ c }) => c).map(({ c }) => maskNumbers(c));
    for (const other of others) {
      if (!other.sameReport || textHash(other.report.text) === mine) continue;
      // How the other file is named in the messages, and what the difference means.
      const there = other.importPair
        ? { zh: `${other.importPair === 'source' ? '导入来源' : '导入稿'} ${other.path}`, en: `${other.importPair === 'source' ? 'the published source' : 'the imported Markdown'} ${other.path}`, note: { zh: '（导入稿与其来源不一致）', en: ' (the imported Markdown and its published source differ)' } }
        : { zh: `同一份报告的另一副本 ${other.path}`, en: `the other copy of this report, ${other.path}`, note: { zh: '', en: '' } };
      const figures = reportFigures(other.report);
      const differing = [...mineFigures].filter(([name, here]) => {
        const theirs = figures.get(name);
        return theirs && theirs.text !== here.text && (here.value === undefined || here.value !== theirs.value);
      });
      const theirParas = paragraphs(other.report).map((p) => compact(p.text));
      const theirMasked = new Set(theirParas.map(maskNumbers));
      const found = mineMasked.filter((m) => theirMasked.has(m)).length;
      const compared = [...mineFigures.keys()].filter((name) => figures.has(name)).length;
      const twoReports = (mineMasked.length >= FEW_PARAGRAPHS && found < mineMasked.length * SAME_REPORT)
        || (compared >= FEW_FIGURES && differing.length > compared * SAME_REPORT);
      if (!other.importPair && twoReports) {
        const figuresZh = compared ? `；两份都有的 ${compared} 个表格数字中 ${differing.length} 个不同` : '';
        const figuresEn = compared ? `; ${differing.length} of the ${compared} table figures both have differ` : '';
        emit({
          message: {
            zh: `与 ${other.path} 同一机关、同一年度，但内容大部分不同：本文件 ${mineMasked.length} 段文字中 ${found} 段在其中（不计数字）${figuresZh}。两份不像同一份报告的副本：请确认哪一份是本机关本年度正式发布的报告，或更正另一份的机关名称、年度`,
            en: `Same agency and year as ${other.path}, but mostly different: ${found} of this file's ${mineMasked.length} paragraphs are in it (figures aside)${figuresEn}. They do not look like copies of one report: check which one this agency published for the year, or correct the other's agency or year`,
          },
          range: report.title?.range ?? { start: 0, end: 0 },
        });
        continue;
      }
      for (const [name, here] of differing) {
        const theirs = figures.get(name)!;
        const slot = slots.get(name)!;
        emit({
          message: {
            zh: `${slotLabel(slot)}此处为 ${here.text || '（空）'}，${there.zh} 中为 ${theirs.text || '（空）'}${there.note.zh}`,
            en: `${slotLabel(slot, 'en')} is ${here.text || '(blank)'} here but ${theirs.text || '(blank)'} in ${there.en}${there.note.en}`,
          },
          range: here.range,
        });
      }
      const exact = new Set(theirParas);
      for (const { p, c } of mineParas) {
        if (!c || exact.has(c)) continue;
        let best: { c: string; s: number } | undefined;
        for (const t of theirParas) {
          if (Math.min(c.length, t.length) / Math.max(c.length, t.length) < COUNTERPART) continue;
          const s = boundedSimilarity(c, t);
          if (s >= COUNTERPART && (!best || s > best.s)) best = { c: t, s };
        }
        const range = { start: p.start, end: p.end };
        if (best && maskNumbers(best.c) === maskNumbers(c)) {
          const a = c.match(/\d+(?:[.,]\d+)*/g) ?? [];
          const b = best.c.match(/\d+(?:[.,]\d+)*/g) ?? [];
          const pairs = a.map((x, i) => [x, b[i]] as const).filter(([x, y]) => x !== y);
          const list = pairs.map(([x, y]) => `${x} → ${y}`).join('，');
          emit({
            message: {
              zh: `此段的数字与${there.zh} 不同${there.note.zh}：此处 → 彼处 ${list}`,
              en: `This paragraph's figures differ from ${there.en}${there.note.en}: here → there ${list.replace(/，/g, ', ')}`,
            },
            range,
          });
        } else if (best) {
          emit({
            message: {
              zh: `此段与${there.zh} 中的对应段落文字不同（相似度 ${Math.floor(best.s * 100)}%）${there.note.zh}`,
              en: `This paragraph is worded differently in ${there.en} (${Math.floor(best.s * 100)}% similar)${there.note.en}`,
            },
            range,
          });
        } else {
          emit({
            message: { zh: `${there.zh} 中没有此段${there.note.zh}`, en: `${there.en[0].toUpperCase()}${there.en.slice(1)} does not have this paragraph${there.note.en}` },
            range,
          });
        }
      }
    }
  },
};
export default rule;
