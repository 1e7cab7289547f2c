/**
 * One finding per root cause, as a property: whatever a plan holds, no rule reports twice on
 * the same range (two findings there would be one mistake said twice, or two mistakes that one
 * message should name together). Judged as on a fixed day, so that the rules that read the
 * calendar (`plan/stale`, actuals) take part. Fixed seed, a quick budget; `npm run fuzz` runs more.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { check } from '../helpers';
import { mutatedPlanYaml, runs, SEED } from './arbitraries';

describe('fuzz: one finding per rule and range', function () {
  this.timeout(process.env.FUZZ_RUNS ? 0 : 120000);

  it(`no rule reports twice on the same range (${runs(250)} plans, seed ${SEED})`, () => {
    fc.assert(
      fc.property(mutatedPlanYaml, (text) => {
        const seen = new Map<string, string>();
        for (const finding of check(text, { editorLocale: 'en', today: '2026-07-15' })) {
          const key = `${finding.ruleId} ${finding.start}-${finding.end}`;
          assert.ok(!seen.has(key), `${key} twice:\n  ${seen.get(key)}\n  ${finding.message}\n${text}`);
          seen.set(key, finding.message);
        }
      }),
      { seed: SEED, numRuns: runs(250) },
    );
  });
});
