/**
 * The preview's decisions that do not need VS Code, kept apart so that they can be unit-tested:
 * debouncing, dropping stale renders, titles, and which plan a preview shows.
 */
import { formatMessage, type Locale } from '../../../shared/preview';

/** The preview renders this long after the last keystroke. */
export const RENDER_DEBOUNCE_MS = 150;

/** Runs the last scheduled function once no other has been scheduled for `delay` ms. */
export class Debouncer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly delay: number) {}

  schedule(run: () => void): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      run();
    }, this.delay);
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * Tickets for asynchronous renders: a result is used only if no later render was started,
 * so that a slow answer for an older version never replaces a newer one.
 */
export class LatestOnly {
  private last = 0;
  next(): number {
    return ++this.last;
  }
  isLatest(ticket: number): boolean {
    return ticket === this.last;
  }
}

/** Whether a path or URI names a plan file. */
export function isPlanPath(path: string): boolean {
  return /\.plan\.ya?ml$/i.test(path);
}

/** The preview tab's title: "Preview marketing.plan.yaml", marked when locked. */
export function previewTitle(locale: Locale, fileName: string, locked: boolean): string {
  return formatMessage(locale, locked ? 'render.preview.lockedTitle' : 'render.preview.title', { name: fileName });
}

/** The last path segment of a URI or path. */
export function baseName(path: string): string {
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * A source line from the webview, made a valid editor line. The webview sends fractions (how far
 * the top is into a block); a hair below the next line, from sub-pixel positions, counts as it.
 */
export function editorLine(line: number, lineCount: number): number {
  if (!Number.isFinite(line)) return 0;
  return Math.max(0, Math.min(lineCount - 1, Math.floor(line + 0.05)));
}
