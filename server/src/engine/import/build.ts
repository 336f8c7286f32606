// Lines and cells (from copied text, a web page or a Word file) → a report in
// the project's Markdown layout: `# ` title, `## ` section headings, narrative
// paragraphs word for word, the three report tables as GFM tables in the
// scaffold's layout, page furniture dropped; and an account of every cell.
import { DIRECTIVE_LINE } from '../inline-config.ts';
import { matchSectionTitle } from '../parse/sections.ts';
import { builtinTemplates } from '../templates/builtin.ts';
import type { Template } from '../templates/template.ts';
import { normLabel } from '../parse/label-normalize.ts';
import { Classifier, joinCell } from './classify.ts';
import { isChromeLine } from '../parse/page-furniture.ts';
import { TableBuilder, cellEscape } from './table-builder.ts';
import type { ImportAccount, ImportResult, Item, SourceKind, SourceMap, SourceRef, TextLayout, Tok } from './import-types.ts';

const TITLE_WORDS = /政府信息公开.{0,6}(年度报告|工作报告|年报)|信息公开工作年度报告/;
/** A title line: the report words, ending the line (a bracketed note may follow). */
export function isTitleLine(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length <= 80 && TITLE_WORDS.test(t) && /(报告|年报)([(（][^)）]{0,12}[)）])?$/.test(t);
}
const YEAR = /[0-9０-９]{4}\s*年/;
/** A line a title set over several may be made of: the agency, the year, the report words. */
const titlePart = (t: string) => t.length > 0 && (ORG_END.test(t) || YEAR.test(t) || /政府信息公开|年度报告|工作报告/.test(t));
const SECTION_LINE = /^(?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})?\s*[、.．,，]\s*(\S.{1,40}?)\s*[:：]?$/;
const ORG_END = /(局|委|委员会|办|办公室|厅|府|院|会|部|署|处|中心|所|站|队|馆|社|公司|集团|区|县|市|镇|乡|街道)$/;

export interface BuildMeta {
  source: SourceKind;
  layout: TextLayout | 'html' | 'pdf';
  encoding?: string;
  /** Force a template id (2019 or 2021). */
  template?: string;
  /** The source is Markdown already: its lines are kept as written (no escaping), `#` and `**` marks are read. */
  markdown?: boolean;
}

const MD_HEADING = /^\s{0,3}#{1,6}\s+(.*?)(\s+#+)?\s*$/;
const MD_BOLD = /^\s*(\*\*|__)(.+)\1\s*[:：]?\s*$/;

export function isSectionHeading(line: string, template: Template = builtinTemplates[builtinTemplates.length - 1]): boolean {
  const t = line.trim();
  if (t.length > 48) return false;
  const m = SECTION_LINE.exec(t);
  if (!m) return false;
  const hit = matchSectionTitle(m[1], template.sections);
  return !!hit && hit.score >= 0.75;
}

function yearOf(text: string): number | undefined {
  const m = /((?:19|20)\d{2})\s*年/.exec(text.normalize('NFKC'));
  return m ? Number(m[1]) : undefined;
}

function allTexts(items: Item[]): string[] {
  return items.flatMap((it) => (it.kind === 'line' ? [it.text] : it.toks.map((t) => t.text)));
}

/** The format: by the title's year, else the one whose own labels the source uses most. */
export function chooseTemplate(items: Item[], forced?: string): Template {
  if (forced) {
    const t = builtinTemplates.find((x) => x.id === forced);
    if (t) return t;
  }
  const texts = allTexts(items);
  const title = texts.slice(0, 60).find(isTitleLine);
  const year = title ? yearOf(title) : undefined;
  if (year) {
    const t = builtinTemplates.find((x) => (x.years.from === undefined || year >= x.years.from) && (x.years.to === undefined || year <= x.years.to));
    if (t) return t;
  }
  const norms = new Set(texts.map((t) => normLabel(t.replace(/\n/g, ''))));
  let best = builtinTemplates[builtinTemplates.length - 1];
  let bestScore = 0;
  for (const t of builtinTemplates) {
    const others = builtinTemplates.filter((o) => o !== t);
    const own = (x: Template) => new Set(x.tables.flatMap((tb) => [...tb.rows.map((r) => r.label), ...tb.columns.map((c) => c.label)]).map(normLabel));
    const mine = own(t);
    const theirs = new Set(others.flatMap((o) => [...own(o)]));
    const score = [...mine].filter((l) => !theirs.has(l) && norms.has(l)).length;
    if (score > bestScore) { bestScore = score; best = t; }
  }
  return best;
}

