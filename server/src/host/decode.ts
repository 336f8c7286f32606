// Bytes from disk → text. Reports come from Chinese office software as UTF-8
// (with or without BOM), UTF-16 with BOM, or GB18030/GBK; each is detected
// and decoded, and the encoding is kept so --fix can write the same bytes back.
import iconv from 'iconv-lite';

export type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'gb18030';

export class DecodeError extends Error {}

export function decodeBytes(buf: Uint8Array): { text: string; encoding: Encoding } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: strictUtf8(buf.subarray(3)), encoding: 'utf8bom' };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf16le'), encoding: 'utf16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf16be'), encoding: 'utf16be' };
  if (looksBinary(buf)) throw new DecodeError('binary file (NUL bytes or control characters), not text');
  try {
    return { text: strictUtf8(buf), encoding: 'utf8' };
  } catch {
    // Mostly UTF-8 with a broken byte is damaged UTF-8, not GBK: decoding it as GBK would turn it into nonsense.
    const scan = scanUtf8(buf);
    if (scan.valid > 0 && scan.valid >= scan.invalid) throw new DecodeError(`invalid UTF-8 at byte ${scan.firstInvalid}`);
    // Not UTF-8: GB18030 (a superset of GBK and GB2312) is what Chinese Windows writes.
    const text = iconv.decode(Buffer.from(buf), 'gb18030');
    if (text.includes('\ufffd') || !/[\u4e00-\u9fff]/.test(text)) throw new DecodeError('invalid UTF-8 and not GB18030/GBK text');
    return { text, encoding: 'gb18030' };
  }
}

export function encodeText(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8': return Buffer.from(text, 'utf8');
    case 'utf8bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    case 'utf16be': return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]);
    case 'gb18030': return iconv.encode(text, 'gb18030');
  }
}

function strictUtf8(buf: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(buf);
}

function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 7 || (b > 13 && b < 27) || (b > 27 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Counts well-formed multi-byte UTF-8 sequences and malformed ones. */
function scanUtf8(buf: Uint8Array): { valid: number; invalid: number; firstInvalid: number } {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need >= 0 && i + need < buf.length;
    for (let k = 1; ok && k <= need; k++) ok = (buf[i + k] & 0xc0) === 0x80;
    if (!ok) {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    } else {
      if (need > 0) valid++;
      i += need + 1;
    }
  }
  return { valid, invalid, firstInvalid };
}
