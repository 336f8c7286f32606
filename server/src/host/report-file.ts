// A Markdown report file's text, read as `nianbao check` reads it: refused
// above the size limit, then decoded (UTF-8, UTF-16 or GB18030; decode.ts).
import { readFileSync, statSync } from 'node:fs';
import { decodeBytes } from './decode.ts';
import { MAX_FILE_SIZE } from './limits.ts';

/** A file's text, decoded as check decodes it; throws with a readable message. */
export function readReportText(path: string, maxSize = MAX_FILE_SIZE): string {
  const size = statSync(path).size;
  if (size > maxSize) throw new Error(`文件过大 (file too large): ${size} > ${maxSize}`);
  return decodeBytes(readFileSync(path)).text;
}
