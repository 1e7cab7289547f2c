/**
 * When the language server dies, the client restarts it, and tells the user once: the first
 * restart shows a message, later ones are only logged. After `maxRestarts` crashes within
 * `windowMs` it gives up (a server that dies on every start would otherwise loop) and says
 * that once too; the Restart command starts afresh. No VS Code API here, so that it is tested
 * on its own; `extension.ts` maps the decisions to the language client's error handler.
 */
export interface RestartDecision {
  restart: boolean;
  /** For the output channel, every time. */
  log: string;
  /** For a notification, at most once per kind (restarted, gave up). */
  notice?: string;
}

export interface RestartPolicy {
  /** The server's connection closed without being asked to. */
  closed(): RestartDecision;
  /** The user restarted the server: crashes before that no longer count. */
  reset(): void;
}

export function createRestartPolicy(options: { name: string; maxRestarts?: number; windowMs?: number; now?: () => number }): RestartPolicy {
  const { name, maxRestarts = 4, windowMs = 3 * 60 * 1000, now = Date.now } = options;
  const crashes: number[] = [];
  let toldRestarted = false;
  let toldGaveUp = false;
  return {
    closed() {
      const time = now();
      crashes.push(time);
      while (crashes.length > 0 && time - crashes[0] > windowMs) crashes.shift();
      if (crashes.length > maxRestarts) {
        const log = `The ${name} language server stopped ${crashes.length} times within ${Math.round(windowMs / 60000)} minutes; it is not restarted again.`;
        const notice = toldGaveUp ? undefined : `${log} Run "Plan: Restart Language Server" to try again, and see "Plan: Show Output" for the cause.`;
        toldGaveUp = true;
        return { restart: false, log, notice };
      }
      const log = `The ${name} language server stopped unexpectedly; restarting it (${crashes.length} of ${maxRestarts} restarts allowed within ${Math.round(windowMs / 60000)} minutes).`;
      const notice = toldRestarted ? undefined : `The ${name} language server stopped unexpectedly and was restarted. See "Plan: Show Output" for the cause.`;
      toldRestarted = true;
      return { restart: true, log, notice };
    },
    reset() {
      crashes.length = 0;
      toldGaveUp = false;
    },
  };
}
