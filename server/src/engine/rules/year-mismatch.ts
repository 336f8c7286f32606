// The report's year disagrees with itself: the 统计期限 or a table header names
// another year than the title, the text calls itself another year's report, or
// it states this year's facts under another year (2019年,办理依申请公开事项3项 in a
// 2020 report: a sentence left over from last year's report). Other years
// named in a plan or a comparison (针对2019年存在的问题, 较上年) are not findings.
import { dates, figures, fold, insideTitleMarks, paragraphs, sentences, yearMentions } from '../cross/prose.ts';
import type { Report } from '../model.ts';
import type { Range } from '../types.ts';
import type { Finding, Rule } from './rule.ts';

/** Words that make another year legitimate: plans, comparisons, history, problems, references. */
const CONTEXT_OK = /针对|较(?:上|去|前|\s*(?:19|20))|相比|同比|比上|比去|将|计划|拟|要点|以来|截至|截止|上年|去年|上一年|问题|下一步|今后|明年|继续|自\s*(?:19|20)\d\d|从\s*(?:19|20)\d\d|至今|之前|之后|以前|以后|之间|期间|历年|累计|分别|对照|整改|反馈|评估|考核|通报|排名|报告中/;
/** Verbs and nouns of the year's own facts. */
const FACT = /办理|收到|受理|公开|发布|办结|答复|制定|印发|举办|开展|完成|新收|结转|复议|诉讼|处理/;

function yearFix(range: Range, year: number): Finding['fix'] {
  return { title: { zh: `改为 ${year}`, en: `Change to ${year}` }, edits: [{ range, newText: String(year) }], changesFigure: true };
}

