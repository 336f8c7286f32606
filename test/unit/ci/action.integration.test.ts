// The Action's step run as GitHub runs a composite step: action.yml's `run`
// in bash, with its `env` where each ${{ inputs.X }} is the input's value (the
// default unless the workflow gives one), GITHUB_ACTION_PATH at the action,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, RUNNER_TEMP. The package is the
// packed tarball (offline), as a release would install nianbao@x.y.z.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import { parse } from 'yaml';
import { root } from '../../support/engine.ts';
import { needDist } from '../../support/dist.ts';
import { packTarball, VERSION } from '../../support/tarball.ts';
import { readmeBlocks } from '../../support/readme.ts';

const AjvDraft04 = ajvDraft04.default;
interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: { run: string; shell: string; env: Record<string, string> }[] };
}
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionYml;
let tarball: string | undefined;

interface StepRun {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

/** Runs the step in a new workspace holding `files` (path → text). */
function runStep(withInputs: Record<string, string>, files: Record<string, string>): StepRun {
  tarball ??= packTarball();
  const inputs: Record<string, string> = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])), package: tarball, ...withInputs };
  const expand = (s: string) => s.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
    const m = /^inputs\.([\w-]+)$/.exec(expr);
    if (!m || !(m[1] in inputs)) throw new Error(`the test does not evaluate \${{ ${expr} }}`);
    return inputs[m[1]];
  });
  const step = action.runs.steps[0];
  const workspace = mkdtempSync(join(tmpdir(), 'nianbao-action-ws-'));
  for (const [to, text] of Object.entries(files)) {
    mkdirSync(join(workspace, to, '..'), { recursive: true });
    writeFileSync(join(workspace, to), text);
  }
  const runner = mkdtempSync(join(tmpdir(), 'nianbao-runner-'));
  const outputFile = join(runner, 'output');
  const summaryFile = join(runner, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const script = join(runner, 'step.sh');
  writeFileSync(script, expand(step.run));
  const env = Object.fromEntries(Object.entries(step.env).map(([k, v]) => [k, expand(v)]));
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd: workspace,
    encoding: 'utf8',
    env: {
      ...process.env, ...env,
      GITHUB_ACTION_PATH: root, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: runner,
      npm_config_cache: join(runner, 'npm-cache'), npm_config_offline: 'true', NO_COLOR: '1', LANG: 'C.UTF-8',
    },
  });
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { code: r.status, stdout: r.stdout + r.stderr, outputs, summary: readFileSync(summaryFile, 'utf8'), workspace };
}

const example = (name: string) => readFileSync(join(root, 'examples', name), 'utf8');
const EXAMPLES = Object.fromEntries(['2022-with-mistakes.md', '2022-clean-2021-format.md', '2020-clean-2019-format.md'].map((n) => [`reports/${n}`, example(n)]));

test('the README\'s workflow: the nianbao step with its inputs, and the outputs the later steps read', { timeout: 300_000 }, () => {
  needDist();
  const workflow = parse(readmeBlocks('GitHub Actions')[0]) as { jobs: Record<string, { steps: { id?: string; uses?: string; run?: string; with?: Record<string, string | number> }[] }> };
  const steps = Object.values(workflow.jobs)[0].steps;
  const ours = steps.find((x) => x.uses?.startsWith('nianbao/nianbao@'))!;
  assert.equal(ours.uses, `nianbao/nianbao@v${VERSION}`, 'the README names the current release');
  const inputs = Object.fromEntries(Object.entries(ours.with ?? {}).map(([k, v]) => [k, String(v)]));
  for (const k of Object.keys(inputs)) assert.ok(k in action.inputs, `input ${k} is declared`);
  for (const m of JSON.stringify(steps).matchAll(/steps\.(\w+)\.outputs\.([\w-]+)/g)) {
    assert.equal(m[1], ours.id);
    assert.ok(m[2] in action.outputs, `output ${m[2]} is declared`);
  }
  const files = Object.fromEntries(Object.entries(EXAMPLES).map(([k, v]) => [k.replace('reports/', '年报/'), v]));
  const r = runStep(inputs, files);
  assert.equal(r.code, 1, r.stdout);
  assert.deepEqual(r.outputs, { errors: '6', warnings: '2', infos: '0', unreadable: '0', 'sarif-file': 'nianbao.sarif' });
  assert.match(r.stdout, /^::error file=年报\/2022-with-mistakes\.md,line=63,/m);
});

