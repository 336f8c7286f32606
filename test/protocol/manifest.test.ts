// The extension's static parts: package.json contributions and their
// translations, the client's l10n bundle, the generated snippets, the grammar,
// the packaged .vsix, and `nianbao lsp --stdio` from the CLI bundle.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fork, spawn } from 'node:child_process';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { snippetsFile } from '../../server/src/lsp/snippets-file.ts';
import { ROOT, SERVER } from './harness.ts';

const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');
const json = (rel: string) => JSON.parse(read(rel));
const pkg = json('package.json');

describe('package.json and translations', () => {
  it('declares what a workspace extension for untrusted workspaces needs', () => {
    assert.equal(pkg.main, './dist/client.cjs');
    assert.deepEqual(pkg.extensionKind, ['workspace']);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.match(pkg.engines.vscode, /^\^1\.90/);
    assert.ok(pkg.activationEvents.includes('onLanguage:markdown'));
  });

  it('every %key% has an English and a Chinese text', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    const en = json('package.nls.json');
    const zh = json('package.nls.zh-cn.json');
    for (const k of keys) {
      assert.ok(en[k], `package.nls.json lacks ${k}`);
      assert.ok(zh[k], `package.nls.zh-cn.json lacks ${k}`);
    }
    assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort(), 'same keys in both');
    assert.deepEqual([...new Set(keys)].sort(), Object.keys(en).sort(), 'no unused keys');
  });

  it('the commands the client registers are the ones contributed', () => {
    const src = readdirSync(join(ROOT, 'client/src')).map((f) => read(`client/src/${f}`)).join('\n');
    const registered = [...src.matchAll(/registerCommand\('([\w.]+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(registered, pkg.contributes.commands.map((c: { command: string }) => c.command).sort());
    for (const id of ['nianbao.newReport', 'nianbao.nextYearReport', 'nianbao.fixAll', 'nianbao.restartServer', 'nianbao.showOutput']) assert.ok(registered.includes(id), id);
  });

  it('every client string has a Chinese translation in l10n/bundle.l10n.zh-cn.json', () => {
    const src = readdirSync(join(ROOT, 'client/src')).map((f) => read(`client/src/${f}`)).join('\n');
    const strings = [...new Set([...src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]))];
    const zh = json('l10n/bundle.l10n.zh-cn.json');
    for (const s of strings) assert.ok(zh[s], `no translation for "${s}"`);
    assert.deepEqual(Object.keys(zh).filter((k) => !strings.includes(k)), [], 'no stale translations');
  });

  it('the settings are the nine the server reads', () => {
    assert.deepEqual(Object.keys(pkg.contributes.configuration.properties).sort(), ['nianbao.baseline', 'nianbao.blankCells', 'nianbao.files', 'nianbao.inlayHints', 'nianbao.maxAnalysisTime', 'nianbao.maxFileSize', 'nianbao.rules', 'nianbao.template', 'nianbao.trace.server']);
  });

  it('nianbao.maxFileSize defaults to the one size limit, 10 MiB', async () => {
    const { MAX_FILE_SIZE } = await import('../../server/src/host/limits.ts');
    assert.equal(MAX_FILE_SIZE, 10485760);
    assert.equal(pkg.contributes.configuration.properties['nianbao.maxFileSize'].default, 10485760);
  });

  it('nianbao.maxAnalysisTime defaults to the server\'s budget', async () => {
    const { DEFAULT_MAX_ANALYSIS_TIME } = await import('../../server/src/lsp/document-config.ts');
    assert.equal(pkg.contributes.configuration.properties['nianbao.maxAnalysisTime'].default, DEFAULT_MAX_ANALYSIS_TIME);
  });

  it('contributed files exist: schema, snippets, grammar', () => {
    for (const v of pkg.contributes.jsonValidation) assert.ok(existsSync(join(ROOT, v.url)), v.url);
    assert.equal(pkg.contributes.jsonValidation[0].fileMatch, '.nianbaorc.json');
    for (const s of pkg.contributes.snippets) assert.ok(existsSync(join(ROOT, s.path)), s.path);
    for (const g of pkg.contributes.grammars) {
      const grammar = json(g.path);
      assert.equal(grammar.scopeName, g.scopeName);
      assert.deepEqual(g.injectTo, ['text.html.markdown']);
    }
  });
});

describe('snippets', () => {
  it('snippets/nianbao.json is what the templates give (`npm run snippets` rewrites it; this test never does)', () => {
    const expected = JSON.stringify(snippetsFile(), null, 2) + '\n';
    assert.equal(read('snippets/nianbao.json'), expected, 'snippets/nianbao.json is out of date: run `npm run snippets` and review the diff');
  });
});

