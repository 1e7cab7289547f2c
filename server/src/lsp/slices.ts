import type { Steps } from '../core/base/steps';

/** Work runs at most about this long before the server reads its messages again. */
export const SLICE_MS = 2;

/**
 * Runs work in steps, letting the event loop turn (requests waiting, newer edits) once a slice
 * of `SLICE_MS` is used up. At each pause `stale()` is asked; work gone stale is dropped and
 * the result is undefined.
 */
export async function runInSlices<T>(steps: Steps<T>, stale: () => boolean, now: () => number = () => performance.now()): Promise<T | undefined> {
  let sliceStart = now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (now() - sliceStart < SLICE_MS) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (stale()) {
      steps.return(undefined as T);
      return undefined;
    }
    sliceStart = now();
  }
}

/**
 * Runs background work (the warm-up, indexing the workspace) in steps, a slice of `SLICE_MS` at
 * a time, each next slice once `idle()` resolves: the checks of open plans go first.
 */
export async function runWhenIdle(steps: Iterator<unknown>, idle: () => Promise<void>): Promise<void> {
  let sliceStart = performance.now();
  while (!steps.next().done) {
    if (performance.now() - sliceStart < SLICE_MS) continue;
    await new Promise((resolve) => setImmediate(resolve));
    await idle();
    sliceStart = performance.now();
  }
}
