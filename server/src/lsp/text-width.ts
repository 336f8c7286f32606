// Display width of text in a monospaced editor: East Asian Wide and Fullwidth
// characters (CJK ideographs in every extension plane, full-width
// punctuation such as （）、：) take two columns, combining marks and
// zero-width characters none, everything else one (Ambiguous counts as
// narrow, as UAX #11 recommends when the context is unknown).
import { eastAsianWidth } from 'get-east-asian-width';

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    if (cp >= 0x300 && ZERO_WIDTH.test(ch)) continue;
    width += eastAsianWidth(cp);
  }
  return width;
}
