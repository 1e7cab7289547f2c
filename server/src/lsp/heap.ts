/** Open plan text (characters, all plans together) above which the heap grows by half at most before V8 collects. */
export const LARGE_OPEN_PLANS = 2_000_000;

/** V8's heap growing factor while large plans are open; 0 is V8's own, which adapts to how fast the program allocates. */
const CAPPED = '--heap-growing-percent=50';
const ADAPTIVE = '--heap-growing-percent=0';

interface OpenDocuments {
  all(): readonly { getText(): string }[];
  onDidOpen(listener: () => void): unknown;
  onDidChangeContent(listener: () => void): unknown;
  onDidClose(listener: () => void): unknown;
}

/**
 * V8 lets the heap of a program that allocates fast grow to several times what it keeps alive
 * before it collects: a keystroke in a 100,000-line plan allocates tens of megabytes, most of it
 * garbage once the next one comes, and the server peaked at 500 MiB while holding about 100.
 * Growing by half at most keeps it near 320 MiB, for more frequent collections, which cost a
 * 20,000-line plan's keystrokes 10–20 ms at the slowest quarter (docs/performance.md): so the
 * heap is capped only while that much plan text is open.
 */
export function capHeapGrowthWhileLarge(documents: OpenDocuments, setFlags: (flags: string) => void): void {
  let capped = false;
  const update = () => {
    let open = 0;
    for (const document of documents.all()) open += document.getText().length;
    const large = open > LARGE_OPEN_PLANS;
    if (large === capped) return;
    capped = large;
    setFlags(large ? CAPPED : ADAPTIVE);
  };
  documents.onDidOpen(update);
  documents.onDidChangeContent(update);
  documents.onDidClose(update);
}
