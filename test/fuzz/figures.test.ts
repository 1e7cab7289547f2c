/**
 * Property-based tests of the plan's figures through the whole check: sales plans with random
 * forecast histories (numbers of every size and sign, text, missing rows, any period, any
 * granularity), random team quotas and unit-economics targets, a random aligned marketing plan,
 * and a random actuals CSV (any separator, BOM, line ends, quotes, formulas, junk), checked by
 * `service.check` on an in-memory host. Nothing throws, no rule fails (`plan/internal-error`),
 * every finding lies inside the text. A fixed-seed budget in `npm test`; `npm run fuzz` runs more.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { diskService, memoryService } from '../helpers';
import { runs, SEED } from './arbitraries';
import { inside } from './properties';

const PLAN = '/plans/sales.plan.yaml';
const CSV = '/plans/actuals.csv';
const MARKETING = '/plans/marketing.plan.yaml';
const KPIS = ['revenue', 'leads', 'conversion', 'deal-size', 'cac', 'clv', 'arpa', 'margin'];

/** A number a plan might hold: ordinary, zero, negative, tiny, astronomically large, or not a number at all. */
const amount: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, -250000, 0.5, 1e-300, 1e15, 1e16, 1e300, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) },
  { weight: 1, arbitrary: fc.constantFrom('abc', '1,000', '', null, true, [1], { x: 1 }) },
  { weight: 1, arbitrary: fc.double() },
);

/** A forecast period: consecutive quarters or months or years most of the time, else anything. */
const periodLabel = (granularity: 'year' | 'quarter' | 'month', ordinal: number): string | number => {
  if (granularity === 'year') return ordinal;
  const m = granularity === 'quarter' ? 4 : 12;
  const year = Math.floor(ordinal / m);
  const position = (ordinal % m) + 1;
  return granularity === 'quarter' ? `${year}-Q${position}` : `${year}-${String(position).padStart(2, '0')}`;
};

const oddPeriod: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('2025-Q5', '2025-13', '2025-00', 'Q1 2025', '2025-q3', '2025-H1', '', null, 0, 99999, -2025, '9999-12', '0000-Q1', '2026-Q1', '2026-06', 2026, 2027),
  fc.string({ maxLength: 10 }),
);

const history: fc.Arbitrary<unknown[]> = fc
  .record({
    granularity: fc.constantFrom('year' as const, 'quarter' as const, 'month' as const),
    // Ending around the plan's start (2026), sometimes inside it, sometimes a century before.
    end: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 2022, max: 2025 }) }, { weight: 1, arbitrary: fc.integer({ min: 1900, max: 2027 }) }),
    length: fc.oneof(fc.constantFrom(0, 1, 2, 3, 9, 10, 23, 24), fc.integer({ min: 0, max: 60 })),
    values: fc.array(amount, { minLength: 60, maxLength: 60 }),
    trend: fc.integer({ min: -20000, max: 50000 }),
    season: fc.array(fc.integer({ min: -100000, max: 100000 }), { minLength: 12, maxLength: 12 }),
    // Most histories are made of good numbers (so that models get fitted), the rest of anything.
    clean: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    mutations: fc.oneof(fc.constant([]), fc.array(fc.record({ at: fc.nat(), what: fc.constantFrom('drop', 'swap', 'duplicate', 'period', 'revenue') as fc.Arbitrary<string>, period: oddPeriod, revenue: amount }), { maxLength: 3 })),
  })
  .map(({ granularity, end, length, values, trend, season, clean, mutations }) => {
    const m = granularity === 'year' ? 1 : granularity === 'quarter' ? 4 : 12;
    const last = end * m + m - 1;
    const rows: Record<string, unknown>[] = Array.from({ length }, (_, index) => {
      const ordinal = last - length + 1 + index;
      const revenue = clean ? Math.max(0, 500000 + trend * index + season[ordinal % 12]) : values[index];
      return { period: periodLabel(granularity, ordinal), revenue };
    });
    for (const mutation of mutations) {
      if (rows.length === 0) break;
      const at = mutation.at % rows.length;
      if (mutation.what === 'drop') rows.splice(at, 1);
      else if (mutation.what === 'swap' && rows.length > 1) [rows[at], rows[(at + 1) % rows.length]] = [rows[(at + 1) % rows.length], rows[at]];
      else if (mutation.what === 'duplicate') rows.splice(at, 0, { ...rows[at] });
      else if (mutation.what === 'period') rows[at] = { ...rows[at], period: mutation.period };
      else rows[at] = { ...rows[at], revenue: mutation.revenue };
    }
    return rows;
  });

