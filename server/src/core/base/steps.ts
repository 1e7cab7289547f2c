/**
 * Long work done in steps: a generator that yields between them, so that a caller with other
 * things to do (the language server, with requests waiting) can pause there or drop the work.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
