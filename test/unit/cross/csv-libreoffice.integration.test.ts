// `nianbao data`'s CSV opened by LibreOffice (Debian package
// libreoffice-calc-nogui, command soffice): columns, numbers as numbers,
// Chinese intact. An integration test: it needs the Debian package, which
// `node test/run.mjs integration` installs (test/e2e/setup.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliProcess } from '../../support/cli.ts';
import { DATA_INPUTS, parseCsv } from './csv.ts';

// This test fails, not skips, when soffice is missing: the integration suite installs it.
function fodsRows(xml: string): { type: string; value: string; text: string }[][] {
  const out: { type: string; value: string; text: string }[][] = [];
  for (const row of xml.match(/<table:table-row[^>]*>[\s\S]*?<\/table:table-row>/g) ?? []) {
    const cells: { type: string; value: string; text: string }[] = [];
    for (const m of row.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
      const attrs = m[1];
      const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(attrs)?.[1] ?? 1);
      const cell = {
        type: /office:value-type="(\w+)"/.exec(attrs)?.[1] ?? '',
        value: /office:value="([^"]*)"/.exec(attrs)?.[1] ?? '',
        text: (m[2] ?? '').replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").trim(),
      };
      for (let i = 0; i < Math.min(repeat, 1000); i++) cells.push(cell);
    }
    out.push(cells);
  }
  return out;
}

function soffice(args: string[], profile: string) {
  return spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...args], { encoding: 'utf8', timeout: 180_000 });
}

test('LibreOffice opens the CSV as columns, numbers as numbers, Chinese intact (soffice --convert-to)', () => {
  const which = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  assert.equal(which.status, 0, 'soffice not found: install the Debian package libreoffice-calc-nogui');
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));
  const profile = join(dir, 'profile');
  mkdirSync(join(dir, 'out1'));
  mkdirSync(join(dir, 'out2'));
  const csv = join(dir, 'reports.csv');
  assert.equal(cliProcess(['data', '-o', csv, ...DATA_INPUTS]).code, 0);
  const expected = parseCsv(readFileSync(csv, 'utf8').slice(1));
  // 1. Default import, as `soffice --convert-to` does with no options: split at the commas into columns.
  const plain = soffice(['--convert-to', 'fods', '--outdir', join(dir, 'out1'), csv], profile);
  assert.equal(plain.status, 0, plain.stderr);
  const rows1 = fodsRows(readFileSync(join(dir, 'out1/reports.fods'), 'utf8'));
  assert.equal(rows1.length, expected.length);
  assert.ok(rows1[0].length >= expected[0].length, `header spans ${rows1[0].length} columns, not one text column`);
  // 2. Import as UTF-8 (the Text Import dialog's 「Unicode (UTF-8)」): the BOM is not part of the first cell, Chinese text is intact, figures are numbers.
  const utf8 = soffice(['--infilter=CSV:44,34,76,1', '--convert-to', 'fods', '--outdir', join(dir, 'out2'), csv], profile);
  assert.equal(utf8.status, 0, utf8.stderr);
  const rows = fodsRows(readFileSync(join(dir, 'out2/reports.fods'), 'utf8'));
  assert.equal(rows.length, expected.length);
  const head = expected[0];
  assert.equal(rows[0][0].text, 'path');
  for (let c = 0; c < head.length; c++) assert.equal(rows[0][c].text, head[c]);
  for (let r = 1; r < expected.length; r++) {
    for (let c = 0; c < head.length; c++) {
      const want = expected[r][c];
      const got = rows[r][c] ?? { type: '', value: '', text: '' };
      if (want === '') { assert.equal(got.text, '', `${r},${head[c]}`); continue; }
      if (/^-?\d+(\.\d+)?$/.test(want)) {
        assert.equal(got.type, 'float', `${head[c]} = ${want} is a number`);
        assert.equal(Number(got.value), Number(want), `${r},${head[c]}`);
      } else {
        assert.equal(got.text, want, `${r},${head[c]}`);
      }
    }
  }
  assert.ok(rows.some((row) => row[head.indexOf('agency')]?.text === '市文化广电和旅游局'));
});

