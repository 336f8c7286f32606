// Figures the prose states about applications and cases: 共收到政府信息公开申请
// 258件, 上年结转2件, 予以公开100件, 被申请行政复议1件, and the like. Each
// statement says what it counts (a metric), on which bases the table may be
// read for it (受理 may or may not include the carried-over applications), and
// where the figure is. Extraction is deliberately narrow: a figure is taken
// only when a keyword stands right before it in the same clause, the sentence
// is about the report year, and it is not a comparison, a plan or a running
// total. What is not understood is left alone.
import { detached } from '../detach.ts';
import { CLAUSE_BREAK, figures, fold, sentences, yearMentions, type Paragraph } from './prose.ts';

/** What a basis sums: rows (or row groups) of a table, over the chosen columns. */
export interface Basis {
  table: 't3' | 't4';
  rows: string[];
  /** Default: total (t3) or the metric's own total column (t4). */
  columns?: string[];
  zh: string;
  en: string;
}

export type MetricId =
  | 'new' | 'received' | 'accepted' | 'completed' | 'handled'
  | 'carried_in' | 'carry_over'
  | 'disclosed' | 'partial' | 'withheld' | 'unavailable' | 'not_processed' | 'other_handling'
  | 'review' | 'litigation' | 'direct' | 'after_review';

interface MetricDef {
  id: MetricId;
  pattern: RegExp;
  /** The keyword counts applications only when 申请 is said (收到 alone may be 收到市长信箱来信). */
  needsApplication?: boolean;
  zh: string;
  en: string;
}

const B = {
  new: { table: 't3', rows: ['new'], zh: '「一、本年新收」', en: '1. new this year' },
  newCarried: { table: 't3', rows: ['new', 'carried_in'], zh: '「一、本年新收」＋「二、上年结转」', en: '1. new + 2. carried in' },
  carried: { table: 't3', rows: ['carried_in'], zh: '「二、上年结转」', en: '2. carried in' },
  carryOver: { table: 't3', rows: ['carry_over'], zh: '「四、结转下年度继续办理」', en: '4. carried over' },
  results: { table: 't3', rows: ['results_total'], zh: '「（七）总计」', en: '3.(7) results total' },
  disclosed: { table: 't3', rows: ['disclosed'], zh: '「（一）予以公开」', en: '(1) disclosed' },
  partial: { table: 't3', rows: ['partial'], zh: '「（二）部分公开」', en: '(2) partly disclosed' },
  withheld: { table: 't3', rows: ['withheld'], zh: '「（三）不予公开」各项之和', en: 'the rows of (3) withheld' },
  unavailable: { table: 't3', rows: ['unavailable'], zh: '「（四）无法提供」各项之和', en: 'the rows of (4) unavailable' },
  notProcessed: { table: 't3', rows: ['not_processed'], zh: '「（五）不予处理」各项之和', en: 'the rows of (5) not processed' },
  otherHandling: { table: 't3', rows: ['other_handling'], zh: '「（六）其他处理」', en: '(6) other handling' },
  review: { table: 't4', rows: ['counts'], columns: ['review.total'], zh: '「行政复议·总计」', en: 'reconsideration total' },
  litigation: { table: 't4', rows: ['counts'], columns: ['direct.total', 'after_review.total'], zh: '「未经复议直接起诉·总计」＋「复议后起诉·总计」', en: 'direct + after-review litigation totals' },
  direct: { table: 't4', rows: ['counts'], columns: ['direct.total'], zh: '「未经复议直接起诉·总计」', en: 'direct litigation total' },
  afterReview: { table: 't4', rows: ['counts'], columns: ['after_review.total'], zh: '「复议后起诉·总计」', en: 'after-review litigation total' },
} satisfies Record<string, Basis>;

