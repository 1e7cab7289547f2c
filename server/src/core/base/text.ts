/** Text utilities shared by the core: edit distance and line/column arithmetic. */

/**
 * The edit distance between two strings; with `max`, any distance above it comes back as
 * `max + 1`, which lets the comparison stop as soon as a row of the table exceeds it.
 */
export function levenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length * 2 + 1), new Int32Array(b.length * 2 + 1)];
  let [previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1);
      const insertion = current[j - 1] + 1;
      const deletion = previous[j] + 1;
      const cell = substitution < insertion ? (substitution < deletion ? substitution : deletion) : insertion < deletion ? insertion : deletion;
      current[j] = cell;
      if (cell < rowMinimum) rowMinimum = cell;
    }
    if (rowMinimum > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], max + 1);
}

/** The two rows of `levenshtein`'s table, kept between calls (typo suggestions compare thousands of ids). */
let rows = [new Int32Array(64), new Int32Array(64)];

/** The candidate nearest to `word`, if it is near enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  const wordCounts = characterCounts(lower);
  const difference = new Int32Array(CHARACTER_BUCKETS);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const other = candidate.toLowerCase();
    // Only a strictly nearer candidate matters: the first of equals wins.
    const bound = bestDistance - 1;
    if (Math.abs(other.length - lower.length) > bound) continue;
    // Half the characters the two do not share is a lower bound of their distance, and far cheaper.
    // Counted as the candidate's characters are taken off the word's: each one either matches a
    // character of the word not yet matched or is one more unshared.
    difference.set(wordCounts);
    let unshared = lower.length;
    for (let i = 0; i < other.length; i++) {
      const bucket = bucketOf(other.charCodeAt(i));
      unshared += difference[bucket] > 0 ? -1 : 1;
      difference[bucket]--;
    }
    if (Math.ceil(unshared / 2) > bound) continue;
    const distance = levenshtein(lower, other, bound);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Character counts in buckets: ASCII one by one, everything else shared (still a lower bound). */
const CHARACTER_BUCKETS = 128;

function bucketOf(code: number): number {
  return code < CHARACTER_BUCKETS - 1 ? code : CHARACTER_BUCKETS - 1;
}

function characterCounts(text: string): Int32Array {
  const counts = new Int32Array(CHARACTER_BUCKETS);
  for (let i = 0; i < text.length; i++) counts[bucketOf(text.charCodeAt(i))]++;
  return counts;
}

/** Maps offsets to zero-based lines and UTF-16 columns and back. */
export class LineIndex {
  /** Where each line starts; typed, so that an edit of a plan of 100,000 lines copies them as one block. */
  private readonly starts: Int32Array;
  constructor(
    private readonly text: string,
    starts?: Int32Array,
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    const found = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) found.push(i + 1);
    this.starts = Int32Array.from(found);
  }

  /**
   * The index of `text`, an edit of this index's text that left its first `prefix` and last
   * `suffix` characters as they were (`sharedEnds`): only the edited middle is searched for lines.
   */
  edited(text: string, prefix: number, suffix: number): LineIndex {
    const old = this.starts;
    const delta = text.length - this.text.length;
    const oldSuffixStart = this.text.length - suffix;
    // The lines that start up to the edit are kept; those that start after what it replaced move by `delta`.
    const kept = this.lineOf(prefix) + 1;
    const added: number[] = [];
    for (let at = text.indexOf('\n', prefix); at !== -1 && at < text.length - suffix; at = text.indexOf('\n', at + 1)) added.push(at + 1);
    let moved = kept;
    while (moved < old.length && old[moved] <= oldSuffixStart) moved++;
    const starts = new Int32Array(kept + added.length + old.length - moved);
    starts.set(old.subarray(0, kept));
    starts.set(added, kept);
    for (let from = moved, to = kept + added.length; from < old.length; from++, to++) starts[to] = old[from] + delta;
    return new LineIndex(text, starts);
  }
  get lineCount(): number {
    return this.starts.length;
  }
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
  position(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.starts[line] };
  }
  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const lineEnd = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return Math.min(this.starts[line] + Math.max(0, character), lineEnd);
  }
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }
}

/** The end of `text[start, end)` without its trailing white space (block collections end after a newline). */
export function contentEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1])) at--;
  return at;
}

/** One line of at most `max` characters: white space collapsed, cut at a word with an ellipsis. */
export function shorten(value: string, max = 60): string {
  const line = value.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** Characters compared at once while looking for where two texts part (a comparison of slices, not of characters one by one). */
const BLOCK = 4096;

/**
 * How many characters two texts share at the start, and at the end after that: what an edit
 * left as it was. The ends never overlap.
 */
export function sharedEnds(before: string, after: string): { prefix: number; suffix: number } {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix + BLOCK <= shorter && before.slice(prefix, prefix + BLOCK) === after.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const room = shorter - prefix;
  let suffix = 0;
  while (suffix + BLOCK <= room && before.slice(before.length - suffix - BLOCK, before.length - suffix) === after.slice(after.length - suffix - BLOCK, after.length - suffix)) suffix += BLOCK;
  while (suffix < room && before.charCodeAt(before.length - suffix - 1) === after.charCodeAt(after.length - suffix - 1)) suffix++;
  return { prefix, suffix };
}