function periodFindings(report: Report, year: number, emit: (f: Finding) => void): void {
  const text = fold(report.text);
  const re = /统计(?:期限|时限|区间|周期|时间|范围)[^。\n]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日[^。\n]{0,8}?(?:至|到|—|－|-|~|～)[^。\n]{0,4}?((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/g;
  for (let m; (m = re.exec(text)); ) {
    const startAt = m.index + m[0].indexOf(m[1]);
    const endAt = m.index + m[0].lastIndexOf(m[2]);
    for (const [y, at] of [[Number(m[1]), startAt], [Number(m[2]), endAt]] as const) {
      if (y === year) continue;
      const range = { start: at, end: at + 4 };
      emit({
        message: {
          zh: `统计期限写的是 ${y} 年，而报告${report.yearRange ? '标题' : ''}年度为 ${year} 年`,
          en: `The reporting period names ${y}, but the report${report.yearRange ? "'s title" : ''} is for ${year}`,
        },
        range,
        related: report.yearRange ? [{ range: report.yearRange, message: { zh: `标题年度 ${year}`, en: `title year ${year}` } }] : undefined,
        fix: report.yearRange ? yearFix(range, year) : undefined,
      });
    }
  }
}

function tableHeaderFindings(report: Report, year: number, emit: (f: Finding) => void): void {
  for (const t of report.rawTables) {
    if (t.tableIds.length === 0) continue;
    for (const row of t.rows) {
      for (const cell of row.cells) {
        const folded = fold(cell.text);
        if (!/上一?年|本年/.test(folded)) continue;
        for (const y of yearMentions(folded)) {
          // The year is that of the nearest 上一年 or 本年 before it (上一年项目数量（某年）, 本年较上年（某年）),
          // else of a 上一年 right after it (某年（上一年）, 某年度上年).
          const label = /[\s\S]*(上一?年|本年)/.exec(folded.slice(0, y.start))?.[1];
          const expected = (label ? label !== '本年' : /^\s*度?\s*[（(]?\s*上一?年/.test(folded.slice(y.end))) ? year - 1 : year;
          if (y.year === expected) continue;
          const range = { start: cell.range.start + y.start, end: cell.range.start + y.start + 4 };
          emit({
            message: {
              zh: `表头「${cell.text}」写的是 ${y.year} 年，${year} 年度报告此处应为 ${expected} 年`,
              en: `Table header “${cell.text}” names ${y.year}; in a ${year} report it should be ${expected}`,
            },
            // No fix: table-shape may rewrite the same header cell.
            range,
          });
        }
      }
    }
  }
}

function proseFindings(report: Report, year: number, emit: (f: Finding) => void): void {
  for (const p of paragraphs(report)) {
    for (const sent of sentences(p)) {
      const s = fold(sent.text);
      const ys = yearMentions(s);
      if (ys.length === 0) continue;
      // The report calling itself another year's report: 现将本机关2019年度政府信息公开工作年度报告…
      const self = /((?:19|20)\d{2})\s*年度?\s*(?:政府信息公开|政务公开)?\s*(?:工作)?\s*(?:年度)?\s*报告(?!\s*(?:格式|模板|样式|范本|要求|的通知|编制要求))/g;
      let selfHit = false;
      if (/现将|编制|公布如下|报告如下|本报告为|特此(?:发布|公布)|予以公布/.test(s) && !/较|比|同比|相比|针对|对照|发布后|整改|反馈/.test(s)) {
        for (let m; (m = self.exec(s)); ) {
          const y = Number(m[1]);
          if (y === year || insideTitleMarks(s, m.index)) continue;
          const range = { start: sent.start + m.index, end: sent.start + m.index + 4 };
          selfHit = true;
          emit({
            message: { zh: `正文称本报告为 ${y} 年度报告，而标题年度为 ${year} 年`, en: `The text calls this the ${y} report, but the title year is ${year}` },
            range,
            fix: report.yearRange ? yearFix(range, year) : undefined,
          });
        }
      }
      if (selfHit) continue;
      // This year's facts under another year: the sentence opens with that year and states counts.
      const first = ys[0];
      const lead = s.slice(0, first.start).replace(/[\s*#>_]/g, '').replace(/^(?:[（(]?[一二三四五六七八九十\d]{1,2}[）)、.]|[一二三四五六七八九十]+是[，,]?)/, '');
      if (lead !== '' && !/^(?:在|于)$/.test(lead)) continue;
      if (first.year >= year || first.year < year - 5) continue;
      if (ys.some((y) => y.year === year)) continue;
      const after = s.slice(first.end);
      if (/^\s*度?\s*(?:、|和|及|与|至|到|－|-|—|~|以来|起|底|末|初|上半年|下半年|第|\d|[一二三四五六七八九十]+月)/.test(after)) continue;
      if (CONTEXT_OK.test(s)) continue;
      if (!FACT.test(after)) continue;
      if (figures(after).length === 0 && !/无|未/.test(after)) continue;
      // A date (2019年12月…) is a point in time, not the year the sentence is about.
      if (dates(s).some((d) => d.start === first.start)) continue;
      const range = { start: sent.start + first.start, end: sent.start + first.start + (/^\d/.test(s.slice(first.start)) ? 4 : first.end - first.start - 1) };
      const quote = sent.text.trim().length > 40 ? sent.text.trim().slice(0, 40) + '…' : sent.text.trim();
      emit({
        message: {
          zh: `${year} 年度报告中写“${quote}”：本年度的情况写在了 ${first.year} 年名下，可能沿用了以前年度报告的文字`,
          en: `This ${year} report says “${quote}”: this year's facts are stated under ${first.year}, perhaps left over from an earlier report`,
        },
        range,
        fix: report.yearRange && /^\d{4}$/.test(report.text.slice(range.start, range.end)) ? yearFix(range, year) : undefined,
      });
    }
  }
}

const rule: Rule = {
  id: 'year-mismatch',
  severity: 'warning',
  description: { zh: '报告年度前后不一致', en: "The report's year is inconsistent" },
  check({ report, emit }) {
    const year = report.year;
    if (year === undefined) return;
    periodFindings(report, year, emit);
    tableHeaderFindings(report, year, emit);
    proseFindings(report, year, emit);
  },
};
export default rule;
