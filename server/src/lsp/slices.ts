import type { Steps } from '../core/base/steps';

/** Work runs at most about this long before the server reads its messages again. */
export const SLICE_MS = 8;

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
