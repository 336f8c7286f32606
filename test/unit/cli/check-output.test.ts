// nianbao check: output formats (text, json, sarif validated against the SARIF
// 2.1.0 schema, github annotations) and exit statuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';

// A CommonJS module whose class is its `default` export.
const AjvDraft04 = ajvDraft04.default;
import { cli } from '../../support/cli.ts';
import { root } from '../../support/engine.ts';

test('json output has files, diagnostics with 1-based positions, and a summary', async () => {
  const r = await cli(['check', '--format', 'json', 'examples']);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.files.length, 3);
  const bad = out.files.find((f: { path: string }) => f.path.endsWith('2022-with-mistakes.md'));
  assert.equal(bad.template, '2021');
  assert.equal(bad.year, 2022);
  const label = bad.diagnostics.find((d: { ruleId: string }) => d.ruleId === 'table-row-label');
  assert.deepEqual(Object.keys(label).sort(), ['column', 'covered', 'endColumn', 'endLine', 'fingerprint', 'fixable', 'line', 'message', 'ruleId', 'severity', 'subject']);
  assert.equal(label.subject, 't3.withheld.internal');
  assert.equal(label.covered, '#.属于三类内部事务息', 'figures masked');
  const text = readFileSync(root + 'examples/2022-with-mistakes.md', 'utf8').split('\n');
  assert.equal(text[label.line - 1].slice(label.column - 1, label.endColumn - 1), '5.属于三类内部事务息');
  assert.equal(label.severity, 'warning');
  assert.equal(out.summary.errors, bad.diagnostics.filter((d: { severity: string }) => d.severity === 'error').length);
  assert.equal(out.summary.checked, 3);
});

test('sarif output validates against the SARIF 2.1.0 schema', async () => {
  const r = await cli(['check', '--format', 'sarif', 'examples/2022-with-mistakes.md']);
  assert.equal(r.code, 1);
  interface Sarif { runs: { results: { ruleIndex: number; ruleId: string; level: string }[]; tool: { driver: { rules: { id: string }[] } } }[] }
  const log: Sarif = JSON.parse(r.stdout);
  const schema = JSON.parse(readFileSync(root + 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', 'utf8'));
  // The SARIF 2.1.0 schema is written in JSON Schema draft-04.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile<Sarif>(schema);
  const valid = validate(log);
  assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5)));
  const results = log.runs[0].results;
  assert.ok(results.length >= 5);
  assert.ok(results.every((x: { ruleIndex: number; ruleId: string }) => log.runs[0].tool.driver.rules[x.ruleIndex].id === x.ruleId));
  assert.ok(results.some((x: { level: string }) => x.level === 'error'));
});

test('github output prints workflow annotations', async () => {
  const r = await cli(['check', '--format', 'github', 'examples/2022-with-mistakes.md']);
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.every((l) => /^::(error|warning|notice) file=examples\/2022-with-mistakes\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=nianbao [a-z-]+::/.test(l)), lines.join('\n'));
  assert.ok(lines.some((l) => l.includes('title=nianbao total-review')));
});

test('text output groups by file, is uncoloured off a TTY and ends with a summary line', async () => {
  const r = await cli(['check', 'examples']);
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stdout, /\x1b\[/);
  assert.match(r.stdout, /^examples\/2022-with-mistakes\.md/m);
  assert.match(r.stdout, /\d+:\d+\s+错误\s+（七）总计「自然人」应为 24（各办理结果之和），实为 23\s+total-results/);
  assert.match(r.stdout.trim().split('\n').pop()!, /✖ 3 个报告，\d+ 个问题/);
});

test('--lang en prints English messages', async () => {
  const r = await cli(['check', '--lang', 'en', 'examples/2022-with-mistakes.md']);
  assert.match(r.stdout, /«自然人» should be 24 \(the sum of the outcome rows\), found 23/);
});

test('exit statuses: 0 clean, 1 errors, 1 over --max-warnings, 2 bad usage, --no-fail demonstrates', async () => {
  assert.equal((await cli(['check', 'examples/2020-clean-2019-format.md'])).code, 0);
  assert.equal((await cli(['check', 'examples/2022-with-mistakes.md'])).code, 1);
  assert.equal((await cli(['check', '--no-fail', 'examples'])).code, 0);
  assert.equal((await cli(['check', '--format', 'xml', 'examples'])).code, 2);
  assert.equal((await cli(['check', '--max-warnings', 'x', 'examples'])).code, 2);
  assert.equal((await cli(['check', 'test/fixtures/seeds/002.md'])).code, 0, 'warnings only');
  assert.equal((await cli(['check', '--max-warnings', '0', 'test/fixtures/seeds/002.md'])).code, 1);
  assert.equal((await cli(['check', '--quiet', '--format', 'json', 'test/fixtures/seeds/002.md'])).stdout.includes('"warning"'), false);
});

test('--template forces a format', async () => {
  const r = await cli(['check', '--format', 'json', '--template', '2019', 'examples/2022-clean-2021-format.md']);
  const f = JSON.parse(r.stdout).files[0];
  assert.equal(f.template, '2019');
  assert.ok(f.diagnostics.some((d: { ruleId: string }) => d.ruleId === 'template-mismatch'));
});
