// Two files that are the same report (same agency and year) but differ: the
// 2021 national evaluation faulted reports whose copies on several platforms
// differ. Each difference is a finding on this file's side (the other file's
// check reports its side): a table figure (表三 …「总计」 25 here, 26 there),
// a paragraph whose figures differ (25 → 26), a paragraph reworded, a
// paragraph the other copy does not have. Needs ctx.others. An imported
// Markdown report and the published file it came from (other.importPair) are
// compared the same way, and said to be that: the Markdown no longer matches
// what was published.
import { reportFigures, slotLabel } from '../cross/figures.ts';
import { compact, paragraphs } from '../cross/prose.ts';
import { maskNumbers } from '../cross/formulas.ts';
import { boundedSimilarity, textHash } from '../cross/shared.ts';
import type { Report } from '../model.ts';
import type { Rule } from './rule.ts';

/** Below this similarity a paragraph has no counterpart in the other copy. */
const COUNTERPART = 0.5;

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
    for (const other of others) {
      if (!other.sameReport || textHash(other.report.text) === mine) continue;
      // How the other file is named in the messages, and what the difference means.
      const there = other.importPair
        ? { zh: `${other.importPair === 'source' ? '导入来源' : '导入稿'} ${other.path}`, en: `${other.importPair === 'source' ? 'the published source' : 'the imported Markdown'} ${other.path}`, note: { zh: '（导入稿与其来源不一致）', en: ' (the imported Markdown and its published source differ)' } }
        : { zh: `同一份报告的另一副本 ${other.path}`, en: `the other copy of this report, ${other.path}`, note: { zh: '', en: '' } };
      const figures = reportFigures(other.report);
      const slots = slotsByName(report);
      for (const [name, here] of reportFigures(report)) {
        const theirs = figures.get(name);
        if (!theirs || theirs.text === here.text || (here.value !== undefined && here.value === theirs.value)) continue;
        const slot = slots.get(name)!;
        emit({
          message: {
            zh: `${slotLabel(slot)}此处为 ${here.text || '（空）'}，${there.zh} 中为 ${theirs.text || '（空）'}${there.note.zh}`,
            en: `${slotLabel(slot, 'en')} is ${here.text || '(blank)'} here but ${theirs.text || '(blank)'} in ${there.en}${there.note.en}`,
          },
          range: here.range,
        });
      }
      const theirParas = paragraphs(other.report).map((p) => compact(p.text));
      const exact = new Set(theirParas);
      for (const p of paragraphs(report)) {
        const c = compact(p.text);
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