// Order matters: earlier patterns claim their text first (上年结转 before 结转, 不予公开 before 公开).
const METRICS: MetricDef[] = [
  { id: 'carried_in', pattern: /(?:上年度?|上一年度?|去年)(?:度)?(?:的)?结转/g, zh: '上年结转', en: 'carried in' },
  { id: 'carry_over', pattern: /结转(?:至|到|入)?下(?:一)?年度?(?:继续办理)?|转入下(?:一)?年度?(?:继续办理)?/g, zh: '结转下年度', en: 'carried over' },
  { id: 'direct', pattern: /(?:未经复议)?直接(?:提起)?(?:行政)?(?:诉讼|起诉)/g, zh: '直接起诉', en: 'direct litigation' },
  { id: 'after_review', pattern: /复议后(?:提起)?(?:行政)?(?:诉讼|起诉)/g, zh: '复议后起诉', en: 'litigation after reconsideration' },
  { id: 'review', pattern: /行政复议|复议/g, zh: '行政复议', en: 'administrative reconsideration' },
  { id: 'litigation', pattern: /行政诉讼|诉讼/g, zh: '行政诉讼', en: 'administrative litigation' },
  { id: 'withheld', pattern: /不予(?:以)?公开/g, zh: '不予公开', en: 'withheld' },
  { id: 'partial', pattern: /部分公开/g, zh: '部分公开', en: 'partly disclosed' },
  { id: 'disclosed', pattern: /予以公开|同意公开|全部公开/g, zh: '予以公开', en: 'disclosed' },
  { id: 'unavailable', pattern: /无法提供/g, zh: '无法提供', en: 'unavailable' },
  { id: 'not_processed', pattern: /不予处理/g, zh: '不予处理', en: 'not processed' },
  { id: 'other_handling', pattern: /其他处理/g, zh: '其他处理', en: 'other handling' },
  { id: 'new', pattern: /新收|新接收|新受理/g, needsApplication: true, zh: '新收', en: 'new' },
  { id: 'received', pattern: /收到|接收|收悉|共收/g, needsApplication: true, zh: '收到', en: 'received' },
  { id: 'accepted', pattern: /受理/g, needsApplication: true, zh: '受理', en: 'accepted' },
  { id: 'completed', pattern: /办结|办理完毕|处理完毕|答复/g, needsApplication: true, zh: '办结', en: 'completed' },
  { id: 'handled', pattern: /办理|处理/g, needsApplication: true, zh: '办理', en: 'handled' },
];

type ApplicantId = 'natural_person' | 'org' | 'commercial' | 'research' | 'public_interest' | 'legal_services';
const ORG = ['commercial', 'research', 'public_interest', 'legal_services', 'other'];
const APPLICANTS: { id: ApplicantId; pattern: RegExp; columns: string[]; zh: string; en: string }[] = [
  { id: 'natural_person', pattern: /自然人/g, columns: ['natural_person'], zh: '自然人', en: 'natural persons' },
  { id: 'org', pattern: /法人(?:或|和|及|与)?其他组织|法人/g, columns: ORG, zh: '法人或其他组织', en: 'legal persons and other organisations' },
  { id: 'commercial', pattern: /商业企业/g, columns: ['commercial'], zh: '商业企业', en: 'businesses' },
  { id: 'research', pattern: /科研机构/g, columns: ['research'], zh: '科研机构', en: 'research institutions' },
  { id: 'public_interest', pattern: /社会公益组织|公益组织/g, columns: ['public_interest'], zh: '社会公益组织', en: 'public-interest organisations' },
  { id: 'legal_services', pattern: /法律服务机构/g, columns: ['legal_services'], zh: '法律服务机构', en: 'legal-service institutions' },
];

/** 含上年结转 / 其中上年结转 / 加上年结转: the figure before counts the carried-over applications too. */
const INCLUDES_CARRIED = /(?:含|包括|包含|其中|加上?|连同)[^，。；,;]{0,8}?(?:上年度?|上一年度?|去年)[^，。；,;]{0,3}?结转/;
/** Words that make a clause a comparison, a running total, a part of the year or a plan. */
const OFF_BASIS = /较上|较去年|较\d{4}年|比上|比去年|同比|环比|同期|累计|历年|以来|上半年|下半年|季度|月份|计划|拟|力争|预计|目标|平均|日均|月均/;
/** 上年/去年 not followed by 结转: a statement about last year. */
const LAST_YEAR = /(?:上年度?|上一年度?|去年)(?!度?的?结转)/;
const QUALIFIED = /有效|合规|符合/;
/** Right before a keyword: 未 (尚未, 未予, 未能), 不 (不予, 不再), 没 / 没有. */
const NEGATED = /(?:未[予能曾]?|不[予再能]?|没有?)$/;
const APPLICATION = /申请/;
/** Between an applicant and its keyword (法人或其他组织新收, 自然人共收到, 商业企业提出的申请): a few joining words. */
const APPLICANT_LEAD = /^(?:的|共|共计|全年|提出的?)?$/;

