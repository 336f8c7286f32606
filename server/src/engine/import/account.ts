// The account `nianbao import` prints: what the source was, what was found,
// how many cells were filled or left empty, and everything that could not be
// placed, so nothing is lost silently.
import type { Lang } from '../types.ts';
import type { ImportAccount } from './import-types.ts';

const LAYOUT: Record<string, [string, string]> = {
  lines: ['复制的文本，每行一个单元格', 'copied text, one cell per line'],
  tsv: ['复制的文本，单元格以制表符分隔', 'copied text, tab-separated cells'],
  pipe: ['复制的文本，单元格以“|”分隔', 'copied text, cells closed by “|”'],
  gfm: ['复制的文本，含 Markdown 表格', 'copied text with Markdown tables'],
  plain: ['纯文本', 'plain text'],
  html: ['网页（HTML）', 'web page (HTML)'],
  pdf: ['PDF 文件', 'PDF file'],
};

export function formatAccount(a: ImportAccount, path: string, lang: Lang = 'zh'): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  const kind = a.source === 'docx' ? (zh ? 'Word 文件（.docx）' : 'Word file (.docx)') : (LAYOUT[a.layout] ?? LAYOUT.plain)[zh ? 0 : 1];
  const enc = a.encoding ? (zh ? `，编码 ${a.encoding}` : `, encoding ${a.encoding}`) : '';
  out.push(zh ? `导入 ${path}：${kind}${enc}，按 ${a.template} 年版格式` : `Imported ${path}: ${kind}${enc}, read as the ${a.template} format`);
  out.push(zh ? `  标题：${a.title ?? '（未找到）'}` : `  title: ${a.title ?? '(none found)'}`);
  const tables = a.tables.map((t) => (zh ? `${t.title} ${t.rows} 行` : `${t.title}: ${t.rows} rows`)).join(zh ? '；' : '; ');
  out.push(zh ? `  栏目：${a.sections} 个；表格：${a.tables.length} 个${tables ? `（${tables}）` : ''}` : `  sections: ${a.sections}; tables: ${a.tables.length}${tables ? ` (${tables})` : ''}`);
  out.push(zh ? `  单元格：已放入 ${a.cellsPlaced} 个，留空 ${a.cellsEmpty} 个` : `  cells: ${a.cellsPlaced} placed, ${a.cellsEmpty} left empty`);
  if (a.shortRows.length) {
    out.push(zh ? '  数字少于列数的行（已按顺序放入前几格，其余留空，未作猜测）：' : '  rows with fewer figures than columns (figures put in the first cells in order, the rest left empty; nothing guessed):');
    for (const r of a.shortRows) out.push(zh ? `    ${r.row}：${r.found} 个数，应有 ${r.expected} 个` : `    ${r.row}: ${r.found} figures, ${r.expected} columns`);
  }
  if (a.unplaced.length) {
    out.push(zh ? `  未能放入表格的内容（${a.unplaced.length} 处，保留在表格后“未能放入表格的内容”段落中）：` : `  content that could not be placed (${a.unplaced.length}; kept after the table in a “未能放入表格的内容” paragraph):`);
    for (const u of a.unplaced) out.push(`    ${u.after ? (zh ? `在「${u.after}」之后：` : `after “${u.after}”: `) : ''}${u.text} —— ${zh ? u.reason.zh : u.reason.en}`);
  } else out.push(zh ? '  未能放入表格的内容：无' : '  content that could not be placed: none');
  if (a.unknownRows.length) out.push(zh ? `  格式中没有的行（按原样保留，数字已放入）：${a.unknownRows.join('；')}` : `  rows the format does not have (kept as written, with their figures): ${a.unknownRows.join('; ')}`);
  if (a.dropped.length) {
    const shown = a.dropped.slice(0, 8).join(zh ? '、' : ', ');
    const what = a.source === 'pdf' ? (zh ? '页码' : 'page numbers') : zh ? '网页元素' : 'page furniture';
    out.push(zh ? `  已删除${what} ${a.dropped.length} 行：${shown}${a.dropped.length > 8 ? ' 等' : ''}` : `  ${what} dropped: ${a.dropped.length} lines: ${shown}${a.dropped.length > 8 ? ', …' : ''}`);
  }
  for (const n of a.notes) out.push(`  ${zh ? n.zh : n.en}`);
  return out.join('\n') + '\n';
}
