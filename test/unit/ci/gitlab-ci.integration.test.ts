// The README's .gitlab-ci.yml job run as a GitLab runner runs it: its script
// lines in order in one shell that stops at the first failing line, in a
// workspace with the reports; `npm install --global nianbao@x.y.z` gets the
// packed tarball instead (offline). Then the artifacts it declares are the
// reports GitLab reads: Code Quality JSON and JUnit XML, each validated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { validateXML } from 'xmllint-wasm';
import { parse } from 'yaml';
import { root } from '../../support/engine.ts';
import { needDist } from '../../support/dist.ts';
import { readmeBlocks } from '../../support/readme.ts';
import { packTarball, VERSION } from '../../support/tarball.ts';

interface Job { image: string; script: string[]; artifacts: { when: string; reports: { codequality: string; junit: string } } }

test('the README\'s GitLab CI job: fails on errors and leaves a valid Code Quality report and JUnit report', { timeout: 300_000 }, async () => {
  needDist();
  const job = Object.values(parse(readmeBlocks('GitLab CI')[0]) as Record<string, Job>)[0];
  assert.equal(job.artifacts.when, 'always', 'the reports are uploaded when the job fails too');
  const install = `npm install --global nianbao@${VERSION}`;
  assert.equal(job.script[0], install, 'the README names the current release');
  const tarball = packTarball();

  const runJob = (reports: Record<string, string>) => {
    const ws = mkdtempSync(join(tmpdir(), 'nianbao-gitlab-ws-'));
    for (const [name, from] of Object.entries(reports)) {
      mkdirSync(join(ws, '年报'), { recursive: true });
      writeFileSync(join(ws, '年报', name), readFileSync(join(root, 'examples', from), 'utf8'));
    }
    const prefix = mkdtempSync(join(tmpdir(), 'nianbao-gitlab-prefix-'));
    const script = ['set -eo pipefail', ...job.script.map((l) => l.replace(`nianbao@${VERSION}`, tarball))].join('\n');
    const r = spawnSync('bash', ['-c', script], {
      cwd: ws,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, npm_config_prefix: prefix, npm_config_cache: join(prefix, '.npm-cache'), npm_config_offline: 'true', npm_config_loglevel: 'error', NO_COLOR: '1', LANG: 'C.UTF-8' },
    });
    return { code: r.status, out: r.stdout + r.stderr, ws };
  };

  const failed = runJob({ '2022-with-mistakes.md': '2022-with-mistakes.md', '2022-clean-2021-format.md': '2022-clean-2021-format.md' });
  assert.equal(failed.code, 1, failed.out);
  const quality = JSON.parse(readFileSync(join(failed.ws, job.artifacts.reports.codequality), 'utf8')) as { check_name: string; location: { path: string; lines: { begin: number } } }[];
  const validate = new Ajv().compile(JSON.parse(readFileSync(join(root, 'test/fixtures/schemas/gitlab-codeclimate.schema.json'), 'utf8')));
  for (const issue of quality) assert.ok(validate(issue), JSON.stringify(validate.errors));
  assert.equal(quality.length, 8);
  assert.ok(quality.some((i) => i.check_name === 'total-results' && i.location.path === '年报/2022-with-mistakes.md' && i.location.lines.begin === 63));
  const junit = readFileSync(join(failed.ws, job.artifacts.reports.junit), 'utf8');
  const xsd = readFileSync(join(root, 'test/fixtures/schemas/junit-10.xsd'), 'utf8');
  const valid = await validateXML({ xml: [{ fileName: 'junit.xml', contents: junit }], schema: [{ fileName: 'junit-10.xsd', contents: xsd }] });
  assert.ok(valid.valid, valid.rawOutput);
  assert.match(junit, /<testsuite name="nianbao check" tests="2" failures="1" errors="0" skipped="0">/);

  const passed = runJob({ '2022-clean-2021-format.md': '2022-clean-2021-format.md' });
  assert.equal(passed.code, 0, passed.out);
  assert.deepEqual(JSON.parse(readFileSync(join(passed.ws, job.artifacts.reports.codequality), 'utf8')), []);
});
