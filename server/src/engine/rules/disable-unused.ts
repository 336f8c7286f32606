// A `<!-- nianbao-disable… -->` comment that covers no finding, or a
// `<!-- nianbao-enable -->` that closes no disable: left over after the
// finding it accepted was corrected, or placed where the finding is not (a
// disable-next-line above a table whose cell has the finding). Judged in
// engine/inline-config.ts once every other rule has run; a directive naming
// a rule that could not judge this run (off, failed, no previous-year report
// to compare with) is not called unused for it.
import { removalEdit, withoutIds, type InlineResult } from '../inline-config.ts';
import type { Finding, Rule } from './rule.ts';

const rule: Rule = {
  id: 'disable-unused',
  severity: 'warning',
  description: { zh: '未起作用的 nianbao-disable 注释', en: 'A nianbao-disable comment that suppresses nothing' },
  // Its findings come from analyze() after the other rules (inline-config.ts), not from a check of its own.
  check() {},
};
export default rule;

const quote = (ids: readonly { id: string }[]) => ids.map((x) => `「${x.id}」`).join('');
const quoteEn = (ids: readonly { id: string }[]) => ids.map((x) => `“${x.id}”`).join(', ');

export function unusedFinding(text: string, u: InlineResult['unused'][number]): Finding {
  const d = u.directive;
  const comment = `nianbao-${d.kind}`;
  let message;
  if (u.closesNothing) {
    message = {
      zh: `${comment} 注释没有可结束的 nianbao-disable${u.ids.length ? `（${quote(u.ids)}此前未被关闭）` : ''}，可以删除`,
      en: `This ${comment} comment ends no nianbao-disable${u.ids.length ? ` (${quoteEn(u.ids)} not disabled before it)` : ''}: it can be removed`,
    };
  } else {
    const where = d.kind === 'disable-next-line' ? { zh: '下一行', en: 'the next line has' } : { zh: '此注释之后', en: 'after it there is' };
    message = u.ids.length === 0
      ? { zh: `${comment} 注释没有屏蔽任何问题：${where.zh}没有问题，可以删除`, en: `This ${comment} comment suppresses nothing: ${where.en} no finding. It can be removed` }
      : {
          zh: `${comment} 注释中的${quote(u.ids)}没有屏蔽任何问题：${where.zh}没有这条规则的问题，可以删除`,
          en: `${quoteEn(u.ids)} in this ${comment} comment suppresses nothing: ${where.en} no such finding. It can be removed`,
        };
  }
  const rewritten = u.ids.length === 0 ? undefined : withoutIds(d, u.ids);
  const edit = rewritten === undefined ? removalEdit(text, d) : { range: d.range, newText: rewritten };
  return {
    message,
    range: d.range,
    fix: { title: rewritten === undefined ? { zh: '删除此注释', en: 'Remove this comment' } : { zh: `从注释中删除${quote(u.ids)}`, en: `Remove ${quoteEn(u.ids)} from the comment` }, edits: [edit], changesFigure: false },
  };
}
