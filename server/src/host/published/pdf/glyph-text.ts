// Text as the PDF's fonts map it, made into the characters a reader sees.
// Some producers (Chromium's Type 3 fonts, re-embedded fonts) map a glyph to
// a radical code point instead of the ideograph that shares its shape: 人 as
// ⼈ (Kangxi Radicals) or 民 as ⺠ (CJK Radicals Supplement). NFKC fixes the
// Kangxi block; the supplement has no decompositions, so it needs a table
// (simplified forms, as the fonts of these reports draw them). Nothing else
// is normalised here: figures, full-width digits and punctuation stay as
// written (the engine reads full-width digits itself).

/** Radicals whose glyph is the simplified character (NFKC would give the traditional form, or nothing). */
const RADICALS: Record<string, string> = {
  '\u2e81': '厂', '\u2e8a': '卜', '\u2e9f': '母', '\u2ea0': '民', '\u2ea9': '王', '\u2ec1': '虎',
  '\u2ec4': '西', '\u2ec5': '见', '\u2ec6': '角', '\u2ec9': '贝', '\u2ecb': '车', '\u2ed1': '長',
  '\u2ed3': '长', '\u2ed4': '门', '\u2ed8': '青', '\u2ed9': '韦', '\u2eda': '页', '\u2edb': '风',
  '\u2edc': '飞', '\u2edd': '食', '\u2ee2': '马', '\u2ee3': '骨', '\u2ee4': '鬼', '\u2ee5': '鱼',
  '\u2ee6': '鸟', '\u2ee7': '卤', '\u2ee8': '麦', '\u2ee9': '黄', '\u2eea': '黾', '\u2eec': '齐',
  '\u2eee': '齿', '\u2ef0': '龙', '\u2ef3': '龟',
  // Kangxi radicals whose NFKC form is the traditional character while simplified fonts draw the simplified one.
  '\u2f3e': '户', '\u2fad': '青',
};

const RADICAL_CHAR = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;

/** Radical code points → the ideographs they stand for; every other character unchanged. */
export function mapRadicals(text: string): string {
  if (!/[\u2e80-\u2fdf]/.test(text)) return text;
  return text.replace(RADICAL_CHAR, (c) => RADICALS[c] ?? c.normalize('NFKC'));
}

/** Han, kana, CJK and full-width punctuation: characters set without spaces between them. */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u00b7]/;
const DIGIT = /[0-9０-９]/;

function isWide(c: string | undefined): boolean {
  return c !== undefined && WIDE.test(c) && !DIGIT.test(c);
}

/** Dates and times keep the space between their parts (`2022-01-20 09:30`). */
const DATE_PUNCT = /[:：\-/]/;
const wordBefore = (s: string) => s.slice(s.lastIndexOf(' ') + 1);
const wordAfter = (s: string, from: number) => { const k = s.indexOf(' ', from); return s.slice(from, k < 0 ? s.length : k); };

/**
 * Spaces that are layout, not text, taken out: between two CJK characters
 * (justified and distributed text spreads glyphs; pdf.js writes the gaps as
 * spaces: `总 计`, `结 果`) and between two digits (a figure split by a glyph
 * gap: `202 3`, `1 2 5`). A space between a digit or Latin letter and a CJK
 * character is kept (`2020 年` is how some reports write it); runs of spaces
 * become one.
 */
export function tidySpaces(text: string): string {
  const t = text.replace(/[ \u00a0\u3000\t]+/g, ' ').trim();
  if (!t.includes(' ')) return t;
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c !== ' ') { out += c; continue; }
    const before = out[out.length - 1];
    const after = t[i + 1];
    if (isWide(before) && isWide(after)) continue;
    if (before !== undefined && after !== undefined && DIGIT.test(before) && DIGIT.test(after) && !DATE_PUNCT.test(wordBefore(out)) && !DATE_PUNCT.test(wordAfter(t, i + 1))) continue;
    out += c;
  }
  return out;
}

/** Whether to put a space between two runs on one line, `gap` points apart. */
export function needsSpace(left: string, right: string, gap: number, size: number): boolean {
  const a = left[left.length - 1];
  const b = right[0];
  if (a === undefined || b === undefined || a === ' ' || b === ' ') return false;
  if (isWide(a) || isWide(b)) return false;
  // Between digits too: tidySpaces takes the space out again unless it separates a date from a time.
  return gap > size * 0.2;
}

/** A figure as a table cell holds it: digits, separators, sign, an optional unit or note. */
export function isFigureText(text: string): boolean {
  return /^[-+－−]?[0-9０-９][0-9０-９,，.．]*$/.test(text.replace(/\s+/g, ''));
}
