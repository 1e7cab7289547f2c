import * as assert from 'assert';
import { parseIncrementally, type ChunkedParse } from '../../server/src/core/parse/incremental';
import { createPlanService, type PlanService } from '../../server/src/core/workspace/service';
import { warmUp, warmUpPlan } from '../../server/src/lsp/warmup';

describe('the warm-up at server start', () => {
  it('checks realistic plans of a few hundred lines of both kinds, in pieces on the fast path', () => {
    const service = createPlanService({ readFile: () => undefined });
    for (const kind of ['marketing', 'sales'] as const) {
      const text = warmUpPlan(kind);
      const lines = text.split('\n').length;
      assert.ok(lines > 300 && lines < 800, `${kind}: ${lines} lines`);
      const parsed = parseIncrementally(text, undefined) as ChunkedParse;
      assert.ok(parsed.chunks.length > 80, `${kind}: parsed in pieces`);
      // Realistic: the schema accepts it; the rules find the few flaws it has on purpose.
      const { findings } = service.check(text);
      assert.deepStrictEqual(
        findings.filter((finding) => finding.ruleId.startsWith('schema/') || finding.ruleId.startsWith('ref/') || finding.ruleId === 'yaml/syntax'),
        [],
        kind,
      );
      assert.ok(findings.some((finding) => finding.ruleId.startsWith('smart/')), `${kind}: some goals are flawed`);
    }
  });

  it('stops when asked (a plan was opened) and leaves nothing in the cache', async () => {
    const checked: string[] = [];
    const service = createPlanService({ readFile: () => undefined });
    const spy: PlanService = {
      ...service,
      *checkSteps(text, filePath, options) {
        checked.push(filePath ?? '');
        return yield* service.checkSteps(text, filePath, options);
      },
      invalidateFile(filePath) {
        checked.push(`forgot ${filePath}`);
        service.invalidateFile(filePath);
      },
    };
    let asked = 0;
    await warmUp(spy, () => ++asked > 0);
    assert.strictEqual(asked, 1, 'stopped at the first pause');
    assert.ok(checked.length < 18, `only the first slice ran (${checked.length} calls)`);
    assert.match(checked.at(-1)!, /^forgot /);
    checked.length = 0;
    await warmUp(spy, () => false);
    assert.strictEqual(checked.filter((call) => !call.startsWith('forgot')).length, 18, 'eight versions of each plan, then a large one twice');
    assert.match(checked.at(-1)!, /^forgot /);
  });
});
