// Neovim as a second real LSP client: Debian's Neovim 0.7, headless, with the
// configuration docs/editors.md gives (vim.lsp.start_client and
// vim.lsp.buf_attach_client from a FileType autocommand), starts
// `nianbao lsp --stdio`, opens a report with a wrong total, and reads the
// diagnostics back with vim.diagnostic.get; the quick fix chosen through
// vim.lsp.buf.code_action (vim.ui.select answered as a user would) clears them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../../support/engine.ts';
import { needDist } from '../../support/dist.ts';

/** The Neovim 0.7–0.10 block of docs/editors.md, as users copy it. */
function documentedConfig(): string {
  const doc = readFileSync(join(root, 'docs/editors.md'), 'utf8');
  const blocks = [...doc.matchAll(/```lua\n([^]*?)```/g)].map((m) => m[1]);
  const config = blocks.find((b) => b.includes('vim.lsp.start_client'));
  assert.ok(config, 'docs/editors.md has the Neovim 0.7 configuration');
  return config;
}

// Runs after the user's configuration: opens the report, waits for nianbao's
// diagnostics, applies the quick fix for the wrong total, waits again, and
// writes what it saw as JSON.
const DRIVER = String.raw`
local out, report, title = os.getenv('NVIM_TEST_OUT'), os.getenv('NVIM_TEST_REPORT'), os.getenv('NVIM_TEST_TITLE')
local result = { version = vim.version() }
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qall!')
end
local function plain(ds)
  local t = {}
  for i, d in ipairs(ds) do t[i] = { code = d.code, lnum = d.lnum, col = d.col, severity = d.severity, message = d.message, source = d.source } end
  return t
end
vim.cmd('edit ' .. vim.fn.fnameescape(report))
local buf = vim.api.nvim_get_current_buf()
result.filetype = vim.bo[buf].filetype
result.waited = vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
result.clients = {}
for _, c in pairs(vim.lsp.buf_get_clients(buf)) do table.insert(result.clients, c.name) end
result.before = plain(vim.diagnostic.get(buf))
local target
for _, d in ipairs(vim.diagnostic.get(buf)) do
  if d.code == 'total-results' then target = d end
end
if not target then return finish() end
vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
result.offered = {}
vim.ui.select = function(items, opts, on_choice)
  for i, item in ipairs(items) do
    table.insert(result.offered, { title = item[2].title, kind = item[2].kind })
  end
  for i, item in ipairs(items) do
    if item[2].kind == 'quickfix' and item[2].title == title then
      result.chosen = item[2].title
      return on_choice(item, i)
    end
  end
  on_choice(nil)
end
vim.lsp.buf.code_action()
result.fixed = vim.wait(60000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'total-results' then return false end
  end
  return result.chosen ~= nil
end, 50)
vim.wait(1000)
result.after = plain(vim.diagnostic.get(buf))
result.line = vim.api.nvim_buf_get_lines(buf, target.lnum, target.lnum + 1, false)[1]
finish()
`;

test('Neovim 0.7 with the documented set-up: diagnostics with rule ids, and the quick fix clears them', { timeout: 180_000 }, () => {
  needDist();
  // Not skipped when missing: the suite's set-up installs it (test/e2e/setup.sh).
  assert.equal(spawnSync('nvim', ['--version']).status, 0, 'Neovim is not installed: Debian package neovim');
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-nvim-'));
  // `nianbao` on PATH, as after npm install -g: the CLI bundle of this tree.
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin/nianbao'), `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'dist/cli.cjs')}" "$@"\n`);
  chmodSync(join(dir, 'bin/nianbao'), 0o755);
  // A clean report with one wrong total: （七）总计 of 自然人 says 25, the results add up to 24.
  const clean = readFileSync(join(root, 'examples/2022-clean-2021-format.md'), 'utf8');
  const wrong = clean.replace('| （七）总计 | 24 |', '| （七）总计 | 25 |');
  assert.notEqual(wrong, clean);
  writeFileSync(join(dir, 'report.md'), wrong);
  writeFileSync(join(dir, 'init.lua'), documentedConfig());
  writeFileSync(join(dir, 'driver.lua'), DRIVER);
  const out = join(dir, 'result.json');
  const r = spawnSync('nvim', ['--headless', '--clean', '-u', join(dir, 'init.lua'), '-c', `luafile ${join(dir, 'driver.lua')}`], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 150_000,
    env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), XDG_STATE_HOME: join(dir, 'state'), XDG_CACHE_HOME: join(dir, 'cache'), NVIM_TEST_OUT: out, NVIM_TEST_REPORT: join(dir, 'report.md'), NVIM_TEST_TITLE: '将（七）总计「自然人」改为 24' },
  });
  assert.ok(existsSync(out), `Neovim wrote no result (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  interface Diag { code: string; lnum: number; col: number; severity: number; message: string; source?: string }
  const result = JSON.parse(readFileSync(out, 'utf8')) as { version: { major: number; minor: number }; filetype: string; waited: boolean; clients: string[]; before: Diag[]; offered?: { title: string; kind: string }[]; chosen?: string; fixed?: boolean; after?: Diag[]; line?: string };
  assert.equal(result.version.major, 0);
  assert.ok(result.version.minor >= 7);
  assert.equal(result.filetype, 'markdown');
  assert.deepEqual(result.clients, ['nianbao']);
  assert.ok(result.waited, 'diagnostics arrived');
  // The wrong total breaks three relations at the same cell, on line 63 (0-based 62).
  assert.deepEqual(result.before.map((d) => [d.code, d.lnum, d.severity]).sort(), [['balance', 62, 1], ['total-results', 62, 1], ['total-row', 62, 1]]);
  const total = result.before.find((d) => d.code === 'total-results')!;
  assert.equal(total.message, '（七）总计「自然人」应为 24（各办理结果之和），实为 25');
  // Neovim counts columns in bytes of UTF-8, the server in UTF-16 units: the client converted them.
  assert.equal(Buffer.from(wrong.split('\n')[total.lnum]).subarray(total.col, total.col + 2).toString(), '25');
  assert.ok(result.offered!.some((a) => a.kind === 'quickfix' && a.title === '将（七）总计「自然人」改为 24'), JSON.stringify(result.offered));
  assert.equal(result.chosen, '将（七）总计「自然人」改为 24');
  assert.ok(result.fixed, 'total-results cleared after the quick fix');
  assert.deepEqual(result.after, [], 'the report is clean again');
  assert.equal(result.line, '| （七）总计 | 24 | 4 | 0 | 0 | 1 | 0 | 29 |');
});
