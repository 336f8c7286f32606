import { relationRule } from './relation-rule.ts';

export default relationRule('total-results', 'error', {
  zh: '表三：（七）总计应等于各办理结果之和（逐列）',
  en: 'Table 3: (7) total equals the sum of the outcome rows, per column',
});
