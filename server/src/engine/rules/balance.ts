import { relationRule } from './relation-rule.ts';

export default relationRule('balance', 'error', {
  zh: '表三勾稽关系：一＋二＝三（七）＋四（逐列）',
  en: 'Table 3 balance: 1 + 2 = 3(7) + 4, per column',
});
