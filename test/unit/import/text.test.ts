// Copied text: the layouts, the rules for short and over-full rows, the
// narrative kept word for word, page furniture, encodings.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { escapeInline } from '../../../server/src/engine/import/build.ts';
import { importReport, importText } from '../../../server/src/host/published/index.ts';
import { detectLayout, splitLines } from '../../../server/src/host/published/copied-text.ts';

const RAW = new URL('../../fixtures/seeds-raw/', import.meta.url);
const seeds = readdirSync(RAW).filter((f) => f.endsWith('.txt')).sort();

const head = '某局2020年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度工作情况。\n\n二、主动公开政府信息情况\n\n';
const t4 = '\n四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\n行政诉讼\n' + Array(15).fill('0').join('\n') + '\n';

describe('copied text layouts', () => {
  it('tells the seeds’ layouts apart', () => {
    const layouts = seeds.map((s) => detectLayout(splitLines(readFileSync(new URL(s, RAW), 'utf8'))));
    assert.deepEqual(layouts, ['lines', 'lines', 'tsv', 'gfm', 'pipe']);
  });

  it('a row with fewer figures than columns keeps them in its first cells, leaves the rest empty and says so', () => {
    const text = head + '三、收到和处理政府信息公开申请情况\n\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n一、本年新收政府信息公开申请数量\n5\n6\n二、上年结转政府信息公开申请数量\n0\n0\n0\n0\n0\n0\n0\n' + t4;
    const r = importText(text);
    assert.match(r.markdown, /\| 一、本年新收政府信息公开申请数量 \| 5 \| 6 \|( {2}\|){5}\n/);
    assert.deepEqual(r.account.shortRows, [{ part: 't3', row: '一、本年新收政府信息公开申请数量', found: 2, expected: 7 }]);
    assert.equal(r.account.cellsEmpty, 5);
  });

  it('a row with more figures than columns is not guessed into cells: its figures are kept after the table and reported', () => {
    const text = head + '第二十条第（一）项\n信息内容\n本年新制作数量\n本年新公开数量\n对外公开总数量\n规章\n1\n2\n3\n4\n规范性文件\n5\n6\n7\n' + '\n三、收到和处理政府信息公开申请情况\n' + t4;
    const r = importText(text);
    assert.match(r.markdown, /\| 规章 \|( {2}\|){3}\n\| 规范性文件 \| 5 \| 6 \| 7 \|/);
    assert.equal(r.account.unplaced.length, 1);
    assert.equal(r.account.unplaced[0].text, '1 2 3 4');
    assert.match(r.markdown, /\n> 未能放入表格的内容：（在「规章」之后）1 2 3 4——这一行有 4 个单元格，本表每行只有 3 列，无法确定各数所在的列\n/);
  });

  it('tab-separated cells keep a blank cell where the source had one', () => {
    const row = (cells: string[]) => cells.map((c) => `\t${c}`).join('\n');
    const text = head + [row(['第二十条第（五）项']), row(['信息内容', '上一年项目数量', '本年增/减', '处理决定数量']), row(['行政许可', '8', '', '6']), row(['其他对外管理服务事项', '1', '2', '3'])].join('\n\n') + '\n\n三、收到和处理政府信息公开申请情况\n' + t4;
    const r = importText(text);
    assert.match(r.markdown, /\| 行政许可 \| 8 \| {2}\| 6 \|/);
    assert.deepEqual(r.account.shortRows, []);
  });

  it('cells closed by “|” with labels on their own lines', () => {
    const text = head + '第二十条 第 (一)项 |\n|||\n信息内容 |\n本年新制作数量 |\n本年新公开数量 |\n对外公开总数量 |\n规章 |\n1 |\n2 |\n3 |\n规范性文件 |\n4 |\n5 |\n6 |\n\n三、收到和处理政府信息公开申请情况\n' + t4;
    const r = importText(text);
    assert.equal(r.account.layout, 'pipe');
    assert.match(r.markdown, /\| 第二十条 第 \(一\)项 \|( {2}\|){3}\n\|---\|---\|---\|---\|\n\| 信息内容 \| 本年新制作数量 \| 本年新公开数量 \| 对外公开总数量 \|\n\| 规章 \| 1 \| 2 \| 3 \|\n\| 规范性文件 \| 4 \| 5 \| 6 \|/);
  });

  it('joins a column header split over lines (本年新 / 制作数量)', () => {
    const text = head + '第二十条第（一）项\n信息内容\n本年新\n\u00a0\n制作数量\n本年新\n公开数量\n对外公开总数量\n规章\n0\n0\n0\n\n三、收到和处理政府信息公开申请情况\n' + t4;
    assert.match(importText(text).markdown, /\| 信息内容 \| 本年新制作数量 \| 本年新公开数量 \| 对外公开总数量 \|/);
  });
});

