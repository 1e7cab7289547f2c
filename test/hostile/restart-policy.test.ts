import * as assert from 'assert';
import { createRestartPolicy } from '../../client/src/restartPolicy';

describe('restarting a crashed server', () => {
  it('restarts, telling the user once, then gives up after too many crashes in the window, saying so once', () => {
    let time = 0;
    const policy = createRestartPolicy({ name: 'Plan as Code', maxRestarts: 3, windowMs: 60000, now: () => time });
    const decisions = [1, 2, 3, 4, 5].map(() => {
      time += 1000;
      return policy.closed();
    });
    assert.deepStrictEqual(decisions.map((decision) => decision.restart), [true, true, true, false, false]);
    assert.deepStrictEqual(decisions.map((decision) => decision.notice !== undefined), [true, false, false, true, false], 'one notice per kind');
    assert.match(decisions[0].notice!, /stopped unexpectedly and was restarted/);
    assert.match(decisions[3].notice!, /not restarted again.*Restart Language Server/);
    for (const decision of decisions) assert.ok(decision.log.length > 0, 'every crash is logged');
  });

  it('forgets crashes outside the window, and after the user restarts the server', () => {
    let time = 0;
    const policy = createRestartPolicy({ name: 'Plan as Code', maxRestarts: 1, windowMs: 60000, now: () => time });
    assert.strictEqual(policy.closed().restart, true);
    time += 61000;
    assert.strictEqual(policy.closed().restart, true, 'the first crash is out of the window');
    assert.strictEqual(policy.closed().restart, false);
    policy.reset();
    assert.strictEqual(policy.closed().restart, true, 'a manual restart starts afresh');
  });
});
