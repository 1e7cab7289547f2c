import * as assert from 'assert';
import { CheckTracker } from '../../server/src/lsp/checks';

describe('requests that let a pending check go first', () => {
  it('wait until the check of their plan is done, and only for their plan', async () => {
    const checks = new CheckTracker();
    const order: string[] = [];
    checks.started('a.plan.yaml');
    const waiting = checks.settled('a.plan.yaml').then(() => order.push('request about a'));
    await checks.settled('b.plan.yaml').then(() => order.push('request about b'));
    await new Promise((resolve) => setImmediate(resolve));
    order.push('check of a done');
    checks.finished('a.plan.yaml');
    await waiting;
    assert.deepStrictEqual(order, ['request about b', 'check of a done', 'request about a']);
  });

  it('do not wait when no check is pending', async () => {
    const checks = new CheckTracker();
    checks.started('a.plan.yaml');
    checks.finished('a.plan.yaml');
    let answered = false;
    void checks.settled('a.plan.yaml').then(() => (answered = true));
    await Promise.resolve();
    assert.ok(answered);
  });

  it('background work waits until no plan has a check pending', async () => {
    const checks = new CheckTracker();
    const order: string[] = [];
    checks.started('a.plan.yaml');
    checks.started('b.plan.yaml');
    const indexing = checks.idle().then(() => order.push('indexing'));
    await new Promise((resolve) => setImmediate(resolve));
    checks.finished('a.plan.yaml');
    await new Promise((resolve) => setImmediate(resolve));
    order.push('check of b done');
    checks.finished('b.plan.yaml');
    await indexing;
    assert.deepStrictEqual(order, ['check of b done', 'indexing']);
    let idle = false;
    void checks.idle().then(() => (idle = true));
    await Promise.resolve();
    assert.ok(idle, 'nothing pending: at once');
  });

  it('background work also waits while a message is being read, until the input has been quiet for a moment', async () => {
    const checks = new CheckTracker();
    let idle = false;
    checks.input();
    void checks.idle().then(() => (idle = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(!idle, 'bytes just arrived: the rest of the message goes first');
    checks.input();
    await new Promise((resolve) => setTimeout(resolve, 1));
    assert.ok(!idle, 'more bytes: still waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(idle, 'quiet since: the work goes on');
  });
});
