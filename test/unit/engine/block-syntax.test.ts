// The parser reads block structure only (parse/block-syntax.ts): inline
// constructs are off and GFM's literal-autolink transform is dropped, so a
// paragraph's or a cell's content is one text node spanning its source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Paragraph, Table } from 'mdast';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Construct, ParseContext, TokenizeContext } from 'micromark-util-types';
import { parseWhole } from '../../../server/src/engine/parse/markdown.ts';
import { blockSyntaxOnly, INLINE_CONSTRUCTS } from '../../../server/src/engine/parse/block-syntax.ts';

const INLINE = '见 **《条例》** [链接](https://www.gov.cn) https://www.gov.cn/zhengce/ 与 www.gov.cn、xxgk@example.gov.cn，`代码` ~~删~~ [^1] &amp; \\* <b>x</b>';

test('a paragraph with inline syntax is one text node covering the whole paragraph', () => {
  const root = parseWhole(INLINE + '\n');
  assert.equal(root.children.length, 1);
  const p = root.children[0] as Paragraph;
  assert.equal(p.type, 'paragraph');
  assert.deepEqual(p.children.map((c) => c.type), ['text']);
  const [text] = p.children;
  assert.equal(text.position?.start.offset, 0);
  assert.equal(text.position?.end.offset, INLINE.length);
});

test('a table cell with a URL or an email is one text node (no literal-autolink transform)', () => {
  const md = '| 项目 | 说明 |\n| --- | --- |\n| 网址 | https://www.gov.cn 或 xxgk@example.gov.cn |\n';
  const table = parseWhole(md).children[0] as Table;
  assert.equal(table.type, 'table');
  const cell = table.children[1].children[1];
  assert.deepEqual(cell.children.map((c) => c.type), ['text']);
});

test('block constructs still parse: headings, lists, quotes, tables', () => {
  const md = '# 一、总体情况\n\n- 项\n\n> 引\n\n| a | b |\n| - | - |\n| 1 | 2 |\n';
  assert.deepEqual(parseWhole(md).children.map((c) => c.type), ['heading', 'list', 'blockquote', 'table']);
});

test('each parse takes the inline constructs out of its text map, so text is not split at every mark', () => {
  // A construct tried after ours at each block start keeps the parse's context.
  let parser: ParseContext | undefined;
  const spy: Construct = {
    name: 'spy',
    tokenize(this: TokenizeContext, _effects, _ok, nok) {
      parser = this.parser;
      return nok;
    },
  };
  function withSpy(this: Processor) {
    (this.data() as { micromarkExtensions: unknown[] }).micromarkExtensions.push({ flowInitial: { null: [spy] } });
  }
  unified().use(remarkParse).use(remarkGfm).use(blockSyntaxOnly).use(withSpy).parse('!!!! **a** [b](c) `d` www.e.cn f@g.cn\n\n| a | b |\n| - | - |\n| *1* | 2 |\n');
  assert.ok(parser, 'the spy ran');
  const { constructs } = parser;
  const inline = new Set(INLINE_CONSTRUCTS);
  for (const field of ['text', 'string'] as const) {
    const left: unknown[] = Object.values(constructs[field]).flat().map((c) => c?.name).filter((n) => n && inline.has(n));
    assert.deepEqual(left, [], `${field} map`);
  }
  // Line endings are not inline constructs: they stay.
  assert.ok(constructs.text[-4], 'the line-ending construct stays (micromark codes a line feed as -4)');
});
