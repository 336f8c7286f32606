// End-to-end harness: the extension in a real VS Code.
//
// VS Code here is code-server (VS Code 1.100 in the browser, installed from the
// npm registry by test/e2e/setup.sh), driven by Debian's Chromium through
// playwright-core. Everything a run writes (user data, extensions, logs,
// workspaces, failure screenshots) goes under test/e2e/.run/ (gitignored).
//
//   const vs = await launchVSCode({ workspace, vsix });
//   await vs.openFileFromExplorer('report.md');
//   assert.ok((await vs.problemsCount()).total > 0);
//   await vs.close();
//
// Run tests with: node --import tsx --test test/e2e/*.e2e.test.ts
// Environment: E2E_CHROMIUM (default /usr/bin/chromium), E2E_HEADED=1 (show the
// browser; needs a display), E2E_SLOWMO=ms, E2E_KEEP_RUNS=n (run dirs kept, default 8).

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, createWriteStream, readFileSync } from 'node:fs';
import { dirname, join, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes, createHash } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page, type Locator } from 'playwright-core';
import { writeStoredZip } from '../../server/src/host/published/zip.ts';

// Browser-side globals used inside page.evaluate callbacks. The repository's
// tsconfig has no DOM lib; these module-scoped declarations keep it that way.
declare const document: any;
declare const navigator: any;
declare const getComputedStyle: any;

export const E2E_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(E2E_DIR, '..', '..');

export { screenshotDir } from '../support/screenshots.ts';
export const SERVER_PREFIX = join(E2E_DIR, '.vscode-server');
export const CODE_SERVER_ENTRY = join(SERVER_PREFIX, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const RUN_ROOT = join(E2E_DIR, '.run');
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** User settings for every run: no welcome page or walkthroughs, nothing phoning home. */
export const DEFAULT_USER_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'security.workspace.trust.startupPrompt': 'always',
  'editor.hover.delay': 300,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'window.commandCenter': false,
};

