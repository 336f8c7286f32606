// `--format junit` and `--format gitlab`: the reports CI systems read.
// JUnit is parsed by an XML parser (@xmldom/xmldom) and validated by libxml2
// (xmllint-wasm) against Jenkins' JUnit schema; GitLab Code Quality against
// GitLab's own schema of a report entry. Schemas: test/fixtures/schemas/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { validateXML } from 'xmllint-wasm';
import { Ajv } from 'ajv';
import { cli, scratch } from '../../support/cli.ts';
import { root } from '../../support/engine.ts';

const SCHEMAS = join(root, 'test/fixtures/schemas');
const MISTAKES = 'examples/2022-with-mistakes.md';
const REPORT = readFileSync(join(root, MISTAKES), 'utf8');

async function validJunit(xml: string): Promise<void> {
  const r = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit-10.xsd', contents: readFileSync(join(SCHEMAS, 'junit-10.xsd'), 'utf8') }] });
  assert.ok(r.valid, r.rawOutput);
}

function parse(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => errors.push(`${level}: ${msg}`) }).parseFromString(xml, 'text/xml');
  assert.deepEqual(errors, []);
  const all = (el: Element | typeof doc, name: string) => Array.from(el.getElementsByTagName(name));
  return { doc, all };
}

test('junit: one test case per report, a failure per error, warnings in system-out; valid against the JUnit schema', async () => {
  const r = await cli(['check', '--format', 'junit', 'examples']);
  assert.equal(r.code, 1, r.stderr);
  await validJunit(r.stdout);
  const { doc, all } = parse(r.stdout);
  const suite = all(doc, 'testsuite')[0];
  assert.equal(suite.getAttribute('tests'), '3');
  assert.equal(suite.getAttribute('failures'), '1');
  assert.equal(suite.getAttribute('errors'), '0');
  const cases = all(doc, 'testcase');
  assert.deepEqual(cases.map((c) => c.getAttribute('name')), ['examples/2020-clean-2019-format.md', 'examples/2022-clean-2021-format.md', MISTAKES]);
  assert.equal(all(cases[0], 'failure').length + all(cases[1], 'failure').length, 0);
  const failures = all(cases[2], 'failure');
  assert.deepEqual(failures.map((f) => f.getAttribute('type')), ['section-missing', 'cell-empty', 'balance', 'total-results', 'total-row', 'total-review']);
  assert.equal(failures[3].getAttribute('message'), '63:11 （七）总计「自然人」应为 24（各办理结果之和），实为 23');
  assert.equal(failures[3].textContent, `${MISTAKES}:63:11: error total-results: （七）总计「自然人」应为 24（各办理结果之和），实为 23`);
  const out = all(cases[2], 'system-out');
  assert.equal(out.length, 1);
  assert.deepEqual(out[0].textContent!.split('\n'), [
    `${MISTAKES}:45:3: warning table-row-label: 行标签「5.属于三类内部事务息」应为「5.属于三类内部事务信息」`,
    `${MISTAKES}:73:6: warning section-title: 栏目标题「存在问题及改进情况」应为「存在的主要问题及改进情况」`,
  ]);
});

test('junit: --junit-warnings failure makes warnings failures; unreadable and skipped files; escaping', async () => {
  const dir = scratch();
  mkdirSync(join(dir, 'reports'));
  // A name with the characters XML must escape.
  writeFileSync(join(dir, 'reports', '报告 & <草稿> "甲".md'), REPORT);
  writeFileSync(join(dir, 'reports', 'notes.md'), '# 会议纪要\n\n不是年报。\n');
  const r = await cli(['check', '--format', 'junit', '--junit-warnings', 'failure', 'reports', 'missing.md'], { cwd: dir });
  assert.equal(r.code, 2, r.stderr);
  await validJunit(r.stdout);
  const { doc, all } = parse(r.stdout);
  const suite = all(doc, 'testsuite')[0];
  assert.deepEqual(['tests', 'failures', 'errors', 'skipped'].map((a) => suite.getAttribute(a)), ['3', '1', '1', '1']);
  const byName = new Map(all(doc, 'testcase').map((c) => [c.getAttribute('name'), c]));
  const report = byName.get('reports/报告 & <草稿> "甲".md')!;
  assert.ok(report, [...byName.keys()].join(', '));
  assert.equal(all(report, 'failure').length, 8);
  assert.equal(all(report, 'system-out').length, 0);
  assert.equal(all(byName.get('missing.md')!, 'error').length, 1);
  assert.equal(all(byName.get('reports/notes.md')!, 'skipped').length, 1);
});