/** Markdown-significant characters in narrative text, escaped so the text renders as written. */
export function escapeInline(text: string): string {
  let t = text.replace(/\\/g, '\\\\').replace(/([*_`<[\]~])/g, '\\$1').replace(/&(?=#?\w+;)/g, '\\&');
  // Line starts that would make a heading, quote, list, rule, table or code block.
  t = t.replace(/^(#{1,6})(?=\s|$)/, '\\$1').replace(/^([>+\-=|])/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  return t;
}

/** The items read from a published form → the report as Markdown, with the account of what was placed where (not to be confused with parse/report.ts, which reads Markdown into a Report). */
export function markdownFromItems(items: Item[], meta: BuildMeta): ImportResult {
  const template = chooseTemplate(items, meta.template);
  const cls = new Classifier(template);
  const blocks: string[] = [];
  const account: ImportAccount = {
    source: meta.source,
    layout: meta.layout,
    encoding: meta.encoding,
    template: template.id,
    sections: 0,
    tables: [],
    cellsPlaced: 0,
    cellsEmpty: 0,
    shortRows: [],
    unplaced: [],
    unknownRows: [],
    dropped: [],
    notes: [],
  };
  // Where each block came from (sources with positions: PDF), kept beside `blocks`.
  const srcs: (BlockSrc | undefined)[] = [];
  const add = (text: string, src?: BlockSrc) => { blocks.push(text); srcs[blocks.length - 1] = src; };
  const mapped = items.some((it) => (it.kind === 'line' ? it.src : it.toks.some((t) => t.src)));
  let titleDone = false;
  let lastPara: { index: number; text: string } | undefined;
  /** The short paragraphs added last, before the title: lines a title set over several may start with. */
  const recent: { index: number; text: string; src?: SourceRef }[] = [];
  const titleLinesBefore = (line: string): { title: string; count: number; src?: SourceRef } | undefined => {
    // The longest run that reads as a title, each of its lines a part of one (an agency, a year, the report words).
    for (let k = Math.min(2, recent.length); k >= 1; k--) {
      const head = recent.slice(-k);
      // Only the blocks just before this line, in a row.
      if (head.some((h, j) => h.index !== blocks.length - k + j)) continue;
      if (!head.every((h) => titlePart(h.text.trim()) && !isTitleLine(h.text))) continue;
      // As the two-line case below: the agency and the year apart by a space, the rest joined.
      const parts = [...head.map((h) => h.text.trim()), line.trim()];
      const title = parts.reduce((t, p) => t + (ORG_END.test(t) && /^[0-9０-９〇一二]{4}/.test(p) ? ' ' : '') + p);
      if (isTitleLine(title)) return { title, count: k, src: head[0].src };
    }
    return undefined;
  };
  let table: TableBuilder | undefined;

  const closeTable = () => {
    if (!table) return;
    const t = table;
    table = undefined;
    t.finish();
    if (!t.hasContent()) return;
    const rendered = t.render();
    add(rendered.join('\n'), { lines: t.renderedSources(), cells: t.renderedCells() });
    const acc = t.account();
    account.tables.push(acc);
    account.cellsPlaced += acc.cellsPlaced;
    account.cellsEmpty += acc.cellsEmpty;
    account.shortRows.push(...t.shortRows);
    account.unknownRows.push(...t.unknownRows);
    account.unplaced.push(...t.unplaced);
    if (t.unplaced.length) {
      blocks.push(t.unplaced.map((u) => `> 未能放入表格的内容：${u.after ? `（在「${cellEscape(u.after)}」之后）` : ''}${escapeInline(u.text)}——${escapeInline(u.reason.zh)}`).join('\n>\n'));
    }
    lastPara = undefined;
  };

  const partOf = (c: ReturnType<Classifier['classify']>): { part: string; def?: import('../templates/template.ts').TableDef } | undefined => {
    if (c.kind === 'block') return { part: 't2', def: c.def };
    if (c.kind === 'signature') return { part: c.part };
    if (c.kind === 'label') return { part: c.hit.item.table.part, def: c.hit.item.table };
    return undefined;
  };

  const feed = (tok: Tok): boolean => {
    const c = cls.classify(tok.text, table?.current);
    if (table && table.feed(tok, c) === 'ok') return true;
    const p = partOf(c);
    if (!p) return false;
    closeTable();
    table = new TableBuilder(cls, p.part, p.def);
    table.feed(tok, c);
    return true;
  };

  const nextLine = (i: number): string | undefined => {
    for (let k = i + 1; k < items.length; k++) {
      const it = items[k];
      if (it.kind === 'cells') return it.toks.find((t) => t.text.trim() !== '')?.text;
      if (it.text.replace(/[\s\u00a0\u3000]+/g, '') !== '') return it.text.trim();
    }
    return undefined;
  };

  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    // A reviewer's <!-- nianbao-disable … --> comment (engine/inline-config.ts) is kept as written, between blocks.
    if (it.kind === 'line' && DIRECTIVE_LINE.test(it.text)) {
      closeTable();
      add(it.text.trim(), lineSrc(it.src));
      continue;
    }
    if (it.kind === 'cells') {
      const reportish = it.toks.some((t) => {
        const k = cls.classify(t.text, table?.current).kind;
        return k === 'block' || k === 'signature' || k === 'label';
      });
      if (!reportish && !(table && !it.explicitRows)) {
        closeTable();
        if (it.grid && it.grid.length) {
          blocks.push(plainTable(it.grid));
          account.notes.push({ zh: `一个不属于报告格式的表格按原样保留（${it.grid.length} 行）`, en: `a table that is not one of the format's was kept as it was (${it.grid.length} rows)` });
        } else {
          for (const t of it.toks) if (t.text.trim()) blocks.push(escapeInline(joinCell(t.text)));
        }
        continue;
      }
      for (const t of it.toks) {
        if (!feed(t)) {
          // A cell that starts nothing: no table is open to take it.
          if (t.text.trim()) account.unplaced.push({ part: '', text: joinCell(t.text), reason: { zh: '表格之外的单元格', en: 'a cell outside any report table' } });
        }
      }
      continue;
    }
    const source = it.text.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
    if (source === '') continue;
    // Markdown already: read through heading and bold marks; keep other lines exactly as written.
    const mdHeading = meta.markdown ? MD_HEADING.exec(source) : null;
    const text = meta.markdown ? (mdHeading?.[1] ?? MD_BOLD.exec(source)?.[2] ?? source).trim() : source;
    const keep = (t: string) => (meta.markdown ? source : escapeInline(t));
    // In an open table a figure or a label is a cell, never furniture or a heading.
    if (table) {
      const c = cls.classify(text, table.current);
      const heading = mdHeading !== null || (c.kind !== 'label' && c.kind !== 'value' && isSectionHeading(text, template));
      if (!heading) {
        if (c.kind === 'text') {
          const next = nextLine(i);
          const nk = next === undefined ? 'text' : cls.classify(next, table.current).kind;
          const shortLabel = text.length <= 40 && !/[。；;]$/.test(text) && !isChromeLine(text);
          if (shortLabel && (nk !== 'text' || table.inHeader())) { feed({ text, src: it.src }); continue; }
        } else if (c.kind !== 'empty') {
          if (feed({ text, src: it.src })) continue;
        }
      }
      closeTable();
    }
    if (isChromeLine(text)) {
      account.dropped.push(text);
      continue;
    }
    // A title set over two or three lines, each its own paragraph (Word: 某县人民政府办公室 / 2021年政府信息公开 / 工作年度报告):
    // the short paragraphs just before this line that make a title with it.
    const titleHead = !titleDone && account.sections === 0 && (!isTitleLine(text) || !YEAR.test(text)) ? titleLinesBefore(text) : undefined;
    if (titleHead) {
      blocks.splice(blocks.length - titleHead.count);
      srcs.splice(blocks.length);
      titleDone = true;
      account.title = titleHead.title;
      add(`# ${meta.markdown ? titleHead.title : escapeInline(titleHead.title)}`, titleHead.src ? { lines: [titleHead.src] } : lineSrc(it.src));
      lastPara = undefined;
      recent.length = 0;
      continue;
    }
    if (!titleDone && account.sections === 0 && isTitleLine(text)) {
      titleDone = true;
      let title = text;
      if (lastPara && lastPara.index === blocks.length - 1 && /^[0-9０-９〇一二]{4}/.test(title) && lastPara.text.length <= 30 && ORG_END.test(lastPara.text)) {
        blocks.pop();
        srcs.pop();
        title = `${lastPara.text} ${title}`;
      }
      account.title = title;
      add(`# ${meta.markdown ? title : escapeInline(title)}`, lineSrc(it.src));
      lastPara = undefined;
      continue;
    }
    if (isSectionHeading(text, template) && !cls.opensTable(text)) {
      account.sections++;
      add(`## ${meta.markdown ? text : escapeInline(text)}`, lineSrc(it.src));
      lastPara = undefined;
      continue;
    }
    if (!mdHeading && cls.opensTable(text)) {
      const next = nextLine(i);
      const nk = next === undefined ? 'text' : cls.classify(next).kind;
      const c = cls.classify(text);
      if (c.kind !== 'label' || nk === 'value' || nk === 'label' || nk === 'empty') {
        if (feed({ text, src: it.src })) continue;
      }
    }
    add(keep(text), lineSrc(it.src));
    lastPara = { index: blocks.length - 1, text };
    if (!titleDone && text.length <= 30) recent.push({ index: blocks.length - 1, text, src: it.src });
    else recent.length = 0;
  }
  closeTable();
  const markdown = blocks.join('\n\n') + '\n';
  return mapped ? { markdown, account, sourceMap: sourceMap(blocks, srcs) } : { markdown, account };
}

