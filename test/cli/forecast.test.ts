import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { diskService, ROOT, yaml } from '../helpers';
import { run } from './run';

/** The examples' date in the scenarios: mid-way through their 2026. */
const TODAY = '2026-07-15';

/** A sales plan with a yearly history that can be checked by hand (see forecast-projections.plan.yaml in the scenarios). */
const BY_HAND = yaml(
  'kind: sales',
  'title: Arhiva Digitală — sales plan 2026',
  'period: { start: 2026-01-01, end: 2026-12-31 }',
  'currency: EUR',
  'kpis:',
  '  - { id: revenue, name: Revenue, metric: revenue, baseline: 18000, target: 21000, frequency: monthly, source: Invoicing }',
  'forecast:',
  '  method: linear',
  '  history:',
  '    - { period: 2021, revenue: 10000 }',
  '    - { period: 2022, revenue: 12000 }',
  '    - { period: 2023, revenue: 15000 }',
  '    - { period: 2024, revenue: 15000 }',
  '    - { period: 2025, revenue: 18000 }',
);

function near(actual: number, expected: number, tolerance = 1e-6): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${actual} is not ${expected}`);
}

describe('plan-as-code forecast', function () {
  this.timeout(20000);
  let folder: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-forecast-'));
    for (const name of ['marketing.plan.yaml', 'sales.plan.yaml', 'actuals-sales.csv']) fs.copyFileSync(path.join(ROOT, 'examples', name), path.join(folder, name));
    fs.writeFileSync(path.join(folder, 'by-hand.plan.yaml'), BY_HAND);
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('prints the JSON contract: the engine\'s forecast of the plan, without `ok`, and the target\'s position', () => {
    const result = run(['forecast', 'sales.plan.yaml', '--format', 'json', '--today', TODAY], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.strictEqual(result.stderr, '');
    const json = JSON.parse(result.stdout);
    assert.deepStrictEqual(Object.keys(json), ['method', 'granularity', 'model', 'fit', 'points', 'total', 'target', 'selection']);
    // The same forecast as the checker's figures, number for number.
    const file = path.join(folder, 'sales.plan.yaml');
    const outcome = diskService().check(fs.readFileSync(file, 'utf8'), file, { today: TODAY }).figures.forecast?.outcome;
    assert.ok(outcome?.ok);
    const { ok, ...engine } = outcome;
    assert.strictEqual(ok, true);
    assert.deepStrictEqual({ ...json, target: undefined }, { ...JSON.parse(JSON.stringify(engine)), target: undefined });
    // The example: sixteen seasonal quarters, `auto` prefers the seasonal model; 4.1 million RON is within the 80 % band.
    assert.strictEqual(json.method, 'seasonal');
    assert.strictEqual(json.granularity, 'quarter');
    assert.strictEqual(json.selection.chosen, 'seasonal');
    assert.ok(json.selection.aicc.seasonal < json.selection.aicc.linear);
    assert.deepStrictEqual(Object.keys(json.model), ['alpha', 'beta', 'gamma', 'level', 'trend', 'season']);
    assert.deepStrictEqual(json.points.map((point: { period: string }) => point.period), ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    for (const point of [...json.points, json.total]) {
      assert.deepStrictEqual(Object.keys(point), ['period', 'forecast', 'lower80', 'upper80', 'lower95', 'upper95']);
      assert.ok(point.lower95 <= point.lower80 && point.lower80 <= point.forecast && point.forecast <= point.upper80 && point.upper80 <= point.upper95);
    }
    assert.strictEqual(json.total.period, '2026');
    assert.deepStrictEqual(json.target, { revenue: 4100000, position: 'best-case' });
    assert.ok(json.total.forecast < 4100000 && 4100000 <= json.total.upper80);
  });

  it('fits a trend that can be checked by hand', () => {
    // 10, 12, 15, 15, 18 (thousand) for t = 1 … 5: slope 19 ÷ 10 = 1.9, intercept 14 − 1.9 × 3 = 8.3,
    // 2026 (t = 6): 8.3 + 1.9 × 6 = 19.7; SSE = 1.9, σ² = 1.9 ÷ 3; band 19.7 ± t(3) × √(σ² × 2.1).
    const result = run(['forecast', 'by-hand.plan.yaml', '--format', 'json'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.deepStrictEqual(Object.keys(json), ['method', 'granularity', 'model', 'fit', 'points', 'total', 'target']);
    assert.strictEqual(json.method, 'linear');
    assert.strictEqual(json.granularity, 'year');
    near(json.model.slope, 1900);
    near(json.model.intercept, 8300);
    near(json.fit.sigma2, 1_900_000 / 3);
    assert.strictEqual(json.points.length, 1);
    assert.strictEqual(json.points[0].period, '2026');
    near(json.points[0].forecast, 19700);
    const se = Math.sqrt((1_900_000 / 3) * 2.1);
    near(json.points[0].upper95 - 19700, 3.182446305284263 * se);
    near(json.points[0].upper80 - 19700, 1.6377443572159062 * se);
    assert.deepStrictEqual(json.total, json.points[0]);
    // 21,000 EUR is above the forecast, within the 80 % band (up to 21,589).
    assert.deepStrictEqual(json.target, { revenue: 21000, position: 'best-case' });
  });

  it('prints a table with the bands, the total, the method, the fit and the target in words', () => {
    const result = run(['forecast', 'sales.plan.yaml', '--today', TODAY], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.strictEqual(lines[0], 'Someș Coffee Roasters — sales plan 2026: revenue forecast (RON)');
    assert.match(lines[2], /^Period\s+Forecast\s+80 % band\s+95 % band$/);
    assert.match(result.stdout, /^2026-Q1\s+[\d,]+\s+[\d,]+ – [\d,]+\s+[\d,]+ – [\d,]+$/m);
    assert.match(result.stdout, /^Total 2026\s+4,067,318\s+3,992,995 – 4,141,640\s+3,953,651 – 4,180,984$/m);
    assert.match(result.stdout, /^Method: seasonal \(additive Holt-Winters, ETS\(A,A,A\)\) over 16 periods of quarterly history: α [\d.]+, β [\d.]+, γ [\d.]+\.$/m);
    assert.match(result.stdout, /^Chosen by `auto`, the lower AICc: linear [\d.,-]+, seasonal [\d.,-]+\.$/m);
    assert.match(result.stdout, /^Fit to the history: MAPE [\d.]+ %, MASE [\d.]+, σ² [\d,]+\.$/m);
    assert.match(result.stdout, /^The revenue target of 4,100,000 RON is a best case: above the forecast of 4,067,318 RON, within the 80 % band \(up to 4,141,640 RON\)\.$/m);
    // The columns line up.
    const rows = lines.filter((line) => /^(2026-Q\d|Total)/.test(line));
    assert.strictEqual(new Set(rows.map((line) => line.length)).size, 1, rows.join('\n'));
  });

  it('fits another model with --method, and says so', () => {
    const result = run(['forecast', 'sales.plan.yaml', '--method', 'linear', '--today', TODAY], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Method: linear trend \(least squares\) over 16 periods of quarterly history: [\d,.]+ \+ [\d,.]+ per period\.$/m);
    assert.match(result.stdout, /^The plan asks for `auto`; `--method linear` is used instead\.$/m);
    assert.doesNotMatch(result.stdout, /Chosen by/);
    const json = JSON.parse(run(['forecast', 'sales.plan.yaml', '--method', 'linear', '--format', 'json'], folder).stdout);
    assert.strictEqual(json.method, 'linear');
    assert.strictEqual(json.selection, undefined);
    // The plan's own method asked for by name is no override.
    assert.doesNotMatch(run(['forecast', 'sales.plan.yaml', '--method', 'auto'], folder).stdout, /is used instead/);
  });

  it('speaks the plan\'s language', () => {
    fs.writeFileSync(path.join(folder, 'by-hand.plan.yaml'), BY_HAND.replace('currency: EUR\n', 'currency: EUR\nlanguage: ro\n'));
    const result = run(['forecast', 'by-hand.plan.yaml'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Perioada\s+Prognoză\s+Interval 80 %\s+Interval 95 %$/m);
    assert.match(result.stdout, /^Total 2026\s+19\.700\s+17\.811 – 21\.589\s+16\.030 – 23\.370$/m);
    assert.match(result.stdout, /Metoda: tendință liniară \(cele mai mici pătrate\) pe 5 perioade de istoric anual: 8\.300 \+ 1\.900 pe perioadă\./);
    assert.match(result.stdout, /Ținta de venituri de 21\.000 EUR este un scenariu optimist/);
  });

  it('exits 2 with one line saying what is missing when there is no forecast to make', () => {
    const none = run(['forecast', 'marketing.plan.yaml'], folder);
    assert.strictEqual(none.status, 2);
    assert.strictEqual(none.stdout, '');
    assert.strictEqual(none.stderr, "plan-as-code: marketing.plan.yaml: The `linear` forecast needs at least 3 periods of `history`; this plan gives 0. Add earlier periods, or choose a method the history allows (`linear` needs 3).\n");
    const yearly = run(['forecast', 'by-hand.plan.yaml', '--method', 'seasonal'], folder);
    assert.strictEqual(yearly.status, 2);
    assert.strictEqual(yearly.stderr, 'plan-as-code: by-hand.plan.yaml: A seasonal forecast needs quarterly or monthly `history`: yearly history has no seasons. Give the history by quarter or month, or use `method: linear`.\n');
    fs.writeFileSync(path.join(folder, 'gap.plan.yaml'), BY_HAND.replace('    - { period: 2023, revenue: 15000 }\n', ''));
    const gap = run(['forecast', 'gap.plan.yaml'], folder);
    assert.strictEqual(gap.status, 2);
    assert.strictEqual(gap.stderr, "plan-as-code: gap.plan.yaml: `forecast.history`, row 3 (2024): The history skips 2023 before this period: history periods must follow each other with none left out (give every missing period, even with an actual revenue of 0).\n");
    fs.writeFileSync(path.join(folder, 'broken.plan.yaml'), `${BY_HAND}forecast: [\n`);
    const broken = run(['forecast', 'broken.plan.yaml'], folder);
    assert.strictEqual(broken.status, 2);
    assert.match(broken.stderr, /^plan-as-code: broken\.plan\.yaml: The plan has YAML syntax errors \(line \d+\): fix them first\.\n$/);
  });

  it('exits 2 with one line on bad options and files', () => {
    const cases: [string[], RegExp][] = [
      [['forecast', 'sales.plan.yaml', '--format', 'csv'], /^plan-as-code: unknown format "csv": use table or json\n$/],
      [['forecast', 'sales.plan.yaml', '--method', 'arima'], /^plan-as-code: unknown method "arima": use linear, seasonal or auto\n$/],
      [['forecast', 'sales.plan.yaml', '--today', '2026-02-30'], /^plan-as-code: --today takes a date YYYY-MM-DD, such as \d{4}-\d\d-\d\d, not "2026-02-30"\n$/],
      [['forecast', 'sales.plan.yaml', '--today', 'yesterday'], /^plan-as-code: --today takes a date YYYY-MM-DD/],
      [['forecast'], /^plan-as-code: forecast takes one plan file\n$/],
      [['forecast', 'sales.plan.yaml', 'marketing.plan.yaml'], /^plan-as-code: forecast takes one plan file, not 2\n$/],
      [['forecast', 'missing.plan.yaml'], /^plan-as-code: cannot read missing\.plan\.yaml/],
      [['forecast', 'sales.plan.yaml', '--colour'], /^plan-as-code: Unknown option '--colour'/],
    ];
    for (const [args, stderr] of cases) {
      const result = run(args, folder);
      assert.strictEqual(result.status, 2, args.join(' '));
      assert.match(result.stderr, stderr, args.join(' '));
      assert.strictEqual(result.stdout, '', args.join(' '));
    }
  });

  it('prints its help, and is named in the main help', () => {
    const help = run(['forecast', '--help'], folder);
    assert.strictEqual(help.status, 0);
    assert.match(help.stdout, /^Usage: plan-as-code forecast FILE \[--format table\|json\] \[--method linear\|seasonal\|auto\] \[--today YYYY-MM-DD\]/);
    assert.match(run(['--help'], folder).stdout, /plan-as-code forecast FILE/);
  });
});