export interface Statement {
  metric: MetricId;
  metricZh: string;
  metricEn: string;
  /** Applicant column group when the statement is about one kind of applicant. */
  applicant?: { zh: string; en: string; columns: string[] };
  value: number;
  /** Alternative readings of the table: the statement holds if it equals any of them. */
  bases: Basis[];
  /** Range of the figure in the report text. */
  start: number;
  end: number;
  /** The statement's words, from its keyword to its unit (收到依申请公开件1件次). */
  quote: string;
  /** True for statements of absence (无…行政复议): the figure is 0. */
  zero?: boolean;
}

interface Hit {
  kind: 'metric' | 'applicant';
  index: number;
  start: number;
  end: number;
}

function hits(s: string): Hit[] {
  const taken: Hit[] = [];
  const overlaps = (a: number, b: number) => taken.some((h) => a < h.end && b > h.start);
  METRICS.forEach((m, index) => {
    m.pattern.lastIndex = 0;
    for (let x; (x = m.pattern.exec(s)); ) {
      if (!overlaps(x.index, x.index + x[0].length)) taken.push({ kind: 'metric', index, start: x.index, end: x.index + x[0].length });
    }
  });
  APPLICANTS.forEach((a, index) => {
    a.pattern.lastIndex = 0;
    for (let x; (x = a.pattern.exec(s)); ) {
      if (!overlaps(x.index, x.index + x[0].length)) taken.push({ kind: 'applicant', index, start: x.index, end: x.index + x[0].length });
    }
  });
  return taken.sort((a, b) => a.start - b.start);
}

function basesFor(metric: MetricId, sentenceAfter: string): Basis[] {
  const inc = INCLUDES_CARRIED.test(sentenceAfter);
  switch (metric) {
    case 'new': return inc ? [B.newCarried] : [B.new];
    case 'received': return inc ? [B.newCarried] : [B.new, B.newCarried];
    case 'accepted': return inc ? [B.newCarried] : [B.new, B.newCarried];
    case 'completed': return inc ? [B.results, B.newCarried] : [B.results, B.new, B.newCarried];
    case 'handled': return inc ? [B.results, B.newCarried] : [B.results, B.new, B.newCarried];
    case 'carried_in': return [B.carried];
    case 'carry_over': return [B.carryOver];
    case 'disclosed': return [B.disclosed];
    case 'partial': return [B.partial];
    case 'withheld': return [B.withheld];
    case 'unavailable': return [B.unavailable];
    case 'not_processed': return [B.notProcessed];
    case 'other_handling': return [B.otherHandling];
    case 'review': return [B.review];
    case 'litigation': return [B.litigation];
    case 'direct': return [B.direct];
    case 'after_review': return [B.afterReview];
  }
}

/** The clause of s around [start, end): from the clause break before start to the one after end. */
function clauseBounds(s: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && !CLAUSE_BREAK.test(s[a - 1])) a--;
  let b = end;
  while (b < s.length && !CLAUSE_BREAK.test(s[b]) && !/[。！？!?]/.test(s[b])) b++;
  return [a, b];
}

function clauseAround(s: string, start: number, end: number): string {
  return s.slice(...clauseBounds(s, start, end));
}

/** Where a basis marker (含上年结转) may stand: from the keyword to the end of the figure's clause, and a bracket right after it. */
function scopeOf(s: string, start: number, figureEnd: number): string {
  let b = figureEnd;
  while (b < s.length && !CLAUSE_BREAK.test(s[b]) && !/[。！？!?（(]/.test(s[b])) b++;
  if (s[b] === '（' || s[b] === '(') {
    const close = s.slice(b).search(/[）)]/);
    b = close === -1 ? s.length : b + close + 1;
  }
  return s.slice(start, b);
}

/** The year the sentence is about at offset: the last year mentioned before it, if any. */
function yearBefore(s: string, offset: number): number | undefined {
  const ys = yearMentions(s).filter((y) => y.end <= offset);
  return ys.length ? ys[ys.length - 1].year : undefined;
}