/** One cell of the CSV: usually fine, sometimes quoted, a formula, junk or empty. */
const cell = (usual: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 8, arbitrary: usual },
    { weight: 1, arbitrary: usual.map((text) => `"${text.replace(/"/g, '""')}"`) },
    { weight: 1, arbitrary: fc.constantFrom("=cmd|' /C calc'!A0", '@SUM(A1:A9)', '+1', '-1', '=1+1', '"unclosed', '""', '1e400', 'NaN', '1.234,5', '1,234.5', '12 %', '', ' ') },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );

const csvText: fc.Arbitrary<string> = fc
  .record({
    separator: fc.constantFrom(',', ';', '\t'),
    lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    header: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('kpi,period,value', 'KPI,Period,Value', 'value,kpi,period') }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }),
    rows: fc.array(
      fc.tuple(
        cell(fc.constantFrom(...KPIS, 'unknown-kpi')),
        cell(fc.oneof(fc.constantFrom('2026-01', '2026-03', '2026-06', '2026-Q1', '2026-Q2', '2026', '2026-06-30', '2026-13', '2025-12', '2027-01'), fc.integer({ min: 1, max: 12 }).map((month) => `2026-${String(month).padStart(2, '0')}`))),
        cell(fc.oneof(fc.integer({ min: -1000, max: 3_000_000 }).map(String), fc.double({ noNaN: true }).map(String), fc.constantFrom('12,5', '0', '-0'))),
      ),
      { maxLength: 40 },
    ),
    tail: fc.oneof(fc.constant(''), fc.string({ maxLength: 30 })),
  })
  .map(({ separator, lineEnd, bom, header, rows, tail }) => {
    const head = separator === ',' ? header : header.replace(/,/g, separator);
    const lines = [head, ...rows.map((row) => row.join(separator))];
    return `${bom ? '\uFEFF' : ''}${lines.join(lineEnd)}${lineEnd}${tail}`;
  });

const kpi = (id: string, metric: string, unit: string | undefined, baseline: unknown, target: unknown) => ({ id, name: id, metric, ...(unit ? { unit } : {}), baseline, target, frequency: 'monthly', source: 'CRM' });

const plans = fc.record({
  period: fc.constantFrom({ start: '2026-01-01', end: '2026-12-31' }, { start: '2026-04-01', end: '2026-09-30' }, { start: '2026-01-01', end: '2028-12-31' }, { start: '2026-12-31', end: '2026-01-01' }, { start: '2026-01-01', end: '2126-12-31' }),
  method: fc.constantFrom('linear', 'seasonal', 'auto', 'manual', 'arima', undefined),
  history,
  projections: fc.array(fc.record({ period: fc.oneof(fc.constantFrom('2026-Q1', '2026-Q2', '2026', '2026-07', '2027-Q1'), oddPeriod), revenue: amount }), { maxLength: 5 }),
  targets: fc.array(amount, { minLength: 16, maxLength: 16 }),
  team: fc.array(fc.record({ id: fc.constantFrom('ae', 'sdr', 'lead'), role: fc.constantFrom('Account executive', 'SDR'), count: amount, quota: fc.option(amount, { nil: undefined }) }), { maxLength: 4 }),
  currency: fc.constantFrom('EUR', 'RON', undefined),
  marketing: fc.option(fc.record({ currency: fc.constantFrom('EUR', 'RON', 'USD'), leads: amount, period: fc.constantFrom({ start: '2026-01-01', end: '2026-12-31' }, { start: '2030-01-01', end: '2030-12-31' }) }), { nil: undefined }),
  actuals: fc.option(csvText, { nil: undefined }),
  actualsName: fc.constantFrom('actuals.csv', '../outside.csv', 'missing.csv'),
  today: fc.constantFrom('2026-07-15', '2026-01-02', '2025-06-01', '2027-03-01', undefined),
});

