import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../helpers';
import { isoDateAt } from '../../server/src/core/analysis/calendar';
import { todayOption } from '../../server/src/node/clock';
import { run } from './run';

describe('today, from the edge', function () {
  this.timeout(20000);
  let folder: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-today-'));
    for (const name of ['marketing.plan.yaml', 'sales.plan.yaml', 'actuals-sales.csv']) fs.copyFileSync(path.join(ROOT, 'examples', name), path.join(folder, name));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('reads the clock as a UTC calendar date, without a Date object', () => {
    assert.strictEqual(isoDateAt(0), '1970-01-01');
    // 2026-07-15T23:59:59.999Z, then the next millisecond
    assert.strictEqual(isoDateAt(Date.UTC(2026, 6, 15, 23, 59, 59, 999)), '2026-07-15');
    assert.strictEqual(isoDateAt(Date.UTC(2026, 6, 16)), '2026-07-16');
    assert.strictEqual(isoDateAt(Date.UTC(2028, 1, 29, 12)), '2028-02-29');
    assert.match(isoDateAt(Date.now()), /^\d{4}-\d\d-\d\d$/);
  });

  it('takes --today as a real YYYY-MM-DD date, and the clock without it', () => {
    assert.deepStrictEqual(todayOption('2026-07-15'), { today: '2026-07-15' });
    assert.deepStrictEqual(todayOption(undefined), { today: isoDateAt(Date.now()) });
    for (const bad of ['2026-02-30', '2026-7-15', '15.07.2026', '', '2026-07-15T00:00']) assert.ok('error' in todayOption(bad), bad);
  });

  it('check judges the actuals as on --today', () => {
    const midYear = run(['check', 'sales.plan.yaml', '--today', '2026-07-15', '--format', 'json'], folder);
    assert.strictEqual(midYear.status, 0, midYear.stderr);
    const [report] = JSON.parse(midYear.stdout);
    assert.deepStrictEqual(report.findings.map((finding: { ruleId: string; message: string }) => `${finding.ruleId}: ${finding.message.split(':')[0]}`), [
      'kpi/off-track: KPI `average-deal-size` is at risk',
      'kpi/off-track: KPI `win-rate` is off track',
    ]);
    // Early in the year there is too little to judge (no actual is dated yet by 20 January).
    const january = run(['check', 'sales.plan.yaml', '--today', '2026-01-20', '--format', 'json'], folder);
    assert.deepStrictEqual(JSON.parse(january.stdout)[0].findings, []);
  });

  it('check and render refuse a --today that is not a date, on one line', () => {
    for (const command of [['check', 'sales.plan.yaml'], ['render', 'sales.plan.yaml']]) {
      const result = run([...command, '--today', '2026-13-01'], folder);
      assert.strictEqual(result.status, 2);
      assert.match(result.stderr, /^plan-as-code: --today takes a date YYYY-MM-DD, such as \d{4}-\d\d-\d\d, not "2026-13-01"\n$/);
    }
  });

  it('render takes --today', () => {
    const result = run(['render', 'sales.plan.yaml', '--today', '2026-07-15'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.strictEqual(result.stdout, 'Wrote sales.plan.html (0 errors, 0 warnings)\n');
  });
});
