// The report's prose as the cross checks read it: paragraphs outside the
// tables, headings and title, each with its source range and the section it
// belongs to; sentences and clauses inside them; figures written in Arabic or
// Chinese numerals; year mentions. Offsets always point into report.text.
import type { Report } from '../model.ts';

export interface Paragraph {
  text: string;
  start: number;
  end: number;
  /** Section definition id (overview, requests, …) or undefined before the first section. */
  section?: string;
}

export interface Span {
  text: string;
  start: number;
  end: number;
}

/**
 * Length-preserving fold of full-width forms: full-width ASCII → ASCII and the
 * ideographic space → space, so offsets found in the folded text are offsets
 * in the original.
 */
const FULL_WIDTH = /[\uff01-\uff5e\u3000\u00a0]/g;
// Several rules fold the whole report text in one analysis: the last answer is kept.
let lastIn = '';
let lastOut = '';

export function fold(s: string): string {
  if (s === lastIn) return lastOut;
  const out = s.replace(FULL_WIDTH, (ch) => {
    const c = ch.charCodeAt(0);
    return c >= 0xff01 ? String.fromCharCode(c - 0xfee0) : ' ';
  });
  lastIn = s;
  lastOut = out;
  return out;
}

/**
 * Text for similarity comparison: folded, no whitespace or Markdown emphasis.
 * NFKC folds what fold() folds (full-width ASCII, the ideographic and the
 * no-break space all have compatibility decompositions), so its output has
 * nothing left for fold(): not calling it keeps fold()'s one-entry memo for
 * the whole texts the rules fold (test/unit/perf/compact.test.ts checks every
 * code point).
 */
export function compact(s: string): string {
  return s.normalize('NFKC').replace(/\*\*|__|\s+/g, '');
}

const cache = new WeakMap<Report, Paragraph[]>();

/** Prose paragraphs: runs of non-blank lines that are not tables, section headings or the title. */
export function paragraphs(report: Report): Paragraph[] {
  let hit = cache.get(report);
  if (!hit) { hit = readParagraphs(report); cache.set(report, hit); }
  return hit;
}

function readParagraphs(report: Report): Paragraph[] {
  const text = report.text;
  const excluded: { start: number; end: number }[] = [
    ...report.rawTables.map((t) => t.range),
    ...report.sections.map((s) => s.range),
  ];
  if (report.title) excluded.push(report.title.range);
  const isExcluded = overlapsAny(excluded);
  const out: Paragraph[] = [];
  let cur: { start: number; end: number } | undefined;
  const flush = () => {
    if (cur) {
      const raw = text.slice(cur.start, cur.end);
      if (raw.trim()) out.push({ text: raw, start: cur.start, end: cur.end });
    }
    cur = undefined;
  };
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const contentEnd = lineEnd > pos && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const line = text.slice(pos, contentEnd);
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('|') || /^#{1,6}\s/.test(trimmed) || isExcluded(pos, Math.max(contentEnd, pos + 1))) {
      flush();
      // A Markdown heading that is not a section (### （一）…) is a paragraph of its own.
      if (trimmed !== '' && /^#{1,6}\s/.test(trimmed) && !isExcluded(pos, Math.max(contentEnd, pos + 1))) {
        const lead = line.length - line.trimStart().length;
        out.push({ text: line.slice(lead), start: pos + lead, end: contentEnd });
      }
    } else {
      const lead = line.length - line.trimStart().length;
      if (!cur) cur = { start: pos + lead, end: contentEnd };
      else cur.end = contentEnd;
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  flush();
  const section = sectionSweep(report);
  for (const p of out) p.section = section(p.start);
  return out;
}

/**
 * Whether [start, end) overlaps one of `ranges` (an empty range counts as one
 * character), for queries whose `end` never decreases, as a line scan makes
 * them: the ranges that begin before `end` only grow, so the test is whether
 * the furthest end among them lies past `start`. Linear in lines + ranges; a
 * compendium of 1,600 reports has 10,000 ranges and 100,000 lines.
 */
