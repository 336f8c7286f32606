// The client's restart policy for a crashed language server
// (client/src/restart-policy.ts), driven with a fake clock and fake action
// values the way vscode-languageclient drives an ErrorHandler: at most 4
// restarts in 3 minutes, each said in the output channel in Chinese and
// English, then no more restarts and an error the user sees.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy, restartingErrorHandler } from '../../../client/src/restart-policy.ts';

const ACTIONS = { continue: 'Continue', shutdown: 'Shutdown', restart: 'Restart', doNotRestart: 'DoNotRestart' } as const;

/** A fake of what vscode-languageclient does with the handler's answer when the connection closes (client.js handleConnectionClosed). */
class FakeClient {
  readonly output: string[] = [];
  readonly popups: string[] = [];
  running = true;
  constructor(readonly handler: ReturnType<typeof restartingErrorHandler<string, string>>) {}
  async crash(): Promise<void> {
    const r = await this.handler.closed();
    if (r.action === 'DoNotRestart') {
      this.output.push(`[Error] ${r.message}`);
      if (r.handled !== true) this.popups.push(r.message);
      this.running = false;
    } else {
      this.output.push(`[Info] ${r.message}`);
      if (!r.handled) this.popups.push(r.message);
      this.running = true;
    }
  }
}

function setup() {
  let now = 1_000_000;
  const policy = new RestartPolicy(() => now);
  const client = new FakeClient(restartingErrorHandler(policy, ACTIONS));
  return { policy, client, advance: (ms: number) => { now += ms; } };
}

const bilingual = (s: string) => /[\u4e00-\u9fff]/.test(s) && /[A-Za-z]{4,} [a-z]+ [a-z]+/.test(s);

describe('restart policy', () => {
  it('is 4 restarts in 3 minutes', () => {
    assert.equal(MAX_RESTARTS, 4);
    assert.equal(RESTART_WINDOW_MS, 180_000);
  });

  it('restarts a crashed server 4 times in 3 minutes, then stops and tells the user', async () => {
    const { client, advance } = setup();
    for (let i = 1; i <= 4; i++) {
      await client.crash();
      assert.equal(client.running, true, `restart ${i}`);
      assert.match(client.output.at(-1)!, new RegExp(`第 ${i} 次.*restart ${i} of at most 4`));
      advance(10_000);
    }
    assert.deepEqual(client.popups, [], 'restarts are logged, not popped up');
    await client.crash();
    assert.equal(client.running, false, 'the fifth crash within 3 minutes is not restarted');
    assert.match(client.output.at(-1)!, /^\[Error\] .*不再自动重启.*will not be restarted/);
    assert.equal(client.popups.length, 1, 'giving up is shown to the user');
    assert.ok(client.output.every(bilingual), client.output.join('\n'));
  });

  it('counts only the crashes of the last 3 minutes', async () => {
    const { client, advance } = setup();
    // One crash a minute, for an hour: never more than 3 in any 3-minute window.
    for (let i = 0; i < 60; i++) {
      await client.crash();
      assert.equal(client.running, true, `crash ${i}`);
      advance(61_000);
    }
    // Four quick crashes right after the window has moved on are still restarted...
    const { client: c2, advance: adv2 } = setup();
    for (let i = 0; i < 4; i++) { await c2.crash(); adv2(1_000); }
    adv2(RESTART_WINDOW_MS);
    for (let i = 0; i < 4; i++) { await c2.crash(); assert.equal(c2.running, true); }
    // ...and the fifth within the window is not.
    await c2.crash();
    assert.equal(c2.running, false);
  });

  it('a restart the user asks for starts the count afresh', async () => {
    const { policy, client } = setup();
    for (let i = 0; i < 5; i++) await client.crash();
    assert.equal(client.running, false);
    policy.reset();
    await client.crash();
    assert.equal(client.running, true);
  });

  it('connection errors: tolerated up to three, then the server is shut down', () => {
    const h = restartingErrorHandler(new RestartPolicy(), ACTIONS);
    const e = new Error('write EPIPE');
    assert.deepEqual([1, 2, 3, 4, 10].map((n) => h.error(e, undefined, n).action), ['Continue', 'Continue', 'Continue', 'Shutdown', 'Shutdown']);
    assert.equal(h.error(e, undefined, undefined).action, 'Shutdown');
  });

  it('the extension passes this handler to the LanguageClient and resets it on a manual restart', () => {
    const src = readFileSync(new URL('../../../client/src/extension.ts', import.meta.url), 'utf8');
    assert.match(src, /errorHandler: restartingErrorHandler\(restarts, \{\s*continue: ErrorAction\.Continue, shutdown: ErrorAction\.Shutdown, restart: CloseAction\.Restart, doNotRestart: CloseAction\.DoNotRestart,?\s*\}\)/);
    assert.match(src, /registerCommand\('nianbao\.restartServer'[\s\S]*?restarts\.reset\(\)[\s\S]*?lc\.restart\(\)/);
  });
});
