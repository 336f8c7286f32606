// The CLI side of the cross checks: previous-year reports found among the
// files checked together (carryover, copied-text), `check --summary`,
// `nianbao data` (CSV and JSON whose values match the tables; LibreOffice
// opening the CSV is csv-libreoffice.integration.test.ts), and `nianbao diff`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, scratch } from '../../support/cli.ts';
import { root } from '../../support/engine.ts';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { figureName } from '../../../server/src/engine/cross/figures.ts';
import { pairPrevious } from '../../../server/src/engine/cross/identity.ts';
import { reportMarkdown } from './build.ts';
import { DATA_INPUTS, parseCsv } from './csv.ts';

const CROSS = 'test/fixtures/cross';

interface JsonFile { path: string; diagnostics: { ruleId: string; line: number; message: string; severity: string }[] }
const byName = (files: JsonFile[], name: string) => files.find((f) => f.path.endsWith(name))!;

test('check finds the previous-year report among the files checked together: carryover per column', async () => {
  const r = await cli(['check', '--format', 'json', `${CROSS}/carryover`]);
  const out = JSON.parse(r.stdout) as { files: JsonFile[] };
  assert.equal(r.code, 1);
  const now = byName(out.files, '2021.md').diagnostics.filter((d) => d.ruleId === 'carryover');
  assert.equal(now.length, 2, JSON.stringify(now));
  assert.ok(now.every((d) => d.severity === 'error'));
  assert.ok(now.some((d) => d.message.includes('「商业企业」为 1') && d.message.includes('2020年度报告')), now.map((d) => d.message).join('\n'));
  assert.ok(now.some((d) => d.message.includes('「总计」为 4')));
  assert.deepEqual(byName(out.files, '2020.md').diagnostics.filter((d) => d.ruleId === 'carryover'), []);
  // Alone, this year's report has nothing to compare with.
  const alone = JSON.parse((await cli(['check', '--format', 'json', `${CROSS}/carryover/2021.md`])).stdout) as { files: JsonFile[] };
  assert.deepEqual(alone.files[0].diagnostics.filter((d) => d.ruleId === 'carryover'), []);
});

test('check: 五 copied word for word from last year gives copied-text; rewritten text does not', async () => {
  const out = JSON.parse((await cli(['check', '--format', 'json', `${CROSS}/copied`])).stdout) as { files: JsonFile[] };
  const copied = byName(out.files, '2022-copied.md').diagnostics.filter((d) => d.ruleId === 'copied-text');
  const text = readFileSync(join(root, CROSS, 'copied/2022-copied.md'), 'utf8').split('\n');
  assert.equal(copied.length, 2);
  for (const d of copied) assert.match(text[d.line - 1], /^(一是政务公开工作机制|下一步，我局将进一步健全)/);
  assert.deepEqual(byName(out.files, '2022-rewritten.md').diagnostics.filter((d) => d.ruleId === 'copied-text'), []);
  assert.deepEqual(byName(out.files, '2021.md').diagnostics.filter((d) => d.ruleId === 'copied-text'), []);
});

test('pairing: agency and year; two candidates for last year is no pairing', () => {
  const id = (agency: string, year: number) => ({ agency, year });
  const m = pairPrevious([
    { path: 'a20', identity: id('甲局', 2020) }, { path: 'a21', identity: id('甲 局', 2021) },
    { path: 'b20', identity: id('乙局', 2020) }, { path: 'b20b', identity: id('乙局', 2020) }, { path: 'b21', identity: id('乙局', 2021) },
    { path: 'c21', identity: { year: 2021 } },
  ]);
  assert.deepEqual([...m], [['a21', 'a20']]);
});

test('check --summary: a table per agency and year, worst first; JSON output stays valid', async () => {
  const r = await cli(['check', '--summary', `${CROSS}/carryover`, `${CROSS}/copied`, 'test/fixtures/seeds/000.md']);
  const lines = r.stdout.split('\n');
  const at = lines.findIndex((l) => l.startsWith('按机关和年度汇总'));
  assert.ok(at > 0, r.stdout);
  const rows = lines.slice(at + 3).filter((l) => l.trim()).map((l) => l.trim().split(/\s{2,}/));
  assert.deepEqual(rows.map((x) => [x[0], x[1]]), [
    ['市文化广电和旅游局', '2020'], ['某县教育局', '2021'], ['某市测试局', '2022'], ['某市测试局', '2021'], ['某县教育局', '2020'],
  ]);
  const errors = rows.map((x) => Number(x[3]));
  assert.deepEqual(errors, [...errors].sort((a, b) => b - a));
  // Two 2022 files of one agency: copied-text twice in one, and the two copies differ in two paragraphs each (copy-differs).
  assert.deepEqual(rows[2], ['某市测试局', '2022', '2', '0', '6']);
  const j = await cli(['check', '--summary', '--format', 'json', `${CROSS}/carryover`]);
  assert.doesNotThrow(() => JSON.parse(j.stdout));
  assert.match(j.stderr, /某县教育局\s+2021\s+1\s+2/);
});