function overlapsAny(ranges: readonly { start: number; end: number }[]): (start: number, end: number) => boolean {
  const sorted = ranges.map((r) => ({ start: r.start, end: Math.max(r.end, r.start + 1) })).sort((a, b) => a.start - b.start);
  let next = 0;
  let furthest = -Infinity;
  let lastEnd = -Infinity;
  return (start, end) => {
    if (end < lastEnd) return sorted.some((r) => start < r.end && end > r.start);
    lastEnd = end;
    for (; next < sorted.length && sorted[next].start < end; next++) furthest = Math.max(furthest, sorted[next].end);
    return furthest > start;
  };
}

/**
 * sectionAt for offsets in ascending order, without scanning every section
 * each time: the sections that have begun and not ended are kept, and the
 * last of them in the report's order wins, as in sectionAt. An offset lower
 * than the one before falls back to sectionAt.
 */
function sectionSweep(report: Report): (offset: number) => string | undefined {
  const secs = report.sections;
  const order = secs.map((_, i) => i).filter((i) => secs[i].def?.id !== undefined).sort((a, b) => secs[a].range.start - secs[b].range.start);
  let next = 0;
  let open: number[] = [];
  let last = -Infinity;
  return (offset) => {
    if (offset < last) return sectionAt(report, offset);
    last = offset;
    for (; next < order.length && secs[order[next]].range.start <= offset; next++) open.push(order[next]);
    open = open.filter((i) => offset < secs[i].end);
    let best = -1;
    for (const i of open) if (i > best) best = i;
    return best < 0 ? undefined : secs[best].def!.id;
  };
}

/** The id of the section that contains offset. */
export function sectionAt(report: Report, offset: number): string | undefined {
  let id: string | undefined;
  for (const s of report.sections) {
    if (s.range.start <= offset && offset < s.end) id = s.def?.id ?? id;
  }
  return id;
}

/** Sentences of a paragraph, split after 。！？!? and at line breaks. */
export function sentences(p: { text: string; start: number }): Span[] {
  const out: Span[] = [];
  const re = /[^。！？!?\n]+[。！？!?]*/g;
  for (let m; (m = re.exec(p.text)); ) {
    if (m[0].trim()) out.push({ text: m[0], start: p.start + m.index, end: p.start + m.index + m[0].length });
  }
  return out;
}

