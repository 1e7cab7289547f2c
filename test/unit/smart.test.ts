import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { memoryService, ROOT } from '../helpers';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');

describe('SMART verdicts per goal', () => {
  it('gives every goal of a clean plan 5 of 5', () => {
    const results = memoryService().check(CLEAN, '/plans/p.plan.yaml').smart;
    assert.deepStrictEqual(results.map((goal) => [goal.label, goal.score]), [['pipeline', 5], ['cheaper-leads', 5]]);
    assert.deepStrictEqual(results[0].letters.map((letter) => letter.letter), ['S', 'M', 'A', 'R', 'T']);
    assert.strictEqual(CLEAN.slice(results[0].start, results[0].end), 'pipeline');
  });

  it('says which letters fail, why and where, as the rules do', () => {
    const text = CLEAN.replace('    deadline: 2026-09-30\n', '').replace('    owner: Radu Marin\n', '');
    const [pipeline, cheaper] = memoryService().check(text, '/plans/p.plan.yaml').smart;
    assert.strictEqual(pipeline.score, 4);
    const timeBound = pipeline.letters.find((letter) => letter.letter === 'T')!;
    assert.strictEqual(timeBound.pass, false);
    assert.match(timeBound.message!, /has no `deadline`/);
    assert.strictEqual(text.slice(timeBound.start, timeBound.end), 'pipeline');
    assert.deepStrictEqual(cheaper.letters.filter((letter) => !letter.pass).map((letter) => letter.ruleId), ['smart/specific']);
  });

  it('counts a rule that is turned off as passing', () => {
    const text = CLEAN.replace('    deadline: 2026-09-30\n', '');
    const [pipeline] = memoryService().check(text, '/plans/p.plan.yaml', { settings: { rules: { 'smart/time-bound': 'off' } } }).smart;
    assert.strictEqual(pipeline.score, 5);
    assert.strictEqual(pipeline.letters[4].off, true);
  });
});
