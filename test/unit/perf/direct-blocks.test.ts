// The direct block scan (parse/direct-blocks.ts) against remark, the
// reference: on every unit of every fixture and example, of generated reports
// and of thousands of documents fast-check builds from report lines and from
// the lines that open other constructs, the scan either declines or gives
// exactly the block skeleton remark gives (types, heading depths, positions
// of every block and table row), and analyze() gives the same diagnostics
// from either parse, compared as JSON text (byte for byte).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { analyze } from '../../../server/src/engine/analyze.ts';
import { splitUnits } from '../../../server/src/engine/parse/blocks.ts';
import { blockSkeleton, scanBlocks } from '../../../server/src/engine/parse/direct-blocks.ts';
import { parseMarkdown, parseMarkdownWithRemark, parseWhole } from '../../../server/src/engine/parse/markdown.ts';
import { generateCompendium, generateReport } from '../../../bench/generate.ts';
import { budget } from '../../support/budget.ts';
import { repositoryMarkdown } from '../../support/markdown-files.ts';
import { randomDocument, TRICKY } from './markdown-cases.ts';

/** Every unit the scan reads gives remark's skeleton; returns how many units it read and how many there were. */
function unitsAgree(text: string, label: string): { read: number; units: number } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let read = 0;
  const units = splitUnits(body);
  for (const u of units) {
    const piece = body.slice(u.start, u.end);
    const direct = scanBlocks(piece);
    if (!direct) continue;
    read++;
    assert.deepStrictEqual(direct, blockSkeleton(parseWhole(piece)), `${label}: unit at line ${u.line + 1}: ${JSON.stringify(piece.slice(0, 200))}`);
  }
  return { read, units: units.length };
}

/** The engine's parse and the remark-only parse: same skeleton, same diagnostics as JSON text. */
function sameDiagnostics(text: string, label: string): void {
  const direct = parseMarkdown(text);
  const remark = parseMarkdownWithRemark(text);
  assert.deepStrictEqual(blockSkeleton(direct), blockSkeleton(remark), `${label}: skeletons differ`);
  const a = analyze(text, { root: remark });
  const b = analyze(text, { root: direct });
  assert.equal(JSON.stringify(b.diagnostics), JSON.stringify(a.diagnostics), `${label}: diagnostics differ`);
  assert.equal(JSON.stringify(b.failures), JSON.stringify(a.failures), `${label}: rule failures differ`);
}

test('every fixture and example: each unit the scan reads is remark\'s, diagnostics byte for byte', () => {
  const files = repositoryMarkdown();
  assert.ok(files.length >= 20, `fixtures found: ${files.length}`);
  let read = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    read += unitsAgree(text, f).read;
    sameDiagnostics(text, f);
  }
  // The fixtures are real reports' shapes: most of their units must take the direct path, or this test proves little.
  assert.ok(read > 100, `units read directly: ${read}`);
});

test('generated reports and a compendium: every unit is read directly, same diagnostics', () => {
  for (let seed = 1; seed <= budget(40, 300); seed++) {
    const r = generateReport(seed, { bytes: 5000 + (seed % 7) * 4000 });
    const { read, units } = unitsAgree(r.text, r.name);
    // The benchmark corpus is made by this generator: the fast path must cover all of it.
    assert.equal(read, units, `${r.name}: ${units - read} units went to remark`);
    sameDiagnostics(r.text, r.name);
  }
  const text = generateCompendium(3, 48 * 1024);
  unitsAgree(text, 'compendium');
  sameDiagnostics(text, 'compendium');
});

test('documents that stress the cuts: the scan declines or agrees', () => {
  for (const [name, text] of Object.entries(TRICKY)) {
    unitsAgree(text, name);
    sameDiagnostics(text, name);
  }
  for (let seed = 1; seed <= budget(150, 600); seed++) unitsAgree(randomDocument(seed, 20 + (seed % 50)), `random ${seed}`);
});