const JOINER = /^(?:和|及|以及|与|或|、|\/)$/;
// 无 as in 无法, 无正当理由, 无需 is not a negation; 可 / 告知 (可以申请行政复议) is advice, not a count.
const NONE = '(?:无(?!法|正当|需|误|论|偿|效)|未发生|没有(?!正当|现成)|未出现|未有|不存在)';
const ZERO_REVIEW = new RegExp(`${NONE}(?:[^，。；,;纠败撤违举报被可告]{0,14}?)(?:行政)?复议(?!后|决定|纠|维持|被|结果)`, 'g');
const ZERO_LITIGATION = new RegExp(`${NONE}(?:[^，。；,;纠败撤违举报被可告]{0,24}?)(?:行政)?诉讼(?!判决|败诉|被|结果)`, 'g');
const ZERO_NEW = /未(?:收到|接到|受理)[^，。；,;]{0,10}?申请|(?:没有|无)(?:收到)?(?:政府信息公开|依申请公开)(?:申请)?(?!工作)/g;

// Reading a paragraph depends on its text and the report year only: each is
// read once and moved to where the paragraph stands, so a keystroke re-reads
// just the paragraph it changed.
const read = new Map<string, Statement[]>();
const READ_LIMIT = 1_000;

/** Statements of one paragraph for a report of `year`. */
export function statements(p: Paragraph, year: number | undefined): Statement[] {
  const key = `${year ?? ''}\u0000${p.text}`;
  let rel = read.get(key);
  if (!rel) {
    // Copies, not slices: a cached slice would keep its whole report text alive.
    rel = readStatements({ text: p.text, start: 0, end: p.text.length }, year).map((st) => ({ ...st, quote: detached(st.quote) }));
    if (read.size >= READ_LIMIT) read.clear();
    read.set(detached(key), rel);
  }
  return rel.map((st) => ({ ...st, start: st.start + p.start, end: st.end + p.start }));
}