/** Clause boundaries inside a sentence: ，,；;、 (not inside brackets). */
export const CLAUSE_BREAK = /[，,；;、]/;

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 三 → 3, 十二 → 12, 二百零五 → 205, 一千二百 → 1200; undefined when it is not a plain numeral. */
export function chineseNumber(s: string): number | undefined {
  if (!s) return undefined;
  if ([...s].every((c) => c in CN_DIGIT) && s.length > 1) {
    // Digit by digit: 二〇二一.
    return Number([...s].map((c) => CN_DIGIT[c]).join(''));
  }
  if (![...s].some((c) => c in CN_DIGIT) && s[0] !== '十') return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const c of s) {
    if (c in CN_DIGIT) {
      digit = CN_DIGIT[c];
    } else if (c in CN_UNIT) {
      total += (digit ?? 1) * CN_UNIT[c];
      digit = undefined;
    } else if (c === '万') {
      total = (total + (digit ?? 0)) * 10000;
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

export interface Figure {
  value: number;
  /** The numeral as written. */
  start: number;
  end: number;
  /** The figure with its unit (258件). */
  unitEnd: number;
  approximate: boolean;
}

const COUNT_UNIT = '(?:件次|人次|件|宗|起|例|条|个|项|份|次)';
/** Units that make a count of applications or cases, not days, departments or percentages. */
const FIGURE = new RegExp(`(约|近|超过|逾)?(\\d{1,3}(?:,\\d{3})+|\\d+|[零〇一二两三四五六七八九十百千万]+)\\s*${COUNT_UNIT}(?!工作日|月|小时|百分点|部门|单位|科室|栏目|方面|工作|措施|平台|阶段|批次)(余|多|左右|以上|以下)?`, 'g');

/** Counted figures (258件, 三项, 1件次) in a folded string, offsets relative to it. */
export function figures(folded: string): Figure[] {
  const out: Figure[] = [];
  FIGURE.lastIndex = 0;
  for (let m; (m = FIGURE.exec(folded)); ) {
    const numeral = m[2];
    const start = m.index + (m[1]?.length ?? 0);
    const value = /^\d/.test(numeral) ? Number(numeral.replace(/,/g, '')) : chineseNumber(numeral);
    if (value === undefined || !Number.isFinite(value)) continue;
    // A digit run that is part of a longer number or a date (2020年) is not a count.
    const before = folded[m.index - 1];
    if (before && /[\d.]/.test(before)) continue;
    // A single Chinese numeral used as an ordinal (一是, 第三) is not a count.
    if (!/^\d/.test(numeral) && (before === '第' || before === '其')) continue;
    out.push({ value, start, end: start + numeral.length, unitEnd: m.index + m[0].length, approximate: !!m[1] || !!m[3] });
  }
  return out;
}

export interface YearMention {
  year: number;
  start: number;
  end: number;
}

/** 2019年 / 二〇一九年 mentions in a folded string, outside 《》 titles. */
export function yearMentions(folded: string): YearMention[] {
  const out: YearMention[] = [];
  const re = /((?:19|20)\d{2})\s*年|([〇零○一二三四五六七八九]{4})\s*年/g;
  for (let m; (m = re.exec(folded)); ) {
    const before = folded[m.index - 1];
    if (before && /\d/.test(before)) continue;
    const year = m[1] ? Number(m[1]) : chineseNumber(m[2].replace(/○/g, '〇'));
    if (!year || year < 1990 || year > 2100) continue;
    if (insideTitleMarks(folded, m.index)) continue;
    out.push({ year, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** True when offset lies inside 《…》 or 〔…〕 (a document title or number, not a time reference). */
export function insideTitleMarks(s: string, offset: number): boolean {
  for (const [open, close] of [['《', '》'], ['〔', '〕'], ['[', ']']]) {
    const o = s.lastIndexOf(open, offset);
    if (o === -1) continue;
    const c = s.lastIndexOf(close, offset);
    if (c < o && s.indexOf(close, offset) !== -1) return true;
  }
  return false;
}

export interface DateMention {
  year: number;
  month: number;
  day: number;
  start: number;
  end: number;
}

const CN_DATE_PART = '[〇零○一二三四五六七八九十]';

/** A date written 2021年1月27日, 2021-02-04, 2021/2/4, 2021.02.04 or 二〇二一年一月二十七日, in a folded string. */
export function dates(folded: string): DateMention[] {
  const out: DateMention[] = [];
  const re = new RegExp(`((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日|((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)|(${CN_DATE_PART}{4})\\s*年\\s*(${CN_DATE_PART}{1,3})\\s*月\\s*(${CN_DATE_PART}{1,3})\\s*日`, 'g');
  for (let m; (m = re.exec(folded)); ) {
    let y: number | undefined, mo: number | undefined, d: number | undefined;
    if (m[1]) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    else if (m[4]) [y, mo, d] = [Number(m[4]), Number(m[5]), Number(m[6])];
    else [y, mo, d] = [chineseNumber(m[7].replace(/○/g, '〇')), chineseNumber(m[8].replace(/○/g, '〇')), chineseNumber(m[9].replace(/○/g, '〇'))];
    if (!y || !mo || !d || mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    out.push({ year: y, month: mo, day: d, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function formatDate(d: { year: number; month: number; day: number }): string {
  return `${d.year}年${d.month}月${d.day}日`;
}
