import { relationRule } from './relation-rule.ts';

export default relationRule('total-review', 'error', {
  zh: '表四：每个「总计」应等于结果维持＋结果纠正＋其他结果＋尚未审结',
  en: 'Table 4: each total equals upheld + corrected + other + pending',
});