describe('grammar', () => {
  const grammar = json('syntaxes/nianbao.injection.tmLanguage.json');
  const cases: Record<string, [string, string | null][]> = {
    'section-heading': [
      ['## 一、总体情况', '一、总体情况'],
      ['**四、政府信息公开行政复议、行政诉讼情况**', '四、政府信息公开行政复议、行政诉讼情况'],
      ['五、政府信息公开工作存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况'],
      ['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
      ['六. 其他需要报告的事项', '六. 其他需要报告的事项'],
      ['一、本年新收政府信息公开申请数量', null],
    ],
    'article-header': [['| 第二十条第（一）项 | | |', '第二十条第（一）项'], ['第二十条第(五)项', '第二十条第(五)项'], ['第二十一条', null]],
    'relation-note': [['| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 |', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'], ['自然人', null]],
  };
  for (const [name, samples] of Object.entries(cases)) {
    it(`${name} marks what it should (its regex read as JavaScript)`, () => {
      const re = new RegExp(grammar.repository[name].match);
      for (const [text, want] of samples) assert.equal(re.exec(text)?.[0] ?? null, want, text);
    });
  }
});

describe('packaging', () => {
  const vsix = join(ROOT, 'dist/nianbao.vsix');
  it('the .vsix holds the bundles and contributed files, and no node_modules', () => {
    // test/run.mjs packages before the protocol suite; run alone, this test says what to do instead of skipping.
    assert.ok(existsSync(vsix), 'dist/nianbao.vsix is missing: run `npm run package` (node test/run.mjs protocol does it first)');
    assert.ok(statSync(vsix).mtimeMs >= statSync(join(ROOT, 'package.json')).mtimeMs, 'dist/nianbao.vsix is older than package.json: run `npm run package`');
    const list = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
    assert.equal(list.status, 0, list.stderr);
    const files = list.stdout.split('\n').filter(Boolean).filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length));
    assert.ok(!files.some((f) => f.includes('node_modules')), 'no node_modules');
    for (const f of ['package.json', 'dist/client.cjs', 'dist/server.cjs', 'dist/export.cjs', 'dist/preview.cjs', 'media/preview.css', 'dist/lib/ajv.cjs', 'dist/lib/iconv-lite.cjs', 'dist/lib/remark.cjs', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json', 'snippets/nianbao.json', 'syntaxes/nianbao.injection.tmLanguage.json', 'schemas/nianbaorc.schema.json']) {
      assert.ok(files.includes(f), `${f} is missing from the .vsix`);
    }
    assert.ok(files.some((f) => /^LICENSE/.test(f)));
    // dist/published.cjs and pdf.js with its CMaps: the server's 导入并检查 (nianbao/importPublished).
    for (const f of ['dist/published.cjs', 'dist/lib/pdfjs.cjs', 'dist/lib/pdfjs-cmaps/UniGB-UCS2-H.bcmap']) assert.ok(files.includes(f), `${f} is missing from the .vsix`);
    const allowed = /^(package\.json|package\.nls(\.[\w-]+)?\.json|dist\/(client|server|export|preview|published|lib\/[\w-]+)\.cjs|dist\/lib\/pdfjs-cmaps\/([\w-]+\.bcmap|LICENSE)|media\/preview\.css|schemas\/[^/]+\.json|syntaxes\/[^/]+\.json|snippets\/[^/]+\.json|l10n\/[^/]+\.json|README\.md|docs\/rules\/[^/]+\.md|LICENSE(\.txt)?|changelog\.md|CHANGELOG\.md)$/i;
    assert.deepEqual(files.filter((f) => !allowed.test(f)), [], 'only the allowed files');
    assert.deepEqual(files.filter((f) => f.endsWith('.map')), [], 'no source maps');
  });
});

describe('nianbao lsp --stdio', () => {
  const cli = join(ROOT, 'dist/cli.cjs');
  it('the CLI bundle runs the same server', async () => {
    assert.ok(existsSync(cli), 'dist/cli.cjs is missing: run `node esbuild.mjs` (npm run test:protocol does it first)');
    const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    rpc.listen();
    try {
      const result = await rpc.sendRequest<{ capabilities: { hoverProvider?: boolean }; serverInfo?: { name: string } }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(result.serverInfo?.name, 'nianbao');
      assert.equal(result.capabilities.hoverProvider, true);
      await rpc.sendRequest('shutdown');
      await rpc.sendNotification('exit');
    } finally {
      rpc.dispose();
      child.kill();
    }
  });
});

describe('transports', () => {
  it('dist/server.cjs speaks node IPC, as the VS Code client starts it', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const rpc = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    rpc.listen();
    try {
      const result = await rpc.sendRequest<{ capabilities: { textDocumentSync: { change: number } } }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(result.capabilities.textDocumentSync.change, 2);
      await rpc.sendRequest('shutdown');
      await rpc.sendNotification('exit');
    } finally {
      rpc.dispose();
      child.kill();
    }
  });
});
