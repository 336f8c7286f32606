import { relationRule } from './relation-rule.ts';

export default relationRule('total-row', 'error', {
  zh: '表三：每行「总计」应等于六类申请人之和',
  en: 'Table 3: each row total equals the sum of the six applicant columns',
});