test('the scan declines what it does not read', () => {
  for (const text of [
    '段落\n- 列表打断段落\n',
    '    缩进代码\n',
    '正文 \n',
    '| a | b |\n|---|\n| 1 |\n',
    '| a | b |\n| --- | --- |\n后续行\n',
    '标题\n===\n',
    '```\n代码\n```\n',
    '- 甲\n续行\n',
    '> 引用\n续行\n',
    '[a]: http://example.com\n',
    '正文\t制表\n',
  ]) assert.equal(scanBlocks(text), undefined, JSON.stringify(text));
  const root = scanBlocks('# 某局2022年政府信息公开工作年度报告\n\n一、总体情况\n\n| 项目 | 数量 |\n| --- | ---: |\n| 甲 | 1 |\n');
  assert.deepStrictEqual(root?.children.map((c) => c.type), ['heading', 'paragraph', 'table']);
});

// Lines of real reports and lines that open other constructs, with the whitespace and line endings that change positions.
const CELL = fc.constantFrom('项目', '自然人', '0', '12', '1,234', '', ' ', '（一）本年新收政府信息公开申请数量', '-', '—', '`|`', '\\|', '**3**');
const row = fc.array(CELL, { minLength: 1, maxLength: 5 }).chain((cells) =>
  fc.record({ lead: fc.constantFrom('|', '| ', '', '  |'), sep: fc.constantFrom(' | ', '|', ' |'), tail: fc.constantFrom('|', ' |', '', '| ') }).map(({ lead, sep, tail }) => lead + cells.join(sep) + tail),
);
const delimiter = fc.array(fc.constantFrom('---', ':---', '---:', ':-:', ' --- ', '-'), { minLength: 1, maxLength: 5 }).chain((cells) =>
  fc.constantFrom('|', '', ' |').map((edge) => edge + cells.join('|') + (edge ? '|' : '')),
);
const table = fc.tuple(row, delimiter, fc.array(row, { maxLength: 6 })).map(([h, d, body]) => [h, d, ...body].join('\n'));
/** A table as reports write them: fenced by pipes, the delimiter row as wide as the head row. */
const plainTable = fc.tuple(fc.array(CELL, { minLength: 1, maxLength: 5 }), fc.array(fc.array(CELL, { minLength: 1, maxLength: 6 }), { maxLength: 8 })).map(
  ([head, body]) => ['| ' + head.join(' | ') + ' |', '|' + head.map(() => ' --- ').join('|') + '|', ...body.map((r) => '| ' + r.join(' | ') + ' |')].join('\n'),
);
const plain = fc.constantFrom(
  '本机关2022年主动公开政府信息1234条。', '一、总体情况', '（二）依申请公开', '**三、收到和处理政府信息公开申请情况**', '**（四）**', '# 某局2022年政府信息公开工作年度报告',
  '## 四、政府信息公开行政复议、行政诉讼情况', '###### 六', '- 列表项', '1. 编号项', '> 注：引用', '<!-- 来源：网站 -->', '　　全角空格开头的段落。', '五、存在的主要问题及改进情况', '', '', '', '',
);
const opener = fc.constantFrom(
  '####### 七', '#无空格', '# ', '#', '2) 编号', '- ', '-', '* 星号', '+ 加号', '>', '<!-- 未闭合', '-->', '<!---->', '<div>', '```', '~~~', '    缩进', '  两格', '\t制表', '正文\t中间', '尾随空格 ',
  '---', '***', '___', '===', '[a]: http://x', '[^1]: 注', ': 冒号', '| 单独一行 |', '|', '|---|', '1.无空格', '100. 大号', '- - -', '- # 标题', '> - 列表',
);
const line = fc.oneof({ weight: 12, arbitrary: plain }, { weight: 2, arbitrary: opener }, { weight: 3, arbitrary: plainTable }, { weight: 1, arbitrary: table });
const document = fc.tuple(fc.array(line, { minLength: 1, maxLength: 30 }), fc.constantFrom('\n', '\n', '\r\n', '\r'), fc.boolean()).map(([ls, eol, final]) => ls.join('\n').replace(/\n/g, eol) + (final ? eol : ''));

test('fast-check: generated documents of report lines and block openers: same skeleton, same diagnostics', () => {
  let read = 0;
  fc.assert(
    fc.property(document, (text) => {
      read += unitsAgree(text, 'generated').read;
      sameDiagnostics(text, 'generated');
    }),
    { numRuns: budget(2000, 10000), seed: Number(process.env.NIANBAO_FC_SEED ?? 17) },
  );
  assert.ok(read > 500, `units read directly: ${read}`);
});
