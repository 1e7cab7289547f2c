import * as assert from 'assert';
import { generatePlan } from '../../bench/generate';
import { createPlanService } from '../../server/src/core/workspace/service';
import type { Steps } from '../../server/src/core/base/steps';
import { runInSlices, SLICE_MS } from '../../server/src/lsp/slices';

/** Steps that log what ran, against a clock that each step moves on by `msPerStep`. */
function counted(total: number, log: string[], clock: { ms: number }, msPerStep: number): Steps<number> {
  return (function* () {
    try {
      for (let step = 0; step < total; step++) {
        clock.ms += msPerStep;
        log.push(`step ${step}`);
        yield;
      }
      return total;
    } finally {
      log.push('closed');
    }
  })();
}

describe('work in slices', () => {
  it('lets the event loop turn once a slice is used up, and finishes the work', async () => {
    const log: string[] = [];
    const clock = { ms: 0 };
    const stepsPerSlice = SLICE_MS;
    setImmediate(() => log.push('other work'));
    const result = await runInSlices(counted(stepsPerSlice * 3, log, clock, 1), () => false, () => clock.ms);
    assert.strictEqual(result, stepsPerSlice * 3);
    // The other work ran right after the first slice, not after all of them.
    assert.strictEqual(log.indexOf('other work'), stepsPerSlice);
    assert.strictEqual(log.at(-1), 'closed');
  });

  it('drops work that went stale during a pause, closing it', async () => {
    const log: string[] = [];
    const clock = { ms: 0 };
    let stale = false;
    setImmediate(() => (stale = true));
    const result = await runInSlices(counted(100, log, clock, SLICE_MS), () => stale, () => clock.ms);
    assert.strictEqual(result, undefined);
    assert.deepStrictEqual(log, ['step 0', 'closed']);
  });

  it('checks a large plan in many steps, with the findings of a check in one go', () => {
    const text = generatePlan('sales', 20000);
    const whole = createPlanService({ readFile: () => undefined }).check(text, '/plans/sales.plan.yaml');
    const steps = createPlanService({ readFile: () => undefined }).checkSteps(text, '/plans/sales.plan.yaml');
    let pauses = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) pauses++;
    assert.ok(pauses > 20, `only ${pauses} pauses`);
    // Functions (the occurrences, worked out on first use) are compared by what they give.
    const data = (plan: object) => Object.fromEntries(Object.entries(plan).filter(([, value]) => typeof value !== 'function'));
    assert.deepStrictEqual(data(next.value), data(whole));
    assert.deepStrictEqual(next.value.occurrences(), whole.occurrences());
  });
});