interface Issue {
  type: string;
  check_name: string;
  description: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end?: number } };
}

async function gitlab(args: string[], cwd?: string): Promise<Issue[]> {
  const r = await cli(['check', '--format', 'gitlab', ...args], { cwd });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout);
}

test('gitlab: every issue valid against GitLab\'s Code Quality schema, with what GitLab\'s documentation requires', async () => {
  const issues = await gitlab(['examples']);
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(SCHEMAS, 'gitlab-codeclimate.schema.json'), 'utf8')));
  for (const issue of issues) {
    assert.ok(validate(issue), JSON.stringify(validate.errors));
    assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
    assert.match(issue.check_name, /^[a-z-]+$/);
    assert.ok(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1);
  }
  assert.deepEqual(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin]), [
    ['section-missing', 'major', MISTAKES, 1],
    ['table-row-label', 'minor', MISTAKES, 45],
    ['cell-empty', 'major', MISTAKES, 55],
    ['balance', 'major', MISTAKES, 63],
    ['total-results', 'major', MISTAKES, 63],
    ['total-row', 'major', MISTAKES, 63],
    ['total-review', 'major', MISTAKES, 71],
    ['section-title', 'minor', MISTAKES, 73],
  ]);
  assert.deepEqual(await gitlab(['examples/2022-clean-2021-format.md']), []);
});

test('gitlab: fingerprints are equal across runs and after lines move or a wrong total changes, and differ between findings', async () => {
  const dir = scratch();
  writeFileSync(join(dir, 'a.md'), REPORT);
  writeFileSync(join(dir, 'b.md'), REPORT);
  const first = await gitlab(['a.md', 'b.md'], dir);
  const again = await gitlab(['a.md', 'b.md'], dir);
  assert.deepEqual(again.map((i) => i.fingerprint), first.map((i) => i.fingerprint));
  const prints = first.map((i) => i.fingerprint);
  assert.equal(new Set(prints).size, prints.length, 'every finding has its own fingerprint, also in a copy of the same report');
  assert.ok(prints.every((p) => /^[0-9a-f]{64}$/.test(p)));
  // The same in English: a pipeline's language does not make every finding new.
  const english = await gitlab(['a.md', 'b.md', '--lang', 'en'], dir);
  assert.notEqual(english[0].description, first[0].description);
  assert.deepEqual(english.map((i) => i.fingerprint), prints);

  // Three lines more above the tables, and the wrong total 23 now a wrong 22: the same findings.
  const lines = REPORT.split('\n');
  const at = lines.findIndex((l) => l.startsWith('## 二'));
  lines.splice(at, 0, '说明：本报告数据截至 2022 年 12 月 31 日。', '', '');
  const moved = lines.join('\n').replace('| （七）总计 | 23 |', '| （七）总计 | 22 |');
  writeFileSync(join(dir, 'a.md'), moved);
  const after = await gitlab(['a.md'], dir);
  // a.md alone from here on: its copy-identical finding (about b.md, checked with it above) is not expected.
  const before = first.filter((i) => i.location.path === 'a.md' && i.check_name !== 'copy-identical');
  assert.deepEqual(after.map((i) => i.check_name), before.map((i) => i.check_name));
  assert.deepEqual(after.map((i) => i.fingerprint), before.map((i) => i.fingerprint));
  assert.ok(after.some((i, k) => i.location.lines.begin !== before[k].location.lines.begin), 'the lines did move');

  // A second finding of a rule already reported: 复议后起诉's 结果维持 1 with its 总计 still 0.
  writeFileSync(join(dir, 'a.md'), REPORT.replace('| 1 | 0 | 0 | 1 | 3 | 0 | 0 | 0 | 0 | 0 |', '| 1 | 0 | 0 | 1 | 3 | 1 | 0 | 0 | 0 | 0 |'));
  const more = await gitlab(['a.md'], dir);
  assert.deepEqual(before.map((i) => i.fingerprint).filter((p) => !more.some((i) => i.fingerprint === p)), [], 'the old findings keep their fingerprints');
  const added = more.filter((i) => !before.some((b) => b.fingerprint === i.fingerprint));
  // (The report's text also states those figures: text-table-mismatch is new as well.)
  assert.deepEqual(added.map((i) => [i.check_name, i.location.lines.begin]), [['text-table-mismatch', 9], ['total-review', 71]]);
  const reviews = more.filter((i) => i.check_name === 'total-review');
  assert.equal(reviews.length, 2);
  assert.notEqual(reviews[0].fingerprint, reviews[1].fingerprint);
});