describe('text outside the tables', () => {
  for (const seed of seeds) {
    it(`seed ${seed.slice(0, 3)}: every narrative line kept word for word`, async () => {
      const src = readFileSync(new URL(seed, RAW), 'utf8');
      const r = await importReport(Buffer.from(src), { fileName: seed });
      const plain = r.markdown.replace(/\\([\\*_`<[\]~&#>+\-=|.)])/g, '$1');
      for (const line of splitLines(src)) {
        const t = line.trim();
        if (t.length < 25 || t.startsWith('|') || t.includes('\t') || t.endsWith('|')) continue;
        if (/欢迎访问/.test(t)) continue;
        assert.ok(plain.includes(t), `missing: ${t.slice(0, 40)}`);
      }
    });
  }

  it('escapes only what Markdown would read as markup', () => {
    assert.equal(escapeInline('1. 加强领导'), '1\\. 加强领导');
    assert.equal(escapeInline('1.加强领导'), '1.加强领导');
    assert.equal(escapeInline('# 标题'), '\\# 标题');
    assert.equal(escapeInline('- 一项'), '\\- 一项');
    assert.equal(escapeInline('a*b*c [x] <b>'), 'a\\*b\\*c \\[x\\] \\<b>');
    assert.equal(escapeInline('“三安全一稳定”（含 55 件）'), '“三安全一稳定”（含 55 件）');
  });

  it('drops page furniture before the title but keeps the first narrative line of a report without a title', async () => {
    const r = await importReport(readFileSync(new URL(seeds[4], RAW)), { fileName: seeds[4] });
    assert.match(r.markdown, /^2023年市文广旅局政务公开工作按照省、市政务公开有关要求/);
    assert.equal(r.account.title, undefined);
  });

  it('keeps a short closing line such as 无 and the signature', async () => {
    const r = await importReport(readFileSync(new URL(seeds[3], RAW)), { fileName: seeds[3] });
    assert.match(r.markdown, /\n## 六、其他需要报告的事项\n\n无\n\n阜新市文化旅游和广播电视局\n\n2022年1月15日\n$/);
  });
});

describe('encodings', () => {
  const src = readFileSync(new URL(seeds[1], RAW), 'utf8');
  const expected = importText(src).markdown;
  for (const [name, bytes] of [
    ['GB18030', iconv.encode(src, 'gb18030')],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(src, 'utf16le')])],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(src)])],
  ] as const) {
    it(`reads ${name}`, async () => {
      const r = await importReport(bytes, { fileName: 'x.txt' });
      assert.equal(r.markdown, expected);
      assert.equal(analyze(r.markdown).report.title?.text, '湘潭市文化旅游广电体育局 2021年政府信息公开工作年度报告');
    });
  }
});

describe('Markdown in', () => {
  it('importing an imported report again changes nothing (headings read, lines kept as written)', async () => {
    for (const seed of seeds) {
      const r = await importReport(readFileSync(new URL(seed, RAW)), { fileName: seed });
      const again = await importReport(Buffer.from(r.markdown), { fileName: 'report.md' });
      assert.equal(again.markdown, r.markdown, seed);
    }
  });

  it('a Markdown section heading is never taken for a table cell', () => {
    const md = '# 某局2021年政府信息公开工作年度报告\n\n## 二、主动公开政府信息情况\n\n| 第二十条第（五）项 | | | |\n|---|---|---|---|\n| 信息内容 | 本年处理决定数量 | | |\n| 行政许可 | 3 | | |\n\n## 三、收到和处理政府信息公开申请情况\n\n| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n';
    const r = importText(md);
    assert.match(r.markdown, /\n## 三、收到和处理政府信息公开申请情况\n/);
    assert.equal(r.account.sections, 2);
  });
});

describe('never a crash, never an invented figure', () => {
  it('any run of lines taken from the seeds, in any order, imports without throwing and every table figure is one of the source’s', async () => {
    const fc = (await import('fast-check')).default;
    const pool = seeds.flatMap((s) => splitLines(readFileSync(new URL(s, RAW), 'utf8')));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { maxLength: 300 }), (picks) => {
        const text = picks.map((i) => pool[i]).join('\n');
        const r = importText(text);
        const source = new Set(text.split(/[\n\t|]/).map((c) => c.trim()));
        for (const line of r.markdown.split('\n')) {
          if (!line.startsWith('| ')) continue;
          for (const cell of line.slice(2, -2).split(' | ')) if (/^\s*[-－]?\d[\d,.]*\s*$/.test(cell)) assert.ok(source.has(cell.trim()), `invented: ${cell}`);
        }
      }),
      { numRuns: 150 },
    );
  });
});
