// The official layout's header grid of tables 2, 3 and 4, worked out from the
// templates, against grids written out here from official-layout.md: which
// cell starts where (`text@column`), how far it runs down (↓) and across (→),
// in the order of the columns. A change to a template's columns, groups or
// row numbering shows up here before it reaches an exported file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headerRows, labelLevel, officialTable, type LayoutCell } from '../../../server/src/export/layout.ts';
import { builtinTemplates } from '../../../server/src/engine/templates/builtin.ts';
import { templateProblems } from '../../../server/src/engine/templates/builtin.ts';

const t2019 = builtinTemplates.find((t) => t.id === '2019')!;
const t2021 = builtinTemplates.find((t) => t.id === '2021')!;
const cell = (c: LayoutCell) => `${c.text}@${c.col}${c.rowSpan > 1 ? `↓${c.rowSpan}` : ''}${c.colSpan > 1 ? `→${c.colSpan}` : ''}`;
const grid = (rows: LayoutCell[][]) => rows.map((r) => r.map(cell).join(' | '));
const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

describe('table 3 header', () => {
  for (const t of [t2019, t2021]) {
    it(`${t.id}: 勾稽关系 note over three label columns and three rows, 申请人情况 over seven, 法人或其他组织 over five`, () => {
      const { rows, labelColumns } = headerRows(t.tables.find((x) => x.id === 't3')!);
      assert.equal(labelColumns, 3);
      assert.deepEqual(grid(rows), [
        `${NOTE}@0↓3→3 | 申请人情况@3→7`,
        '自然人@3↓2 | 法人或其他组织@4→5 | 总计@9↓2',
        '商业企业@4 | 科研机构@5 | 社会公益组织@6 | 法律服务机构@7 | 其他@8',
      ]);
    });
  }
});

describe('table 4 header', () => {
  for (const t of [t2019, t2021]) {
    it(`${t.id}: 行政复议 over five with its labels down two rows, 行政诉讼 over ten, two sub-groups of five`, () => {
      const { rows, labelColumns } = headerRows(t.tables.find((x) => x.id === 't4')!);
      assert.equal(labelColumns, 0);
      assert.deepEqual(grid(rows), [
        '行政复议@0→5 | 行政诉讼@5→10',
        '结果维持@0↓2 | 结果纠正@1↓2 | 其他结果@2↓2 | 尚未审结@3↓2 | 总计@4↓2 | 未经复议直接起诉@5→5 | 复议后起诉@10→5',
        '结果维持@5 | 结果纠正@6 | 其他结果@7 | 尚未审结@8 | 总计@9 | 结果维持@10 | 结果纠正@11 | 其他结果@12 | 尚未审结@13 | 总计@14',
      ]);
      // Narrow columns: two characters a line.
      assert.deepEqual(rows[1][0].lines, ['结果', '维持']);
      assert.deepEqual(rows[1][4].lines, ['总计']);
    });
  }
  it('the data row is 15 figure cells in column order, no label column', () => {
    const t = officialTable(t2021, 't4')!;
    assert.equal(t.headerRows, 3);
    assert.equal(t.rows.length, 4);
    assert.deepEqual(t.rows[3].map((c) => `${c.col}:${c.column!.id}`), t2021.tables.find((x) => x.id === 't4')!.columns.map((c, i) => `${i}:${c.id}`));
    assert.deepEqual(t.widths, Array(15).fill(650));
  });
});

describe('table 2', () => {
  it('2021: four blocks in one 4-column table; a one-column block merges its figure over three columns', () => {
    const t = officialTable(t2021, 't2')!;
    assert.equal(t.headerRows, 0);
    assert.deepEqual(grid(t.rows), [
      '第二十条第（一）项@0→4',
      '信息内容@0 | 本年制发件数@1 | 本年废止件数@2 | 现行有效件数@3',
      '规章@0 | @1 | @2 | @3',
      '行政规范性文件@0 | @1 | @2 | @3',
      '第二十条第（五）项@0→4',
      '信息内容@0 | 本年处理决定数量@1→3',
      '行政许可@0 | @1→3',
      '第二十条第（六）项@0→4',
      '信息内容@0 | 本年处理决定数量@1→3',
      '行政处罚@0 | @1→3',
      '行政强制@0 | @1→3',
      '第二十条第（八）项@0→4',
      '信息内容@0 | 本年收费金额（单位：万元）@1→3',
      '行政事业性收费@0 | @1→3',
    ]);
  });
  it('2019: five blocks; the two-column blocks merge their second column over two', () => {
    const t = officialTable(t2019, 't2')!;
    assert.deepEqual(grid(t.rows).filter((r) => r.startsWith('第二十条') || r.startsWith('信息内容')), [
      '第二十条第（一）项@0→4',
      '信息内容@0 | 本年新制作数量@1 | 本年新公开数量@2 | 对外公开总数量@3',
      '第二十条第（五）项@0→4',
      '信息内容@0 | 上一年项目数量@1 | 本年增/减@2 | 处理决定数量@3',
      '第二十条第（六）项@0→4',
      '信息内容@0 | 上一年项目数量@1 | 本年增/减@2 | 处理决定数量@3',
      '第二十条第（八）项@0→4',
      '信息内容@0 | 上一年项目数量@1 | 本年增/减@2→2',
      '第二十条第（九）项@0→4',
      '信息内容@0 | 采购项目数量@1 | 采购总金额@2→2',
    ]);
  });
});

