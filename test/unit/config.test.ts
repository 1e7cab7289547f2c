import * as assert from 'assert';
import { DEFAULT_MAX_FILE_SIZE, effectiveRule, parseConfig } from '../../server/src/core/check/config';
import { createPlanService } from '../../server/src/core/workspace/service';
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
      { messageId: 'config.severity', params: { rule: 'kpi/unused', severities: '`off`, `hint`, `information`, `warning`, `error`' } },
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
    assert.match(findings[0].message, /\.planrc\.yaml: `rules` must list rule ids/);
  });

  it('skips plans over maxFileSize with one notice', () => {
    const plan = yaml('kind: sales', 'title: Sales', 'period: {start: 2026-01-01, end: 2026-12-31}');
    const findings = check(plan, { settings: { maxFileSize: 20 } });
    assert.deepStrictEqual(ruleIds(findings), ['plan/too-large']);
    assert.strictEqual(findings[0].start, 0);
  });
});

describe('configuration in an untrusted workspace', () => {
  const PLAN_PATH = '/repo/test.plan.yaml';
  const plan = yaml('kind: sales', 'title: Sales', 'period: {start: 2026-01-01, end: 2026-12-31}');
  /** A service over `files` whose workspace trust is `trust.value`, which a test may change. */
  const serviceWith = (files: Record<string, string>, trust: { value: boolean }) => createPlanService({ readFile: (filePath) => files[filePath], trusted: () => trust.value });
  const onlyLimits = { rules: { '*': 'off' as const, 'plan/too-large': 'warning' as const, 'plan/config': 'warning' as const } };

  it('keeps the default limit when .planrc.yaml raises it, and says why on the plan', () => {
    const large = `${plan}${'#'.repeat(DEFAULT_MAX_FILE_SIZE)}\n`;
    const files: Record<string, string> = { '/repo/.planrc.yaml': 'maxFileSize: 20000000\n' };
    const untrusted = serviceWith(files, { value: false }).check(large, PLAN_PATH, { settings: onlyLimits }).findings;
    assert.deepStrictEqual(ruleIds(untrusted), ['plan/too-large', 'plan/config']);
    assert.deepStrictEqual(untrusted[0].params, { size: large.length, limit: DEFAULT_MAX_FILE_SIZE });
    assert.match(untrusted[1].message, /^The configuration for this plan has a problem: \.planrc\.yaml: `maxFileSize` \(20,000,000\) is not applied because the workspace is not trusted: .* stays at 2,000,000 characters/);
    // The same files in a trusted workspace, and with a host that says nothing about trust (the CLI): the plan is checked.
    assert.deepStrictEqual(ruleIds(serviceWith(files, { value: true }).check(large, PLAN_PATH, { settings: onlyLimits }).findings), []);
    assert.deepStrictEqual(ruleIds(createPlanService({ readFile: (filePath) => files[filePath] }).check(large, PLAN_PATH, { settings: onlyLimits }).findings), []);
  });

  it('lets .planrc.yaml lower the limit, and never raise it above the user’s own setting', () => {
    const untrusted = { value: false };
    const lower = serviceWith({ '/repo/.planrc.yaml': 'maxFileSize: 20\n' }, untrusted).check(plan, PLAN_PATH, { settings: onlyLimits }).findings;
    assert.deepStrictEqual(ruleIds(lower), ['plan/too-large']);
    assert.strictEqual(lower[0].params?.limit, 20);
    const higher = serviceWith({ '/repo/.planrc.yaml': 'maxFileSize: 100\n' }, untrusted).check(plan, PLAN_PATH, { settings: { ...onlyLimits, maxFileSize: 30 } }).findings;
    assert.deepStrictEqual(ruleIds(higher), ['plan/too-large', 'plan/config']);
    assert.strictEqual(higher[0].params?.limit, 30);
  });

  it('says so on a plan under the limit too, and applies the limit once the workspace is trusted', () => {
    const trust = { value: false };
    const service = serviceWith({ '/repo/.planrc.yaml': 'maxFileSize: 20000000\n' }, trust);
    const before = service.check(plan, PLAN_PATH, { settings: onlyLimits }).findings;
    assert.deepStrictEqual(ruleIds(before), ['plan/config']);
    assert.strictEqual(before[0].messageId, 'plan/config');
    trust.value = true;
    assert.deepStrictEqual(ruleIds(service.check(plan, PLAN_PATH, { settings: onlyLimits }).findings), []);
  });
});
