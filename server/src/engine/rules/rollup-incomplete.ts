// A region's report whose units (declared in .nianbaorc.json "rollup") were
// not all found among the files checked: the roll-up is not judged, and this
// says so once, naming the units missing.
import type { Rule } from './rule.ts';

const rule: Rule = {
  id: 'rollup-incomplete',
  needs: 'rollup',
  severity: 'info',
  description: { zh: '缺少下属单位的报告，未与下属单位之和比较', en: "Units' reports missing: the region's figures are not compared with their sum" },
  check({ report, rollup, emit }) {
    if (!rollup || rollup.missing.length === 0) return;
    const list = rollup.missing.join('、');
    emit({
      message: {
        zh: `配置文件所列的下属单位中，没有找到 ${list} 的${report.year ?? ''}年度报告：本报告表二至表四未与下属单位之和比较（不判断）`,
        en: `No ${report.year ?? ''} report found for ${rollup.missing.join(', ')} among the units the configuration lists: tables 2–4 are not compared with the units' sum (not judged)`,
      },
      range: report.title?.range ?? { start: 0, end: 0 },
    });
  },
};
export default rule;
