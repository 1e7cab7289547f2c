/**
 * Crash containment in the core: a rule that throws becomes one internal-error finding for that
 * rule (and the host hears of it once per check), while every other rule still reports; a SMART
 * letter that throws fails with that message while the other letters are judged.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { smartSpecific } from '../../server/src/core/rules/smart-specific';
import { createPlanService } from '../../server/src/core/workspace/service';
import type { Finding } from '../../server/src/core/base/types';
import { ROOT } from '../helpers';

const FILE = path.join(ROOT, 'examples/flawed/vague-goals.plan.yaml');
const TEXT = fs.readFileSync(FILE, 'utf8');

/** Runs `test` while smart/specific throws, in its plan-wide check and in its per-goal check. */
function withThrowingRule(test: () => void): void {
  const { check, checkGoal } = smartSpecific;
  smartSpecific.check = () => {
    throw new TypeError('boom in check');
  };
  smartSpecific.checkGoal = () => {
    throw new TypeError('boom in checkGoal');
  };
  try {
    test();
  } finally {
    Object.assign(smartSpecific, { check, checkGoal });
  }
}

const key = (finding: Finding) => `${finding.ruleId}@${finding.start}-${finding.end}`;

describe('crash containment', () => {
  it('turns a throwing rule into one internal-error finding, logged once, and keeps every other rule', () => {
    const logged: string[] = [];
    const service = () => createPlanService({ readFile: () => undefined, onRuleError: (ruleId, error) => logged.push(`${ruleId}: ${(error as Error).message}`) });
    const healthy = service().check(TEXT, FILE, { editorLocale: 'en' }).findings;
    assert.ok(healthy.some((finding) => finding.ruleId === 'smart/specific'), 'the plan has smart/specific findings to lose');

    withThrowingRule(() => {
      const { findings } = service().check(TEXT, FILE, { editorLocale: 'en' });
      assert.ok(!findings.some((finding) => finding.ruleId === 'smart/specific'), 'the crashed rule reports nothing of its own');
      const crashed = findings.filter((finding) => finding.ruleId === 'plan/internal-error');
      assert.strictEqual(crashed.length, 1, 'one internal-error finding for the crashed rule');
      assert.strictEqual(crashed[0].messageId, 'engine.ruleCrashed');
      assert.strictEqual(crashed[0].severity, 'error');
      assert.match(crashed[0].message, /smart\/specific.*boom in checkGoal/);
      assert.ok(crashed[0].end > crashed[0].start && crashed[0].end - crashed[0].start < 100, 'on the plan’s kind line, not the whole document');
      assert.deepStrictEqual(logged, ['smart/specific: boom in checkGoal'], 'the host hears of it once');
      // Every other rule reports exactly what it reports without the crash.
      const others = (list: Finding[]) => list.filter((finding) => finding.ruleId !== 'smart/specific' && finding.ruleId !== 'plan/internal-error').map(key);
      assert.deepStrictEqual(others(findings), others(healthy));
    });
  });

  it('fails a crashed SMART letter with the reason, and still judges the other letters', () => {
    const service = createPlanService({ readFile: () => undefined });
    const healthy = service.check(TEXT, FILE, { editorLocale: 'en' }).smart;
    withThrowingRule(() => {
      const goals = createPlanService({ readFile: () => undefined }).check(TEXT, FILE, { editorLocale: 'en' }).smart;
      assert.strictEqual(goals.length, healthy.length);
      for (const [index, goal] of goals.entries()) {
        const specific = goal.letters.find((letter) => letter.letter === 'S')!;
        assert.strictEqual(specific.pass, false);
        assert.match(specific.message ?? '', /smart\/specific.*boom in checkGoal/);
        assert.deepStrictEqual(goal.letters.filter((letter) => letter.letter !== 'S'), healthy[index].letters.filter((letter) => letter.letter !== 'S'));
      }
    });
  });
});
