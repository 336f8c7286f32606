// A published report paired with the same agency's report of the year before,
// whatever the form of either (Markdown, PDF, Word, web page): carryover and
// copied-text work on published forms as on Markdown, in `check` (one thread,
// worker threads, --cache) and in `data`.
//
// Each 2022 report has the 2021 report's figures and narrative (years/spec.ts),
// so each gets the same findings from last year's: 二、上年结转 社会公益组织 0
// and 总计 1 where 2021 carried over 1 and 2 (carryover), and its three
// paragraphs copied word for word (copied-text).
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, scratch } from '../../support/cli.ts';
import { root } from '../../support/engine.ts';
import { official2021, toDocument, toMarkdown, type Spec } from '../../fixtures/pdf/model.ts';
import { toDocx } from '../../fixtures/pdf/write-docx.ts';
import { toHtml } from '../../fixtures/pdf/write-html.ts';
import { nextYear2022 } from '../../fixtures/pdf/years/spec.ts';

const FX = join(root, 'test/fixtures/pdf');

interface OutDiag { ruleId: string; message: string; source?: { page?: number; table?: number; row?: number; where?: string } }
interface OutFile { path: string; status: string; form?: string; diagnostics: OutDiag[] }

const CARRYOVER = [
  '二、上年结转「社会公益组织」为 0，而2021年度报告的四、结转下年度继续办理「社会公益组织」为 1',
  '二、上年结转「总计」为 1，而2021年度报告的四、结转下年度继续办理「总计」为 2',
];
const COPIED_OVERVIEW = '此段与2021年度报告「一」部分的一段完全相同：年度报告应写本年度的情况（内容雷同）';
const COPIED_PROBLEMS = '此段与2021年度报告「五」部分的一段完全相同：年度报告应写本年度的情况（内容雷同）';
const FROM_LAST_YEAR = [...CARRYOVER.map((m) => `carryover ${m}`), `copied-text ${COPIED_OVERVIEW}`, `copied-text ${COPIED_OVERVIEW}`, `copied-text ${COPIED_PROBLEMS}`].sort();

const yearly = (f: OutFile) => f.diagnostics.filter((d) => d.ruleId === 'carryover' || d.ruleId === 'copied-text').map((d) => `${d.ruleId} ${d.message}`).sort();

/** The 2021 fixture report as another agency's. */
function as(agency: string, spec: Spec): Spec {
  return { ...spec, title: [agency, spec.title[1]] };
}

/**
 * Four agencies, each with a 2021 and a 2022 report in other forms:
 * 某市文化和旅游局 PDF → PDF (the committed WPS-like PDFs), 某县教育局 Word → Markdown,
 * 某区卫生健康委员会 web page → Word, 某镇人民政府 Markdown → web page.
 */
async function corpus(): Promise<string> {
  const dir = scratch();
  cpSync(join(FX, 'typo.wps.pdf'), join(dir, '文旅-2021.pdf'));
  cpSync(join(FX, 'years/2022.wps.pdf'), join(dir, '文旅-2022.pdf'));
  const y2021 = (agency: string) => as(agency, official2021('prev'));
  const y2022 = (agency: string) => as(agency, nextYear2022());
  writeFileSync(join(dir, '教育-2021.docx'), await toDocx(toDocument(y2021('某县教育局'))));
  writeFileSync(join(dir, '教育-2022.md'), toMarkdown(y2022('某县教育局')));
  writeFileSync(join(dir, '卫健-2021.html'), toHtml(toDocument(y2021('某区卫生健康委员会')), '某区卫生健康委员会'));
  writeFileSync(join(dir, '卫健-2022.docx'), await toDocx(toDocument(y2022('某区卫生健康委员会'))));
  writeFileSync(join(dir, '乡镇-2021.md'), toMarkdown(y2021('某镇人民政府')));
  writeFileSync(join(dir, '乡镇-2022.html'), toHtml(toDocument(y2022('某镇人民政府')), '某镇人民政府'));
  return dir;
}

const NOW = ['乡镇-2022.html', '卫健-2022.docx', '教育-2022.md', '文旅-2022.pdf'];
const LAST = ['乡镇-2021.md', '卫健-2021.html', '教育-2021.docx', '文旅-2021.pdf'];

