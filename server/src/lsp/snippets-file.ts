// The static snippets the extension contributes (snippets/nianbao.json), for
// editors that use them without the server's context-aware completion:
// whole-report scaffolds and the three tables, per format. Generated from the
// templates; test/protocol/manifest.test.ts fails when the file is out of date,
// and `npm run snippets` (test/support/write-snippets.ts) rewrites it.
import { builtinTemplates } from '../engine/templates/builtin.ts';
import type { Template } from '../engine/templates/template.ts';
import { reportSnippet, sectionSnippet } from './snippet-text.ts';

interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

const TABLE_NAMES: Record<string, string> = { t2: '表二', t3: '表三', t4: '表四' };

function yearOf(t: Template): number {
  return t.years.to ?? t.years.from ?? 2021;
}

export function snippetsFile(templates: readonly Template[] = builtinTemplates): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const t of templates) {
    out[`nianbao: 年度报告（${t.name.zh}）`] = {
      prefix: [`nianbao-report-${t.id}`, `年报${t.id}`],
      body: reportSnippet(t, yearOf(t)).split('\n'),
      description: `政府信息公开工作年度报告框架（${t.name.zh}）/ Annual report scaffold (${t.name.en})`,
    };
    for (const s of t.sections) {
      if (!s.table) continue;
      const name = TABLE_NAMES[s.table] ?? s.table;
      out[`nianbao: ${s.numeral}、${s.title}（${t.name.zh}）`] = {
        prefix: [`nianbao-${s.table.replace(/^t/, 'table')}-${t.id}`, `${name}${t.id}`],
        body: sectionSnippet(t, s).split('\n'),
        description: `${s.numeral}、${s.title}及${name}（${t.name.zh}）`,
      };
    }
  }
  return out;
}
