// FrameRepair (server/src/lsp/framing.ts): well-formed LSP frames pass
// through unchanged however the pipe splits them; after a corrupt frame the
// next message is read correctly instead of every later body being taken for
// a header.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrameRepair } from '../../../server/src/lsp/framing.ts';

function frame(body: string): Buffer {
  return Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`), Buffer.from(body)]);
}

/** Feeds `input` in the given pieces; returns what comes out and how many bytes were reported as junk. */
async function run(input: Buffer, cuts: number[] = []): Promise<{ out: Buffer; junk: number }> {
  let junk = 0;
  const repair = new FrameRepair((n) => { junk += n; });
  const out: Buffer[] = [];
  repair.on('data', (d: Buffer) => out.push(d));
  const ended = new Promise((r) => repair.on('end', r));
  let at = 0;
  for (const c of [...cuts, input.length]) {
    repair.write(input.subarray(at, c));
    at = c;
  }
  repair.end();
  await ended;
  return { out: Buffer.concat(out), junk };
}

/** The bodies of the frames in `data`, parsed strictly (as vscode-jsonrpc does). */
function bodies(data: Buffer): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < data.length) {
    const end = data.indexOf('\r\n\r\n', at);
    assert.ok(end >= 0, 'a complete header');
    const m = /^Content-Length: (\d+)(\r\nContent-Type: [^\r\n]*)?$/.exec(data.subarray(at, end).toString('latin1'));
    assert.ok(m, `a clean header: ${JSON.stringify(data.subarray(at, end).toString('latin1'))}`);
    out.push(data.subarray(end + 4, end + 4 + Number(m[1])).toString('utf8'));
    at = end + 4 + Number(m[1]);
  }
  return out;
}

const A = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { text: '某局2023年政府信息公开工作年度报告\r\n\r\n| 1 |' } });
const B = JSON.stringify({ jsonrpc: '2.0', method: 'initialized', params: {} });
const C = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'shutdown' });

describe('FrameRepair', () => {
  it('passes well-formed frames through byte for byte, at every split of the pipe', async () => {
    const input = Buffer.concat([frame(A), frame(B), frame(C)]);
    for (let cut = 0; cut <= input.length; cut += 7) {
      const { out, junk } = await run(input, [cut]);
      assert.deepEqual(out, input, `split at ${cut}`);
      assert.equal(junk, 0);
    }
    // One byte at a time.
    const { out } = await run(input, Array.from({ length: input.length }, (_, i) => i));
    assert.deepEqual(out, input);
  });

  it('keeps a Content-Type header, and accepts any header case and spacing', async () => {
    const input = Buffer.concat([Buffer.from(`content-length:${Buffer.byteLength(B)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${B}`), frame(C)]);
    const { out, junk } = await run(input);
    assert.deepEqual(bodies(out), [B, C]);
    assert.match(out.toString('latin1'), /Content-Type: application\/vscode-jsonrpc; charset=utf-8/);
    assert.equal(junk, 0);
  });

  it('after a Content-Length shorter than its body, the next message is read correctly', async () => {
    const input = Buffer.concat([Buffer.from(`Content-Length: 5\r\n\r\n${B}`), frame(C), frame(A)]);
    const { out, junk } = await run(input, [30, 31, 90]);
    assert.deepEqual(bodies(out), [B.slice(0, 5), C, A], 'the corrupt message is lost, the rest are not');
    assert.equal(junk, Buffer.byteLength(B) - 5);
  });

  it('characters counted instead of UTF-8 bytes: one message lost, the next ones read', async () => {
    const wrong = Buffer.from(`Content-Length: ${A.length}\r\n\r\n${A}`);
    const { out } = await run(Buffer.concat([wrong, frame(B), frame(C)]));
    assert.deepEqual(bodies(out).slice(1), [B, C]);
  });

  it('drops header blocks without a Content-Length, and long junk without any header', async () => {
    const junk = Buffer.alloc(100_000, 'x');
    const input = Buffer.concat([Buffer.from('Content-Type: nothing\r\n\r\n'), Buffer.from('garbage\r\n\r\n'), frame(B), junk, frame(C)]);
    const r = await run(input, [10, 40, 5000, 70_000]);
    assert.deepEqual(bodies(r.out), [B, C]);
    assert.ok(r.junk >= 100_000 - 64, `junk reported: ${r.junk}`);
  });

  it('a Content-Length beyond MAX_BODY is junk, not a reason to wait forever', async () => {
    const { out, junk } = await run(Buffer.concat([Buffer.from('Content-Length: 99999999999999999999999\r\n\r\n'), frame(B)]));
    assert.deepEqual(bodies(out), [B]);
    assert.ok(junk > 0);
  });

  it('passes a 20 MB body through in pieces, without holding it whole', async () => {
    const big = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: '公开'.repeat(3_500_000) } });
    const input = Buffer.concat([frame(big), frame(C)]);
    const cuts = Array.from({ length: Math.floor(input.length / 65536) }, (_, i) => (i + 1) * 65536);
    const repair = new FrameRepair();
    let pieces = 0;
    let largest = 0;
    const out: Buffer[] = [];
    repair.on('data', (d: Buffer) => { pieces++; largest = Math.max(largest, d.length); out.push(d); });
    const ended = new Promise((r) => repair.on('end', r));
    let at = 0;
    for (const c of [...cuts, input.length]) { repair.write(input.subarray(at, c)); at = c; }
    repair.end();
    await ended;
    assert.deepEqual(bodies(Buffer.concat(out)), [big, C]);
    assert.ok(largest <= 65536 * 2, `largest piece ${largest} bytes`);
    assert.ok(pieces > 100);
  });
});
