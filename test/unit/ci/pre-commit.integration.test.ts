// The pre-commit hooks run for real by Debian's pre-commit, as a user's
// repository gets them: the README's .pre-commit-config.yaml, with the
// repository URL and rev pointing at a local git repository made of this
// working tree (no network but the npm registry: pre-commit installs a
// `language: node` hook with `npm install` and `npm pack` in its clone, see
// .npmrc), then `git commit` in a temporary repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { root } from '../../support/engine.ts';
import { readmeBlocks } from '../../support/readme.ts';
import { VERSION } from '../../support/tarball.ts';

function run(cmd: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function must(cmd: string, args: string[], options: SpawnSyncOptions = {}): string {
  const r = run(cmd, args, options);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.code}):\n${r.out}`);
  return r.out;
}

const GIT_ENV = { GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.org' };

/** This working tree (tracked and new files, as they are now) committed to a new repository; returns it and the commit. */
function hookRepository(): { dir: string; rev: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-hook-repo-'));
  const files = new Set([...must('git', ['ls-files'], { cwd: root }).split('\n'), ...must('git', ['ls-files', '--others', '--exclude-standard'], { cwd: root }).split('\n')].filter(Boolean));
  for (const f of files) {
    if (!existsSync(join(root, f))) continue; // deleted in the working tree
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(root, f), join(dir, f));
  }
  const env = { ...process.env, ...GIT_ENV };
  must('git', ['init', '-q'], { cwd: dir });
  must('git', ['add', '-A'], { cwd: dir });
  must('git', ['commit', '-q', '-m', 'nianbao as it is being tested'], { cwd: dir, env });
  return { dir, rev: must('git', ['rev-parse', 'HEAD'], { cwd: dir }).trim() };
}

test('pre-commit: a commit with a broken report is refused with the findings; a good one passes; nianbao-fix fixes', { timeout: 1_200_000 }, () => {
  // Not skipped when missing: the suite's set-up installs it (test/e2e/setup.sh).
  assert.equal(spawnSync('pre-commit', ['--version']).status, 0, 'pre-commit is not installed: Debian package pre-commit');
  // The README's configuration, pointed at the local repository.
  const config = parse(readmeBlocks('pre-commit')[0]) as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] };
  assert.equal(config.repos[0].repo, 'https://github.com/nianbao/nianbao');
  assert.equal(config.repos[0].rev, `v${VERSION}`, 'the README names the current release');
  assert.deepEqual(config.repos[0].hooks.map((h) => h.id), ['nianbao']);
  const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; language: string }[];
  assert.deepEqual(hooks.map((h) => [h.id, h.language]), [['nianbao', 'node'], ['nianbao-fix', 'node']]);

  const hook = hookRepository();
  config.repos[0].repo = hook.dir;
  config.repos[0].rev = hook.rev;

  const work = mkdtempSync(join(tmpdir(), 'nianbao-reports-'));
  // pre-commit's own cache of hook environments, new for the test; npm may use its cache (CI has just run npm ci).
  const env = { ...process.env, ...GIT_ENV, PRE_COMMIT_HOME: join(work, '.pre-commit-home'), npm_config_prefer_offline: 'true', NO_COLOR: '1', LANG: 'C.UTF-8' };
  const git = (...args: string[]) => run('git', args, { cwd: work, env });
  must('git', ['init', '-q'], { cwd: work });
  writeFileSync(join(work, '.gitignore'), '.pre-commit-home/\n');
  writeFileSync(join(work, '.pre-commit-config.yaml'), stringify(config));
  must('pre-commit', ['install'], { cwd: work, env });

  // A broken report: refused, and the findings are in the output.
  copyFileSync(join(root, 'examples/2022-with-mistakes.md'), join(work, '2022年报.md'));
  writeFileSync(join(work, 'notes.txt'), 'not a report\n');
  git('add', '-A');
  const refused = git('commit', '-m', 'broken report');
  assert.notEqual(refused.code, 0, refused.out);
  assert.match(refused.out, /nianbao 年报检查\.+Failed/);
  assert.match(refused.out, /63:11\s+错误\s+（七）总计「自然人」应为 24（各办理结果之和），实为 23\s+total-results/);
  assert.notEqual(git('rev-parse', '--verify', 'HEAD').code, 0, 'nothing was committed');

  // A good report: the commit goes through.
  copyFileSync(join(root, 'examples/2022-clean-2021-format.md'), join(work, '2022年报.md'));
  git('add', '-A');
  const passed = git('commit', '-m', 'good report');
  assert.equal(passed.code, 0, passed.out);
  assert.match(passed.out, /nianbao 年报检查\.+Passed/);
  assert.equal(git('rev-list', '--count', 'HEAD').out.trim(), '1');

  // nianbao-fix: the label typo and the section title are fixed in the file, the commit stops
  // so the fix can be looked at and staged, and then goes through.
  config.repos[0].hooks = [{ id: 'nianbao-fix' }];
  writeFileSync(join(work, '.pre-commit-config.yaml'), stringify(config));
  const clean = readFileSync(join(root, 'examples/2022-clean-2021-format.md'), 'utf8');
  const typos = clean.replace('5.属于三类内部事务信息', '5.属于三类内部事务息').replace('存在的主要问题及改进情况', '存在问题及改进情况');
  assert.notEqual(typos, clean);
  writeFileSync(join(work, '2022年报.md'), typos);
  git('add', '-A');
  const fixing = git('commit', '-m', 'typos');
  assert.notEqual(fixing.code, 0, fixing.out);
  assert.match(fixing.out, /nianbao 年报自动修复\.+Failed/);
  assert.match(fixing.out, /files were modified by this hook/);
  assert.equal(readFileSync(join(work, '2022年报.md'), 'utf8'), clean, 'the fixes give back the clean report');
  git('add', '-A');
  const fixed = git('commit', '-m', 'typos fixed');
  assert.equal(fixed.code, 0, fixed.out);
  assert.equal(git('rev-list', '--count', 'HEAD').out.trim(), '2');
});
