/**
 * Property-based tests of the plan core on hostile text (see arbitraries.ts): nothing throws,
 * no rule crashes, every range lies inside the text, the renderer always returns HTML. Runs a
 * fixed-seed budget in `npm test`; `npm run fuzz` runs more (FUZZ_RUNS, FUZZ_SEED).
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers';
import { mutatedPlanYaml, randomBytesText, runs, SEED, tokenSoup, truncated } from './arbitraries';
import { everyFeature } from './properties';

/** Offsets worth asking about: the ends, and a few anywhere (including past the end). */
const withOffsets = (text: fc.Arbitrary<string>) =>
  text.chain((source) => fc.tuple(fc.constant(source), fc.array(fc.integer({ min: 0, max: source.length }), { minLength: 1, maxLength: 3 }).map((offsets) => [0, source.length, ...offsets])));

const LINKED_TEXT = fs.readFileSync(path.join(ROOT, 'examples/sales.plan.yaml'), 'utf8').replace('alignsWith: [marketing.plan.yaml]', 'alignsWith: [fuzz.plan.yaml]');

describe('fuzz: the core on hostile plans', function () {
  // The long run (`npm run fuzz`, FUZZ_RUNS) takes as long as its budget needs.
  this.timeout(process.env.FUZZ_RUNS ? 0 : 120000);
  const property = (name: string, text: fc.Arbitrary<string>, budget: number) =>
    it(`${name} (${runs(budget)} cases, seed ${SEED})`, () => {
      fc.assert(
        fc.property(withOffsets(text), ([source, offsets]) => everyFeature(source, offsets, LINKED_TEXT)),
        { seed: SEED, numRuns: runs(budget) },
      );
    });

  property('plans built from the schemas and mutated', mutatedPlanYaml, 1000);
  property('those plans cut at any byte or code unit', truncated(mutatedPlanYaml), 2000);
  property('YAML token soup', tokenSoup, 3000);
  property('random bytes read as UTF-8 or Latin-1', randomBytesText, 1000);

  describe('regression fixtures (test/fuzz/regressions/)', () => {
    const folder = path.join(__dirname, 'regressions');
    for (const name of fs.readdirSync(folder).filter((file) => file.endsWith('.plan.yaml'))) {
      const source = fs.readFileSync(path.join(folder, name), 'utf8');
      const offsets = Array.from({ length: Math.min(source.length + 1, 200) }, (_, index) => Math.floor((index * source.length) / Math.max(1, Math.min(source.length, 199))));
      it(name, () => everyFeature(source, offsets, LINKED_TEXT));
    }
  });
});
