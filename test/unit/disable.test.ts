import * as assert from 'assert';
import { check, ruleIds, yaml } from '../helpers';

const PLAN = yaml('kind: sales', 'title: Sales', 'period: {start: 2026-01-01, end: 2026-12-31}', 'kpis:', '  - id: revenue', '    name: Revenue', '    metric: revenue');

describe('disable comments', () => {
  const settings = { rules: { 'section/missing': 'off' as const } };

  it('the plan has findings to silence', () => {
    assert.deepStrictEqual(ruleIds(check(PLAN, { settings })), ['kpi/incomplete', 'kpi/unused']);
  });

  it('plan-disable-next-line silences the listed rules on the next line', () => {
    const text = PLAN.replace('  - id: revenue', '  # plan-disable-next-line kpi/incomplete, kpi/unused\n  - id: revenue');
    assert.deepStrictEqual(ruleIds(check(text, { settings })), []);
    const one = PLAN.replace('  - id: revenue', '  # plan-disable-next-line kpi/unused -- reviewed with sales\n  - id: revenue');
    assert.deepStrictEqual(ruleIds(check(one, { settings })), ['kpi/incomplete']);
  });

  it('without ids it silences every rule, and family wildcards work', () => {
    assert.deepStrictEqual(ruleIds(check(PLAN.replace('  - id: revenue', '  # plan-disable-next-line\n  - id: revenue'), { settings })), []);
    assert.deepStrictEqual(ruleIds(check(PLAN.replace('  - id: revenue', '  - id: revenue  # plan-disable-line kpi/*'), { settings })), []);
  });

  it('plan-disable-file silences a rule everywhere', () => {
    assert.deepStrictEqual(ruleIds(check(`# plan-disable-file kpi/unused\n${PLAN}`, { settings })), ['kpi/incomplete']);
  });

  it('does not silence the line after the next', () => {
    const text = PLAN.replace('title: Sales', '# plan-disable-next-line kpi/incomplete\ntitle: Sales');
    assert.deepStrictEqual(ruleIds(check(text, { settings })), ['kpi/incomplete', 'kpi/unused']);
  });
});
