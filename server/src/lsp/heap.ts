/**
 * How far V8 lets the heap grow before it collects, by the plan text open (characters, all plans
 * together): the most text first. Below them, V8's own growth (0), which adapts to how fast the
 * program allocates.
 */
const HEAP_GROWTH: readonly { above: number; percent: number }[] = [
  { above: 2_000_000, percent: 50 },
  { above: 500_000, percent: 150 },
];
const V8_OWN = 0;

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
 * 20,000-line plan's keystrokes 10–20 ms at the slowest quarter; V8's own growth let that plan
 * peak at 0.71× of yaml-language-server's memory, over the 0.7× allowed, and tripling at most let it
 * peak at 216–255 MiB, up to 0.72×; to two and a half times at most, at 200–206 MiB, with
 * keystrokes as fast (docs/performance.md): the more plan text is open, the tighter the cap.
 */
export function capHeapGrowth(documents: OpenDocuments, setFlags: (flags: string) => void): void {
  let current = V8_OWN;
  const update = () => {
    let open = 0;
    for (const document of documents.all()) open += document.getText().length;
    const percent = HEAP_GROWTH.find((level) => open > level.above)?.percent ?? V8_OWN;
    if (percent === current) return;
    current = percent;
    setFlags(`--heap-growing-percent=${percent}`);
  };
  documents.onDidOpen(update);
  documents.onDidChangeContent(update);
  documents.onDidClose(update);
}

/**
 * The young generation at its full size from its first growth on (V8 starts it at 1 MB and
 * doubles it as objects survive). V8 decides to make a site's objects straight in the old
 * generation (pretenuring: a plan's model lives as long as the plan) only at a collection of a
 * young generation at its full size, and then throws away the optimised code that makes them.
 * Grown by doubling, it reached full size during the first large plan a user opened, which so
 * ran on code thrown away midway and copied its model between young spaces; grown at once, the
 * warm-up (warmup.ts) makes those decisions before any plan opens.
 */
export function growYoungGenerationAtOnce(setFlags: (flags: string) => void): void {
  setFlags('--semi-space-growth-factor=16');
}