describe('fuzz: the plan\'s figures through the check', function () {
  this.timeout(process.env.FUZZ_RUNS ? 0 : 120000);

  it(`sales plans with random histories, quotas, targets, aligned plans and actuals CSV (${runs(300)} cases, seed ${SEED})`, () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const t = plan.targets;
        const data = {
          kind: 'sales',
          title: 'Fuzz',
          period: plan.period,
          ...(plan.currency ? { currency: plan.currency } : {}),
          ...(plan.marketing ? { alignsWith: ['marketing.plan.yaml'] } : {}),
          ...(plan.actuals !== undefined ? { actuals: plan.actualsName } : {}),
          kpis: [
            kpi('revenue', 'revenue', undefined, t[0], t[1]),
            kpi('conversion', 'conversion-rate', undefined, t[2], t[3]),
            kpi('deal-size', 'average-deal-size', undefined, t[4], t[5]),
            kpi('cac', 'customer-acquisition-cost', undefined, t[6], t[7]),
            kpi('clv', 'customer-lifetime-value', undefined, t[8], t[9]),
            kpi('arpa', 'revenue-per-account', undefined, t[10], t[11]),
            kpi('margin', 'gross-margin', undefined, t[12], t[13]),
            kpi('leads', 'leads', undefined, t[14], t[15]),
          ],
          goals: [{ id: 'revenue-goal', statement: 'Reach the revenue target with 40 new accounts', kpi: 'revenue', target: t[1], deadline: '2026-12-31', owner: 'Ana' }],
          team: plan.team.map((role, index) => ({ ...role, id: `${role.id}-${index}` })),
          forecast: { ...(plan.method ? { method: plan.method } : {}), history: plan.history, projections: plan.projections },
        };
        const text = stringify(data);
        const files: Record<string, string> = {};
        if (plan.actuals !== undefined) files[CSV] = plan.actuals;
        if (plan.marketing) {
          files[MARKETING] = stringify({
            kind: 'marketing',
            title: 'Fuzz marketing',
            period: plan.marketing.period,
            currency: plan.marketing.currency,
            alignsWith: ['sales.plan.yaml'],
            kpis: [kpi('leads', 'leads', undefined, 100, plan.marketing.leads)],
          });
        }
        const checked = memoryService(files).check(text, PLAN, { today: plan.today, editorLocale: 'en' });
        for (const finding of checked.findings) {
          assert.notStrictEqual(finding.ruleId, 'plan/internal-error', finding.message);
          inside(`${finding.ruleId} finding`, finding.start, finding.end, text.length);
          // No placeholder left, no number gone wrong (outside the cells and values quoted from the plan or the file).
          const own = finding.message.replace(/(`+)(?!`).*?(?<!`)\1(?!`)|"[^"]*"/g, '');
          assert.ok(own.length > 0 && !/\{\w+\}/.test(own), `${finding.ruleId}: ${finding.message}`);
          // The schema quotes the plan's own values; the figures' rules only numbers they computed.
          if (!finding.ruleId.startsWith('schema/')) assert.ok(!/NaN|undefined|Infinity/.test(own), `${finding.ruleId}: ${finding.message}`);
        }
        // The forecast, when made, is finite and ordered.
        const outcome = checked.figures.forecast?.outcome;
        if (outcome?.ok) {
          for (const point of [...outcome.points, outcome.total]) {
            assert.ok([point.lower95, point.lower80, point.forecast, point.upper80, point.upper95].every(Number.isFinite), JSON.stringify(point));
            assert.ok(point.lower95 <= point.lower80 && point.lower80 <= point.forecast && point.forecast <= point.upper80 && point.upper80 <= point.upper95, JSON.stringify(point));
          }
        }
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  describe('the cases the issue names', () => {
    const base = (forecast: string, extra = '') =>
      `kind: sales\ntitle: Bad input\nperiod: { start: 2026-01-01, end: 2026-12-31 }\ncurrency: EUR\n${extra}kpis:\n  - { id: revenue, name: Revenue, metric: revenue, baseline: 100, target: 120, frequency: monthly, source: CRM }\nforecast:\n${forecast}`;
    /** The findings about the figures and the plan's values (the bare plans lack their other sections). */
    const OF_FIGURES = /^(schema|forecast|actuals|kpi\/off-track|economics|align|sales)\//;
    const figureFindings = (text: string, files: Record<string, string> = {}) => memoryService(files).check(text, PLAN, { today: '2026-07-15' }).findings.filter((finding) => OF_FIGURES.test(finding.ruleId));
    const ruleIds = (text: string, files: Record<string, string> = {}) => figureFindings(text, files).map((finding) => finding.ruleId);

    it('history values that are not amounts: a finding each, no forecast', () => {
      const text = base('  method: linear\n  history:\n    - { period: 2023, revenue: abc }\n    - { period: 2024, revenue: -5 }\n    - { period: 2025, revenue: 1e300 }\n');
      const ids = ruleIds(text);
      assert.ok(ids.includes('schema/type') && ids.includes('schema/range') && ids.includes('forecast/history'), ids.join(', '));
    });

    it('zeros, a single period, mixed granularities and gaps: findings, never a crash', () => {
      assert.deepStrictEqual(ruleIds(base('  method: linear\n  history:\n    - { period: 2023, revenue: 0 }\n    - { period: 2024, revenue: 0 }\n    - { period: 2025, revenue: 0 }\n')), []);
      assert.deepStrictEqual(ruleIds(base('  method: auto\n  history:\n    - { period: 2025-Q4, revenue: 100 }\n')), ['forecast/history']);
      assert.deepStrictEqual(ruleIds(base('  method: linear\n  history:\n    - { period: 2025-Q2, revenue: 100 }\n    - { period: 2025-11, revenue: 40 }\n    - { period: 2025-12, revenue: 40 }\n')).sort(), ['forecast/periods', 'forecast/periods']);
      assert.deepStrictEqual(ruleIds(base('  method: linear\n  history:\n    - { period: 2021, revenue: 100 }\n    - { period: 2025, revenue: 140 }\n    - { period: 2024, revenue: 130 }\n')).sort(), ['forecast/periods', 'forecast/periods']);
    });

    it('an actuals CSV of 100,000 rows is read to its end', () => {
      const lines = ['kpi,period,value'];
      // Days 1–28 of every month, back from 2026 to the 1720s: 100,000 distinct dates.
      const pad = (n: number) => String(n).padStart(2, '0');
      for (let i = 0; i < 100_000; i++) lines.push(`revenue,${2026 - Math.floor(i / 336)}-${pad((Math.floor(i / 28) % 12) + 1)}-${pad((i % 28) + 1)},${100 + (i % 50)}`);
      const csv = `${lines.join('\n')}\n`;
      const text = base('  method: manual\n', 'actuals: actuals.csv\n');
      // About 2 MB: over the default limit of 2,000,000 characters, so the limit is raised for it.
      const checked = memoryService({ [CSV]: csv }).check(text, PLAN, { today: '2026-07-15', settings: { maxFileSize: 3_000_000 } });
      assert.strictEqual(checked.figures.actuals?.csv.rows.length, 100_000);
      assert.strictEqual(checked.figures.actuals?.progress.get('revenue')?.computable, true);
      assert.ok(!checked.findings.some((finding) => finding.ruleId === 'plan/internal-error'));
    });

    it('a 10 MB actuals file on disk is not read: one finding says it is over the limit', () => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-actuals-'));
      try {
        const row = 'revenue,2026-01,100\n';
        fs.writeFileSync(path.join(folder, 'actuals.csv'), `kpi,period,value\n${row.repeat(Math.ceil(10_000_000 / row.length))}`);
        const file = path.join(folder, 'sales.plan.yaml');
        const text = base('  method: manual\n', 'actuals: actuals.csv\n');
        const findings = diskService().check(text, file, { today: '2026-07-15' }).findings.filter((finding) => finding.ruleId === 'actuals/csv');
        assert.deepStrictEqual(findings.map((finding) => `${finding.ruleId}: ${finding.message}`), ['actuals/csv: The actuals file `actuals.csv` is over the size limit (`maxFileSize`): it was not read.']);
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });

    it('a CSV with a BOM, CRLF, quotes, semicolons and formulas: the good rows read, the bad ones said', () => {
      const csv = '\uFEFFkpi;period;value\r\nrevenue;2026-01;"105,5"\r\nrevenue;2026-02;=cmd|\' /C calc\'!A0\r\n"revenue";"2026-03";110\r\n';
      const checked = memoryService({ [CSV]: csv }).check(base('  method: manual\n', 'actuals: actuals.csv\n'), PLAN, { today: '2026-07-15' });
      assert.deepStrictEqual(checked.figures.actuals?.csv.rows.map((row) => [row.period, row.value]), [['2026-01', 105.5], ['2026-03', 110]]);
      assert.deepStrictEqual(checked.findings.filter((finding) => OF_FIGURES.test(finding.ruleId)).map((finding) => finding.message), ["`actuals.csv`, line 3: `=cmd|' /C calc'!A0` is not a number. The row is left out."]);
    });
  });
});