test('the step writes SARIF, annotates, sets the counts and fails on errors', { timeout: 300_000 }, () => {
  needDist();
  const r = runStep({ paths: 'reports' }, EXAMPLES);
  assert.equal(r.code, 1, r.stdout);
  assert.deepEqual(r.outputs, { errors: '6', warnings: '2', infos: '0', unreadable: '0', 'sarif-file': 'nianbao.sarif' });
  interface Result { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }
  const log = JSON.parse(readFileSync(join(r.workspace, 'nianbao.sarif'), 'utf8')) as { runs: { results: Result[] }[] };
  const validate = new AjvDraft04({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(JSON.parse(readFileSync(join(root, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));
  const valid = validate(structuredClone(log));
  assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 3)));
  const results = log.runs[0].results;
  assert.equal(results.length, 8);
  const total = results.find((x) => x.ruleId === 'total-results')!;
  assert.equal(total.locations[0].physicalLocation.artifactLocation.uri, 'reports/2022-with-mistakes.md');
  assert.equal(total.locations[0].physicalLocation.region.startLine, 63);
  // Annotations in the log, one per finding, on the file's lines.
  assert.match(r.stdout, /^::error file=reports\/2022-with-mistakes\.md,line=63,col=11,endLine=63,endColumn=13,title=nianbao total-results::（七）总计「自然人」应为 24（各办理结果之和），实为 23$/m);
  assert.equal(r.stdout.match(/^::(error|warning) file=/gm)?.length, 8);
  assert.match(r.summary, /\| 6 \| 2 \| 0 \| 0 \|/);
});

test('baseline: the accepted findings are neither annotated nor counted, a new one fails the step', { timeout: 300_000 }, () => {
  needDist();
  const files = { 'reports/r.md': example('2022-with-mistakes.md') };
  // The baseline as a reviewer would commit it, written by the repository's bundled CLI from the same report.
  const scratchDir = mkdtempSync(join(tmpdir(), 'nianbao-action-baseline-'));
  mkdirSync(join(scratchDir, 'reports'));
  writeFileSync(join(scratchDir, 'reports/r.md'), files['reports/r.md']);
  const w = spawnSync(process.execPath, [join(root, 'dist/cli.cjs'), 'check', '--write-baseline', 'accepted-baseline.json', 'reports'], { cwd: scratchDir, encoding: 'utf8' });
  assert.equal(w.status, 0, w.stderr);
  const baseline = readFileSync(join(scratchDir, 'accepted-baseline.json'), 'utf8');
  const accepted = runStep({ paths: 'reports', baseline: 'accepted-baseline.json' }, { ...files, 'accepted-baseline.json': baseline });
  assert.equal(accepted.code, 0, accepted.stdout);
  assert.deepEqual(accepted.outputs, { errors: '0', warnings: '0', infos: '0', unreadable: '0', 'sarif-file': 'nianbao.sarif' });
  assert.equal(accepted.stdout.match(/^::(error|warning) file=/gm), null);
  const changed = example('2022-with-mistakes.md').replace('| 1 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 1 | 3 | 0 | 0 | 0 | 0 | 0 |', '| 1 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 1 | 3 | 0 | 0 | 0 | 0 | 1 |');
  const fresh = runStep({ paths: 'reports', baseline: 'accepted-baseline.json' }, { 'reports/r.md': changed, 'accepted-baseline.json': baseline });
  assert.equal(fresh.code, 1, fresh.stdout);
  assert.equal(fresh.outputs.errors, '1');
  assert.equal(fresh.stdout.match(/^::error file=/gm)?.length, 1);
});

test('fail-on: clean reports pass, none never fails on findings, warning fails on warnings; inputs on several lines', { timeout: 300_000 }, () => {
  needDist();
  const clean = runStep({ paths: 'reports/2022-clean-2021-format.md\nreports/2020-clean-2019-format.md', 'sarif-file': 'out/nianbao.sarif' }, EXAMPLES);
  assert.equal(clean.code, 0, clean.stdout);
  assert.deepEqual(clean.outputs, { errors: '0', warnings: '0', infos: '0', unreadable: '0', 'sarif-file': 'out/nianbao.sarif' });
  assert.deepEqual(JSON.parse(readFileSync(join(clean.workspace, 'out/nianbao.sarif'), 'utf8')).runs[0].results, []);

  const none = runStep({ paths: 'reports', 'fail-on': 'none', format: 'text' }, EXAMPLES);
  assert.equal(none.code, 0, none.stdout);
  assert.equal(none.outputs.errors, '6');
  assert.match(none.stdout, /63:11\s+错误\s+（七）总计「自然人」应为 24/);

  // Only warnings: a clean report with its fifth section's title worded as many agencies write it.
  const warned = example('2022-clean-2021-format.md').replace('存在的主要问题及改进情况', '存在问题及改进情况');
  assert.notEqual(warned, example('2022-clean-2021-format.md'));
  const onError = runStep({ paths: 'warned.md' }, { 'warned.md': warned });
  assert.equal(onError.code, 0, onError.stdout);
  assert.deepEqual([onError.outputs.errors, onError.outputs.warnings], ['0', '1']);
  const onWarning = runStep({ paths: 'warned.md', 'fail-on': 'warning' }, { 'warned.md': warned });
  assert.equal(onWarning.code, 1, onWarning.stdout);
  assert.match(onWarning.stdout, /^::warning file=warned\.md,line=\d+,.*title=nianbao section-title::/m);
});

test('a file that cannot be read fails the step and is counted, whatever fail-on says', { timeout: 300_000 }, () => {
  needDist();
  const r = runStep({ paths: 'reports missing.md', 'fail-on': 'none' }, EXAMPLES);
  assert.equal(r.code, 1, r.stdout);
  assert.equal(r.outputs.unreadable, '1');
  assert.equal(r.outputs.errors, '6');
});
