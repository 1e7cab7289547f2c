import * as assert from 'assert';
import fc from 'fast-check';
import { readActualsCsv, type ActualRow, type ActualsProblem } from '../../../server/src/core/analysis/actuals/csv';
import { parseCellNumber } from '../../../server/src/core/analysis/actuals/number';
import { kpiProgress } from '../../../server/src/core/analysis/actuals/progress';
import { parsePeriod } from '../../../server/src/core/analysis/calendar';

const KNOWN = new Set(['revenue', 'leads', 'cac']);

const validPeriod = fc.oneof(
  fc.integer({ min: 1990, max: 2040 }).map(String),
  fc.tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 4 }), fc.boolean()).map(([y, q, lower]) => `${y}-${lower ? 'q' : 'Q'}${q}`),
  fc.tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
// Text a spreadsheet might hold, quotes and separators included, but no line breaks.
const junk = fc.string({ unit: fc.constantFrom('a', 'Q', '1', '2', '-', '.', ',', ';', '"', ' ', '=', '|', "'", 'é', '\t'), maxLength: 8 });
const value = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((n) => String(n)),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  junk,
);
const row = fc.record({
  kpi: fc.constantFrom('revenue', 'leads', 'cac', 'unknown-kpi', ' leads '),
  period: fc.oneof(validPeriod, validPeriod, junk),
  value,
  note: fc.string({ unit: fc.constantFrom('x', ',', ';', '"', '\n', '\r\n', '\r', ' '), maxLength: 6 }),
  blankBefore: fc.nat(2),
});
const file = fc.record({
  rows: fc.array(row, { maxLength: 25 }),
  delimiter: fc.constantFrom(',', ';'),
  eol: fc.constantFrom('\n', '\r\n'),
  order: fc.shuffledSubarray(['kpi', 'period', 'value', 'note'] as const, { minLength: 4, maxLength: 4 }),
  bom: fc.boolean(),
  headerCase: fc.constantFrom('lower', 'upper'),
});

function quote(field: string, delimiter: string): string {
  return /["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replace(/"/g, '""')}"` : field;
}

describe('analysis: actuals fuzz', () => {
  it('reads back every row written, each at its line, or reports it there', () => {
    fc.assert(
      fc.property(file, ({ rows, delimiter, eol, order, bom, headerCase }) => {
        const decimal = delimiter === ';' ? ',' : '.';
        const header = order.map((name) => (headerCase === 'upper' ? name.toUpperCase() : name)).join(delimiter);
        let text = (bom ? '\uFEFF' : '') + header + eol;
        let line = 2;
        const expectedRows: Omit<ActualRow, 'date'>[] = [];
        const expectedProblems: Pick<ActualsProblem, 'kind' | 'line'>[] = [];
        const seen = new Set<string>();
        for (const generated of rows) {
          text += eol.repeat(generated.blankBefore);
          line += generated.blankBefore;
          // A semicolon file writes numbers with a decimal comma.
          const written = { ...generated, value: delimiter === ';' && /^-?\d+(\.\d+)?(e[+-]\d+)?$/.test(generated.value) ? generated.value.replace('.', ',') : generated.value };
          text += order.map((name) => quote(written[name], delimiter)).join(delimiter) + eol;
          const kpi = generated.kpi.trim();
          const period = parsePeriod(written.period.trim());
          const number = parseCellNumber(written.value, decimal);
          if (written.period.trim() === '') expectedProblems.push({ kind: 'malformed', line });
          else if (written.value.trim() !== '') {
            const kinds: ActualsProblem['kind'][] = [];
            if (!KNOWN.has(kpi)) kinds.push('unknown-kpi');
            if (period === undefined) kinds.push('bad-period');
            if (number === undefined) kinds.push('not-a-number');
            if (kinds.length === 0 && seen.has(`${kpi} ${period?.period}`)) kinds.push('duplicate-period');
            if (kinds.length > 0) kinds.forEach((kind) => expectedProblems.push({ kind, line }));
            else if (period !== undefined && number !== undefined) {
              seen.add(`${kpi} ${period.period}`);
              expectedRows.push({ kpi, period: period.period, value: number, line });
            }
          }
          // A written number is the number generated.
          if (/^-?\d+(\.\d+)?(e[+-]\d+)?$/.test(generated.value)) assert.strictEqual(number, Number(generated.value), `${written.value}`);
          line += 1 + (written.note.match(/\r\n|\r|\n/g)?.length ?? 0);
        }
        const result = readActualsCsv(text, { knownKpis: KNOWN });
        assert.deepStrictEqual(result.rows.map(({ date: _, ...rest }) => rest), expectedRows);
        assert.deepStrictEqual(result.problems.map(({ kind, line: at }) => ({ kind, line: at })), expectedProblems);
        assert.strictEqual(result.delimiter, delimiter);
      }),
      { seed: 20260101, numRuns: 300 },
    );
  });

  it('never throws on any text, and points only at lines that exist', () => {
    const text = fc.string({ unit: fc.constantFrom('k', 'p', 'v', 'kpi', 'period', 'value', ',', ';', '"', '\n', '\r', ' ', '1', '.', '2026', '-Q1', '-03', '\uFEFF'), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 5 }), (csv, maxRows) => {
        const result = readActualsCsv(csv, { maxRows });
        const lines = (csv.startsWith('\uFEFF') ? csv.slice(1) : csv).split(/\r\n|\r|\n/).length;
        for (const item of [...result.rows, ...result.problems]) assert.ok(item.line >= 1 && item.line <= lines, `line ${item.line} of ${lines}`);
        assert.ok(result.rows.every((r) => Number.isFinite(r.value) && Number.isInteger(r.date)));
        assert.ok(result.rows.length <= maxRows);
        assert.ok(result.problems.filter((p) => p.kind === 'truncated' || p.kind === 'missing-header').length <= 1);
        for (let i = 1; i < result.rows.length; i++) assert.ok(result.rows[i].line > result.rows[i - 1].line);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('progress: a status for any inputs, and a higher actual never judged worse', () => {
    const rank = { 'off-track': 0, 'at-risk': 1, 'on-track': 2 } as const;
    const number = fc.integer({ min: -1000, max: 1000 });
    fc.assert(
      fc.property(number, number, fc.constantFrom('increase', 'decrease' as const), fc.integer({ min: 1, max: 730 }), fc.integer({ min: -50, max: 800 }), fc.array(fc.record({ date: fc.integer({ min: -100, max: 900 }), value: number }), { maxLength: 6 }), fc.nat(500),
        (baseline, target, direction, length, today, actuals, raise) => {
          const inputs = { baseline, target, direction, actuals, period: { start: 0, end: length }, today } as const;
          const result = kpiProgress(inputs);
          assert.ok(result.computable);
          for (const n of [result.progress, result.expected, result.expectedValue]) assert.ok(n === undefined || Number.isFinite(n));
          if (result.latest === undefined) return assert.strictEqual(result.status, 'no-actuals');
          if (result.status === 'quiet' || result.status === 'no-actuals') return;
          // Moving the latest actual towards the target (up when target ≥ baseline) cannot make it worse.
          const towards = target > baseline || (target === baseline && direction === 'increase') ? raise : -raise;
          const moved = kpiProgress({ ...inputs, actuals: inputs.actuals.map((a) => (a === result.latest ? { ...a, value: a.value + towards } : a)) });
          assert.ok(moved.computable && moved.status !== 'quiet' && moved.status !== 'no-actuals');
          assert.ok(rank[moved.status] >= rank[result.status], `${result.status} became ${moved.status}`);
        }),
      { seed: 99, numRuns: 500 },
    );
  });
});