describe('table 3 body: row groups', () => {
  it('2021: 三、本年度办理结果 down 22 rows, （三）（四）（五）（六） down 8, 3, 5, 3; 一、二、四 over three label columns', () => {
    const t = officialTable(t2021, 't3')!;
    const labels = t.rows.slice(t.headerRows).map((r) => r.filter((c) => c.role !== 'figure').map(cell).join(' | '));
    assert.equal(labels.length, 25);
    assert.equal(labels[0], '一、本年新收政府信息公开申请数量@0→3');
    assert.equal(labels[1], '二、上年结转政府信息公开申请数量@0→3');
    assert.equal(labels[2], '三、本年度办理结果@0↓22 | （一）予以公开@1→2');
    assert.equal(labels[3], '（二）部分公开（区分处理的，只计这一情形，不计其他情形）@1→2');
    assert.equal(labels[4], '（三）不予公开@1↓8 | 1.属于国家秘密@2');
    assert.equal(labels[12], '（四）无法提供@1↓3 | 1.本机关不掌握相关政府信息@2');
    assert.equal(labels[15], '（五）不予处理@1↓5 | 1.信访举报投诉类申请@2');
    assert.equal(labels[20], '（六）其他处理@1↓3 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请@2');
    assert.equal(labels[23], '（七）总计@1→2');
    assert.equal(labels[24], '四、结转下年度继续办理@0→3');
    assert.deepEqual(t.widths, [640, 820, 2560, 820, 820, 820, 820, 820, 820, 820]);
    // Every body row ends in the seven figure cells, columns 3–9.
    for (const r of t.rows.slice(t.headerRows)) assert.deepEqual(r.filter((c) => c.role === 'figure').map((c) => c.col), [3, 4, 5, 6, 7, 8, 9]);
  });
  it('2019: （六）其他处理 is one row over two label columns; 三、 runs down 20 rows', () => {
    const t = officialTable(t2019, 't3')!;
    const labels = t.rows.slice(t.headerRows).map((r) => r.filter((c) => c.role !== 'figure').map(cell).join(' | '));
    assert.equal(labels.length, 23);
    assert.equal(labels[2], '三、本年度办理结果@0↓20 | （一）予以公开@1→2');
    assert.equal(labels[20], '（六）其他处理@1→2');
  });
  it('a row the report lacks is left out and its group shrinks; a row the format does not know stays where it was', () => {
    const t = officialTable(t2021, 't3', {
      has: (_, r) => r.id !== 'withheld.inquiry',
      extra: (_, after) => (after?.id === 'withheld.secret' ? [{ label: '9.其他', values: ['1', '2'] }] : []),
      value: (_, r, c) => (r.id === 'new' && c.id === 'total' ? '14' : ''),
    })!;
    const body = t.rows.slice(t.headerRows);
    assert.equal(body.length, 25);
    assert.equal(cell(body[2][0]), '三、本年度办理结果@0↓22');
    assert.equal(cell(body[4][0]), '（三）不予公开@1↓8');
    assert.equal(cell(body[5][0]), '9.其他@2');
    assert.deepEqual(body[5].filter((c) => c.role === 'figure').map((c) => c.text), ['1', '2', '', '', '', '', '']);
    assert.equal(body[0][7].text, '14');
  });
});

describe('template data', () => {
  it('row levels come from the numbering', () => {
    assert.deepEqual(['一、本年新收', '（三）不予公开', '(三)不予公开', '1.属于国家秘密', '8．属于'].map(labelLevel), [0, 1, 1, 2, 2]);
  });
  it('a header group over columns that are not side by side, or unknown, is a template error', () => {
    const bad = structuredClone(t2021) as typeof t2021;
    bad.tables.find((x) => x.id === 't3')!.headerGroups = [{ label: '法人', columns: ['commercial', 'other'] }, { label: 'x', columns: ['nope'] }];
    assert.deepEqual(templateProblems(bad), ['/tables/t3/headerGroups/法人 columns are not consecutive', '/tables/t3/headerGroups/x refers to unknown column nope']);
    assert.deepEqual(templateProblems(t2021), []);
  });
});
