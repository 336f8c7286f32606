// The report's publication or signature date is after the deadline (by
// default the legal one, 《条例》第四十九条: 31 January of the next year; 31
// March for a people's government's own report; `.nianbaorc.json` can set one
// per kind of agency or per path: settings.ts), before the report year has
// ended, or so late (two years or more) that the date or the report year must
// be wrong.
import { dates, fold, formatDate, type DateMention } from '../cross/prose.ts';
import type { Report } from '../model.ts';
import { DEFAULT_DEADLINES, type AgencyKind, type CheckSettings } from '../settings.ts';
import type { Rule } from './rule.ts';

export interface DateFound extends DateMention {
  kind: 'published' | 'signed';
}

const LABEL = /(?:发布|公开|成文|印发|发文|生成|公布)(?:时间|日期)|^\s*(?:日期|时间)\s*[:：]/;

/** Publication dates (发布时间：2021-02-04) and the signature date (a line holding only a date after the last section). */
export function reportDates(report: Report): DateFound[] {
  const text = report.text;
  const folded = fold(text);
  // Lines are visited in order, and rawTables are in document order: one pointer over the tables says whether a
  // line starts in one. Asking every table for every line was quadratic in a compendium (thousands of each).
  const tables = report.rawTables;
  let next = 0;
  const inTable = (at: number) => {
    while (next < tables.length && tables[next].range.end <= at) next++;
    return next < tables.length && tables[next].range.start <= at;
  };
  const lastSection = report.sections.filter((s) => s.def).pop();
  const signFrom = lastSection ? lastSection.range.start : Math.floor(text.length * 2 / 3);
  const out: DateFound[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const line = folded.slice(pos, end);
    if (!inTable(pos) && line.trim()) {
      const label = LABEL.exec(line);
      if (label) {
        const d = dates(line).find((x) => x.start >= label.index && x.start - (label.index + label[0].length) <= 6);
        if (d) out.push({ ...d, start: pos + d.start, end: pos + d.end, kind: 'published' });
      } else if (pos >= signFrom) {
        const ds = dates(line);
        const bare = line.replace(/[\s*#>_|()（）]/g, '');
        if (ds.length === 1 && bare === line.slice(ds[0].start, ds[0].end).replace(/\s/g, '')) {
          out.push({ ...ds[0], start: pos + ds[0].start, end: pos + ds[0].end, kind: 'signed' });
        }
      }
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  return out;
}

/** A people's government's own report (title says 人民政府, not one of its offices or departments). */
export function isGovernmentReport(report: Report): boolean {
  return /人民政府$/.test(reportingBody(report));
}

function reportingBody(report: Report): string {
  return (report.agency ?? report.title?.text.split(/(?:19|20)\d{2}|政府信息公开/)[0] ?? '').replace(/\s+/g, '');
}

/**
 * Which kind of agency reports, for its deadline: a county-level people's
 * government (县、区、旗, 县级市 cannot be told from a city by name and counts
 * as a city), a city's (市、州、盟), any other people's government (province,
 * township: `government`), else a department.
 */
export function agencyKind(report: Report): AgencyKind {
  const who = reportingBody(report);
  if (!/人民政府$/.test(who)) return 'department';
  const place = who.slice(0, -'人民政府'.length);
  if (/(?:自治区|省)$/.test(place)) return 'government';
  if (/(?:县|区|旗)$/.test(place)) return 'county';
  if (/(?:市|州|盟)$/.test(place)) return 'city';
  return 'government';
}

export interface Deadline {
  year: number;
  month: number;
  day: number;
  /** 'law': the 条例's default for the kind; 'kind': set for the kind; 'path': set for the file's path. */
  source: 'law' | 'kind' | 'path';
  kind: AgencyKind;
}

/** The report's due date: a path's setting, else its kind's setting (county and city fall back to government's), else the law's. */
export function deadline(report: Report, checks: CheckSettings = {}): Deadline | undefined {
  if (report.year === undefined) return undefined;
  const kind = agencyKind(report);
  const d = checks.deadlines ?? {};
  const set = d.due ? { md: d.due, source: 'path' as const }
    : d[kind] ? { md: d[kind]!, source: 'kind' as const }
    : (kind === 'county' || kind === 'city') && d.government ? { md: d.government, source: 'kind' as const }
    : { md: DEFAULT_DEADLINES[kind], source: 'law' as const };
  return { year: report.year + 1, month: set.md.month, day: set.md.day, source: set.source, kind };
}

const KIND_NAMES: Record<AgencyKind, { zh: string; en: string }> = {
  department: { zh: '部门', en: 'department' },
  county: { zh: '县（区）人民政府', en: 'county government' },
  city: { zh: '市（州）人民政府', en: 'city government' },
  government: { zh: '人民政府', en: "people's government" },
};

const cmp = (a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }) => a.year - b.year || a.month - b.month || a.day - b.day;

const rule: Rule = {
  id: 'publish-date',
  severity: 'warning',
  description: { zh: '发布或落款日期逾期或与报告年度不符', en: 'The publication or signature date is late or does not fit the report year' },
  check({ report, checks, emit }) {
    const year = report.year;
    const due = deadline(report, checks);
    if (year === undefined || !due) return;
    const gov = due.kind !== 'department';
    const limit = due.source === 'law'
      ? {
          zh: `法定期限 ${formatDate(due)}（《条例》第四十九条：${gov ? '县级以上地方人民政府的年度报告应于每年3月31日前公布' : '政府部门的年度报告应于每年1月31日前公布'}）`,
          en: `the legal deadline ${formatDate(due)} (Regulations art. 49: ${gov ? "a people's government's report by 31 March" : "a department's report by 31 January"})`,
        }
      : due.source === 'kind'
        ? { zh: `规定期限 ${formatDate(due)}（配置文件为${KIND_NAMES[due.kind].zh}设定）`, en: `the deadline ${formatDate(due)} (set in the configuration for a ${KIND_NAMES[due.kind].en})` }
        : { zh: `规定期限 ${formatDate(due)}（配置文件为此路径设定）`, en: `the deadline ${formatDate(due)} (set in the configuration for this path)` };
    for (const d of reportDates(report)) {
      const what = d.kind === 'published' ? { zh: '发布日期', en: 'publication date' } : { zh: '落款日期', en: 'signature date' };
      const range = { start: d.start, end: d.end };
      const rel = report.yearRange ? [{ range: report.yearRange, message: { zh: `报告年度 ${year}`, en: `report year ${year}` } }] : undefined;
      if (d.year >= year + 2) {
        emit({
          message: {
            zh: `${what.zh} ${formatDate(d)} 比报告年度 ${year} 晚两年以上，不可能是本报告的日期：报告年度或日期有误（本报告应于 ${formatDate(due)} 前发布）`,
            en: `The ${what.en} ${formatDate(d)} is two or more years after the report year ${year}; either the year or the date is wrong (due by ${formatDate(due)})`,
          },
          range,
          related: rel,
        });
      } else if (cmp(d, { year, month: 12, day: 31 }) <= 0) {
        emit({
          message: {
            zh: `${what.zh} ${formatDate(d)} 早于报告年度 ${year} 年结束：年度报告应在年度结束后发布`,
            en: `The ${what.en} ${formatDate(d)} is before the end of the report year ${year}`,
          },
          range,
          related: rel,
        });
      } else if (cmp(d, due) > 0) {
        emit({
          message: {
            zh: `${what.zh} ${formatDate(d)} 晚于${limit.zh}`,
            en: `The ${what.en} ${formatDate(d)} is after ${limit.en}`,
          },
          range,
          related: rel,
        });
      }
    }
  },
};
export default rule;
