// Emacs with eglot as a third LSP client: Debian's Emacs 28 with elpa-eglot
// and elpa-markdown-mode, in batch mode, loads the init.el block of
// docs/editors.md, opens a report with a wrong total, reads the Flymake
// diagnostics eglot made of nianbao's, and applies the quick fix through
// eglot-code-actions. Batch Emacs runs no idle timers, so the driver does what
// they would: starts Flymake and sends the pending change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../../support/engine.ts';
import { needDist } from '../../support/dist.ts';

function documentedConfig(): string {
  const doc = readFileSync(join(root, 'docs/editors.md'), 'utf8');
  const config = /```elisp\n([^]*?)```/.exec(doc)?.[1];
  assert.ok(config !== undefined && config.includes('eglot-server-programs'), 'docs/editors.md has the eglot configuration');
  return config;
}

const DRIVER = String.raw`
(package-initialize)
(load-file (getenv "EMACS_TEST_INIT"))
(require 'markdown-mode)
(require 'eglot)
(defun test-wait (done)
  (let ((n 0))
    (while (and (< n 600) (not (funcall done)))
      (accept-process-output nil 0.1)
      (when (bound-and-true-p flymake-mode) (flymake-start))
      (setq n (1+ n)))))
(defun test-diags ()
  (vconcat (mapcar (lambda (d) (vector (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d)))
                   (flymake-diagnostics))))
(find-file (getenv "EMACS_TEST_REPORT"))
;; What the command loop does after a command: eglot-ensure connects from here.
(run-hooks 'post-command-hook)
(test-wait (lambda () (flymake-diagnostics)))
(let ((result (list (cons 'mode (symbol-name major-mode))
                    (cons 'server (and (eglot-current-server) (plist-get (eglot--server-info (eglot-current-server)) :name)))
                    (cons 'before (test-diags))))
      (offered nil))
  (let ((d (car (flymake-diagnostics))))
    (when d
      (cl-letf (((symbol-function 'completing-read)
                 (lambda (_prompt items &rest _)
                   (setq offered (vconcat (mapcar #'car items)))
                   (getenv "EMACS_TEST_TITLE"))))
        ;; A key press, not a mouse click, chose the command: eglot asks with completing-read.
        (let ((last-nonmenu-event ?a))
          (eglot-code-actions (flymake-diagnostic-beg d) (flymake-diagnostic-end d) nil t)))
      (eglot--signal-textDocument/didChange)
      (test-wait (lambda () (null (flymake-diagnostics))))))
  (push (cons 'offered offered) result)
  (push (cons 'after (test-diags)) result)
  (push (cons 'line (save-excursion (goto-char (point-min)) (forward-line 62) (buffer-substring-no-properties (line-beginning-position) (line-end-position)))) result)
  (with-temp-file (getenv "EMACS_TEST_OUT")
    (insert (json-encode result))))
(kill-emacs 0)
`;

test('Emacs (eglot) with the documented set-up: nianbao\'s diagnostics in Flymake, and the quick fix clears them', { timeout: 180_000 }, () => {
  needDist();
  // Not skipped when missing: the suite's set-up installs them (test/e2e/setup.sh).
  assert.equal(spawnSync('emacs', ['--version']).status, 0, 'Emacs is not installed: Debian packages emacs-nox, elpa-eglot, elpa-markdown-mode');
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-emacs-'));
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin/nianbao'), `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'dist/cli.cjs')}" "$@"\n`);
  chmodSync(join(dir, 'bin/nianbao'), 0o755);
  const clean = readFileSync(join(root, 'examples/2022-clean-2021-format.md'), 'utf8');
  writeFileSync(join(dir, 'report.md'), clean.replace('| （七）总计 | 24 |', '| （七）总计 | 25 |'));
  writeFileSync(join(dir, 'init.el'), documentedConfig());
  writeFileSync(join(dir, 'driver.el'), DRIVER);
  const out = join(dir, 'result.json');
  const r = spawnSync('emacs', ['--batch', '-l', join(dir, 'driver.el')], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 150_000,
    env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, HOME: dir, EMACS_TEST_INIT: join(dir, 'init.el'), EMACS_TEST_REPORT: join(dir, 'report.md'), EMACS_TEST_OUT: out, EMACS_TEST_TITLE: '将（七）总计「自然人」改为 24' },
  });
  assert.ok(existsSync(out), `Emacs wrote no result (exit ${r.status}):\n${r.stderr.slice(-3000)}`);
  const result = JSON.parse(readFileSync(out, 'utf8')) as { mode: string; server: string; before: [number, string][]; offered: string[] | null; after: [number, string][]; line: string };
  assert.equal(result.mode, 'markdown-mode');
  assert.equal(result.server, 'nianbao');
  assert.deepEqual(result.before.map(([line, text]) => [line, /\[([a-z-]+)\]/.exec(text)?.[1]]).sort(), [[63, 'balance'], [63, 'total-results'], [63, 'total-row']]);
  assert.ok(result.before.some(([, text]) => text.includes('（七）总计「自然人」应为 24（各办理结果之和），实为 25')), JSON.stringify(result.before));
  assert.ok(result.offered?.includes('将（七）总计「自然人」改为 24'), JSON.stringify(result.offered));
  assert.equal(result.line, '| （七）总计 | 24 | 4 | 0 | 0 | 1 | 0 | 29 |');
  assert.deepEqual(result.after, [], 'no diagnostics left');
});
