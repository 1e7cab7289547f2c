/** Longest a request waits for a check before it is answered anyway. */
const SETTLE_TIMEOUT_MS = 1000;

/** Background work waits until the input has been quiet this long: the rest of a message being read comes first. */
const INPUT_QUIET_MS = 2;

/**
 * Which open plans have a check scheduled or running. Requests that can wait (outline, folding,
 * code lens, inlay hints, semantic tokens) let the check of the current version go first: on a
 * large plan they would otherwise each hold up the diagnostics the user waits for, and once it
 * is done they are answered from its parse.
 */
export class CheckTracker {
  private readonly pending = new Set<string>();
  private readonly waiters = new Map<string, (() => void)[]>();
  private idleWaiters: (() => void)[] = [];
  private lastInput = -Infinity;

  /**
   * Bytes of a message arrived. A large message (a plan opened) comes in many chunks, each read
   * between two slices of background work: without a pause for them, the warm-up or the indexing
   * would add a slice to each chunk, and the plan's first check would wait for all of them.
   */
  input(now = performance.now()): void {
    this.lastInput = now;
  }

  /** A check of `uri` is scheduled or running. */
  started(uri: string): void {
    this.pending.add(uri);
  }

  /** The checks of `uri` are done (or the plan was closed). */
  finished(uri: string): void {
    this.pending.delete(uri);
    for (const resolve of this.waiters.get(uri) ?? []) resolve();
    this.waiters.delete(uri);
    if (this.pending.size > 0) return;
    const idle = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of idle) resolve();
  }

  /**
   * Resolves when no plan has a check pending and no message is being read (work in the
   * background goes after them), or after `SETTLE_TIMEOUT_MS`.
   */
  idle(): Promise<void> {
    if (performance.now() - this.lastInput < INPUT_QUIET_MS) return new Promise((resolve) => setTimeout(resolve, INPUT_QUIET_MS)).then(() => this.idle());
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, SETTLE_TIMEOUT_MS);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Resolves when `uri` has no check pending, or after `SETTLE_TIMEOUT_MS`. */
  settled(uri: string): Promise<void> {
    if (!this.pending.has(uri)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, SETTLE_TIMEOUT_MS);
      const list = this.waiters.get(uri) ?? [];
      list.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.waiters.set(uri, list);
    });
  }
}
