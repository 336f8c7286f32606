// The one .nianbaorc.json loader (server/src/host/nianbaorc.ts): strict for
// the CLI, lenient for the editor, whose problems become diagnostics on the
// key at fault (server/src/lsp/config-diagnostics.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfigFile, readConfigFile } from '../../../server/src/host/nianbaorc.ts';
import { configDiagnostics } from '../../../server/src/lsp/features/config-file.ts';

function rcFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-rc-'));
  const path = join(dir, '.nianbaorc.json');
  writeFileSync(path, text);
  return path;
}

const MIXED = '{\n  "template": "2021",\n  "rules": { "balance": "loud", "total-row": "off" },\n  "maxFileSize": -3,\n  "colour": true\n}\n';

describe('.nianbaorc.json loader', () => {
  it('keeps the valid fields and names each invalid one by its JSON pointer', () => {
    const path = rcFile(MIXED);
    const rc = readConfigFile(path);
    assert.deepEqual(rc.config, { template: '2021', rules: { 'total-row': 'off' } });
    assert.deepEqual(rc.problems.map((p) => p.pointer).sort(), ['/colour', '/maxFileSize', '/rules/balance']);
    assert.ok(rc.problems.every((p) => p.message.startsWith(`${path}: `)));
  });

  it('a file that is not JSON is one problem for the whole file, and nothing applies', () => {
    const rc = readConfigFile(rcFile('{ "rules": { "balance": "error" }, oops'));
    assert.deepEqual(rc.config, {});
    assert.equal(rc.problems.length, 1);
    assert.equal(rc.problems[0].pointer, '');
  });

  it('a template file that does not load is a problem at its entry', () => {
    const path = rcFile('{ "templates": ["missing.json"] }');
    const rc = readConfigFile(path);
    assert.deepEqual(rc.problems.map((p) => p.pointer), ['/templates/0']);
    assert.match(rc.problems[0].message, /missing\.json/);
  });

  it('`__proto__` in the file is a bad rule, not a prototype', () => {
    const rc = readConfigFile(rcFile('{ "rules": { "__proto__": { "polluted": "error" }, "balance": "info" } }'));
    assert.deepEqual(Object.keys(rc.config.rules ?? {}), ['balance']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(rc.problems.map((p) => p.pointer), ['/rules/__proto__']);
  });

  it('the CLI stops on any problem and gives every reason', () => {
    const path = rcFile(MIXED);
    assert.throws(() => loadConfigFile(path), (e: unknown) => {
      assert.ok(e instanceof ConfigError);
      assert.match(e.message, /\/rules\/balance must be equal to one of the allowed values/);
      assert.match(e.message, /\/maxFileSize must be >= 1/);
      assert.match(e.message, /must NOT have additional properties "colour"/);
      return true;
    });
  });

  it('a valid file loads as written', () => {
    const rc = loadConfigFile(rcFile('{ "rules": { "balance": "warning" }, "blankCells": "each", "files": ["drafts/*.md"] }'));
    assert.deepEqual(rc.config, { rules: { balance: 'warning' }, blankCells: 'each', files: ['drafts/*.md'] });
  });
});

describe('.nianbaorc.json problems as editor diagnostics', () => {
  it('each sits on the key at fault', () => {
    const path = rcFile(MIXED);
    const rc = readConfigFile(path);
    const diags = configDiagnostics(path, MIXED, rc.problems, 'en');
    const at = diags.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`).sort();
    // "balance" on line 2 col 13, "maxFileSize" on line 3 col 2, "colour" on line 4 col 2 (keys with their quotes).
    assert.deepEqual(at, ['2:13-22', '3:2-15', '4:2-10']);
    assert.ok(diags.every((d) => d.code === 'config-invalid' && d.source === 'nianbao' && !d.message.includes(path)));
  });

  it('a syntax error sits where the parser stopped', () => {
    const text = '{\n  "rules": {},\n  oops\n}';
    const path = rcFile(text);
    const [d] = configDiagnostics(path, text, readConfigFile(path).problems, 'zh');
    assert.equal(d.range.start.line, 2);
    assert.match(d.message, /^\.nianbaorc\.json 配置有误/);
  });
});
