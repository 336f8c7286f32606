// Reading LSP messages from stdio, recovering from a corrupt frame. Each
// message is a header block ("Content-Length: N", CRLF CRLF) and N bytes of
// JSON. vscode-jsonrpc's reader trusts the count: one wrong Content-Length (a
// client counting characters instead of UTF-8 bytes, a stray write to the
// pipe) leaves it reading every later body as the next header, so the server
// stays alive but never answers again. This stream sits in front of it: it
// reads the header blocks itself and, when one holds junk before its
// Content-Length (the tail of a body read short), keeps only the real header,
// so the message after a corrupt one is read correctly. Bodies are passed
// through as they arrive, never copied whole; header blocks are a few bytes.
import { Transform, type TransformCallback } from 'node:stream';

const TERMINATOR = Buffer.from('\r\n\r\n');
/** A header block longer than this without its terminator is junk. */
const MAX_HEADER = 16 * 1024;
/**
 * A Content-Length above this is junk too: waiting for that many bytes would
 * leave the server deaf. No editor sends a document this large (VS Code does
 * not even sync files over 50 MB to extensions), and above it nianbao would
 * not analyse the document anyway (maxFileSize).
 */
export const MAX_BODY = 256 * 1024 * 1024;

export class FrameRepair extends Transform {
  private chunks: Buffer[] = [];
  private size = 0;
  /** Body bytes still to pass through; -1 while reading a header block. */
  private body = -1;

  constructor(private readonly onJunk: (skipped: number) => void = () => undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (chunk.length) {
      this.chunks.push(chunk);
      this.size += chunk.length;
      this.drain();
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.body < 0 && this.size > 0) this.onJunk(this.size);
    done();
  }

  private drain(): void {
    while (this.size > 0) {
      if (this.body >= 0) {
        this.passBody();
        continue;
      }
      if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.size)];
      const buf = this.chunks[0];
      const end = buf.indexOf(TERMINATOR);
      if (end < 0) {
        // No complete header yet; junk without one is dropped, all but a tail where a header may begin.
        if (buf.length > MAX_HEADER) {
          const keep = 64;
          this.onJunk(buf.length - keep);
          this.chunks = [buf.subarray(buf.length - keep)];
          this.size = keep;
        }
        return;
      }
      const header = buf.subarray(0, end).toString('latin1');
      this.chunks = [buf.subarray(end + TERMINATOR.length)];
      this.size = this.chunks[0].length;
      // The last Content-Length in the block: what precedes it is the tail of a body read short.
      const lengths = [...header.matchAll(/content-length[ \t]*:[ \t]*(\d+)[ \t]*(?=\r\n|$)/gi)];
      const last = lengths.at(-1);
      if (!last || Number(last[1]) > MAX_BODY) {
        this.onJunk(end + TERMINATOR.length);
        continue;
      }
      const length = Number(last[1]);
      const before = header.slice(0, last.index);
      if (before.split('\r\n').some((l) => l !== '' && !/^[\w-]+[ \t]*:/.test(l))) this.onJunk(before.length);
      const type = /(?:^|\r\n)(content-type[ \t]*:[^\r\n]*)/i.exec(header.slice(last.index!));
      this.push(Buffer.from(`Content-Length: ${length}\r\n${type ? type[1] + '\r\n' : ''}\r\n`, 'latin1'));
      this.body = length;
      if (length === 0) this.body = -1;
    }
  }

  private passBody(): void {
    while (this.body > 0 && this.chunks.length) {
      const first = this.chunks[0];
      if (first.length <= this.body) {
        this.push(first);
        this.chunks.shift();
        this.size -= first.length;
        this.body -= first.length;
      } else {
        this.push(first.subarray(0, this.body));
        this.chunks[0] = first.subarray(this.body);
        this.size -= this.body;
        this.body = 0;
      }
    }
    if (this.body === 0) this.body = -1;
  }
}
