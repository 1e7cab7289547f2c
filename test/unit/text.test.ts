import * as assert from 'assert';
import fc from 'fast-check';
import { closest, levenshtein, LineIndex, sharedEnds } from '../../server/src/core/base/text';
import { parseDate } from '../../server/src/core/model/model';

/** The textbook table, unbounded: what the bounded version must agree with. */
function referenceDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) table[i][j] = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return table[a.length][b.length];
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-', 'é'), maxLength: 12 });

describe('edit distance', () => {
  it('matches the textbook table', () => {
    fc.assert(fc.property(word, word, (a, b) => levenshtein(a, b) === referenceDistance(a, b)), { seed: 7, numRuns: 500 });
  });

  it('matches it for long strings too, after short ones (its rows are kept and grown between calls)', () => {
    const long = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-', 'é'), minLength: 60, maxLength: 300 });
    fc.assert(fc.property(word, word, long, long, (a, b, c, d) => levenshtein(a, b) === referenceDistance(a, b) && levenshtein(c, d) === referenceDistance(c, d) && levenshtein(d, a) === referenceDistance(d, a)), { seed: 13, numRuns: 60 });
  });

  it('with a bound, is exact up to it and bound + 1 beyond', () => {
    fc.assert(
      fc.property(word, word, fc.nat(6), (a, b, max) => levenshtein(a, b, max) === Math.min(referenceDistance(a, b), max + 1)),
      { seed: 11, numRuns: 1000 },
    );
  });

  it('suggests the first nearest candidate within a third of the word', () => {
    assert.strictEqual(closest('qualifed-leads', ['pipeline', 'qualified-leads', 'qualified-lead']), 'qualified-leads');
    assert.strictEqual(closest('abcdef', ['abcdxy', 'abcdyx']), 'abcdxy');
    assert.strictEqual(closest('Email', ['email']), 'email');
    assert.strictEqual(closest('budget', ['channels', 'personas']), undefined);
    assert.strictEqual(closest('goals', ['goals']), undefined);
  });

  it('suggests what a search of every candidate would', () => {
    const naive = (target: string, candidates: string[]) => {
      const limit = Math.max(2, Math.floor(target.length / 3));
      let best: string | undefined;
      let bestDistance = Infinity;
      for (const candidate of candidates) {
        if (candidate === target) continue;
        const distance = referenceDistance(target.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
      }
      return bestDistance <= limit ? best : undefined;
    };
    fc.assert(fc.property(word, fc.array(word, { maxLength: 8 }), (target, candidates) => closest(target, candidates) === naive(target, candidates)), { seed: 3, numRuns: 1000 });
  });
});

describe('dates as days since the epoch', () => {
  /** What `Date` makes of a `YYYY-MM-DD` text: the reference the digit-by-digit reading is held to. */
  function byDate(value: string): number | undefined {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return undefined;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
    return date.getTime() / 86_400_000;
  }

  it('reads every date as Date does, and rejects what Date rejects', () => {
    const pad = (value: number, width: number) => String(value).padStart(width, '0');
    const text = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
      fc.constantFrom('2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2026-04-31', '2026-12-31', '0099-12-31', '0100-01-01', '1970-01-01', '2026-1-01', '2026/01/01', '2026-01-01 ', '٢٠٢٦-01-01', '2026-0a-01', ''),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(fc.property(text, (value) => assert.strictEqual(parseDate(value), byDate(value), value)), { numRuns: 5000 });
    assert.strictEqual(parseDate('1970-01-02'), 1);
    assert.strictEqual(parseDate(20260101), undefined);
  });
});

describe('a line index after an edit', () => {
  it('is the index of the edited text, found from the edit alone', () => {
    const text = fc.array(fc.constantFrom('a', 'b', '\n', '\r\n', 'é', '📈', '  - id: x\n'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(8), text, (before, at, removed, inserted) => {
        const start = at % (before.length + 1);
        const after = before.slice(0, start) + inserted + before.slice(start + removed);
        const { prefix, suffix } = sharedEnds(before, after);
        const edited = new LineIndex(before).edited(after, prefix, suffix);
        const fresh = new LineIndex(after);
        assert.strictEqual(edited.lineCount, fresh.lineCount);
        for (let offset = 0; offset <= after.length; offset++) assert.deepStrictEqual(edited.position(offset), fresh.position(offset), `offset ${offset}`);
      }),
      { numRuns: 2000 },
    );
  });
});
