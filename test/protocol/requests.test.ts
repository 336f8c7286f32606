// The custom requests behind the client's commands: nianbao/templates,
// nianbao/newReport (新建年度报告) and nianbao/nextYearReport (由本报告生成下一年度报告).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.ts';
import { cleanReport, fileUri, TestClient } from './harness.ts';

interface ReportText { text: string; year: number; templateId: string }

describe('custom requests', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  it('nianbao/templates lists the formats with their years', async () => {
    const list = await client.request<{ id: string; name: string; from?: number; to?: number }[]>('nianbao/templates', {});
    assert.deepEqual(list.map((t) => t.id).sort(), ['2019', '2021']);
    assert.equal(list.find((t) => t.id === '2019')!.to, 2020);
    assert.equal(list.find((t) => t.id === '2021')!.from, 2021);
  });

  for (const [year, template] of [[2020, '2019'], [2024, '2021']] as const) {
    it(`nianbao/newReport ${year} writes a ${template}-format report with no findings`, async () => {
      const r = await client.request<ReportText>('nianbao/newReport', { year });
      assert.equal(r.templateId, template);
      assert.equal(r.year, year);
      const a = analyze(r.text);
      assert.equal(a.report.year, year);
      assert.equal(a.report.template.id, template);
      assert.deepEqual(a.diagnostics.map((d) => d.ruleId), []);
      // And the server agrees once the text is opened.
      const uri = fileUri(`/tmp/nianbao-proto/new-${year}.md`);
      assert.deepEqual((await client.open(uri, r.text)).diagnostics, []);
      await client.close(uri);
    });
  }

  it('nianbao/newReport honours an explicit format and agency, and refuses an unknown format', async () => {
    const r = await client.request<ReportText>('nianbao/newReport', { year: 2022, template: '2019', agency: '某县财政局' });
    assert.equal(r.templateId, '2019');
    assert.ok(r.text.startsWith('# 某县财政局2022年政府信息公开工作年度报告'));
    await assert.rejects(client.request('nianbao/newReport', { year: 2022, template: 'nope' }), /nope/);
  });

  it('nianbao/nextYearReport: year + 1, same agency, 上年结转 from this year\'s 结转下年度, other figures blank', async () => {
    const text = (await cleanReport('2021', 2022, '某市文化和旅游局'))
      .replace('| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 一、本年新收政府信息公开申请数量 | 10 | 2 | 0 | 0 | 0 | 1 | 13 |')
      .replace('| （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| （一）予以公开 | 7 | 2 | 0 | 0 | 0 | 1 | 10 |')
      .replace('| （七）总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| （七）总计 | 7 | 2 | 0 | 0 | 0 | 1 | 10 |')
      .replace('| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 四、结转下年度继续办理 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |');
    const uri = fileUri('/tmp/nianbao-proto/this-year.md');
    assert.deepEqual((await client.open(uri, text)).diagnostics, [], 'the input is consistent');
    const r = await client.request<ReportText>('nianbao/nextYearReport', { uri });
    assert.equal(r.year, 2023);
    assert.equal(r.templateId, '2021');
    const a = analyze(r.text);
    assert.equal(a.report.year, 2023);
    assert.equal(a.report.agency, '某市文化和旅游局');
    assert.match(r.text, /统计期限为2023年1月1日至2023年12月31日/);
    assert.ok(r.text.includes('| 二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |'), r.text);
    assert.ok(r.text.includes('| 一、本年新收政府信息公开申请数量 |  |  |  |  |  |  |  |'), 'this year\'s figures are not copied');
    assert.ok(!r.text.includes('| 10 |'));
    assert.deepEqual(new Set(a.report.sections.map((s) => s.def?.id)).size, 6, 'all six sections');
    await client.close(uri);
  });

  it('nianbao/nextYearReport from a 2020 report uses the 2021 format', async () => {
    const uri = fileUri('/tmp/nianbao-proto/y2020.md');
    await client.open(uri, await cleanReport('2019', 2020));
    const r = await client.request<ReportText>('nianbao/nextYearReport', { uri });
    assert.equal(r.year, 2021);
    assert.equal(r.templateId, '2021');
    assert.ok(r.text.includes('1.申请人无正当理由逾期不补正'), '2021 rows');
    assert.ok(r.text.includes('| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'));
    await client.close(uri);
  });

  it('nianbao/nextYearReport refuses a document without a year, and an unknown document', async () => {
    const uri = fileUri('/tmp/nianbao-proto/noyear.md');
    await client.open(uri, '## 一、总体情况\n\n无。\n\n## 二、主动公开政府信息情况\n\n无。\n');
    await assert.rejects(client.request('nianbao/nextYearReport', { uri }), /年度/);
    await assert.rejects(client.request('nianbao/nextYearReport', { uri: fileUri('/tmp/nianbao-proto/not-open.md') }));
    await client.close(uri);
  });
});
