// Small helpers shared by engine tests.
import { readFileSync } from 'node:fs';
import { analyze, type AnalyzeOptions } from '../../server/src/engine/analyze.ts';
import { LineIndex } from '../../server/src/engine/lines.ts';

export const root = new URL('../../', import.meta.url).pathname;

export function fixture(path: string): string {
  return readFileSync(root + path, 'utf8');
}

/** Diagnostics as "rule@line" strings, sorted: what most assertions compare. */
export function findings(text: string, options?: AnalyzeOptions): string[] {
  const lines = new LineIndex(text);
  return analyze(text, options).diagnostics.map((d) => `${d.ruleId}@${lines.position(d.range.start).line + 1}`).sort();
}

export function lineOf(text: string, offset: number): number {
  return new LineIndex(text).position(offset).line + 1;
}
