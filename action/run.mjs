// The step of the nianbao GitHub Action (action.yml). Installs the packaged
// CLI from the npm registry (or the package named by the `package` input) into
// a folder of its own, runs `nianbao check` once for the SARIF log and once for
// the job log (annotations), sets the outputs with the counts, writes a job
// summary, and exits non-zero as `fail-on` says.
// Inputs come as INPUT_* variables (action.yml maps them); plain Node, no build.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const input = (name, fallback = '') => (process.env[`INPUT_${name}`] ?? '').trim() || fallback;

function fail(message) {
  console.log(`::error title=nianbao::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`);
  process.exit(1);
}

const failOn = input('FAIL_ON', 'error');
const format = input('FORMAT', 'github');
const sarifFile = input('SARIF_FILE', 'nianbao.sarif');
const config = input('CONFIG');
if (!['error', 'warning', 'none'].includes(failOn)) fail(`fail-on must be error, warning or none, not "${failOn}"`);
if (!['github', 'text'].includes(format)) fail(`format must be github or text, not "${format}"`);
if (Number(process.versions.node.split('.')[0]) < 20) fail(`nianbao needs Node.js 20 or later on the runner (found ${process.version}); add actions/setup-node before this step`);

// One path a line; on a single line, separated by spaces.
const raw = input('PATHS', '.');
const paths = (raw.includes('\n') ? raw.split('\n') : raw.split(/\s+/)).map((p) => p.trim()).filter(Boolean);

// The package: this action's own version from the npm registry unless told otherwise.
const actionPath = process.env.GITHUB_ACTION_PATH || resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = input('PACKAGE') || `nianbao@${JSON.parse(readFileSync(join(actionPath, 'package.json'), 'utf8')).version}`;
const prefix = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'nianbao-action-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const installed = spawnSync(npm, ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', spec], { stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
if (installed.status !== 0) fail(`npm install ${spec} failed (exit ${installed.status})`);
const packageDir = process.platform === 'win32' ? join(prefix, 'node_modules', 'nianbao') : join(prefix, 'lib', 'node_modules', 'nianbao');
const cli = join(packageDir, JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).bin.nianbao);

const baseline = input('BASELINE');
const common = [...paths, '--no-fail', ...(config ? ['--config', config] : []), ...(baseline ? ['--baseline', baseline] : [])];
const run = (args, stdout) => spawnSync(process.execPath, [cli, 'check', ...args], { stdio: ['ignore', stdout, 'inherit'], encoding: 'utf8', maxBuffer: 1 << 30 });

// The SARIF log. Exit 2: a file could not be read (still in the log) or bad usage (no log).
const sarifRun = run(['--format', 'sarif', ...common], 'pipe');
let log;
try {
  log = JSON.parse(sarifRun.stdout);
} catch {
  fail(`nianbao check ended with exit ${sarifRun.status} and no SARIF log`);
}
mkdirSync(dirname(resolve(sarifFile)), { recursive: true });
writeFileSync(sarifFile, sarifRun.stdout);

const results = log.runs[0].results;
// With a baseline the log also holds the accepted findings (baselineState unchanged) and the gone ones (absent): only new ones count.
const count = (level) => results.filter((r) => r.level === level && (r.baselineState === undefined || r.baselineState === 'new')).length;
const counts = { errors: count('error'), warnings: count('warning'), infos: count('note'), unreadable: log.runs[0].invocations[0].toolExecutionNotifications.length };

// The job log: annotations (or text) from the CLI's own formatter.
run(['--format', format, ...common], 'inherit');

if (process.env.GITHUB_OUTPUT) {
  appendFileSync(process.env.GITHUB_OUTPUT, Object.entries({ ...counts, 'sarif-file': sarifFile }).map(([k, v]) => `${k}=${v}\n`).join(''));
}
if (process.env.GITHUB_STEP_SUMMARY) {
  appendFileSync(process.env.GITHUB_STEP_SUMMARY, [
    '### nianbao 年报检查',
    '',
    '| 错误 errors | 警告 warnings | 提示 infos | 无法读取 unreadable |',
    '|---|---|---|---|',
    `| ${counts.errors} | ${counts.warnings} | ${counts.infos} | ${counts.unreadable} |`,
    '',
  ].join('\n') + '\n');
}

const failing = counts.unreadable + (failOn === 'none' ? 0 : counts.errors + (failOn === 'warning' ? counts.warnings : 0));
if (failing > 0) {
  console.log(`nianbao: ${counts.errors} errors, ${counts.warnings} warnings, ${counts.unreadable} unreadable files (fail-on: ${failOn})`);
  process.exit(1);
}
