// `--published` and the `published` setting, shared by check, data and diff's
// callers: whether a directory's published reports (PDF, Word, web page, copied
// text) are taken besides its Markdown, and the note for a directory that
// holds only published ones.
import type { Lang } from '../engine/types.ts';
import { configFor } from '../host/nianbaorc.ts';

/** Whether a directory's published reports are checked: --published, else its .nianbaorc.json (or --config). */
export function publishedFor(flag: boolean | undefined, config: string | undefined): (dir: string) => boolean {
  return (dir) => {
    if (flag !== undefined) return flag;
    try {
      return configFor(`${dir}/.`, config).config.published ?? false;
    } catch {
      // A broken config file is reported when its files are checked.
      return false;
    }
  };
}

/** The note for a directory that holds published reports and no Markdown, naming the option. */
export function publishedHint(p: { dir: string; count: number }, lang: Lang): string {
  return lang === 'zh'
    ? `${p.dir}: 没有 Markdown 报告，但有 ${p.count} 个已发布的报告文件（.pdf、.docx、.html、.txt）：加上 --published 检查它们（或在 .nianbaorc.json 中设置 "published": true）`
    : `${p.dir}: no Markdown reports, but ${p.count} published report files (.pdf, .docx, .html, .txt): add --published to check them (or set "published": true in .nianbaorc.json)`;
}

/**
 * A path with a published form's extension. Such files are not paired with
 * last year's report (carryover, copied-text): pairing reads a file's text,
 * which a PDF or a page's markup is not.
 */
export function isPublishedPath(path: string): boolean {
  return /\.(pdf|docx|html?|txt)$/i.test(path);
}
