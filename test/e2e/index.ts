/**
 * The end-to-end suite's entry: VS Code's extension host loads this module
 * (`--extensionTestsPath`, bundled to `out/test/e2e/index.js` with mocha inside)
 * and calls `run()`. Both runners use it: `scripts/e2e/run.mjs` in the VS Code
 * server driven by Chromium, `scripts/e2e/desktop.mjs` in a desktop VS Code.
 *
 * Mocha's output goes to the console, which the extension host forwards to the
 * runner; the last line is the plain `N passed, N failed` that CI reads.
 */
import Mocha from 'mocha';
import { format } from 'util';
import SpecWithTotals from '../reporter.js';
import { revertAll } from './helpers';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: true, reporter: SpecWithTotals });
  // What `mocha.addFile` + `loadFiles` do, for modules that are bundled in: the BDD
  // globals (`describe`, `it`) exist while each test module is evaluated.
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'e2e', mocha);
  mocha.suite.afterEach('put the examples back', revertAll);
  if (process.env.PLAN_E2E_SUITE === 'ro') {
    // VS Code started with `--locale ro` (scripts/e2e/run.mjs): the Romanian suite alone.
    await import('./romanian.test');
  } else {
    await import('./plans.test');
    await import('./editing.test');
    await import('./preview.test');
    await import('./settings.test');
    await import('./server.test');
    await import('./new-plan.test');
    await import('./compare.test');
  }
  // `node scripts/e2e/run.mjs --grep <pattern>`: only the tests whose titles match.
  if (process.env.PLAN_E2E_GREP) mocha.grep(process.env.PLAN_E2E_GREP);
  tagOutput(process.env.PLAN_E2E_LOG_TAG);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} end-to-end test${failures === 1 ? '' : 's'} failed`);
}

/**
 * In the VS Code server the console of the extension host reaches the runner mixed with the
 * workbench's own log; there the runner sets a tag, and mocha's lines carry it. It stays on
 * to the end: the extension host stops after the suite.
 */
function tagOutput(tag: string | undefined): void {
  if (!tag) return;
  const { log } = console;
  const tagged = (...args: unknown[]): void => log(`${tag}${format(...args)}`);
  // In the extension host assigning `console.log` does not stick; defining it does.
  Object.defineProperty(console, 'log', { value: tagged, configurable: true, writable: true });
  Mocha.reporters.Base.consoleLog = tagged;
}