// ---------------------------------------------------------------- utilities

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls fn until it returns a truthy value (returned) or the timeout passes (throws with the last value/error). */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T> | T,
  { timeout = 15_000, interval = 200 }: { timeout?: number; interval?: number } = {},
): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  let last: unknown;
  let lastErr: unknown;
  for (;;) {
    try {
      last = await fn();
      lastErr = undefined;
      if (last) return last as NonNullable<T>;
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() > end) {
      const detail = lastErr ? `last error: ${(lastErr as Error).message ?? lastErr}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`timed out after ${timeout}ms waiting for ${what} (${detail})`);
    }
    await sleep(interval);
  }
}

function log(msg: string): void {
  if (process.env.E2E_QUIET !== '1') process.stderr.write(`[e2e] ${msg}\n`);
}

/** Throws a helpful error when test/e2e/setup.sh has not been run. */
export function assertSetupDone(): void {
  const problems: string[] = [];
  if (!existsSync(CODE_SERVER_ENTRY)) problems.push(`code-server not found at ${CODE_SERVER_ENTRY}`);
  else if (!existsSync(join(SERVER_PREFIX, '.setup-complete'))) problems.push('code-server install is incomplete (no .setup-complete marker)');
  if (!existsSync(CHROMIUM_PATH)) problems.push(`Chromium not found at ${CHROMIUM_PATH}`);
  if (problems.length) {
    throw new Error(`end-to-end setup missing: ${problems.join('; ')}. Run test/e2e/setup.sh first.`);
  }
}

/** A fresh directory under test/e2e/.run/ for one VS Code run. Old run dirs are pruned. */
export function makeRunDir(name: string): string {
  mkdirSync(RUN_ROOT, { recursive: true });
  pruneRunDirs(Number(process.env.E2E_KEEP_RUNS ?? 8));
  // Short names: code-server puts a unix socket in the user data dir (108-byte limit).
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 16) || 'run';
  const dir = join(RUN_ROOT, `${safe}-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function pruneRunDirs(keep: number): void {
  let entries: { path: string; mtime: number }[];
  try {
    entries = readdirSync(RUN_ROOT).map((n) => {
      const p = join(RUN_ROOT, n);
      return { path: p, mtime: statSync(p).mtimeMs };
    });
  } catch {
    return;
  }
  entries.sort((a, b) => b.mtime - a.mtime);
  for (const e of entries.slice(Math.max(0, keep))) rmSync(e.path, { recursive: true, force: true });
}

/** Writes files (relative path -> content, text or bytes) into a new folder and returns its absolute path. */
export function createWorkspace(dir: string, files: Record<string, string | Uint8Array>): string {
  mkdirSync(dir, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

// ---------------------------------------------------------------- process bookkeeping

const liveGroups = new Set<number>();
let exitHookInstalled = false;

function trackGroup(pid: number): void {
  liveGroups.add(pid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Last resort: never leave code-server (and its extension host) behind,
    // also when the test process is interrupted or the runner cancels it.
    const killAll = () => {
      for (const g of liveGroups) {
        try {
          process.kill(-g, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      liveGroups.clear();
    };
    process.on('exit', killAll);
    for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
      process.once(sig, () => {
        killAll();
        process.exit(code);
      });
    }
  }
}

async function killGroup(child: ChildProcess, graceMs = 3000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = child.exitCode !== null || child.signalCode !== null;
  const done = exited ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s); // the whole process group: code-server forks its server and extension host
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const timedOut = await Promise.race([done.then(() => false), sleep(graceMs).then(() => true)]);
  // Children of the group may outlive the leader; always finish with SIGKILL.
  signal('SIGKILL');
  if (timedOut) await Promise.race([done, sleep(2000)]);
  liveGroups.delete(pid);
}

function codeServerEnv(runDir: string, extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const xdg = join(runDir, 'xdg');
  mkdirSync(xdg, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Keep code-server's config.yaml and state out of the user's home.
    XDG_CONFIG_HOME: join(xdg, 'config'),
    XDG_DATA_HOME: join(xdg, 'data'),
    XDG_CACHE_HOME: join(xdg, 'cache'),
    ...extra,
  };
  // Variables from a surrounding code-server/VS Code would confuse the child.
  for (const k of Object.keys(env)) {
    if (/^(VSCODE_|CODE_SERVER_|ELECTRON_RUN_AS_NODE)/.test(k)) delete env[k];
  }
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  return env;
}

// ---------------------------------------------------------------- code-server

export interface RunDirs {
  runDir: string;
  userDataDir: string;
  extensionsDir: string;
}

export function runDirs(runDir: string): RunDirs {
  return { runDir, userDataDir: join(runDir, 'user-data'), extensionsDir: join(runDir, 'extensions') };
}

/** `code-server --install-extension`. Returns code-server's output; throws unless the install succeeded. */
export async function installExtension(dirs: RunDirs, vsix: string): Promise<string> {
  assertSetupDone();
  if (!existsSync(vsix)) throw new Error(`no such .vsix: ${vsix}`);
  mkdirSync(dirs.extensionsDir, { recursive: true });
  mkdirSync(dirs.userDataDir, { recursive: true });
  const out = await runCodeServerCli(dirs, ['--install-extension', resolve(vsix), '--force'], 120_000);
  if (!/successfully installed/i.test(out)) {
    throw new Error(`installing ${vsix} failed:\n${out}`);
  }
  log(`installed ${basename(vsix)}`);
  return out;
}

export async function listExtensions(dirs: RunDirs): Promise<string[]> {
  const out = await runCodeServerCli(dirs, ['--list-extensions', '--show-versions'], 60_000);
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[\w-]+\.[\w-]+@/.test(l));
}

function runCodeServerCli(dirs: RunDirs, args: string[], timeout: number): Promise<string> {
  return new Promise((res, rej) => {
    const child = spawn(
      process.execPath,
      [CODE_SERVER_ENTRY, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir, ...args],
      { env: codeServerEnv(dirs.runDir), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    trackGroup(child.pid!);
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      void killGroup(child, 0);
      rej(new Error(`code-server ${args.join(' ')} timed out after ${timeout}ms:\n${out}`));
    }, timeout);
    child.on('error', rej);
    child.on('exit', (code) => {
      clearTimeout(timer);
      liveGroups.delete(child.pid!);
      if (code === 0) res(out);
      else rej(new Error(`code-server ${args.join(' ')} exited with ${code}:\n${out}`));
    });
  });
}

export interface CodeServerOptions {
  /** Folder to open. */
  workspace: string;
  /** Existing run dir (from makeRunDir); a new one is made when absent. */
  runDir?: string;
  /** .vsix file(s) to install before starting. */
  vsix?: string | string[];
  /** true (default): --disable-workspace-trust. false: restricted mode, trust prompt shown. */
  disableWorkspaceTrust?: boolean;
  /** Extra user settings (merged over DEFAULT_USER_SETTINGS). */
  settings?: Record<string, unknown>;
  /**
   * VS Code display language. 'en' (default) or e.g. 'zh-cn': then a stub
   * language pack for it is installed (see languagePackStub) and code-server
   * starts with --locale, so extensions get vscode.env.language === 'zh-cn' and
   * their package.nls.zh-cn.json / l10n bundles. VS Code's own UI stays English.
   */
  displayLanguage?: string;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds to wait for the HTTP server (default 60 s). */
  startTimeout?: number;
}

export interface CodeServer extends RunDirs {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** URL that opens the workspace folder. */
  url: string;
  workspace: string;
  logFile: string;
  process: ChildProcess;
  /** Last lines of code-server's output (for error messages). */
  tail(): string;
  stop(): Promise<void>;
}

/** Starts code-server on a free port (it binds port 0 and reports the port) and waits until it answers /healthz. */
export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  assertSetupDone();
  const runDir = opts.runDir ?? makeRunDir('cs');
  const dirs = runDirs(runDir);
  const workspace = resolve(opts.workspace);
  if (!existsSync(workspace)) throw new Error(`workspace folder does not exist: ${workspace}`);

  mkdirSync(join(dirs.userDataDir, 'User'), { recursive: true });
  mkdirSync(dirs.extensionsDir, { recursive: true });
  writeFileSync(
    join(dirs.userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_USER_SETTINGS, ...opts.settings }, null, 2),
  );

  const lang = opts.displayLanguage?.toLowerCase();
  if (lang && !lang.startsWith('en')) {
    await installExtension(dirs, languagePackStub(runDir, lang));
    registerLanguagePacks(dirs);
  }
  for (const v of [opts.vsix ?? []].flat()) await installExtension(dirs, v);

  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userDataDir,
    '--extensions-dir', dirs.extensionsDir,
  ];
  if (opts.disableWorkspaceTrust !== false) args.push('--disable-workspace-trust');
  if (lang) args.push('--locale', lang);
  args.push(workspace);

  const logFile = join(runDir, 'code-server.log');
  const logStream = createWriteStream(logFile);
  const child = spawn(process.execPath, args, {
    cwd: runDir,
    env: codeServerEnv(runDir, opts.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() reaches the extension host too
  });
  trackGroup(child.pid!);
  let output = '';
  const onData = (d: Buffer) => {
    logStream.write(d);
    output += d.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const tail = () => output.split('\n').slice(-40).join('\n');

  const startTimeout = opts.startTimeout ?? 60_000;
  let port: number;
  try {
    port = await waitFor(
      'code-server to report its port',
      () => {
        if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
        const m = /HTTP server listening on https?:\/\/[^\s:]+:(\d+)/.exec(output);
        return m ? Number(m[1]) : 0;
      },
      { timeout: startTimeout, interval: 100 },
    );
    const origin = `http://127.0.0.1:${port}`;
    await waitFor(
      'code-server /healthz',
      async () => {
        if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
        const r = await fetch(`${origin}/healthz`);
        return r.ok;
      },
      { timeout: startTimeout, interval: 200 },
    );
  } catch (e) {
    await killGroup(child, 500);
    logStream.end();
    throw new Error(`${(e as Error).message}\n--- code-server output ---\n${tail()}`);
  }
  const origin = `http://127.0.0.1:${port}`;
  log(`code-server on ${origin} (run dir ${runDir})`);

  let stopped = false;
  return {
    ...dirs,
    port,
    origin,
    url: `${origin}/?folder=${encodeURIComponent(workspace)}`,
    workspace,
    logFile,
    process: child,
    tail,
    async stop() {
      if (stopped) return;
      stopped = true;
      await killGroup(child);
      logStream.end();
    },
  };
}

// ---------------------------------------------------------------- language pack stub

/**
 * Writes a minimal language-pack extension for `languageId` (e.g. 'zh-cn') as
 * a .vsix into dir and returns its path. The real packs (MS-CEINTL.vscode-
 * language-pack-*) come from the Marketplace, which is not reachable from CI;
 * this one has no translations of VS Code itself, but it makes VS Code run in
 * that display language, which is what an extension's localization sees.
 */
export function languagePackStub(dir: string, languageId: string): string {
  const name = `e2e-language-pack-${languageId.replace(/[^a-z0-9-]/gi, '')}`;
  const manifest = {
    name,
    displayName: `Language pack stub (${languageId}) for end-to-end tests`,
    description: 'Switches the display language; translates nothing of VS Code itself.',
    publisher: 'nianbao-e2e',
    version: '1.0.0',
    license: 'MIT',
    engines: { vscode: '^1.90.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        {
          languageId,
          languageName: languageId,
          localizedLanguageName: languageId,
          translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
        },
      ],
    },
  };
  const vsixManifest = `<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011" xmlns:d="http://schemas.microsoft.com/developer/vsx-schema-design/2011">
  <Metadata>
    <Identity Language="en-US" Id="${name}" Version="1.0.0" Publisher="nianbao-e2e" />
    <DisplayName>${manifest.displayName}</DisplayName>
    <Description xml:space="preserve">${manifest.description}</Description>
    <Categories>Language Packs</Categories>
    <Properties>
      <Property Id="Microsoft.VisualStudio.Code.Engine" Value="^1.90.0" />
      <Property Id="Microsoft.VisualStudio.Code.LocalizedLanguages" Value="${languageId}" />
    </Properties>
  </Metadata>
  <Installation><InstallationTarget Id="Microsoft.VisualStudio.Code"/></Installation>
  <Dependencies/>
  <Assets><Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" /></Assets>
</PackageManifest>
`;
  const contentTypes =
    '<?xml version="1.0" encoding="utf-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension=".json" ContentType="application/json"/><Default Extension=".vsixmanifest" ContentType="text/xml"/></Types>';
  const out = join(dir, `${name}.vsix`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    out,
    // A stored zip is enough for a small .vsix; the writer is the one `nianbao import` uses.
    writeStoredZip(Object.entries({
      'extension.vsixmanifest': vsixManifest,
      '[Content_Types].xml': contentTypes,
      'extension/package.json': JSON.stringify(manifest, null, 2),
      'extension/translations/main.i18n.json': JSON.stringify({ version: '1.0.0', contents: {} }),
    }).map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') }))),
  );
  return out;
}

/**
 * Writes user-data/languagepacks.json for the installed language-pack
 * extensions, as VS Code's LanguagePacksCache does after installing one from
 * the UI. `code-server --install-extension` installs the files but does not
 * update this file, and code-server reads it to resolve --locale.
 */
export function registerLanguagePacks(dirs: RunDirs): Record<string, unknown> {
  const registry = JSON.parse(readFileSync(join(dirs.extensionsDir, 'extensions.json'), 'utf8')) as {
    identifier: { id: string };
    version: string;
    location: { fsPath?: string; path?: string };
  }[];
  const packs: Record<string, { hash: string; label: string; extensions: unknown[]; translations: Record<string, string> }> = {};
  for (const ext of registry) {
    const location = ext.location.fsPath ?? ext.location.path ?? '';
    const manifestPath = join(location, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    for (const loc of manifest.contributes?.localizations ?? []) {
      const pack = (packs[loc.languageId] ??= { hash: '', label: loc.localizedLanguageName ?? loc.languageName, extensions: [], translations: {} });
      pack.extensions.push({ extensionIdentifier: { id: ext.identifier.id }, version: ext.version });
      for (const t of loc.translations ?? []) pack.translations[t.id] = join(location, t.path);
      pack.hash = createHash('md5').update(JSON.stringify(pack.extensions)).digest('hex');
    }
  }
  if (!Object.keys(packs).length) throw new Error(`no language pack among the installed extensions in ${dirs.extensionsDir}`);
  writeFileSync(join(dirs.userDataDir, 'languagepacks.json'), JSON.stringify(packs));
  return packs;
}

// ---------------------------------------------------------------- browser + workbench

export interface LaunchOptions extends CodeServerOptions {
  /** Viewport size (default 1600x1000, which also sets the screenshot size). */
  viewport?: { width: number; height: number };
  /** Browser locale (default zh-CN). VS Code's display language is `displayLanguage`. */
  browserLocale?: string;
  /**
   * Which OS VS Code believes the user is on, which decides the default
   * keybindings (VS Code in the browser reads it from the user agent):
   * 'linux' (default, the real one) or 'windows' (where most users of a
   * Chinese government report checker are: Format Document is Shift+Alt+F
   * there, Ctrl+Shift+I on Linux).
   */
  keyboard?: 'linux' | 'windows';
  /** Wait for the Explorer to list the workspace's files (default true). */
  waitForExplorer?: boolean;
  /**
   * With disableWorkspaceTrust: false, VS Code asks "Do you trust the authors…?".
   * true clicks "Yes", false clicks "No" (restricted mode), undefined leaves the dialog open.
   */
  answerTrust?: boolean;
}

/** Starts code-server, opens it in headless Chromium and waits for the workbench. */
export async function launchVSCode(opts: LaunchOptions): Promise<VSCode> {
  const server = await startCodeServer(opts);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: process.env.E2E_HEADED !== '1',
      slowMo: process.env.E2E_SLOWMO ? Number(process.env.E2E_SLOWMO) : undefined,
      args: CHROMIUM_ARGS,
      // A Chinese user's environment: Chromium's font fallback for Han characters follows the
      // process locale, and without it picks the Japanese CJK faces (different glyph shapes).
      env: { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN:zh' },
      timeout: 60_000,
    });
    const context = await browser.newContext({
      viewport: opts.viewport ?? { width: 1600, height: 1000 },
      deviceScaleFactor: 1,
      // Chinese system locale: Chromium's font fallback then picks the SC (simplified) CJK faces.
      locale: opts.browserLocale ?? 'zh-CN',
      userAgent: opts.keyboard === 'windows' ? WINDOWS_USER_AGENT : undefined,
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await context.newPage();
    const vs = new VSCode(server, browser, context, page, opts.keyboard ?? 'linux');
    await vs.open({
      waitForExplorer: opts.waitForExplorer !== false,
      trustPrompt: opts.disableWorkspaceTrust === false,
      answerTrust: opts.answerTrust,
    });
    return vs;
  } catch (e) {
    await browser?.close().catch(() => {});
    await server.stop();
    throw new Error(`${(e as Error).message}\n--- code-server output ---\n${server.tail()}`);
  }
}

const WINDOWS_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';

export interface ProblemsCount {
  errors: number;
  warnings: number;
  infos: number;
  total: number;
  /** The status bar item's accessible label, e.g. "Errors: 1, Warnings: 0". */
  label: string;
}

export class VSCode {
  /** Messages printed in the browser console (errors and warnings), for diagnosis. */
  readonly consoleMessages: string[] = [];

  constructor(
    readonly server: CodeServer,
    readonly browser: Browser,
    readonly context: BrowserContext,
    readonly page: Page,
    /** The OS whose default keybindings VS Code uses (see LaunchOptions.keyboard). */
    readonly keyboard: 'linux' | 'windows' = 'linux',
  ) {
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') this.consoleMessages.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.consoleMessages.push(`pageerror: ${e.message}`));
  }

  get workbench(): Locator {
    return this.page.locator('.monaco-workbench');
  }

  /** Navigates to the workspace URL and waits until the workbench is usable. */
  async open({ waitForExplorer = true, trustPrompt = false, answerTrust }: { waitForExplorer?: boolean; trustPrompt?: boolean; answerTrust?: boolean } = {}): Promise<void> {
    await this.page.goto(this.server.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await this.workbench.waitFor({ state: 'visible', timeout: 90_000 });
    // The status bar is rendered late in the workbench's startup; the Problems item is in it.
    await this.page.locator('[id="status.problems"]').waitFor({ state: 'visible', timeout: 60_000 });
    if (trustPrompt) {
      await this.trustDialog.waitFor({ state: 'visible', timeout: 30_000 });
      if (answerTrust === undefined) return; // the caller deals with the modal dialog
      await this.answerTrustDialog(answerTrust);
    }
    if (waitForExplorer) {
      await this.showExplorer();
      await this.page
        .locator('.explorer-folders-view .monaco-list-row')
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 });
    }
    await this.dismissWelcome();
  }

  /** The modal "Do you trust the authors of the files in this folder?" dialog. */
  get trustDialog(): Locator {
    return this.page.locator('.monaco-dialog-box').filter({ hasText: /trust the authors/i });
  }

  /** Clicks "Yes, I trust the authors" (true) or "No, I don't trust the authors" (false). */
  async answerTrustDialog(trust: boolean): Promise<void> {
    const button = this.trustDialog.locator('.monaco-button').filter({ hasText: trust ? /^Yes, I trust/ : /^No, I don't trust/ });
    await button.click();
    await this.trustDialog.waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** True when the window is in Restricted Mode (untrusted workspace). */
  async isRestrictedMode(): Promise<boolean> {
    return this.page.locator('[id="status.workspaceTrust"]').filter({ hasText: /Restricted Mode/i }).isVisible();
  }

  /**
   * The welcome page / walkthrough can open at first start and take keyboard
   * focus, so keys typed early go nowhere. DEFAULT_USER_SETTINGS turns it off;
   * this closes any that still opened and puts focus back on the workbench.
   */
  async dismissWelcome(): Promise<void> {
    const welcomeTabs = this.page.locator('.tabs-container .tab').filter({ hasText: /Welcome|Walkthrough|欢迎|Release Notes/ });
    for (let i = 0; i < 5 && (await welcomeTabs.count()) > 0; i++) {
      const tab = welcomeTabs.first();
      await tab.hover();
      await tab.locator('.tab-actions .codicon-close, .tab-actions [aria-label^="Close"]').first().click();
      await sleep(200);
    }
    // Notification toasts (e.g. "Restricted Mode" hints) can steal clicks and focus.
    await this.clearNotifications();
  }

  async clearNotifications(): Promise<void> {
    const toasts = this.page.locator('.notifications-toasts .notification-toast');
    if ((await toasts.count()) === 0) return;
    for (const btn of await this.page.locator('.notifications-toasts .codicon-notifications-clear, .notifications-toasts .codicon-close').all()) {
      await btn.click({ timeout: 2000 }).catch(() => {});
    }
  }

  /** Shows the Explorer view (idempotent). */
  async showExplorer(): Promise<void> {
    const view = this.page.locator('.explorer-folders-view');
    if (await view.isVisible()) return;
    const icon = this.page.locator('.activitybar [aria-label^="Explorer"]').first();
    if (await icon.isVisible()) await icon.click();
    else await this.page.keyboard.press('Control+Shift+E');
    await view.waitFor({ state: 'visible', timeout: 15_000 });
  }

  /**
   * Opens a file by clicking it in the Explorer, like a user. `name` is a file
   * name in the workspace root, or a relative path whose folders are expanded
   * on the way. Waits until the editor for it is active.
   */
  async openFileFromExplorer(name: string): Promise<void> {
    await this.showExplorer();
    const parts = name.split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
      const item = this.page.getByRole('treeitem', { name: new RegExp(`^${escapeRe(parts[i])}$`) }).first();
      await item.waitFor({ state: 'visible', timeout: 15_000 });
      const last = i === parts.length - 1;
      if (!last) {
        if ((await item.getAttribute('aria-expanded')) !== 'true') await item.click();
        continue;
      }
      // Double-click pins the editor (no preview tab that the next open would replace).
      await item.dblclick();
    }
    const file = parts[parts.length - 1];
    await this.page
      .locator('.tabs-container .tab.active')
      .filter({ hasText: file })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    await this.activeEditor.locator('.view-lines').waitFor({ state: 'visible', timeout: 15_000 });
    await this.focusEditor();
  }

  /**
   * Right-clicks a file in the Explorer (workspace root) and chooses `label`
   * from its context menu, like a user. Throws with the items offered when the
   * label is not among them within `timeout`.
   */
  async explorerContextCommand(name: string, label: string | RegExp, { timeout = 60_000 }: { timeout?: number } = {}): Promise<void> {
    await this.showExplorer();
    const item = this.page.getByRole('treeitem', { name: new RegExp(`^${escapeRe(name)}$`) }).first();
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    const menu = this.page.locator('.context-view .monaco-menu');
    const wanted = typeof label === 'string' ? new RegExp(`^${escapeRe(label)}$`) : label;
    const entry = this.page.getByRole('menuitem', { name: wanted }).first();
    // An extension's menu items appear once the extension host has read its manifest (no activation needed),
    // which on a loaded machine can be a while after the Explorer shows: open the menu again until it is there.
    const deadline = Date.now() + timeout;
    for (;;) {
      await item.click();
      await item.click({ button: 'right' });
      await menu.first().waitFor({ state: 'visible', timeout: 10_000 });
      try {
        await entry.waitFor({ state: 'visible', timeout: 3000 });
        break;
      } catch {
        const offered = await this.page.getByRole('menuitem').allInnerTexts();
        await this.page.keyboard.press('Escape');
        if (Date.now() > deadline) throw new Error(`${JSON.stringify(String(label))} is not in the Explorer context menu of ${name}; offered: ${JSON.stringify(offered.map((t) => t.trim()).filter(Boolean))}`);
        await sleep(2000);
      }
    }
    // A menu ignores a click that comes too soon after it opened (it guards against the right-click's own
    // mouse-up choosing an item); on a fast machine ours can be that soon. The item is focused by then, so Enter
    // chooses it; a menu that closed on the click is not touched again.
    await entry.click();
    const closed = await menu.first().waitFor({ state: 'hidden', timeout: 2000 }).then(() => true, () => false);
    if (!closed) {
      await entry.hover();
      await this.page.keyboard.press('Enter');
      await menu.first().waitFor({ state: 'hidden', timeout: 10_000 });
    }
  }

  /** The active text editor (Monaco) element. */
  get activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  /** Clicks into the active editor's text so keystrokes go to it (does not move the cursor if already focused). */
  async focusEditor(): Promise<void> {
    const focused = await this.activeEditor.evaluate((el: any) => el.classList.contains('focused'));
    if (focused) return;
    // Focus Active Editor Group: keeps the cursor where it was, unlike a click in the text.
    await this.page.keyboard.press('Control+1');
    await waitFor('editor focus', () => this.activeEditor.evaluate((el: any) => el.classList.contains('focused')), { timeout: 5000 }).catch(
      async () => {
        await this.activeEditor.locator('.view-lines').click({ position: { x: 5, y: 5 } });
      },
    );
  }

  /** Texts of the lines currently rendered in the editor viewport (Monaco renders only visible lines). */
  async visibleLines(): Promise<string[]> {
    return this.activeEditor.evaluate((el: any) => {
      const lines = [...el.querySelectorAll('.view-lines .view-line')] as any[];
      lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      return lines.map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '));
    });
  }

  /**
   * The whole text of the active editor, as the editor holds it (including
   * unsaved edits): Select All + Copy, read from the clipboard. The selection
   * is then collapsed and the cursor returned to where it was.
   */
  async readEditorText(): Promise<string> {
    await this.focusEditor();
    const before = await this.cursorPosition();
    await this.page.evaluate(() => navigator.clipboard.writeText('\u0000e2e-empty'));
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Control+C');
    const text = await waitFor(
      'editor text on the clipboard',
      async () => {
        const t: string = await this.page.evaluate(() => navigator.clipboard.readText());
        return t === '\u0000e2e-empty' ? undefined : { t };
      },
      { timeout: 5000, interval: 100 },
    );
    await this.page.keyboard.press('Escape');
    if (before) await this.goTo(before.line, before.column);
    return text.t.replace(/\r\n/g, '\n');
  }

  /** Cursor position from the status bar ("Ln 3, Col 7"), 1-based. */
  async cursorPosition(): Promise<{ line: number; column: number } | undefined> {
    const item = this.page.locator('[id="status.editor.selection"]');
    if (!(await item.isVisible())) return undefined;
    const m = /Ln (\d+), Col (\d+)/.exec((await item.textContent()) ?? '');
    return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
  }

  /** Moves the cursor with Go to Line (Ctrl+G), 1-based line and column. */
  async goTo(line: number, column = 1): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 5000 });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 });
    await waitFor(`cursor at ${line}:${column}`, async () => {
      const p = await this.cursorPosition();
      return p && p.line === line && p.column === column;
    }, { timeout: 5000 });
  }

  /** Finds `text` in the editor (first occurrence, or the nth) and returns its 1-based line/column. */
  async findText(text: string, nth = 0): Promise<{ line: number; column: number }> {
    const lines = (await this.readEditorText()).split('\n');
    let seen = 0;
    for (let i = 0; i < lines.length; i++) {
      let from = 0;
      for (;;) {
        const c = lines[i].indexOf(text, from);
        if (c < 0) break;
        if (seen++ === nth) return { line: i + 1, column: c + 1 };
        from = c + 1;
      }
    }
    throw new Error(`text not found in the editor: ${JSON.stringify(text)}`);
  }

  /**
   * Shows the hover at a position and returns its text. `where` is a 1-based
   * column, or a string whose first occurrence on that line is hovered (its
   * middle). Uses the mouse like a user; falls back to the keyboard command
   * (Ctrl+K Ctrl+I) when the mouse hover does not appear.
   */
  async hoverAt(line: number, where: number | string, { timeout = 20_000 }: { timeout?: number } = {}): Promise<string> {
    let column: number;
    let length = 1;
    if (typeof where === 'string') {
      const lines = (await this.readEditorText()).split('\n');
      const idx = (lines[line - 1] ?? '').indexOf(where);
      if (idx < 0) throw new Error(`${JSON.stringify(where)} not on line ${line}: ${JSON.stringify(lines[line - 1])}`);
      column = idx + 1;
      length = where.length;
    } else {
      column = where;
    }
    await this.hideHover();
    // Put the cursor there (scrolls the line into view), then hover the character's box.
    await this.goTo(line, column + Math.floor((length - 1) / 2));
    const hover = this.page.locator('.monaco-hover:not(.hidden)').filter({ has: this.page.locator('.hover-contents, .hover-row') });
    const box = await this.cursorBox();
    if (box) {
      await this.page.mouse.move(box.x + 40, box.y + box.height / 2 + 60); // away first, so the move is a real hover
      await this.page.mouse.move(box.x + 4, box.y + box.height / 2, { steps: 4 });
      try {
        await hover.first().waitFor({ state: 'visible', timeout: Math.min(timeout, 4000) });
      } catch {
        /* fall back to the keyboard below */
      }
    }
    if (!(await hover.first().isVisible())) {
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
      await hover.first().waitFor({ state: 'visible', timeout });
    }
    // Hover content is filled in as providers answer; wait until it stops changing.
    let prev = '';
    const text = await waitFor('hover text to settle', async () => {
      const t = ((await hover.first().innerText()) ?? '').trim();
      const stable = t !== '' && t === prev && !/Loading\.\.\./.test(t);
      prev = t;
      return stable ? t : undefined;
    }, { timeout, interval: 300 });
    return text;
  }

  async hideHover(): Promise<void> {
    await this.page.mouse.move(1, 1);
    if (await this.page.locator('.monaco-hover:not(.hidden)').first().isVisible()) {
      await this.page.keyboard.press('Escape');
    }
  }

  /** Screen box of the primary cursor in the active editor. */
  private async cursorBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    const cursor = this.activeEditor.locator('.cursors-layer .cursor').first();
    try {
      await cursor.waitFor({ state: 'attached', timeout: 2000 });
      // Not boundingBox(): the blinking cursor is periodically visibility:hidden.
      const r = await cursor.evaluate((el: any) => {
        const b = el.getBoundingClientRect();
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      });
      return r.height > 0 ? r : null;
    } catch {
      return null;
    }
  }

  /**
   * Presses Ctrl+. (Quick Fix) at the cursor and returns the titles offered.
   * The menu stays open: press Enter to apply the first, or use chooseQuickFix().
   */
  async pressQuickFix(): Promise<string[]> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+.');
    const widget = this.page.locator('.action-widget');
    await widget.first().waitFor({ state: 'visible', timeout: 20_000 });
    // "No code actions available" / "Loading..." resolve into the real list.
    return waitFor('quick fix list', async () => {
      // Group headers ("Quick Fix", "Extract", ...) are rows too (.group-header); actions are .action.
      const rows = widget.locator('.monaco-list-row.action');
      const texts = (await rows.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      if (texts.length) return texts;
      const all = (await widget.first().innerText()).trim();
      if (/No code actions available|没有可用的代码操作/.test(all)) return [all];
      return undefined;
    }, { timeout: 20_000 });
  }

  /** Title of the highlighted entry of the open Ctrl+. menu (the one Enter applies). */
  async focusedQuickFix(): Promise<string> {
    const row = this.page.locator('.action-widget .monaco-list-row.action.focused').first();
    await row.waitFor({ state: 'visible', timeout: 5000 });
    return ((await row.innerText()) ?? '').trim();
  }

  /** Picks a quick fix by (part of) its title from the open Ctrl+. menu. */
  async chooseQuickFix(title: string | RegExp): Promise<void> {
    const row = this.page.locator('.action-widget .monaco-list-row.action').filter({ hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 5000 });
    await row.click();
    await this.page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  }

  /** The Problems status bar item, parsed. */
  async problemsCount(): Promise<ProblemsCount> {
    const item = this.page.locator('[id="status.problems"]');
    await item.waitFor({ state: 'visible', timeout: 10_000 });
    const label = (await item.getAttribute('aria-label')) ?? (await item.locator('a, .statusbar-item-label').first().getAttribute('aria-label')) ?? '';
    const text = ((await item.innerText()) ?? '').trim();
    return parseProblems(label, text);
  }

  /** Waits until the problems count satisfies pred (diagnostics arrive asynchronously). */
  async waitForProblems(pred: (c: ProblemsCount) => boolean, what = 'problems count', timeout = 60_000): Promise<ProblemsCount> {
    let last: ProblemsCount | undefined;
    try {
      return await waitFor(what, async () => {
        last = await this.problemsCount();
        return pred(last) ? last : undefined;
      }, { timeout, interval: 250 });
    } catch (e) {
      throw new Error(`${(e as Error).message}; last: ${JSON.stringify(last)}`);
    }
  }

  /** Opens the Problems panel (Ctrl+Shift+M). */
  async openProblemsPanel(): Promise<void> {
    const panel = this.page.locator('.markers-panel');
    if (await panel.isVisible()) return;
    await this.page.keyboard.press('Control+Shift+M');
    try {
      await panel.waitFor({ state: 'visible', timeout: 5000 });
    } catch {
      // Keyboard focus may have been somewhere that ate the key; the status item opens it too.
      await this.page.locator('[id="status.problems"]').click();
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
    }
  }

  /** Accessible labels of the rows in the Problems panel (file rows and marker rows). */
  async problemRows(): Promise<string[]> {
    await this.openProblemsPanel();
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    const n = await rows.count();
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = rows.nth(i);
      const label = (await r.getAttribute('aria-label')) ?? '';
      out.push(label || ((await r.innerText()) ?? '').replace(/\s+/g, ' ').trim());
    }
    return out;
  }

  /**
   * Every row of the Problems panel, also those scrolled out of view (the list
   * draws only what is visible; a finding's related locations are rows too):
   * its accessible label ("Error: … at line 40 and character 17. …") and its
   * text as drawn (message, source and code such as `nianbao(total-row)`, position).
   */
  async allProblemRows(): Promise<{ label: string; text: string }[]> {
    await this.openProblemsPanel();
    const list = this.page.locator('.markers-panel .monaco-list').first();
    const box = await list.boundingBox();
    const seen = new Map<number, { label: string; text: string }>();
    for (let i = 0; i < 100; i++) {
      const rows: [number, string, string][] = await list
        .locator('.monaco-list-row')
        .evaluateAll((els: any[]) => els.map((e) => [Number(e.getAttribute('data-index')), e.getAttribute('aria-label') ?? '', e.innerText ?? '']));
      let added = 0;
      for (const [index, label, text] of rows) {
        if (seen.has(index)) continue;
        seen.set(index, { label, text: text.replace(/\s+/g, ' ').trim() });
        added++;
      }
      if ((added === 0 && i > 0) || !box) break;
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await this.page.mouse.wheel(0, Math.max(100, box.height * 0.7));
      await sleep(200);
    }
    if (box) await this.page.mouse.wheel(0, -100_000);
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
  }

  /**
   * Runs a command by its title through the Command Palette (F1), like a user.
   * Retries when the palette does not open (focus elsewhere) and waits until
   * the exact title is listed before pressing Enter.
   */
  async runCommand(title: string, { exact = true }: { exact?: boolean } = {}): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    const input = widget.locator('input');
    for (let attempt = 0; ; attempt++) {
      await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ state: 'visible', timeout: 4000 });
        break;
      } catch (e) {
        if (attempt >= 2) throw e;
        await this.page.keyboard.press('Escape');
        await this.page.locator('[id="status.problems"]').hover(); // nudge, then retry with focus on the workbench
        await this.workbench.focus().catch(() => {});
      }
    }
    await input.fill(`>${title}`);
    const rows = widget.locator('.quick-input-list .monaco-list-row');
    const match = exact
      ? rows.filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^(.*: )?${escapeRe(title)}$`) }) })
      : rows.filter({ hasText: title });
    try {
      await match.first().waitFor({ state: 'visible', timeout: 20_000 });
    } catch {
      const listed = await rows.allInnerTexts();
      await this.page.keyboard.press('Escape');
      throw new Error(`command ${JSON.stringify(title)} is not in the Command Palette; listed: ${JSON.stringify(listed.slice(0, 10))}`);
    }
    await match.first().click();
    await widget.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
  }

  /**
   * Format Document with its default keybinding: Shift+Alt+F on Windows,
   * Ctrl+Shift+I on Linux. Waits until the lines in view change and settle,
   * then returns the editor's whole text. Put the cursor where formatting
   * will change something visible first (e.g. on a table).
   *
   * Waiting is passive on purpose: VS Code cancels a formatting request when
   * the cursor moves, so the text must not be read (Select All) meanwhile.
   */
  async formatDocument({ timeout = 30_000 }: { timeout?: number } = {}): Promise<string> {
    await this.focusEditor();
    // Inlay hints also change the rendered lines; let them settle first so the
    // change we wait for below is the formatting.
    const before = await this.settledVisibleLines(timeout);
    await this.page.keyboard.press(this.keyboard === 'windows' ? 'Shift+Alt+F' : 'Control+Shift+I');
    await waitFor('the lines in view to change after Format Document', async () => JSON.stringify(await this.visibleLines()) !== before, {
      timeout,
      interval: 250,
    });
    await this.settledVisibleLines(timeout);
    return this.readEditorText();
  }

  /** The rendered lines (JSON) once they have not changed for 800 ms. */
  private async settledVisibleLines(timeout: number): Promise<string> {
    let last = JSON.stringify(await this.visibleLines());
    return waitFor('the rendered lines to settle', async () => {
      await sleep(800);
      const now = JSON.stringify(await this.visibleLines());
      const same = now === last;
      last = now;
      return same ? now : undefined;
    }, { timeout, interval: 0 });
  }

  /** The Quick Input widget (Command Palette, input boxes, quick picks). */
  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Waits for an input box / quick pick whose title or prompt matches, and returns its visible text. */
  async waitForQuickInput(match: string | RegExp, timeout = 15_000): Promise<string> {
    const re = typeof match === 'string' ? new RegExp(escapeRe(match)) : match;
    return waitFor(`a quick input matching ${re}`, async () => {
      if (!(await this.quickInput.isVisible())) return undefined;
      const text = (await this.quickInput.innerText()).trim();
      return re.test(text) ? text : undefined;
    }, { timeout, interval: 200 });
  }

  /** Replaces the text in the open input box and presses Enter. */
  async answerInputBox(value: string): Promise<void> {
    const input = this.quickInput.locator('input').first();
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(value);
    await this.page.keyboard.press('Enter');
  }

  /** Entries of the open quick pick (each row's text, label and description on separate lines). */
  async quickPickItems(): Promise<string[]> {
    const rows = this.quickInput.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 10_000 });
    return (await rows.allInnerTexts()).map((t) => t.trim());
  }

  /** The active editor's language as the status bar shows it (e.g. "Markdown"). */
  async languageMode(): Promise<string> {
    return ((await this.page.locator('[id="status.editor.mode"]').innerText()) ?? '').trim();
  }

  /**
   * Waits until the active editor's language mode matches. Right after start
   * a file can show as Plain Text until the extension host has registered the
   * languages (seconds on a loaded machine).
   */
  async waitForLanguageMode(mode: string | RegExp, timeout = 60_000): Promise<string> {
    const re = typeof mode === 'string' ? new RegExp(`^${escapeRe(mode)}$`) : mode;
    let last = '';
    try {
      return await waitFor(`language mode ${re}`, async () => {
        last = await this.languageMode().catch(() => '');
        return re.test(last) ? last : undefined;
      }, { timeout, interval: 250 });
    } catch (e) {
      throw new Error(`${(e as Error).message}; shown: ${JSON.stringify(last)}`);
    }
  }

  /** Titles of tabs in the active editor group. */
  async tabTitles(): Promise<string[]> {
    return (await this.page.locator('.editor-group-container.active .tabs-container .tab').allInnerTexts()).map((t) => t.trim());
  }

  async activeTabTitle(): Promise<string> {
    return ((await this.page.locator('.editor-group-container.active .tabs-container .tab.active').first().innerText()) ?? '').trim();
  }

  /** Visible notification toasts' texts. */
  async notifications(): Promise<string[]> {
    return (await this.page.locator('.notifications-toasts .notification-toast').allInnerTexts()).map((t) => t.trim());
  }

  /** Screenshot of the whole window (or of a locator) to `path`; folders are created. */
  async screenshot(path: string, target?: Locator): Promise<void> {
    mkdirSync(dirname(path), { recursive: true });
    if (target) await target.screenshot({ path });
    else await this.page.screenshot({ path });
    log(`screenshot ${path}`);
  }

  /**
   * Fonts Chromium actually used for the text of an element (CDP
   * CSS.getPlatformFontsForNode on its text nodes), e.g. [{ familyName:
   * 'Noto Sans Mono CJK SC', glyphCount: 12 }]. A CJK font here means Chinese
   * is drawn with real glyphs, not boxes.
   */
  async platformFontsFor(target: Locator): Promise<{ familyName: string; glyphCount: number }[]> {
    // Monaco re-renders lines now and then, which drops the marks; retry until a read sticks.
    return waitFor('platform fonts of the element', async () => {
      const fonts = await this.platformFontsOnce(target);
      return fonts.length ? fonts : undefined;
    }, { timeout: 10_000, interval: 300 });
  }

  private async platformFontsOnce(target: Locator): Promise<{ familyName: string; glyphCount: number }[]> {
    const marker = `e2e-fonts-${randomBytes(3).toString('hex')}`;
    // Mark the elements that directly hold text (the node and its leaf descendants).
    const marked = await target.evaluate((el: any, m: string) => {
      let n = 0;
      for (const e of [el, ...el.querySelectorAll('*')]) {
        if ([...e.childNodes].some((c: any) => c.nodeType === 3 && c.textContent.trim())) {
          e.setAttribute('data-e2e-fonts', m);
          n++;
        }
      }
      return n;
    }, marker);
    if (!marked) throw new Error('no text in the element for the font check');
    const cdp = await this.context.newCDPSession(this.page);
    try {
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: `[data-e2e-fonts="${marker}"]` });
      const totals = new Map<string, number>();
      for (const nodeId of nodeIds) {
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        for (const f of fonts) totals.set(f.familyName, (totals.get(f.familyName) ?? 0) + f.glyphCount);
      }
      return [...totals].map(([familyName, glyphCount]) => ({ familyName, glyphCount }));
    } finally {
      await target.evaluate((el: any, m: string) => {
        for (const e of [el, ...el.querySelectorAll(`[data-e2e-fonts="${m}"]`)]) e.removeAttribute('data-e2e-fonts');
      }, marker).catch(() => {});
      await cdp.detach().catch(() => {});
    }
  }

  /**
   * Draws each character of `text` on a canvas in the font of `target` and
   * reports how many distinct glyph images appear and whether any equals the
   * "missing glyph" box. With no CJK font, every Chinese character draws as
   * the same box.
   */
  async glyphCheck(target: Locator, text: string): Promise<{ distinct: number; chars: number; tofu: number }> {
    // Only anonymous functions inside: tsx wraps named ones in a __name()
    // helper that does not exist in the page.
    return target.evaluate((el: any, s: string) => {
      const family = getComputedStyle(el).fontFamily;
      const chars: string[] = [...new Set([...s].filter((ch) => /\p{Script=Han}/u.test(ch)))];
      // First image: a private-use code point that no font has, i.e. the "missing glyph" box.
      const images: string[] = ['\u{10FFFD}', ...chars].map((ch) => {
        const c = document.createElement('canvas');
        c.width = 48;
        c.height = 48;
        const g = c.getContext('2d');
        g.font = `32px ${family}`;
        g.fillStyle = '#000';
        g.textBaseline = 'top';
        g.fillText(ch, 4, 4);
        return c.toDataURL();
      });
      const missing = images.shift();
      return { distinct: new Set(images).size, chars: chars.length, tofu: images.filter((i) => i === missing).length };
    }, text);
  }

  /** Closes the browser and stops code-server (its whole process group). Safe to call twice. */
  async close(): Promise<void> {
    await this.browser.close().catch(() => {});
    await this.server.stop();
  }
}

function parseProblems(label: string, text: string): ProblemsCount {
  // Label, VS Code 1.100: "Errors: 1, Warnings: 2" or "No Problems"; text shows the numbers next to icons.
  const num = (re: RegExp) => {
    const m = re.exec(label);
    return m ? Number(m[1]) : undefined;
  };
  let errors = num(/Errors?:\s*(\d+)/i);
  let warnings = num(/Warnings?:\s*(\d+)/i);
  let infos = num(/Infos?:\s*(\d+)/i) ?? 0;
  if (errors === undefined || warnings === undefined) {
    if (/No Problems/i.test(label) || /No Problems/i.test(text)) {
      errors = 0;
      warnings = 0;
    } else {
      const nums = (text.match(/\d+/g) ?? []).map(Number);
      if (nums.length < 2) throw new Error(`cannot read the Problems status item: label=${JSON.stringify(label)} text=${JSON.stringify(text)}`);
      [errors, warnings] = nums;
      infos = nums[2] ?? 0;
    }
  }
  return { errors, warnings, infos, total: errors + warnings + infos, label: label || text };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Runs fn; if it throws, saves a screenshot and code-server's log tail into
 * the run dir and adds their paths to the error. Use around test steps.
 */
export async function step<T>(vs: VSCode | undefined, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (vs) {
      const shot = join(vs.server.runDir, `failure-${name.replace(/[^\w-]+/g, '_')}.png`);
      await vs.page.screenshot({ path: shot }).catch(() => {});
      const err = e as Error;
      err.message += `\n[e2e] step "${name}" failed; screenshot ${shot}; code-server log ${vs.server.logFile}`;
      const consoleTail = vs.consoleMessages.slice(-10).join('\n');
      if (consoleTail) err.message += `\n[e2e] browser console (last 10):\n${consoleTail}`;
    }
    throw e;
  }
}

/** Reads a file under the repository (for fixtures). */
export function repoFile(rel: string): string {
  return readFileSync(join(REPO_ROOT, rel), 'utf8');
}
