// Label normalisation: two labels that differ only in character width,
// spacing or quote style are the same label. Typos are not normalised away;
// they are measured by labelSimilarity and reported by table-row-label.
import { distance } from 'fastest-levenshtein';
import { detached } from '../detach.ts';

const QUOTES = /[“”„‟"'‘’「」『』]/g;
// Spaces of every width, and characters that print as nothing (controls, zero-width, BOM) that copying leaves in labels.
const SPACES = /[\s\u3000\u00a0\u0000-\u001f\u007f\u200b-\u200f\u2060\ufeff]+/g;

// Labels repeat across rows, tables and templates: normalising each distinct string once pays for the cache.
const cache = new Map<string, string>();

export function normLabel(text: string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const norm = normalise(text);
  if (cache.size > 50_000) cache.clear();
  // Keys and values are copied: a slice would keep its whole report text alive.
  cache.set(detached(text), detached(norm));
  return norm;
}

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(SPACES, '')
    .replace(QUOTES, '"')
    .replace(/\*\*|__|\\/g, '')
    .replace(/。/g, '.')
    .replace(/^\|+|\|+$/g, '');
}

/** Similarity in [0, 1]: 1 − edit distance / longer length, on normalised text. */
export function similarity(a: string, b: string): number {
  const max = Math.max(a.length, b.length);
  if (max === 0) return 1;
  return 1 - distance(a, b) / max;
}

