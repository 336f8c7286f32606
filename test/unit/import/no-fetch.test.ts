// `nianbao import` never fetches what an HTML page refers to: images,
// stylesheets, scripts, frames, redirects, fonts, prefetch hints. The page
// below points every one of them at a local HTTP server that counts
// requests; the import (the real CLI bundle, dist/cli.cjs) must make none,
// and still read the report. Build first: `node esbuild.mjs` (or set
// NIANBAO_CLI_SOURCE=1 to run the sources).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = new URL('../../..', import.meta.url).pathname;
const HTML = join(ROOT, 'test/fixtures/import/official-2021.html');

describe('nianbao import fetches nothing', () => {
  it('an HTML page referring to 14 remote resources: no request is made, the report is still read', async () => {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<table><tr><td>一、本年新收政府信息公开申请数量</td><td>999</td></tr></table>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const refs = [
        `<img src="${base}/img.png">`, `<img srcset="${base}/a.png 1x, ${base}/b.png 2x">`,
        `<link rel="stylesheet" href="${base}/style.css">`, `<link rel="prefetch" href="${base}/prefetch">`,
        `<link rel="import" href="${base}/import.html">`, `<script src="${base}/script.js"></script>`,
        `<iframe src="${base}/frame.html"></iframe>`, `<object data="${base}/object.html"></object>`,
        `<embed src="${base}/embed.swf">`, `<video src="${base}/video.mp4" poster="${base}/poster.png"></video>`,
        `<meta http-equiv="refresh" content="0; url=${base}/refresh">`, `<base href="${base}/base/">`,
        `<style>@import url("${base}/at-import.css"); body { background: url(${base}/bg.png) }</style>`,
        `<table background="${base}/table-bg.png"><tr><td>x</td></tr></table>`,
      ];
      // What belongs in <head> goes there (anything else would end the head early); the rest before </body>.
      const inHead = (r: string) => /^<(link|script|meta|base|style)/.test(r);
      const page = readFileSync(HTML, 'utf8')
        .replace(/<head>/i, `<head>${refs.filter(inHead).join('')}`)
        .replace(/<\/body>/i, `${refs.filter((r) => !inHead(r)).join('')}</body>`);
      assert.ok(refs.every((r) => page.includes(r)), 'every reference is in the page');
      const dir = mkdtempSync(join(tmpdir(), 'nianbao-nofetch-'));
      const file = join(dir, 'page.html');
      writeFileSync(file, page);
      // As test/support/cli.ts: the bundle, or the sources with NIANBAO_CLI_SOURCE=1.
      const entry = process.env.NIANBAO_CLI_SOURCE ? ['--import', 'tsx', join(ROOT, 'server/src/cli/main.ts')] : [join(ROOT, 'dist/cli.cjs')];
      const child = spawn(process.execPath, [...entry, 'import', file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d));
      child.stderr.on('data', (d: Buffer) => (err += d));
      const code = await new Promise<number | null>((r) => child.on('exit', r));
      // Anything started in the last moment would have reached the server by now.
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(code, 0, err);
      assert.match(out, /^# 某市文化和旅游局2021年政府信息公开工作年度报告\n/);
      assert.ok(!out.includes('999'), 'nothing from the remote server is in the report');
      assert.deepEqual(requests, [], 'no request reached the server');
    } finally {
      server.close();
    }
  });
});
