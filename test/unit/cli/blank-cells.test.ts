// The blankCells setting, wherever it is set: .nianbaorc.json for `nianbao
// check` (and `data`), and the editor's nianbao.blankCells merged with the file
// for the language server (the file wins). An invalid value is a config error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cli, scratch } from '../../support/cli.ts';
import { ConfigStore } from '../../../server/src/lsp/document-config.ts';
import { readSettings } from '../../../server/src/lsp/editor-settings.ts';

const FIXTURE = 'test/fixtures/rules/blank-as-zero.md';

interface Out { files: { path: string; status: string; reason?: string; diagnostics: { ruleId: string }[] }[] }
const count = (out: Out, rule: string) => out.files[0].diagnostics.filter((d) => d.ruleId === rule).length;

test('check: blanks of a table without zeros are read as 0 by default, each reported with "blankCells": "each"', async () => {
  const dir = scratch({ 'r.md': FIXTURE });
  let out = JSON.parse((await cli(['check', '--format', 'json', join(dir, 'r.md')])).stdout) as Out;
  assert.equal(count(out, 'blank-as-zero'), 3);
  assert.equal(count(out, 'cell-empty'), 0);
  assert.equal(count(out, 'total-row'), 1, 'the relations are judged');
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ blankCells: 'each' }));
  out = JSON.parse((await cli(['check', '--format', 'json', join(dir, 'r.md')])).stdout) as Out;
  assert.equal(count(out, 'blank-as-zero'), 0);
  assert.equal(count(out, 'cell-empty'), 151);
  assert.equal(count(out, 'total-row'), 0, 'no relation through a blank is judged');
});

test('check: an invalid blankCells is a config error with the file and the field', async () => {
  const dir = scratch({ 'r.md': FIXTURE });
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ blankCells: 'zero' }));
  const r = await cli(['check', '--format', 'json', join(dir, 'r.md')]);
  assert.equal(r.code, 2);
  const out = JSON.parse(r.stdout) as Out;
  assert.equal(out.files[0].status, 'error');
  assert.match(out.files[0].reason!, /\.nianbaorc\.json: \/blankCells must be equal to one of the allowed values/);
});

test('data: the figures of blanks read as 0 are 0, and null with "blankCells": "each"', async () => {
  const dir = scratch({ 'r.md': FIXTURE });
  const value = async () => (JSON.parse((await cli(['data', '--format', 'json', join(dir, 'r.md')])).stdout) as { reports: { values: Record<string, unknown> }[] }).reports[0].values;
  // 一、本年新收「科研机构」, blank in the fixture.
  assert.equal((await value())['t3.new.research'], 0);
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ blankCells: 'each' }));
  assert.equal((await value())['t3.new.research'], null);
});

test('editor: nianbao.blankCells is read, unknown values ignored, and .nianbaorc.json wins', async () => {
  assert.equal(readSettings({ blankCells: 'each' }).blankCells, 'each');
  assert.equal(readSettings({ blankCells: 'zero' }).blankCells, undefined);
  const dir = scratch({ 'r.md': FIXTURE });
  const uri = pathToFileURL(join(dir, 'r.md')).href;
  const store = new ConfigStore({ log: () => {}, pull: async () => ({ blankCells: 'each' }) });
  assert.equal((await store.get(uri)).analyze.blankCells, 'each');
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ blankCells: 'zero-if-no-zeros' }));
  store.invalidate();
  assert.equal((await store.get(uri)).analyze.blankCells, 'zero-if-no-zeros');
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ blankCells: 7 }));
  const logged: string[] = [];
  const bad = new ConfigStore({ log: (m) => logged.push(m), pull: async () => ({}) });
  assert.equal((await bad.get(uri)).analyze.blankCells, undefined);
  assert.ok(logged.some((m) => m.includes('/blankCells must be equal to one of the allowed values: zero-if-no-zeros, each')), logged.join('\n'));
});

test('the schema, the editor setting and the engine offer the same blankCells values, zero-if-no-zeros by default', async () => {
  const { BLANK_CELL_POLICIES } = await import('../../../server/src/engine/parse/blanks.ts');
  const { readFileSync } = await import('node:fs');
  const root = new URL('../../../', import.meta.url);
  const schema = JSON.parse(readFileSync(new URL('schemas/nianbaorc.schema.json', root), 'utf8'));
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  assert.deepEqual(schema.properties.blankCells.enum, BLANK_CELL_POLICIES);
  const setting = pkg.contributes.configuration.properties['nianbao.blankCells'];
  assert.deepEqual(setting.enum, BLANK_CELL_POLICIES);
  assert.equal(setting.default, 'zero-if-no-zeros');
});
