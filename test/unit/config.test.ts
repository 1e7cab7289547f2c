import * as assert from 'assert';
import { effectiveRule, parseConfig } from '../../server/src/core/config';
import { check, ruleIds, yaml } from '../helpers';

describe('configuration', () => {
  const defaults = { severity: 'warning' as const, options: { maxAnnualGrowth: 100 } };

  it('accepts the three setting forms', () => {
    assert.deepStrictEqual(effectiveRule('smart/achievable', defaults, [{ rules: { 'smart/achievable': 'error' } }]), { severity: 'error', options: { maxAnnualGrowth: 100 } });
    assert.deepStrictEqual(effectiveRule('smart/achievable', defaults, [{ rules: { 'smart/achievable': ['hint', { maxAnnualGrowth: 5 }] } }]), { severity: 'hint', options: { maxAnnualGrowth: 5 } });
    assert.deepStrictEqual(effectiveRule('smart/achievable', defaults, [{ rules: { 'smart/achievable': { maxAnnualGrowth: 7 } } }]), { severity: 'warning', options: { maxAnnualGrowth: 7 } });
  });

  it('prefers the exact id to a family wildcard, and a later layer to an earlier one', () => {
    assert.strictEqual(effectiveRule('smart/achievable', defaults, [{ rules: { 'smart/*': 'off', 'smart/achievable': 'error' } }]).severity, 'error');
    assert.strictEqual(effectiveRule('smart/relevant', defaults, [{ rules: { 'smart/*': 'off' } }]).severity, 'off');
    assert.strictEqual(effectiveRule('smart/relevant', defaults, [{ rules: { 'smart/relevant': 'off' } }, { rules: { '*': 'error' } }]).severity, 'error');
  });

  it('reads .planrc.yaml and explains what is wrong with it', () => {
    assert.deepStrictEqual(parseConfig('rules:\n  kpi/unused: off\nlanguage: ro\n'), { config: { rules: { 'kpi/unused': 'off' }, language: 'ro' }, problems: [] });
    const { config, problems } = parseConfig('rules:\n  kpi/unused: silent\n  smart/specific: error\ncolour: red\n');
    assert.deepStrictEqual(config.rules, { 'smart/specific': 'error' });
    assert.deepStrictEqual(problems, [
      { messageId: 'config.severity', params: { rule: 'kpi/unused', severities: 'off, hint, information, warning, error' } },
      { messageId: 'config.unknownKey', params: { key: 'colour' } },
    ]);
    assert.strictEqual(parseConfig('rules: [\n').problems[0].messageId, 'config.yaml');
    assert.deepStrictEqual(parseConfig('langauge: ro\n').problems, [{ messageId: 'config.unknownKey.suggest', params: { key: 'langauge', suggestion: 'language' } }]);
  });

  it('applies the nearest .planrc.yaml over the settings', () => {
    const plan = yaml('kind: sales', 'title: Sales', 'period: {start: 2026-01-01, end: 2026-12-31}');
    const files = { '/repo/.planrc.yaml': 'rules:\n  section/missing: off\n', '/repo/plans/deep/.planrc.yml': 'rules:\n  kpi/missing: off\n' };
    const settings = { rules: { 'section/missing': 'error' as const } };
    assert.deepStrictEqual(ruleIds(check(plan, { files, settings, filePath: '/repo/plans/p.plan.yaml' })), ['kpi/missing']);
    // The nearest file wins; it does not merge with files further up.
    assert.ok(ruleIds(check(plan, { files, settings, filePath: '/repo/plans/deep/p.plan.yaml' })).includes('section/missing'));
  });

  it('reports a broken .planrc.yaml on the plan, once per problem', () => {
    const plan = yaml('kind: sales', 'title: Sales', 'period: {start: 2026-01-01, end: 2026-12-31}');
    const findings = check(plan, { files: { '/plans/.planrc.yaml': 'rules: 3\n' }, settings: { rules: { '*': 'off', 'plan/config': 'warning' } } });
    assert.deepStrictEqual(ruleIds(findings), ['plan/config']);
    assert.match(findings[0].message, /\.planrc\.yaml: `rules` must be a mapping/);
  });

  it('skips plans over maxFileSize with one notice', () => {
    const plan = yaml('kind: sales', 'title: Sales', 'period: {start: 2026-01-01, end: 2026-12-31}');
    const findings = check(plan, { settings: { maxFileSize: 20 } });
    assert.deepStrictEqual(ruleIds(findings), ['plan/too-large']);
    assert.strictEqual(findings[0].start, 0);
  });
});
