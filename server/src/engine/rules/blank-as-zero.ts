// A table that writes no zero and leaves cells blank: its blanks were read as
// 0 (parse/blanks.ts) and the sums judged with them. Reported once per table,
// with the count, rather than once per cell: the blanks are the table's way
// of writing 0, not forty separate omissions. The fix writes the zeros.
import type { Cell } from '../model.ts';
import type { Rule } from './rule.ts';

const rule: Rule = {
  id: 'blank-as-zero',
  severity: 'warning',
  description: { zh: '表格不填 0、留空：空格按 0 计算', en: 'A table leaves zeros blank: blanks read as 0' },
  check({ report, emit }) {
    const byPart = new Map<string, Cell[]>();
    for (const table of report.tables) {
      for (const cell of table.cells.values()) {
        if (cell.value.kind !== 'number' || !cell.value.blank) continue;
        const list = byPart.get(table.def.part) ?? [];
        list.push(cell);
        byPart.set(table.def.part, list);
      }
    }
    for (const [part, cells] of byPart) {
      cells.sort((a, b) => a.ref.range.start - b.ref.range.start);
      const name = part === 't2'
        ? { zh: '主动公开政府信息情况', en: 'Proactive disclosure' }
        : report.template.tables.find((t) => t.part === part)!.title;
      const n = cells.length;
      emit({
        message: {
          zh: `${name.zh}表没有填写 0，${n} 个空格按 0 计算勾稽关系（格式要求没有的填 0）`,
          en: `Table «${name.en}» writes no 0 and leaves ${n} cell${n === 1 ? '' : 's'} blank: the blanks are read as 0 for the sums (the format asks for 0)`,
        },
        range: cells[0].ref.range,
        related: cells.slice(1).map((c) => ({ range: c.ref.range, message: { zh: '空格，按 0 计算', en: 'blank, read as 0' } })),
        fix: {
          title: { zh: `在 ${n} 个空格中填入 0`, en: `Write 0 in the ${n} blank cell${n === 1 ? '' : 's'}` },
          edits: cells.map((c) => ({ range: c.ref.range, newText: ' 0 ' })),
          changesFigure: true,
        },
      });
    }
  },
};
export default rule;
