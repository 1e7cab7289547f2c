// `npm run bench:activation`: how long the extension's activation takes in a real VS Code (the
// VS Code server from `code-server`, in headless Chromium, as `npm run test:e2e` runs it).
//
// Each run starts afresh (user, workspace copy of examples/, server, browser) and loads
// activation-probe.js where a test suite would go: it opens marketing.plan.yaml, which activates
// the extension, and reports when VS Code began compiling the extension's bundle, when the
// bundle had been evaluated, and when `activate` began and returned. Activation is loading the
// code plus running `activate`, as VS Code counts it ("Developer: Show Running Extensions"), less
// reading the file. In between VS Code waits for the extension's context (its storage, from the
// workbench), which it prepares while the code loads: reported apart, as `contextWaitMs`.
// Writes every run and the medians to bench/results/activation.json. `--runs N` (default 5).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { openBrowser } from './browser.mjs';
import { CACHE, CODE_SERVER_VERSION, copyExamples, ensureCodeServer, log, prepareUser, ROOT, startCodeServer, stopOnExit, workbenchUrl } from './code-server.mjs';

const PROBE = path.join(ROOT, 'scripts/e2e/activation-probe.js');
const OUT = path.join(ROOT, 'bench/results/activation.json');
const TAG = '[plan-activation] ';
const RUN_DEADLINE_MS = 3 * 60_000;
const NOT_LOADED = /[^\n]*(?:is not compatible with Code|Cannot activate[^\n]*plan-as-code|Cannot load test runner)[^\n]*/i;

const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag === -1 ? 5 : Number(process.argv[runsFlag + 1]);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error('--runs takes a positive whole number');
  process.exit(1);
}

/** One fresh VS Code: the activation times the extension reports there. */
async function measure() {
  const runDir = path.join(CACHE, 'runs', 'activation');
  const user = prepareUser(path.join(runDir, 'user'));
  const workspace = copyExamples(path.join(runDir, 'workspace'));
  const server = await startCodeServer(user);
  const browser = await openBrowser().catch(async (error) => {
    await server.stop();
    throw error;
  });
  const stopAll = stopOnExit([browser.browser, server]);
  try {
    const reported = new Promise((resolve, reject) => {
      server.watch(NOT_LOADED, (match) => reject(new Error(`VS Code did not load the extension: ${match[0]}`)));
      void server.exited.then((code) => reject(new Error(`code-server exited (${code})`)));
      setTimeout(() => reject(new Error(`no activation reported within ${RUN_DEADLINE_MS / 1000} s; server log: ${server.logFile}`)), RUN_DEADLINE_MS).unref();
      void browser.page.exposeFunction('codeAutomationLog', (_type, args) => {
        const text = format(...(Array.isArray(args) ? args : [args]));
        if (text.startsWith(TAG)) resolve(JSON.parse(text.slice(TAG.length)));
      });
      void browser.page.exposeFunction('codeAutomationExit', (code) => {
        if (code !== 0) reject(new Error(`the probe failed (exit ${code}); server log: ${server.logFile}`));
      });
    });
    await browser.page.goto(workbenchUrl(server, workspace, [['extensionDevelopmentPath', ROOT], ['extensionTestsPath', PROBE]]));
    const { compileStart, loaded, activateStart, activateEnd } = await reported;
    const loadMs = loaded - compileStart;
    const activateMs = activateEnd - activateStart;
    return { activationMs: round(loadMs + activateMs), loadMs: round(loadMs), activateMs: round(activateMs), contextWaitMs: round(activateStart - loaded) };
  } finally {
    await stopAll();
  }
}

function round(ms) {
  return Math.round(ms * 10) / 10;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return round(sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
}

ensureCodeServer();
// Other work on the machine slows the workbench and the extension host alike: noted with the results.
const loadAverage = os.loadavg().map((value) => Math.round(value * 100) / 100);
const runs = [];
for (let run = 1; run <= RUNS; run++) {
  const result = await measure();
  runs.push(result);
  log(`activation ${run}/${RUNS}: ${result.activationMs} ms (loading the code ${result.loadMs} ms, activate ${result.activateMs} ms; VS Code's context wait ${result.contextWaitMs} ms)`);
}
const report = {
  date: new Date().toISOString(),
  machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, os: `${os.type()} ${os.release()} ${os.arch()}`, loadAverage },
  vscode: `${CODE_SERVER_VERSION.replace(/^4\./, '1.')} (code-server ${CODE_SERVER_VERSION}, headless Chromium)`,
  trigger: 'opening examples/marketing.plan.yaml (onLanguage:plan-yaml)',
  definition:
    'activationMs = loadMs (compiling and evaluating client/out/extension.js) + activateMs (activate(), which does not wait for the language server), as VS Code counts activation; contextWaitMs: VS Code preparing the extension context between the two, not counted',
  median: Object.fromEntries(['activationMs', 'loadMs', 'activateMs', 'contextWaitMs'].map((key) => [key, median(runs.map((run) => run[key]))])),
  runs,
};
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
log(`median activation ${report.median.activationMs} ms over ${RUNS} runs (loading ${report.median.loadMs} ms, activate ${report.median.activateMs} ms); written to ${path.relative(ROOT, OUT)}`);
process.exit(0);
