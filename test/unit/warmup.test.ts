import * as assert from 'assert';
import { parseIncrementally, type ChunkedParse } from '../../server/src/core/parse/incremental';
import { createPlanService, type PlanService } from '../../server/src/core/workspace/service';
import { warmUp, warmUpPlan, type AfterCheck } from '../../server/src/lsp/warmup';

const nothingAfter: AfterCheck = () => undefined;

/** A plan service that logs the lines of each plan it is asked to check (`N lines`), and each time it forgets (`forgot`). */
function linesChecked(checked: string[]): PlanService {
  const service = createPlanService({ readFile: () => undefined });
  return {
    ...service,
    *checkSteps(text, filePath, options) {
      checked.push(`${text.split('\n').length} lines`);
      return yield* service.checkSteps(text, filePath, options);
    },
    forget(name) {
      checked.push('forgot');
      service.forget(name);
    },
  };
}

describe('the warm-up at server start', () => {
  it('checks realistic plans of a few hundred lines of both kinds, in pieces on the fast path', () => {
    const service = createPlanService({ readFile: () => undefined });
    for (const kind of ['marketing', 'sales'] as const) {
      const text = warmUpPlan(kind);
      const lines = text.split('\n').length;
      assert.ok(lines > 300 && lines < 800, `${kind}: ${lines} lines`);
      const parsed = parseIncrementally(text, undefined) as ChunkedParse;
      assert.ok(parsed.chunks.length > 80, `${kind}: parsed in pieces`);
      // Realistic: the flaws it has on purpose are those of a plan being written (a value of the
      // wrong type, a value not in a list, goals that are not SMART, a KPI's id mistyped), not broken YAML.
      const { findings } = service.check(text);
      assert.deepStrictEqual(findings.filter((finding) => finding.ruleId === 'yaml/syntax'), [], kind);
      const mistyped = findings.filter((finding) => finding.ruleId.startsWith('ref/'));
      assert.deepStrictEqual(
        mistyped.map((finding) => [finding.ruleId, finding.messageId]),
        [
          ['ref/undefined', 'ref/undefined.suggest'],
          ['ref/undefined', 'ref/undefined.suggest'],
        ],
        `${kind}: each mistyped KPI id has a suggestion`,
      );
      assert.deepStrictEqual([...new Set(findings.filter((finding) => finding.ruleId.startsWith('schema/')).map((finding) => finding.ruleId))].sort(), ['schema/enum', 'schema/type'], kind);
      assert.ok(findings.some((finding) => finding.ruleId.startsWith('smart/')), `${kind}: some goals are flawed`);
    }
  });

  it('waits for the checks of open plans at each pause, then goes on, and lets go of its plans at the end', async () => {
    const checked: string[] = [];
    const service = createPlanService({ readFile: () => undefined });
    const spy: PlanService = {
      ...service,
      *checkSteps(text, filePath, options) {
        checked.push(filePath ?? '');
        return yield* service.checkSteps(text, filePath, options);
      },
      forget(name) {
        checked.push(`forgot ${name}`);
        service.forget(name);
      },
    };
    // A plan's check is pending: each pause waits until it is done.
    let pending = true;
    let pauses = 0;
    const waiting: (() => void)[] = [];
    const idle = () => {
      pauses++;
      return pending ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve();
    };
    const done = warmUp(spy, idle, () => false, nothingAfter);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.strictEqual(pauses, 1, 'waiting at the first pause');
    const firstSlice = checked.length;
    assert.ok(firstSlice >= 1 && firstSlice < 18, `only the first slice ran (${firstSlice} checks)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.strictEqual(checked.length, firstSlice, 'nothing ran while the check was pending');
    // The check is done: the warm-up runs to its end.
    pending = false;
    waiting.forEach((resolve) => resolve());
    await done;
    assert.ok(pauses > 1);
    assert.strictEqual(checked.filter((call) => !call.startsWith('forgot')).length, 19, 'a large plan, eight versions of each small plan, a larger one twice');
    assert.deepStrictEqual(checked.at(-1), 'forgot untitled:plan-as-code-warm-up');
  });

  it('hands each check it finishes over with its text (the server makes diagnostics of it), not a check it dropped', async () => {
    const checked: string[] = [];
    const spy = linesChecked(checked);
    const after: { lines: number; findings: number }[] = [];
    const largest = (entry: string) => parseInt(entry, 10) > 15_000;
    const open = () => checked.filter(largest).length === 2;
    await warmUp(spy, () => Promise.resolve(), open, (uri, text, plan) => {
      assert.strictEqual(uri, 'untitled:plan-as-code-warm-up');
      after.push({ lines: text.split('\n').length, findings: plan.findings.length });
    });
    // The first large plan, the small plans, the largest once (its second check is dropped: a plan opened), then the small plans' versions.
    assert.strictEqual(after.length, 18, JSON.stringify(after));
    assert.deepStrictEqual(
      after.filter((check) => check.lines > 1000).map((check) => (check.lines > 15_000 ? 'largest' : 'large')),
      ['large', 'largest'],
      JSON.stringify(after),
    );
    assert.ok(after.every((check) => check.findings > 0), 'each with the findings made of its text');
  });

  it('leaves out the large plans when a plan is open: that plan warms the server up for its size', async () => {
    const checked: string[] = [];
    const spy = linesChecked(checked);
    await warmUp(spy, () => Promise.resolve(), () => true, nothingAfter);
    const plans = checked.filter((entry) => entry.endsWith('lines'));
    assert.strictEqual(plans.length, 16, 'eight versions of each small plan');
    assert.ok(plans.every((lines) => parseInt(lines, 10) < 1000), checked.join(', '));
  });

  it('drops the large plan it is checking as soon as a plan opens, lets go of it at once, and checks no other large plan', async () => {
    const checked: string[] = [];
    const spy = linesChecked(checked);
    // A plan opens while the large plan is being checked.
    const open = () => checked.some((entry) => parseInt(entry, 10) > 1000);
    await warmUp(spy, () => Promise.resolve(), open, nothingAfter);
    const large = checked.findIndex((entry) => parseInt(entry, 10) > 1000);
    assert.strictEqual(checked.filter((entry) => parseInt(entry, 10) > 1000).length, 1, checked.join(', '));
    assert.strictEqual(checked[large + 1], 'forgot', 'let go of at once');
    assert.strictEqual(checked.filter((entry) => entry.endsWith('lines')).length, 17, 'the small plans all the same');
  });

  it('lets go of the large plan before it waits for a plan opened meanwhile', async () => {
    const checked: string[] = [];
    const service = createPlanService({ readFile: () => undefined });
    let opened = false;
    const spy: PlanService = {
      ...service,
      *checkSteps(text, filePath, options) {
        const large = text.split('\n').length > 1000;
        checked.push(large ? 'large' : 'small');
        const steps = service.checkSteps(text, filePath, options);
        for (let next = steps.next(); ; next = steps.next()) {
          if (next.done) return next.value;
          if (large && !opened) {
            // The plan opens during the large plan's first slice, which then runs out.
            opened = true;
            const until = performance.now() + 5;
            while (performance.now() < until);
          }
          yield;
        }
      },
      forget(name) {
        checked.push('forgot');
        service.forget(name);
      },
    };
    await warmUp(spy, () => (checked.push(opened ? 'waits with a plan open' : 'waits'), Promise.resolve()), () => opened, nothingAfter);
    const firstWait = checked.indexOf('waits with a plan open');
    assert.ok(firstWait > 0, checked.join(', '));
    assert.strictEqual(checked[firstWait - 1], 'forgot', checked.join(', '));
    assert.strictEqual(checked.filter((entry) => entry === 'large').length, 1);
  });
});
