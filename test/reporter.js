// Mocha's spec reporter, closing with the plain "N passed, N failed" line that CI reads.
const { reporters, Runner } = require('mocha');

class SpecWithTotals extends reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = this.stats;
      console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
    });
  }
}

module.exports = SpecWithTotals;
