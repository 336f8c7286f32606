// The shared shape of the arithmetic rules (total-row, total-results, balance,
// total-review): each reports the failing instances of the relations the
// template assigns to it. The arithmetic itself lives in relations.ts.
import { cellName, evaluate, formatNumber, valueFor } from '../relations.ts';
import type { Fix, Severity, Text2 } from '../types.ts';
import type { Rule } from './rule.ts';

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
          const name = cellName(cell);
          const d = inst.relation.describe;
          const why = cell === inst.target
            ? { zh: d.zh, en: d.en }
            : { zh: `使 ${cellName(inst.target).zh} ${d.zh} 成立`, en: `so that ${cellName(inst.target).en} = ${d.en} holds` };
          const agreed = culprit ? culprit.value : ev.targetValues.get(inst.target);
          const allowed = agreed !== null && agreed !== undefined && (cell.column.kind === 'signed' || agreed >= 0) && (cell.column.kind === 'money' || Number.isInteger(agreed));
          const value = formatNumber(expected);
          const fix: Fix | undefined = allowed
            ? { title: { zh: `将${name.zh}改为 ${value}`, en: `Set ${name.en} to ${value}` }, edits: [{ range: cell.ref.range, newText: value }], changesFigure: true }
            : undefined;
          ctx.emit({
            message: {
              zh: `${name.zh}应为 ${value}（${why.zh}），实为 ${formatNumber(found)}`,
              en: `${name.en} should be ${value} (${why.en}), found ${formatNumber(found)}`,
            },
            range: cell.ref.range,
            fix,
            related: inst.terms.filter((t) => t.cell !== cell).map((t) => ({
              range: t.cell.ref.range,
              message: { zh: `${cellName(t.cell).zh} = ${t.cell.ref.text}`, en: `${cellName(t.cell).en} = ${t.cell.ref.text}` },
            })),
          });
        }
      }
    },
  };
}