test('data --format csv: BOM, CRLF, one record per report, every table value under its stable name', async () => {
  const r = await cli(['data', '--format', 'csv', ...DATA_INPUTS]);
  assert.equal(r.code, 0, r.stderr);
  const raw = r.stdout;
  assert.equal(raw.charCodeAt(0), 0xfeff, 'UTF-8 BOM');
  const rows = parseCsv(raw.slice(1));
  const head = rows[0];
  for (const c of ['path', 'agency', 'year', 'template', 'errors', 'warnings', 'rule.carryover', 't3.results_total.natural_person', 't4.counts.review.total', 't2.1.rules.made', 't2.1.rules.issued']) assert.ok(head.includes(c), c);
  assert.ok(rows.every((x) => x.length === head.length), 'every row has every column');
  const reports = [...readdirSync(join(root, 'examples')).filter((n) => n.endsWith('.md')).map((n) => `examples/${n}`), ...['000', '001', '002', '003', '004'].map((n) => `test/fixtures/seeds/${n}.md`)];
  assert.deepEqual(rows.slice(1).map((x) => x[head.indexOf('path')]).sort(), reports.sort());
  let compared = 0;
  for (const row of rows.slice(1)) {
    const get = (c: string) => row[head.indexOf(c)];
    const previous = get('previous') ? analyze(readFileSync(join(root, get('previous')), 'utf8')).report : undefined;
    const a = analyze(readFileSync(join(root, get('path')), 'utf8'), { previous });
    assert.equal(get('agency'), a.report.agency ?? '');
    assert.equal(get('year'), String(a.report.year ?? ''));
    assert.equal(get('template'), a.report.template.id);
    assert.equal(Number(get('errors')), a.diagnostics.filter((d) => d.severity === 'error').length);
    assert.equal(Number(get('warnings')), a.diagnostics.filter((d) => d.severity === 'warning').length);
    for (const table of a.report.tables) {
      for (const cell of table.cells.values()) {
        const name = figureName(table.def, cell.row, cell.column);
        const want = cell.value.kind === 'number' ? String(cell.value.value) : cell.ref.text;
        assert.equal(get(name), want, `${get('path')} ${name}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 500, `compared ${compared} values`);
  // Seed 000: some figures checked by hand against the Markdown.
  const s0 = rows.find((x) => x[head.indexOf('path')] === 'test/fixtures/seeds/000.md')!;
  const v = (c: string) => s0[head.indexOf(c)];
  assert.equal(v('t3.results_total.natural_person'), '2');
  assert.equal(v('t3.results_total.total'), '3');
  assert.equal(v('t3.new.commercial'), '1');
  assert.equal(v('t3.new.total'), '');
  assert.equal(v('t2.9.procurement.amount'), '2105.015');
  assert.equal(v('t2.5.other_services.change'), '-4');
});

test('data --format json: the same records', async () => {
  const out = JSON.parse((await cli(['data', '--format', 'json', ...DATA_INPUTS])).stdout);
  assert.ok(out.columns.includes('t3.carry_over.total'));
  const s0 = out.reports.find((x: { path: string }) => x.path === 'test/fixtures/seeds/000.md');
  assert.equal(s0.agency, '市文化广电和旅游局');
  assert.equal(s0.year, 2020);
  assert.equal(s0.values['t3.results_total.total'], 3);
  assert.equal(s0.values['t3.new.total'], null);
  assert.equal(s0.rules['publish-date'], 1);
  assert.equal(s0.rules['year-mismatch'], 1);
});

test('data: a pair of years is compared as check compares it', async () => {
  const out = JSON.parse((await cli(['data', '--format', 'json', `${CROSS}/carryover`])).stdout);
  const r21 = out.reports.find((x: { year: number }) => x.year === 2021);
  assert.equal(r21.previous, `${CROSS}/carryover/2020.md`);
  assert.equal(r21.rules.carryover, 2);
  assert.equal(r21.errors, 2);
  assert.equal(r21.values['t3.carried_in.total'], 4);
});

test('data: fields with commas, quotes and line breaks are quoted (RFC 4180); formula-like text stays text', async () => {
  const dir = scratch();
  writeFileSync(join(dir, 'a.md'), reportMarkdown({ agency: '某市"测试",局', year: 2021 }));
  writeFileSync(join(dir, 'b.md'), reportMarkdown({ agency: '=某区局', year: 2021 }));
  const raw = (await cli(['data', dir])).stdout;
  assert.ok(raw.includes('"某市""测试"",局"'), raw.slice(0, 400));
  const rows = parseCsv(raw.slice(1));
  const agencies = rows.slice(1).map((x) => x[rows[0].indexOf('agency')]).sort();
  assert.deepEqual(agencies, ["'=某区局", '某市"测试",局']);
});

test('data -o writes the file', async () => {
  const dir = scratch({ 'r.md': 'examples/2022-with-mistakes.md' });
  const out = join(dir, 'out.csv');
  const r = await cli(['data', '-o', out, join(dir, 'r.md')]);
  assert.equal(r.code, 0);
  const bytes = readFileSync(out);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(parseCsv(bytes.toString('utf8').slice(1)).length, 2);
});

test('diff: copied paragraphs listed as kept word for word, every figure with last, this and change', async () => {
  const last = `${CROSS}/copied/2021.md`;
  const r = await cli(['diff', '--format', 'json', last, `${CROSS}/copied/2022-copied.md`]);
  assert.equal(r.code, 0, r.stderr);
  const d = JSON.parse(r.stdout);
  assert.equal(d.last.year, 2021);
  assert.equal(d.this.year, 2022);
  const problems = d.sections.find((s: { id: string }) => s.id === 'problems');
  assert.deepEqual(problems.counts, { kept: 2, changed: 0, added: 0, removed: 0 });
  assert.ok(problems.changes.every((c: { kind: string; this: string; last: string }) => c.kind === 'kept' && c.this === c.last));
  const overview = d.sections.find((s: { id: string }) => s.id === 'overview');
  assert.equal(overview.counts.kept, 0);
  const fig = (n: string) => d.figures.find((f: { name: string }) => f.name === n);
  assert.deepEqual(fig('t3.new.total'), { name: 't3.new.total', label: '表三 一、本年新收「总计」', last: 25, this: 30, change: 5 });
  assert.deepEqual([fig('t3.carry_over.total').last, fig('t3.carry_over.total').this, fig('t3.carry_over.total').change], [5, 4, -1]);
  assert.equal(fig('t4.counts.review.total').change, 0);
  // Every figure of the 2021 format: table 2 has 10, table 3 25 rows × 7, table 4 15.
  assert.equal(d.figures.length, 10 + 25 * 7 + 15);

  const rewritten = JSON.parse((await cli(['diff', '--format', 'json', last, `${CROSS}/copied/2022-rewritten.md`])).stdout);
  const p2 = rewritten.sections.find((s: { id: string }) => s.id === 'problems');
  assert.equal(p2.counts.kept, 0);
  assert.equal(p2.counts.added + p2.counts.changed, 2);

  const text = (await cli(['diff', last, `${CROSS}/copied/2022-copied.md`])).stdout;
  assert.match(text, /== 五、存在的主要问题及改进情况 ==\s+\(未改动 2/);
  assert.match(text, /= 未改动: 一是政务公开工作机制还不够健全/);
  assert.match(text, /\* t3\.new\.total\s+25 → 30\s+\+5\s+表三 一、本年新收「总计」/);

  const md = (await cli(['diff', '--format', 'markdown', last, `${CROSS}/copied/2022-copied.md`])).stdout;
  assert.match(md, /^# 年度报告逐年比较/);
  assert.match(md, /### 未改动（与上一年度逐字相同）\n\n> 一是政务公开工作机制/);
  assert.match(md, /\| `t3\.new\.total` \| 表三 一、本年新收「总计」 \| 25 \| 30 \| \+5 \|/);
});

test('diff: an unreadable file exits 2 with a message', async () => {
  const r = await cli(['diff', 'nope.md', `${CROSS}/copied/2021.md`]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nope\.md/);
});
