// action.yml against the public schema of GitHub Action metadata (SchemaStore's
// github-action.json, committed in test/fixtures/schemas/ with its source).
// Running its step is test/unit/ci/action.integration.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { root } from '../../support/engine.ts';

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: { run: string; shell: string; env: Record<string, string> }[] };
}
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionYml;

test('action.yml is valid GitHub Action metadata', () => {
  const schema = JSON.parse(readFileSync(join(root, 'test/fixtures/schemas/github-action.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const valid = validate(action);
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
  // The schema would also accept a Docker or JavaScript action: this one is composite.
  assert.equal(action.runs.using, 'composite');
});

test('the inputs and outputs the README documents', () => {
  assert.deepEqual(Object.keys(action.inputs), ['paths', 'config', 'fail-on', 'format', 'sarif-file', 'baseline', 'package']);
  assert.deepEqual(Object.keys(action.outputs), ['errors', 'warnings', 'infos', 'unreadable', 'sarif-file']);
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) assert.ok(readme.includes('`' + name + '`'), `README documents ${name}`);
  // Every input reaches the step.
  const env = action.runs.steps[0].env;
  for (const name of Object.keys(action.inputs)) assert.ok(Object.values(env).includes(`\${{ inputs.${name} }}`), name);
});
