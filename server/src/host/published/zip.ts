// The zip container of a .docx, read and written with node's zlib only, so
// that a hostile file is judged before any library inflates it: the central
// directory's sizes are checked against limits, then every entry is inflated
// with an output cap of the size it declares (a zip bomb that lies about its
// sizes is stopped at the cap), and the entries are written back into a
// stored (uncompressed) zip whose sizes are true, for mammoth to read.
import { inflateRawSync } from 'node:zlib';
import { ImportError } from '../../engine/import/import-types.ts';

export interface ZipLimits {
  /** Sum of the entries' uncompressed sizes. */
  maxTotal: number;
  maxEntry: number;
  maxEntries: number;
  /** Uncompressed ÷ compressed, for entries larger than 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_LIMITS: ZipLimits = { maxTotal: 256 * 2 ** 20, maxEntry: 128 * 2 ** 20, maxEntries: 5000, maxRatio: 400 };

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  flags: number;
  crc: number;
}

const unreadable = (zh: string, en: string) => new ImportError('unreadable', { zh, en });
const bomb = (zh: string, en: string) => new ImportError('zip-bomb', { zh: `拒绝处理：${zh}（疑似压缩炸弹）`, en: `refused: ${en} (looks like a zip bomb)` });

/** The central directory: every entry's name, method and declared sizes. */
export function readDirectory(buf: Buffer, limits: ZipLimits = DEFAULT_LIMITS): ZipEntry[] {
  if (buf.length < 22) throw unreadable('文件太短，不是完整的 .docx（zip）文件', 'too short to be a .docx (zip) file');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw unreadable('找不到 zip 目录：文件不完整（可能下载或复制时被截断）或不是 .docx', 'no zip directory found: the file is truncated (an interrupted download or copy) or not a .docx');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw unreadable('不支持 ZIP64 格式的文件', 'ZIP64 archives are not supported');
  if (count > limits.maxEntries) throw bomb(`压缩包内有 ${count} 个文件`, `${count} entries in the archive`);
  if (cdOffset + cdSize > eocd) throw unreadable('zip 目录超出文件末尾：文件不完整', 'the zip directory runs past the end of the file: truncated');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw unreadable('zip 目录已损坏', 'the zip directory is damaged');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw unreadable('不支持 ZIP64 格式的文件', 'ZIP64 archives are not supported');
    if (size > limits.maxEntry) throw bomb(`${name} 解压后有 ${size} 字节`, `${name} expands to ${size} bytes`);
    if (size > 2 ** 20 && size / Math.max(1, compressedSize) > limits.maxRatio) throw bomb(`${name} 的压缩比为 ${Math.round(size / Math.max(1, compressedSize))}:1`, `${name} has a compression ratio of ${Math.round(size / Math.max(1, compressedSize))}:1`);
    total += size;
    if (total > limits.maxTotal) throw bomb(`解压后总大小超过 ${limits.maxTotal} 字节`, `the entries expand to more than ${limits.maxTotal} bytes`);
    entries.push({ name, method, compressedSize, size, localOffset, flags, crc });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** One entry's bytes, inflated with a cap at its declared size. */
export function readEntry(buf: Buffer, e: ZipEntry): Buffer {
  if (e.flags & 1) throw new ImportError('unsupported', { zh: '文件已加密，请先在 Word/WPS 中取消密码', en: 'the file is encrypted; remove the password in Word/WPS first' });
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw unreadable(`zip 中 ${e.name} 的数据已损坏或缺失：文件不完整`, `the data of ${e.name} is damaged or missing: the file is truncated`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw unreadable(`zip 中 ${e.name} 的数据不完整：文件被截断`, `the data of ${e.name} is cut short: the file is truncated`);
  const raw = buf.subarray(start, end);
  if (e.method === 0) {
    if (raw.length !== e.size) throw unreadable(`zip 中 ${e.name} 的大小不符`, `the size of ${e.name} does not match`);
    return checked(e, Buffer.from(raw));
  }
  if (e.method !== 8) throw new ImportError('unsupported', { zh: `不支持的压缩方式 ${e.method}（${e.name}）`, en: `unsupported compression method ${e.method} (${e.name})` });
  let out: Buffer;
  try {
    out = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw bomb(`${e.name} 解压后比声明的 ${e.size} 字节更大`, `${e.name} expands beyond the ${e.size} bytes it declares`);
    throw unreadable(`zip 中 ${e.name} 无法解压：文件已损坏或不完整`, `${e.name} cannot be inflated: the file is damaged or truncated`);
  }
  if (out.length !== e.size) throw unreadable(`zip 中 ${e.name} 解压后大小不符：文件已损坏`, `${e.name} does not inflate to its declared size: the file is damaged`);
  return checked(e, out);
}

function checked(e: ZipEntry, data: Buffer): Buffer {
  if (crc32(data) !== e.crc) throw unreadable(`zip 中 ${e.name} 的校验和不符：文件已损坏`, `the checksum of ${e.name} does not match: the file is damaged`);
  return data;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A stored (uncompressed) zip of the given entries. */
export function writeStoredZip(files: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(f.data.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(f.data.length, 20);
    central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, f.data);
    centrals.push(central, name);
    offset += 30 + name.length + f.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
