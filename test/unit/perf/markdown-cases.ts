// Markdown that stresses the cuts of the block parser: blocks that span blank
// lines (fences, HTML kinds 1–5, list items, indented code), tables that
// interrupt or are interrupted, long tables parsed in chunks, odd line endings.
// Shared by the equivalence and incremental tests.
import { Rng } from '../../../bench/rng.ts';

const row = (i: number) => `| ${i}.属于国家秘密 | ${i} | 0 | 0 | 0 | 0 | 0 | ${i} |`;
const longTable = (n: number) => ['| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |', '|---|---:|---:|---:|---:|---:|---:|---:|', ...Array.from({ length: n }, (_, i) => row(i))].join('\n');

export const TRICKY: Record<string, string> = {
  fenceWithBlanks: '# 标题\n\n```\n代码\n\n一、总体情况\n\n```\n\n二、主动公开政府信息情况\n',
  unclosedFence: '前文\n\n~~~~\n\n一、总体情况\n\n~~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
  htmlComment: '<!-- 注释\n\n一、总体情况\n\n-->\n\n二、主动公开政府信息情况\n\n<!--> 空注释\n\n三、收到和处理政府信息公开申请情况\n',
  htmlRaw: '<pre>\n\n一、总体情况\n\n</pre>\n\n<div>\n一、总体情况\n\n正文\n',
  listWithTable: '- 第一项\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n\n- 第二项\n\n段落\n\n1. 甲\n\n2. 乙\n\n   续\n\n结尾\n',
  indentedFenceInList: '- a\n  ```\nx\n```\n\ny\n\n| a |\n|---|\n| 1 |\n',
  indentedCode: '段落\n\n    代码\n\n    仍是代码\n\n一、总体情况\n',
  blockquote: '> 引用\n> | a |\n> |---|\n\n> 另一段\n\n正文\n',
  tableInterruptsParagraph: '说明文字\n| a | b |\n|---|---|\n| 1 | 2 |\n后续行\n\n# 标题\n',
  longTable: `前言\n\n${longTable(100)}\n\n结尾\n`,
  longTableAfterText: `说明\n${longTable(60)}\n- 列表\n\n  续\n`,
  longTableAtEnd: `${longTable(49)}`,
  longTableInterrupted: `${longTable(30)}\n# 插入标题\n${row(1)}\n${longTable(50).split('\n').slice(2).join('\n')}\n`,
  longTableWithCodeRow: `${longTable(40)}\n    缩进\n${longTable(40).split('\n').slice(2).join('\n')}\n`,
  crlf: '# 标题\r\n\r\n一、总体情况\r\n\r\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n\r\n尾\r\n',
  crOnly: '# 标题\r\r一、总体情况\r\r| a | b |\r|---|---|\r| 1 | 2 |\r',
  bom: '\ufeff# 某局2022年政府信息公开工作年度报告\n\n一、总体情况\n\n正文\n',
  footnote: '正文[^1]\n\n[^1]: 注释\n\n    | a |\n    |---|\n    | 1 |\n\n下一段\n',
  setext: '标题\n===\n\n段落\n---\n\n---\n',
  definitions: '[链接][a]\n\n[a]: http://example.com\n\n正文\n',
  tabs: '\t缩进\n\n正文\t\n\n-\t列表\n\n尾\n',
  empty: '',
  onlyBlank: '\n\n\n',
};

const PIECES = ['正文一段。', '一、总体情况', '## 二、主动公开政府信息情况', '**三、收到和处理政府信息公开申请情况**', '', '', '', '| a | b | c |', '|---|---|---|', '| 1 | 2 | 3 |', '| 4 | 5 | 6 |', '```', '~~~', '  ```', '<!--', '-->', '<pre>', '</pre>', '<div>', '- 列表', '1. 编号', '  缩进续行', '    代码', '> 引用', '---', '===', '[^1]: 注', '\t制表', '<?', '?>', '<![CDATA[', ']]>', '<!X', '>'];

/** A random document built from the pieces above: lines that open and close what the cuts must respect. */
export function randomDocument(seed: number, lines = 40): string {
  const rng = new Rng(seed);
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(rng.pick(PIECES));
  const eol = rng.pick(['\n', '\n', '\n', '\r\n', '\r']);
  return out.join(eol) + (rng.next() < 0.5 ? eol : '');
}