function readStatements(p: Paragraph, year: number | undefined): Statement[] {
  const out: Statement[] = [];
  for (const sent of sentences(p)) {
    const s = fold(sent.text);
    const hs = hits(s);
    const figs = figures(s);
    let lastMetric: { hit: Hit; bases: Basis[] } | undefined;
    for (const f of figs) {
      // The keyword right before the figure, in the same clause, with nothing but words between.
      const before = hs.filter((h) => h.end <= f.start);
      const h = before[before.length - 1];
      if (!h) continue;
      const gap = s.slice(h.end, f.start);
      if (gap.length > 20 || CLAUSE_BREAK.test(gap) || /[。！？!?]/.test(gap) || /\d/.test(gap)) continue;
      if (figs.some((g) => g !== f && g.start >= h.end && g.start < f.start)) continue;
      if (f.approximate) continue;
      const clause = clauseAround(s, h.start, f.unitEnd);
      if (OFF_BASIS.test(clause)) continue;
      const at = yearBefore(s, f.start);
      if (year !== undefined && at !== undefined && at !== year) continue;
      if (h.kind === 'applicant') {
        // 其中自然人申请200件: a part of the statement before it in the same sentence.
        if (!lastMetric) continue;
        const a = APPLICANTS[h.index];
        const m = METRICS[lastMetric.hit.index];
        if (!lastMetric.bases.every((b) => b.table === 't3')) continue;
        out.push({
          metric: m.id, metricZh: m.zh, metricEn: m.en,
          applicant: { zh: a.zh, en: a.en, columns: a.columns },
          value: f.value,
          bases: lastMetric.bases.map((b) => ({ ...b, columns: a.columns })),
          start: sent.start + f.start, end: sent.start + f.end,
          quote: sent.text.slice(h.start, f.unitEnd),
        });
        continue;
      }
      // 未受理申请3件, 不予受理2件, 尚未办结5件: a negated keyword counts what it is not (不予公开 and 不予处理 are
      // keywords of their own, claimed whole); nor are the applicants after it parts of an earlier statement.
      if (NEGATED.test(s.slice(Math.max(0, h.start - 2), h.start))) {
        lastMetric = undefined;
        continue;
      }
      const m = METRICS[h.index];
      if (m.id !== 'carried_in' && LAST_YEAR.test(clause)) continue;
      if (m.needsApplication) {
        // 申请 in the clause (not 申请行政复议), or the sentence is about 依申请公开 and nothing else is named before the figure.
        const c = clause.replace(/申请(?:行政)?复议/g, '');
        const topical = /依申请/.test(s) && /^(?:共|共计|总计|合计|了|各类|政府信息公开|依申请公开|公开|申请|事项|的|\s)*$/.test(gap);
        if (!APPLICATION.test(c) && !topical) continue;
        if (QUALIFIED.test(clause)) continue;
      }
      // 行政复议和行政诉讼共1件: a figure shared by two keywords is not read, unless 各 / 均 splits it.
      const prev = hs.filter((x) => x.end <= h.start).pop();
      const joined = prev && prev.kind === 'metric' && JOINER.test(s.slice(prev.end, h.start).trim() || 'x');
      const each = /各|均为|均/.test(gap);
      const bases = basesFor(m.id, scopeOf(s, h.start, f.unitEnd));
      lastMetric = { hit: h, bases };
      if (joined && !each) continue;
      // 法人或其他组织新收申请6件: the applicant right before the keyword makes it that applicant's figure, compared with
      // its columns; two applicants joined (自然人和法人新收…) or a basis outside table 3 leave the figure unread.
      const who = prev && prev.kind === 'applicant' && APPLICANT_LEAD.test(s.slice(prev.end, h.start)) ? prev : undefined;
      if (who) {
        const first = hs.filter((x) => x.end <= who.start).pop();
        if (first && first.kind === 'applicant' && JOINER.test(s.slice(first.end, who.start).trim() || 'x')) continue;
        if (!bases.every((b) => b.table === 't3')) continue;
        const a = APPLICANTS[who.index];
        out.push({
          metric: m.id, metricZh: m.zh, metricEn: m.en,
          applicant: { zh: a.zh, en: a.en, columns: a.columns },
          value: f.value,
          bases: bases.map((b) => ({ ...b, columns: a.columns })),
          start: sent.start + f.start, end: sent.start + f.end,
          quote: sent.text.slice(who.start, f.unitEnd),
        });
        continue;
      }
      const push = (metric: MetricDef, bs: Basis[]) => out.push({
        metric: metric.id, metricZh: metric.zh, metricEn: metric.en,
        value: f.value, bases: bs,
        start: sent.start + f.start, end: sent.start + f.end,
        quote: sent.text.slice(h.start, f.unitEnd),
      });
      push(m, bases);
      if (joined && each) {
        const pm = METRICS[prev!.index];
        push(pm, basesFor(pm.id, scopeOf(s, prev!.start, f.unitEnd)));
      }
    }
    // Statements of absence: 无因依申请公开引起的复议或诉讼, 未收到政府信息公开申请.
    const zero = (re: RegExp, metric: MetricId, zh: string, en: string, check?: (clause: string) => boolean) => {
      re.lastIndex = 0;
      for (let x; (x = re.exec(s)); ) {
        const [from, to] = clauseBounds(s, x.index, x.index + x[0].length);
        const clause = s.slice(from, to);
        if (OFF_BASIS.test(clause) || LAST_YEAR.test(clause) || QUALIFIED.test(clause)) continue;
        if (check && !check(clause)) continue;
        // A count in its own clause makes it no statement of absence (未受理的申请3件); a count in the next
        // clause is another statement (未收到申请，办结3件) and leaves it one.
        if (figs.some((g) => g.start >= from && g.start < to)) continue;
        const at = yearBefore(s, x.index);
        if (year !== undefined && at !== undefined && at !== year) continue;
        out.push({
          metric, metricZh: zh, metricEn: en, value: 0, zero: true,
          bases: basesFor(metric, ''),
          start: sent.start + x.index, end: sent.start + x.index + x[0].length,
          quote: sent.text.slice(x.index, x.index + x[0].length),
        });
      }
    };
    zero(ZERO_REVIEW, 'review', '行政复议', 'administrative reconsideration');
    zero(ZERO_LITIGATION, 'litigation', '行政诉讼', 'administrative litigation');
    zero(ZERO_NEW, 'received', '收到申请', 'applications received', (c) => !/复议|诉讼/.test(c));
  }
  return out;
}
