// Test-only: with NIANBAO_TEST_THROWING_RULE=1 in the environment the server
// adds a rule that always throws, so the protocol tests can prove that a
// failing rule is logged and the other rules still report. Never set in use.
import type { Rule } from '../engine/rules/rule.ts';

const throwing: Rule = {
  id: 'test-throwing-rule',
  severity: 'error',
  description: { zh: '测试用：总是抛出异常的规则', en: 'Test only: a rule that always throws' },
  check() {
    throw new Error('test-throwing-rule: thrown on purpose');
  },
};

export function testRules(env: NodeJS.ProcessEnv = process.env): Rule[] {
  return env.NIANBAO_TEST_THROWING_RULE === '1' ? [throwing] : [];
}