test('junit, github and gitlab on published forms: the PDF page and the Word table row, never a line of the imported Markdown', async () => {
  const FX = join(root, 'test/fixtures/pdf');
  const dir = scratch();
  cpSync(join(FX, 'arith.wps.pdf'), join(dir, 'arith.pdf'));
  cpSync(join(FX, 'forms/typo.docx'), join(dir, 'typo.docx'));
  // arith and typo are variants of one report (same agency and year): copy-differs would compare them. Here only where findings are placed matters.
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { 'copy-differs': 'off', 'copy-identical': 'off', 'shared-text': 'off' } }));
  const TOTAL_ROW = '（三）4.保护第三方合法权益「自然人」应为 1（使（三）4.保护第三方合法权益「总计」等于六类申请人之和），实为 2';
  const LABEL = '行标签「5.属于三类内部事务息」应为「5.属于三类内部事务信息」';

  const j = await cli(['check', '--format', 'junit', 'arith.pdf', 'typo.docx'], { cwd: dir });
  assert.equal(j.code, 1, j.stderr);
  await validJunit(j.stdout);
  const { doc, all } = parse(j.stdout);
  const [pdf, docx] = all(doc, 'testcase');
  const row = all(pdf, 'failure').find((f) => f.getAttribute('type') === 'total-row')!;
  // Page 2 of the PDF, the cell by its row and column; the imported Markdown would have said 40:17.
  assert.equal(row.getAttribute('message'), `第 2 页 表三 （三）4.保护第三方合法权益「自然人」 ${TOTAL_ROW}`);
  assert.equal(row.textContent, `arith.pdf:2 表三 （三）4.保护第三方合法权益「自然人」: error total-row: ${TOTAL_ROW}`);
  assert.equal(all(docx, 'system-out')[0].textContent, `typo.docx 表格 2 第 12 行 表三「5.属于三类内部事务息」: warning table-row-label: ${LABEL}`);
  assert.doesNotMatch(j.stdout, /:40:17|:41:3/);

  const g = (await cli(['check', '--format', 'github', 'arith.pdf', 'typo.docx'], { cwd: dir })).stdout.trim().split('\n');
  assert.ok(g.includes(`::error file=arith.pdf,title=nianbao total-row::arith.pdf:2 表三 （三）4.保护第三方合法权益「自然人」: ${TOTAL_ROW}`), g.join('\n'));
  assert.ok(g.includes(`::warning file=typo.docx,title=nianbao table-row-label::typo.docx 表格 2 第 12 行 表三「5.属于三类内部事务息」: ${LABEL}`), g.join('\n'));
  assert.ok(g.every((l) => !/,line=/.test(l)), 'no Markdown line annotated');

  const issues = JSON.parse((await cli(['check', '--format', 'gitlab', 'arith.pdf', 'typo.docx'], { cwd: dir })).stdout) as { check_name: string; description: string; location: { path: string; lines: { begin: number } } }[];
  const gl = issues.find((i) => i.check_name === 'total-row')!;
  assert.deepEqual(gl.location, { path: 'arith.pdf', lines: { begin: 2 } });
  assert.equal(gl.description, `arith.pdf:2 表三 （三）4.保护第三方合法权益「自然人」: ${TOTAL_ROW}`);
  assert.equal(issues.find((i) => i.check_name === 'table-row-label')!.description, `typo.docx 表格 2 第 12 行 表三「5.属于三类内部事务息」: ${LABEL}`);
});
