// Every rule has its page docs/rules/<id>.md and every page belongs to a rule.
// Each page has a bad and a good example, states the rule's default severity,
// has a fix and a configuration section, and an English part. The Markdown
// examples of the core rules are run: the bad one produces the rule's finding,
// the good one does not. docs/rules/README.md lists every rule with its page.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, rules } from '../../../server/src/engine/analyze.ts';
import { NOTICE_CODES } from '../../../server/src/lsp/features/diagnostics.ts';
import { CORE_RULES, DOCS } from './helpers.ts';

/** The editor's notices for a document it did not check: pages of their own, not rules. */
const notices = NOTICE_CODES;
const allPages = existsSync(DOCS) ? readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md') : [];
const pages = allPages.filter((f) => !notices.includes(f.slice(0, -3)));
const ids = rules.map((r) => r.id);

/** The text of a `## `/`### ` section: from its heading to the next heading of the same or a higher level. */
function section(page: string, heading: string): string | undefined {
  const lines = page.split('\n');
  const level = heading.match(/^#+/)![0].length;
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start === -1) return undefined;
  let end = start + 1;
  while (end < lines.length && !(new RegExp(`^#{1,${level}} `).test(lines[end]))) {
    // Headings inside fenced code do not end the section.
    if (/^```/.test(lines[end])) {
      end++;
      while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    }
    end++;
  }
  return lines.slice(start + 1, end).join('\n');
}

/** Fenced code blocks of a piece of Markdown, with their info string. */
function blocks(md: string): { lang: string; code: string }[] {
  const out: { lang: string; code: string }[] = [];
  const re = /^```([^\n]*)\n([\s\S]*?)^```\s*$/gm;
  for (let m = re.exec(md); m; m = re.exec(md)) out.push({ lang: m[1].trim(), code: m[2] });
  return out;
}

describe('rule docs', () => {
  test('every rule in rules/index.ts has a page', () => {
    const missing = ids.filter((id) => !pages.includes(`${id}.md`));
    assert.deepEqual(missing, [], `rules without docs/rules/<id>.md: ${missing.join(', ')}`);
  });

  test('every editor notice has a page titled with its id, with an English part, listed in the README', () => {
    const readme = readFileSync(join(DOCS, 'README.md'), 'utf8');
    for (const id of notices) {
      assert.ok(allPages.includes(`${id}.md`), `docs/rules/${id}.md`);
      const text = readFileSync(join(DOCS, `${id}.md`), 'utf8');
      assert.ok(text.startsWith(`# \`${id}\``), `${id}.md is titled # \`${id}\``);
      assert.ok(section(text, '## English') !== undefined, `${id}.md has an English part`);
      assert.ok(readme.includes(`](${id}.md)`), `README links ${id}.md`);
    }
  });

  test('every page belongs to a rule', () => {
    const orphans = pages.filter((p) => !ids.includes(p.slice(0, -3)));
    assert.deepEqual(orphans, []);
  });

  test('README lists every rule with a link to its page and its default severity', () => {
    const readme = readFileSync(join(DOCS, 'README.md'), 'utf8');
    for (const rule of rules) {
      if (!pages.includes(`${rule.id}.md`)) continue;
      const row = readme.split('\n').find((l) => l.includes(`](${rule.id}.md)`));
      assert.ok(row, `README links ${rule.id}.md`);
      assert.ok(row.includes(`\`${rule.severity}\``), `README gives ${rule.id} its default \`${rule.severity}\``);
    }
  });

  for (const page of pages) {
    const id = page.slice(0, -3);
    const rule = rules.find((r) => r.id === id);
    describe(page, () => {
      const text = readFileSync(join(DOCS, page), 'utf8');
      test('title, default severity, Chinese sections, then an English part', () => {
        assert.ok(text.startsWith(`# \`${id}\``), 'titled # `<id>` …');
        assert.ok(rule, 'a rule');
        const head = text.slice(0, text.indexOf('\n## '));
        assert.ok(head.includes(`默认级别：**${rule.severity}**`), `states 默认级别：**${rule.severity}**`);
        for (const h of ['## 检查什么', '## 为什么', '## 错误示例', '## 正确示例', '## 修复', '## 配置', '## English']) {
          assert.ok(section(text, h) !== undefined, `has “${h}”`);
        }
        assert.ok(text.indexOf('## 检查什么') < text.indexOf('## English'), 'Chinese first');
        const english = section(text, '## English')!;
        assert.match(english, new RegExp(`\\*\\*${rule.severity}\\*\\*`), 'the English part states the default severity');
        const config = blocks(section(text, '## 配置')!).find((b) => b.lang === 'json');
        assert.ok(config, 'a JSON configuration example');
        assert.ok(id in (JSON.parse(config.code) as { rules: Record<string, string> }).rules, 'the example sets this rule');
      });

      // The examples of the rules that judge one report alone are run (carryover and copied-text compare two years).
      const runnable = (CORE_RULES as readonly string[]).includes(id);
      for (const [heading, bad] of [['## 错误示例', true], ['## 正确示例', false]] as const) {
        if (!runnable) {
          test(`${heading}: has an example`, () => assert.ok(blocks(section(text, heading) ?? '').length > 0 || /`[^`]+`/.test(section(text, heading) ?? '')));
          continue;
        }
        test(`${heading}: a Markdown example that ${bad ? 'produces' : 'does not produce'} ${id}`, () => {
          const body = section(text, heading);
          assert.ok(body, `has ${heading}`);
          const examples = blocks(body).filter((b) => b.lang === 'markdown');
          assert.ok(examples.length > 0, `${heading} has a \`\`\`markdown block`);
          for (const ex of examples) {
            const found = analyze(ex.code).diagnostics.filter((d) => d.ruleId === id);
            if (bad) assert.ok(found.length > 0, `the bad example produces ${id}`);
            else assert.deepEqual(found.map((d) => d.message.zh), [], `the good example produces no ${id}`);
          }
        });
      }
    });
  }
});
