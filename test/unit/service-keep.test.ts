/** A plan service told to keep a few plans (the CLI over a repository) lets the least recently used go, and checks them again alike. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createPlanService } from '../../server/src/core/workspace/service';
import { ROOT } from '../helpers';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');

describe('a plan service that keeps a few plans', () => {
  it('keeps the plans used last, lets the others go, and checks a plan let go again to the same findings', () => {
    const files: Record<string, string> = {};
    for (const name of ['a', 'b', 'c', 'd']) files[`/plans/${name}.plan.yaml`] = CLEAN.replace('    kpi: cpl\n', `    kpi: ${name}-missing\n`);
    const service = createPlanService({ readFile: (filePath) => files[filePath], keep: 2 });
    const check = (name: string) => service.check(files[`/plans/${name}.plan.yaml`], `/plans/${name}.plan.yaml`);
    const a = check('a');
    check('b');
    assert.strictEqual(check('a'), a, 'kept: two plans used');
    check('c');
    // Used last: a, then c; b went first.
    assert.strictEqual(check('a'), a, 'a was used more recently than b');
    check('d');
    check('c');
    const again = check('a');
    assert.notStrictEqual(again, a, 'let go after two others were used');
    assert.deepStrictEqual(again.findings, a.findings);
    assert.ok(a.findings.some((finding) => finding.message.includes('a-missing')));
  });

  it('keeps every plan without a limit', () => {
    const service = createPlanService({ readFile: () => undefined });
    const first = service.check(CLEAN, '/plans/a.plan.yaml');
    for (const name of ['b', 'c', 'd', 'e']) service.check(CLEAN, `/plans/${name}.plan.yaml`);
    assert.strictEqual(service.check(CLEAN, '/plans/a.plan.yaml'), first);
  });
});
