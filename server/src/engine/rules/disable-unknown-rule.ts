// A `<!-- nianbao-disable… -->` or `<!-- nianbao-enable … -->` comment naming
// a rule id that does not exist: a typo that would otherwise silently accept
// nothing. Judged in engine/inline-config.ts; the message names the nearest
// rule id when one is close.
import type { InlineResult } from '../inline-config.ts';
import type { Finding, Rule } from './rule.ts';

const rule: Rule = {
  id: 'disable-unknown-rule',
  severity: 'warning',
  description: { zh: 'nianbao-disable 注释中的规则 id 不存在', en: 'A nianbao-disable comment names no existing rule' },
  // Its findings come from analyze() after the other rules (inline-config.ts), not from a check of its own.
  check() {},
};
export default rule;

export function unknownFinding(u: InlineResult['unknown'][number]): Finding {
  const hint = u.suggestion ? { zh: `，是否为「${u.suggestion}」？`, en: `; did you mean “${u.suggestion}”?` } : { zh: '（规则列表见 docs/rules/）', en: ' (the rules are listed in docs/rules/)' };
  return {
    message: {
      zh: `nianbao-${u.directive.kind} 注释中的「${u.id}」不是规则 id${hint.zh}`,
      en: `“${u.id}” in this nianbao-${u.directive.kind} comment is not a rule id${hint.en}`,
    },
    // No quick fix: a corrected id starts hiding findings, which nobody should get from --fix unattended.
    range: u.range,
  };
}
