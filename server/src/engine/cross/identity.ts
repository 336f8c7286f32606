// Who and when a report is, read cheaply from its first lines without
// parsing it (title → agency and year, else the 统计期限), and pairing each
// report with the same agency's report of the year before among a set of
// files checked together.

export interface Identity {
  title?: string;
  agency?: string;
  year?: number;
  /** textHash() of the whole text, when the caller read it: copies of one text pair as one. */
  textHash?: number;
  /** textFingerprints() of the text, when the caller read it: which other agencies' reports to compare with. */
  prints?: number[];
}

const TITLE_WORDS = /政府信息公开.{0,6}(年度报告|工作报告|年报)|信息公开工作年度报告/;
const CN: Record<string, string> = { 〇: '0', 零: '0', О: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** The same reading of title, agency and year as the parser's (parse/report.ts), over the first 60 lines. */
export function identify(text: string): Identity {
  const lines = text.split('\n', 200);
  let seen = 0;
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.trim().startsWith('|')) continue;
    if (++seen > 60) break;
    if (line.length > 80 || !TITLE_WORDS.test(line.replace(/\s+/g, ''))) continue;
    const title = line.replace(/^(\s*#{1,6}\s+|\*\*)/, '').replace(/\*\*\s*$/, '').trim();
    const y = titleYear(title);
    if (!y) return { title, year: periodYear(text) };
    const agency = title.slice(0, y.index).replace(/[\s#*]+/g, '') || undefined;
    return { title, agency, year: y.year };
  }
  return { year: periodYear(text) };
}

function titleYear(title: string): { year: number; index: number } | undefined {
  const m = /((?:19|20)\d{2})\s*年/.exec(title.normalize('NFKC'));
  if (m) return { year: Number(m[1]), index: m.index };
  const c = /([〇零○一二三四五六七八九]{4})\s*年/.exec(title);
  if (c) {
    const year = Number([...c[1]].map((ch) => CN[ch] ?? '').join(''));
    if (year >= 1990 && year <= 2100) return { year, index: c.index };
  }
  return undefined;
}

function periodYear(text: string): number | undefined {
  const head = text.slice(0, 4000).normalize('NFKC');
  const m = /统计期限为?\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(head) ?? /^\s*((?:19|20)\d{2})\s*年\s*[,，]/m.exec(head);
  return m ? Number(m[1]) : undefined;
}

/** Agency names compared without width, spaces or punctuation differences. */
export function agencyKey(agency: string): string {
  return agency.normalize('NFKC').replace(/[\s·•()（）《》"“”]/g, '');
}

/**
 * For each file, the file of the same agency for the year before, when exactly
 * one such file is among `items`. Files without agency or year get none.
 * `sourcesOf` (from the host, which knows file names): an imported Markdown
 * report → the published files it was imported from; when both are last
 * year's candidates, the published file stands for the pair (what was
 * published is the record), whether or not the import was edited since.
 */
export function pairPrevious<T extends { path: string; identity: Identity }>(items: readonly T[], sourcesOf?: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const byKey = new Map<string, T[]>();
  for (const it of items) {
    const { agency, year } = it.identity;
    if (!agency || year === undefined) continue;
    const key = `${agencyKey(agency)}\u0000${year}`;
    byKey.set(key, [...(byKey.get(key) ?? []), it]);
  }
  const out = new Map<string, string>();
  for (const it of items) {
    const { agency, year } = it.identity;
    if (!agency || year === undefined) continue;
    let prev = byKey.get(`${agencyKey(agency)}\u0000${year - 1}`);
    if (prev && sourcesOf) {
      const paths = new Set(prev.map((p) => p.path));
      prev = prev.filter((p) => !sourcesOf.get(p.path)?.some((s) => paths.has(s)));
    }
    // Two candidates for last year (a draft and a final, say): no guess, unless they are copies of one text.
    // (The copies are compared with each other by copy-identical and copy-differs.)
    if (prev && (prev.length === 1 || (prev[0].identity.textHash !== undefined && prev.every((p) => p.identity.textHash === prev[0].identity.textHash)))) out.set(it.path, prev[0].path);
  }
  return out;
}
