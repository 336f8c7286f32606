// A report checked in two layouts of table 3 — one label column with group rows
// on their own line, and three label columns with merged-cell blanks (as seed
// 003) — gives the same diagnostics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { fixture } from '../../support/engine.ts';

/** Rewrites table 3 from one label column into three, the way merged-cell Word tables come out. */
function threeColumns(text: string): string {
  const lines = text.split('\n');
  let group = '';
  let sub = '';
  const out: string[] = [];
  for (const line of lines) {
    const m = /^\| ([^|]*?) \|(.*)$/.exec(line);
    const label = m?.[1] ?? '';
    const inT3 = m && (/^[一二三四]、/.test(label) || /^（[一二三四五六七]）/.test(label) || /^\d\./.test(label) || label.startsWith('（本列数据'));
    if (!m || !inT3) { out.push(line); continue; }
    const rest = m[2];
    const values = rest.split('|').slice(0, -1).map((c) => c.trim());
    const isGroup = values.every((v) => v === '');
    if (label.startsWith('（本列数据')) { out.push(`| ${label} | | | ${values.join(' | ')} |`); continue; }
    if (/^[一二四]、/.test(label) || label === '（七）总计') { out.push(`| ${label} | | | ${values.join(' | ')} |`); group = ''; continue; }
    if (label.startsWith('三、')) { group = label; continue; }
    if (/^（[一二三四五六]）/.test(label)) {
      if (isGroup) { sub = label; continue; }
      out.push(`| ${group} | ${label} | | ${values.join(' | ')} |`);
      group = ''; sub = '';
      continue;
    }
    out.push(`| ${group} | ${sub} | ${label} | ${values.join(' | ')} |`);
    group = ''; sub = '';
  }
  return out.join('\n').replace(/^\| --- \| ---: \|/m, '| --- | --- | --- | ---: |');
}

for (const file of ['examples/2022-with-mistakes.md', 'examples/2020-clean-2019-format.md']) {
  test(`${file}: one and three label columns give the same diagnostics`, () => {
    const one = fixture(file);
    const three = threeColumns(one);
    assert.notEqual(one, three);
    assert.match(three, /\| 三、本年度办理结果 \| （一）予以公开 \|/);
    const a = analyze(one).diagnostics.map((d) => `${d.ruleId} ${d.message.zh}`).sort();
    const b = analyze(three).diagnostics.map((d) => `${d.ruleId} ${d.message.zh}`).sort();
    assert.deepEqual(b, a);
    const t3 = analyze(three).report.tables.find((t) => t.def.id === 't3')!;
    assert.equal(t3.cells.size, analyze(one).report.tables.find((t) => t.def.id === 't3')!.cells.size);
  });
}
