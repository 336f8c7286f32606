// Bounding what the Markdown parser is asked to do. Some inputs make
// micromark's time or stack explode: 10,000 nested blockquotes or list items
// overflow the stack, a table row of 100,000 cells takes minutes. No report
// needs any of that, so before parsing, nesting deeper than MAX_DEPTH and pipes
// past MAX_PIPES in a line are turned into inert characters of the same length:
// every offset stays valid for the original text, and ordinary reports are
// returned unchanged (the same string).
export const MAX_DEPTH = 32;
export const MAX_INDENT = 96;
export const MAX_PIPES = 200;

const INERT = '\u3000'; // ideographic space: text to CommonMark, never indentation or a marker
const BROKEN_BAR = '\u00a6';

function guardLine(line: string): string {
  let out = line;
  // Container prefix: spaces, tabs, '>' and list markers, counted as nesting levels.
  let i = 0;
  let depth = 0;
  let indent = 0;
  while (i < out.length) {
    const ch = out[i];
    if (ch === ' ' || ch === '\t') { indent++; i++; continue; }
    if (ch === '>') { depth++; i++; continue; }
    const m = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t])/.exec(out.slice(i, i + 11));
    if (m) { depth++; i += m[0].length; continue; }
    break;
  }
  if (depth > MAX_DEPTH || indent > MAX_INDENT) {
    // Keep the first levels; the rest of the prefix becomes plain text.
    let kept = 0;
    let spaces = 0;
    let cut = i;
    for (let k = 0; k < i; k++) {
      const ch = out[k];
      if (ch === ' ' || ch === '\t') spaces++;
      else kept++;
      if (kept > MAX_DEPTH || spaces > MAX_INDENT) { cut = k; break; }
    }
    out = out.slice(0, cut) + INERT.repeat(i - cut) + out.slice(i);
  }
  // Pipes past MAX_PIPES: no report table has that many columns.
  let pipes = 0;
  for (let k = 0; k < out.length; k++) if (out.charCodeAt(k) === 0x7c) pipes++;
  if (pipes > MAX_PIPES) {
    let seen = 0;
    out = out.replace(/\|/g, () => (++seen > MAX_PIPES ? BROKEN_BAR : '|'));
  }
  return out;
}

/** The text with pathological nesting and over-wide rows made inert; the same string when there are none. */
export function guardText(text: string): string {
  // Fast path: nothing deep or wide (the case for every real report).
  if (!/^[ \t>]{33,}|\|(?:[^|\n]*\|){200}|^(?:[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+){33,}/m.test(text)) return text;
  const lines = text.split('\n');
  let changed = false;
  for (let n = 0; n < lines.length; n++) {
    const g = guardLine(lines[n]);
    if (g !== lines[n]) { lines[n] = g; changed = true; }
  }
  return changed ? lines.join('\n') : text;
}
