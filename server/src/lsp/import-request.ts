// nianbao/importPublished, behind the editor's 导入并检查 on a .pdf, .docx or
// .html in the Explorer: the published report imported (host/load-report.ts,
// the same import as `nianbao import`), and the name of a Markdown file beside
// it that does not exist yet. The client writes that file and opens it, so
// the report is checked as any open report is and its Problems show. The
// server writes nothing.
import { existsSync } from 'node:fs';
import { ResponseError } from 'vscode-languageserver/node.js';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatAccount } from '../engine/import/account.ts';
import type { Lang } from '../engine/types.ts';
import { LoadError, loadReport } from '../host/load-report.ts';
import type { DocumentConfig } from './document-config.ts';
import { uriToPath } from './paths.ts';
import type { ImportPublishedParams, ImportPublishedResult } from './protocol.ts';

/** A refusal the user should read (not a server fault): the client shows the message as it is. */
export class ImportRefused extends Error {}

/** `report.pdf` → `report.md`, or `report (2).md`… when that exists: an import never overwrites a file. */
export function besideFree(path: string, exists: (p: string) => boolean = existsSync): string {
  const base = join(dirname(path), basename(path, extname(path)));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base}.md` : `${base} (${n}).md`;
    if (!exists(candidate)) return candidate;
  }
}

export async function importPublished(params: ImportPublishedParams, options: { maxFileSize: number; template?: string; lang: Lang }): Promise<ImportPublishedResult> {
  const zh = options.lang === 'zh';
  const path = uriToPath(params.uri);
  if (!path) throw new ImportRefused(zh ? '只能导入磁盘上的文件。' : 'Only files on disk can be imported.');
  const name = basename(path);
  let loaded;
  try {
    loaded = await loadReport(path, { maxSize: options.maxFileSize, template: options.template });
  } catch (e) {
    if (e instanceof LoadError) throw new ImportRefused(`${name}: ${e.reason[options.lang]}`);
    throw e;
  }
  if (loaded.form === 'markdown' || !loaded.imported) throw new ImportRefused(zh ? `${name} 已经是 Markdown 报告，直接打开即可检查。` : `${name} is a Markdown report already: open it to check it.`);
  const account = loaded.imported.account;
  if (account.title === undefined && account.sections < 2) {
    throw new ImportRefused(zh ? `${name}: 不是政府信息公开工作年度报告：没有报告标题，能识别的栏目少于两个` : `${name}: not an information-disclosure annual report: no report title and fewer than two known sections`);
  }
  return {
    text: loaded.text,
    form: loaded.form,
    target: pathToFileURL(besideFree(path)).href,
    title: account.title,
    cellsPlaced: account.cellsPlaced,
    unplaced: account.unplaced.length,
    account: formatAccount(account, name, options.lang),
  };
}

/** The request as the server answers it: the file's settings (size limit, format), a refusal as an error the client shows. */
export async function importRequest(params: ImportPublishedParams, configs: { get(uri: string): Promise<DocumentConfig> }, lang: Lang, log: (s: string) => void): Promise<ImportPublishedResult> {
  try {
    const config = await configs.get(params.uri);
    return await importPublished(params, { maxFileSize: config.maxFileSize, template: config.analyze.template, lang });
  } catch (error) {
    if (error instanceof ImportRefused) throw new ResponseError(1, error.message);
    const why = error instanceof Error ? error.message : String(error);
    log(`nianbao: import failed: ${why}`);
    throw new ResponseError(2, lang === 'zh' ? `导入失败：${why}` : `Import failed: ${why}`);
  }
}
