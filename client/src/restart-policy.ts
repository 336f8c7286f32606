// What the client does when the language server's connection closes or
// errs. A crashed server is restarted at most MAX_RESTARTS times in
// RESTART_WINDOW_MS; each restart, and giving up, is written to the nianbao
// output channel in Chinese and English (vscode-languageclient logs the
// handler's message there). No vscode import, so the unit tests can drive it
// with a fake clock: test/unit/client/restart-policy.test.ts.

export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export interface RestartDecision {
  restart: boolean;
  message: string;
}

export class RestartPolicy {
  /** Times of the restarts within the window. */
  private restarts: number[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    readonly max = MAX_RESTARTS,
    readonly windowMs = RESTART_WINDOW_MS,
  ) {}

  /** The server went away unexpectedly: restart it, unless it already was restarted `max` times within the window. */
  closed(): RestartDecision {
    const t = this.now();
    this.restarts = this.restarts.filter((r) => t - r < this.windowMs);
    const minutes = Math.round(this.windowMs / 60000);
    if (this.restarts.length < this.max) {
      this.restarts.push(t);
      const n = this.restarts.length;
      return {
        restart: true,
        message: `nianbao 语言服务器意外退出，正在重启（${minutes} 分钟内第 ${n} 次，最多 ${this.max} 次）。`
          + ` The nianbao language server stopped unexpectedly and is being restarted (restart ${n} of at most ${this.max} in ${minutes} minutes).`,
      };
    }
    return {
      restart: false,
      message: `nianbao 语言服务器在 ${minutes} 分钟内意外退出 ${this.max + 1} 次，不再自动重启。错误详情见本输出窗口；可运行命令“nianbao: 重启语言服务器”再次启动。`
        + ` The nianbao language server stopped unexpectedly ${this.max + 1} times in ${minutes} minutes and will not be restarted automatically.`
        + ' The errors are in this output channel; run “nianbao: Restart Language Server” to start it again.',
    };
  }

  /** A restart the user asked for starts the count afresh. */
  reset(): void {
    this.restarts = [];
  }
}

/** The values of vscode-languageclient's ErrorAction and CloseAction, passed in so this file needs no vscode. */
export interface HandlerActions<E, C> {
  continue: E;
  shutdown: E;
  restart: C;
  doNotRestart: C;
}

/**
 * An ErrorHandler for vscode-languageclient: errors on the connection are
 * tolerated up to three in a row (as the library's default does), a closed
 * connection follows the policy. A restart is `handled` (logged to the output
 * channel, no pop-up); giving up is not (logged and shown as an error).
 */
export function restartingErrorHandler<E, C>(policy: RestartPolicy, actions: HandlerActions<E, C>) {
  return {
    error: (_error: Error, _message: unknown, count: number | undefined) => ({
      action: count !== undefined && count <= 3 ? actions.continue : actions.shutdown,
    }),
    closed: () => {
      const d = policy.closed();
      return { action: d.restart ? actions.restart : actions.doNotRestart, message: d.message, handled: d.restart };
    },
  };
}
