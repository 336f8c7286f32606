// Reading a figure out of a table cell. Reports write numbers with ASCII or
// full-width digits, thousands separators, a unit (件, 万元) or a note in
// brackets (55（含自然失效29件）), and 本年增/减 with -, － or −.
import type { CellKind } from '../templates/template.ts';

export type CellValue =
  /** `blank`: the cell is blank and read as 0, because its table writes no zero (parse/blanks.ts). */
  | { kind: 'number'; value: number; blank?: true }
  | { kind: 'empty' }
  | { kind: 'invalid'; reason: 'text' | 'slash' | 'negative' | 'fraction' };

const UNIT = '(?:件|项|个|条|次|人|万元|元)?';
const NOTE = '(?:\\s*[(（\\[【].*[)）\\]】])?';
const NUMBER = new RegExp(`^([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*${UNIT}${NOTE}$`);

export function parseCell(raw: string, kind: CellKind = 'count'): CellValue {
  const text = raw
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\u2014\ufe63]/g, '-')
    .replace(/\*\*|__/g, '')
    .trim();
  if (text === '') return { kind: 'empty' };
  const m = NUMBER.exec(text);
  if (!m) {
    if (/^[/\\／]+$/.test(text)) return { kind: 'invalid', reason: 'slash' };
    return { kind: 'invalid', reason: 'text' };
  }
  const sign = m[1] === '-' ? -1 : 1;
  const value = sign * Number(m[2].replace(/,/g, '') + (m[3] ?? ''));
  if (kind === 'money') return { kind: 'number', value };
  if (m[3] && Number(m[3]) !== 0) return { kind: 'invalid', reason: 'fraction' };
  if (sign < 0 && value !== 0 && kind !== 'signed') return { kind: 'invalid', reason: 'negative' };
  return { kind: 'number', value };
}

/** True when a cell reads as a figure, a blank or a placeholder rather than a label. */
export function looksLikeValue(raw: string): boolean {
  const v = parseCell(raw, 'money');
  if (v.kind !== 'invalid') return true;
  if (v.reason === 'slash') return true;
  return /^[-－—–\s无0０]+$/.test(raw.trim());
}
