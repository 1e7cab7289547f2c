/**
 * When the language server dies, the client restarts it, and tells the user once: the first
 * restart shows a message, later ones are only logged. After `maxRestarts` crashes within
 * `windowMs` it gives up (a server that dies on every start would otherwise loop) and says
 * that once too; the Restart command starts afresh. No VS Code API here, so that it is tested
 * on its own; `extension.ts` maps the decisions to the language client's error handler and
 * passes `vscode.l10n.t` as `t`, which words the messages in VS Code's display language.
 */

/** Words a message (its English text is the key of the l10n bundles) with `{name}` arguments filled in. */
export type Translate = (message: string, args: Record<string, string | number>) => string;

const english: Translate = (message, args) => message.replace(/\{(\w+)\}/g, (whole, name: string) => (args[name] === undefined ? whole : String(args[name])));
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

export function createRestartPolicy(options: { name: string; maxRestarts?: number; windowMs?: number; now?: () => number; t?: Translate }): RestartPolicy {
  const { name, maxRestarts = 4, windowMs = 3 * 60 * 1000, now = Date.now, t = english } = options;
  const crashes: number[] = [];
  let toldRestarted = false;
  let toldGaveUp = false;
  return {
    closed() {
      const time = now();
      crashes.push(time);
      while (crashes.length > 0 && time - crashes[0] > windowMs) crashes.shift();
      if (crashes.length > maxRestarts) {
        const args = { name, count: crashes.length, minutes: Math.round(windowMs / 60000) };
        const log = t('The {name} language server stopped {count} times within {minutes} minutes; it is not restarted again.', args);
        const notice = toldGaveUp ? undefined : t('The {name} language server stopped {count} times within {minutes} minutes; it is not restarted again. Run “Plan: Restart Language Server” to try again, and see “Plan: Show Output” for the cause.', args);
        toldGaveUp = true;
        return { restart: false, log, notice };
      }
      const args = { name, count: crashes.length, max: maxRestarts, minutes: Math.round(windowMs / 60000) };
      const log = t('The {name} language server stopped unexpectedly; restarting it ({count} of {max} restarts allowed within {minutes} minutes).', args);
      const notice = toldRestarted ? undefined : t('The {name} language server stopped unexpectedly and was restarted. See “Plan: Show Output” for the cause.', args);
      toldRestarted = true;
      return { restart: true, log, notice };
    },
    reset() {
      crashes.length = 0;
      toldGaveUp = false;
    },
  };
}
