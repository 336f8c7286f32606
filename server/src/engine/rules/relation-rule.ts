// The shared shape of the arithmetic rules (total-row, total-results, balance,
// total-review): each reports the failing instances of the relations the
// template assigns to it. The arithmetic itself lives in relations.ts.
import { cellName, evaluate, formatNumber, valueFor, type TableEvaluation } from '../relations.ts';
import type { Cell } from '../model.ts';
import type { Fix, Severity, Text2 } from '../types.ts';
import type { Rule } from './rule.ts';

const proposalsCache = new WeakMap<TableEvaluation, Map<Cell, number>>();

function fits(cell: Cell, v: number): boolean {
  return (cell.column.kind === 'signed' || v >= 0) && (cell.column.kind === 'money' || Number.isInteger(v));
}

/**
 * The cell values the arithmetic rules of one table offer as fixes, taken
 * together: the one cell that explains every failure, or else each failing
 * total set to its sum. A value that would break a relation holding now, once
 * all the offered values are written, is not offered (the relations disagree
 * about what is wrong, so no figure can be corrected by rule).
 */
function proposals(ev: TableEvaluation): Map<Cell, number> {
  const hit = proposalsCache.get(ev);
  if (hit) return hit;
  const out = new Map<Cell, number>();
  if (ev.culprit) {
    if (fits(ev.culprit.cell, ev.culprit.value)) out.set(ev.culprit.cell, ev.culprit.value);
  } else {
    for (const [cell, v] of ev.targetValues) if (v !== null && fits(cell, v)) out.set(cell, v);
  }
  for (let changed = true; changed && out.size > 0;) {
    changed = false;
    for (const inst of ev.instances) {
      if (!inst.ok) continue;
      const involved = inst.terms.filter((t) => out.has(t.cell));
      if (involved.length === 0) continue;
      const diff = inst.terms.reduce((s, t) => s + t.sign * (out.get(t.cell) ?? (t.cell.value.kind === 'number' ? t.cell.value.value : 0)), 0);
      if (Math.abs(diff) < 1e-9) continue;
      for (const t of involved) out.delete(t.cell);
      changed = true;
    }
  }
  proposalsCache.set(ev, out);
  return out;
}

export function relationRule(id: string, severity: Severity, description: Text2): Rule {
  return {
    id,
    severity,
    description,
    check(ctx) {
      for (const table of ctx.report.tables) {
        const ev = evaluate(table);
        for (const inst of ev.failing) {
          if (inst.relation.rule !== id) continue;
          const culprit = ev.culprit && inst.terms.some((t) => t.cell === ev.culprit!.cell) ? ev.culprit : undefined;
          const cell = culprit?.cell ?? inst.target;
          const expected = culprit ? culprit.value : valueFor(inst, inst.target);
          const found = cell.value.kind === 'number' ? cell.value.value : NaN;
          // A blank read as 0 (its table writes no zero): its range is the blank's whitespace.
          const blank = cell.value.kind === 'number' && cell.value.blank === true;
          const shown = blank ? { zh: '空（按 0 计算）', en: 'blank (read as 0)' } : { zh: formatNumber(found), en: formatNumber(found) };
          const name = cellName(cell);
          const d = inst.relation.describe;
          const why = cell === inst.target
            ? { zh: d.zh, en: d.en }
            : d.zh.includes('＝')
              ? { zh: `使「${cell.column.label}」列 ${d.zh} 成立`, en: `so that ${d.en} holds in column «${cell.column.label}»` }
              : { zh: `使${cellName(inst.target).zh}等于${d.zh}`, en: `so that ${cellName(inst.target).en} equals ${d.en}` };
          const offered = proposals(ev).get(cell);
          const allowed = offered !== undefined && Math.abs(offered - expected) < 1e-9;
          const value = formatNumber(expected);
          const fix: Fix | undefined = allowed
            ? { title: { zh: `将${name.zh}改为 ${value}`, en: `Set ${name.en} to ${value}` }, edits: [{ range: cell.ref.range, newText: blank ? ` ${value} ` : value }], changesFigure: true }
            : undefined;
          const plausible = expected >= 0 || cell.column.kind === 'signed';
          const along = inst.relation.per === 'column' ? `「${cell.column.label}」列` : `${cell.row.short ?? cell.row.label}行`;
          const alongEn = inst.relation.per === 'column' ? `column «${cell.column.label}»` : `row ${cell.row.short ?? cell.row.label}`;
          ctx.emit({
            message: plausible
              ? {
                  zh: `${name.zh}应为 ${value}（${why.zh}），实为 ${shown.zh}`,
                  en: `${name.en} should be ${value} (${why.en}), found ${shown.en}`,
                }
              : {
                  // No value of this cell can balance the relation: state both sides instead.
                  zh: `${along}不满足 ${d.zh}：左边为 ${formatNumber(inst.lhs)}，右边为 ${formatNumber(inst.rhs)}`,
                  en: `${alongEn} breaks ${d.en}: left side ${formatNumber(inst.lhs)}, right side ${formatNumber(inst.rhs)}`,
                },
            range: cell.ref.range,
            fix,
            related: inst.terms.filter((t) => t.cell !== cell).map((t) => ({
              range: t.cell.ref.range,
              message: t.cell.value.kind === 'number' && t.cell.value.blank
                ? { zh: `${cellName(t.cell).zh} 空（按 0 计算）`, en: `${cellName(t.cell).en} blank (read as 0)` }
                : { zh: `${cellName(t.cell).zh} = ${t.cell.ref.text}`, en: `${cellName(t.cell).en} = ${t.cell.ref.text}` },
            })),
          });
        }
      }
    },
  };
}