function assertPaired(files: OutFile[], how: string): void {
  const byName = new Map(files.map((f) => [f.path.replace(/^.*\//, ''), f]));
  assert.deepEqual([...byName.keys()].sort(), [...LAST, ...NOW].sort(), how);
  for (const name of NOW) assert.deepEqual(yearly(byName.get(name)!), FROM_LAST_YEAR, `${how}: ${name} compared with its agency's 2021 report`);
  for (const name of LAST) assert.deepEqual(yearly(byName.get(name)!), [], `${how}: ${name} has no 2020 report to compare with`);
}

describe('published reports paired with last year\'s, whatever the forms', async () => {
  const dir = await corpus();

  // One run for both: worker threads (eight files), and --cache (a second run prints the stored results).
  const cacheArgs = ['check', '--published', '--cache', '--cache-location', join(dir, '.cache'), '--format', 'json', '.'];
  const first = await cli(cacheArgs, { cwd: dir });

  it('check --published: each 2022 report gets carryover and copied-text from its 2021 report', () => {
    assert.equal(first.code, 1, first.stderr);
    assertPaired((JSON.parse(first.stdout) as { files: OutFile[] }).files, 'check --published');
  });

  it('--cache: the same findings from the stored results (a published form\'s identity is kept with it)', async () => {
    const second = await cli(cacheArgs, { cwd: dir });
    assert.equal(second.stdout, first.stdout);
    const stored = JSON.parse(readFileSync(join(dir, '.cache', 'check.json'), 'utf8')) as { files: Record<string, { identity?: { agency?: string; year?: number; prints?: number[] } | null }> };
    const identity = stored.files[join(dir, '文旅-2022.pdf')].identity!;
    assert.deepEqual({ agency: identity.agency, year: identity.year }, { agency: '某市文化和旅游局', year: 2022 });
    // With its sentence fingerprints: other agencies' reports sharing wording are found from the cache too.
    assert.ok(Array.isArray(identity.prints) && identity.prints.length > 0);
  });

  it('a 2022 PDF\'s carryover findings say where they are in the PDF (one thread: two files)', async () => {
    const r = await cli(['check', '--format', 'json', '文旅-2021.pdf', '文旅-2022.pdf'], { cwd: dir });
    const now = (JSON.parse(r.stdout) as { files: OutFile[] }).files.find((f) => f.path === '文旅-2022.pdf')!;
    assert.deepEqual(yearly(now), FROM_LAST_YEAR);
    const carry = now.diagnostics.filter((d) => d.ruleId === 'carryover').map((d) => [d.source?.page, d.source?.where]);
    assert.deepEqual(carry, [[2, '表三 二、上年结转「社会公益组织」'], [2, '表三 二、上年结转「总计」']]);
    // Alone, the 2022 PDF has nothing to compare with (as a Markdown report alone has not).
    const alone = JSON.parse((await cli(['check', '--format', 'json', '文旅-2022.pdf'], { cwd: dir })).stdout) as { files: OutFile[] };
    assert.deepEqual(yearly(alone.files[0]), []);
  });

  it('data --published names each 2022 report\'s previous-year file and counts its findings', async () => {
    const d = JSON.parse((await cli(['data', '--published', '--format', 'json', '.'], { cwd: dir })).stdout) as { reports: { path: string; previous: string | null; rules: Record<string, number> }[] };
    const previous = Object.fromEntries(d.reports.map((x) => [x.path, x.previous]));
    assert.deepEqual(previous, {
      '乡镇-2021.md': null, '乡镇-2022.html': '乡镇-2021.md',
      '卫健-2021.html': null, '卫健-2022.docx': '卫健-2021.html',
      '教育-2021.docx': null, '教育-2022.md': '教育-2021.docx',
      '文旅-2021.pdf': null, '文旅-2022.pdf': '文旅-2021.pdf',
    });
    for (const name of NOW) {
      const rules = d.reports.find((x) => x.path === name)!.rules;
      assert.deepEqual([rules.carryover, rules['copied-text']], [2, 3], name);
    }
  });

  it('the 2022 PDF fixture is what years/spec.ts describes: the 2021 report\'s figures under a 2022 title', async () => {
    const md = readFileSync(join(FX, 'src/typo.md'), 'utf8');
    assert.match(md, /\| 二、上年结转政府信息公开申请数量 \| 1 \| 0 \| 0 \| 0 \| 0 \| 0 \| 1 \|/);
    assert.match(md, /\| 四、结转下年度继续办理 \| 1 \| 0 \| 0 \| 1 \| 0 \| 0 \| 2 \|/);
    const imported = (await cli(['import', join(FX, 'years/2022.wps.pdf')])).stdout;
    assert.match(imported, /^# 某市文化和旅游局2022年政府信息公开工作年度报告\n/);
    assert.match(imported, /\| 二、上年结转政府信息公开申请数量 \| 1 \| 0 \| 0 \| 0 \| 0 \| 0 \| 1 \|/);
  });
});
