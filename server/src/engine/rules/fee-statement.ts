// From report year 2021, 六、其他需要报告的事项 must say whether 信息处理费 was
// charged (国办函〔2020〕109号, 《政府信息公开信息处理费管理办法》; the 2021
// format). A section that says nothing about fees is a finding.
import type { Rule } from './rule.ts';

/** Wording that states the fee position: 信息处理费, 处理费, 收费, 收取…费用, 未收费. */
export const FEE_WORDS = /信息处理费|处理费|收费|收取[^。；\n]{0,12}?费|费用|不收取|未收取/;

const rule: Rule = {
  id: 'fee-statement',
  severity: 'warning',
  description: { zh: '未说明信息处理费收取情况', en: 'No statement on information-processing fees' },
  check({ report, emit }) {
    if (report.year === undefined || report.year < 2021) return;
    const section = report.sections.find((s) => s.def?.id === 'other');
    if (!section) return; // section-missing reports the absent section.
    const body = report.text.slice(section.range.end, section.end);
    if (FEE_WORDS.test(body.normalize('NFKC'))) return;
    const heading = `${section.numeral ? `${section.numeral}、` : ''}${section.title}`;
    emit({
      message: {
        zh: `「${heading}」没有说明信息处理费的收取情况：自 2021 年度起应写明本年度收取的信息处理费（或未收取）`,
        en: `“${heading}” says nothing about information-processing fees: from report year 2021 it must state the fees charged (or that none were)`,
      },
      range: section.range,
    });
  },
};
export default rule;