/** Where the lines of one block came from: by line of the block (0-based), and its table cells. */
interface BlockSrc {
  lines: (SourceRef | undefined)[];
  cells?: { line: number; cell: number; src: SourceRef }[];
}

function lineSrc(src: SourceRef | undefined): BlockSrc | undefined {
  return src ? { lines: [src] } : undefined;
}

/** Block sources → 1-based Markdown lines (blocks are joined by one blank line). */
function sourceMap(blocks: string[], srcs: (BlockSrc | undefined)[]): SourceMap {
  const map: SourceMap = { lines: [], cells: [] };
  let line = 1;
  blocks.forEach((b, i) => {
    const src = srcs[i];
    const n = b.split('\n').length;
    if (src) {
      src.lines.forEach((s, k) => { if (s && k < n) map.lines.push({ line: line + k, src: s }); });
      for (const c of src.cells ?? []) map.cells.push({ line: line + c.line, cell: c.cell, src: c.src });
    }
    line += n + 1;
  });
  return map;
}

/** A table that is not a report table, kept cell for cell (line breaks in cells as <br>). */
export function plainTable(grid: string[][]): string {
  const width = Math.max(...grid.map((r) => r.length));
  const cell = (s: string) => s.split('\n').map((x) => escapeInline(x.trim()).replace(/\|/g, '\\|')).filter(Boolean).join('<br>');
  const line = (r: string[]) => `| ${[...r, ...Array(width - r.length).fill('')].map(cell).join(' | ')} |`;
  return [line(grid[0]), `|${Array(width).fill('---').join('|')}|`, ...grid.slice(1).map(line)].join('\n');
}
