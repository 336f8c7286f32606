// The wording every report shares because the format or the 条例 prescribes
// it (the opening 本报告根据…编制, the 统计期限, where the report can be read,
// the contact line, 无。): such sentences are not copying, between years or
// between agencies. Data: one pattern per formula sentence, matched against a
// sentence with spaces and emphasis removed.

/** The formulas that copied-text (one agency's paragraphs, year on year) leaves out. */
export const YEARLY_FORMULAS: readonly RegExp[] = [
  /^本(?:年度)?报告(?:是)?(?:根据|依据|按照)/,
  /统计期限|统计时限|数据统计/,
  /(?:本|年度)报告[^。]{0,24}(?:电子版|可在|网站|下载|查阅|索取)/,
  /如对本(?:年度)?报告|联系(?:地址|电话|方式)|邮政?编码|联系人/,
  /^无[。.]?$|^无其他需要报告的事项/,
  /^现(?:将|就)[^。]{0,40}报告如下[:：]?$/,
];

/** Between agencies more sentences are prescribed alike: the report's outline and the fee statement too. */
export const FORMULA_SENTENCES: readonly RegExp[] = [
  ...YEARLY_FORMULAS,
  /^本(?:年度)?报告(?:由|包括|共分|分为)/,
  /^(?:全文|以下)?(?:分为|包括)[^。]{0,20}(?:总体情况|部分)/,
  /^本机关(?:本年度|全年)?未收取(?:任何)?信息处理费/,
  /^本年度(?:本机关)?(?:没有|未)收取信息处理费/,
];

/** Whether a sentence, compacted (prose.ts's compact), is one of the formula sentences. */
export function isFormulaCompact(c: string): boolean {
  return FORMULA_SENTENCES.some((re) => re.test(c));
}

/** The text with every run of digits (and a decimal part) replaced by #: figures aside, the same wording. */
export function maskNumbers(s: string): string {
  return s.replace(/\d+(?:[.,]\d+)*/g, '#');
}
