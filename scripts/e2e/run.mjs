// `npm run test:e2e`: the end-to-end suite (test/e2e, bundled to out/test/e2e/index.js) in a
// real VS Code: the VS Code server from the `code-server` npm package, in headless Chromium.
//
// It runs the suite twice: against the working tree (`extensionDevelopmentPath`), then
// against the packaged extension (`npm run package`, installed with `--install-extension`),
// so that a packaging mistake fails too; then the Romanian suite (test/e2e/romanian.test.ts)
// against the working tree in a VS Code started with `--locale ro`. `--dev`, `--vsix` or
// `--ro` runs one of them; `--grep <pattern>` only the tests whose titles match.
//
// Each run: a fresh copy of examples/ as the workspace, a fresh isolated user (settings,
// extensions, XDG folders, temp) under .vscode-test/runs/, code-server on a free loopback
// port, Chromium opening the workbench with the suite in the URL payload. The suite's
// output arrives through `window.codeAutomationLog`, its end through `window.codeAutomationExit`.
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { openBrowser } from './browser.mjs';
import { CACHE, copyExamples, ensureCodeServer, installVsix, log, prepareUser, ROOT, startCodeServer, stopOnExit, workbenchUrl } from './code-server.mjs';
import { packageExtension } from '../package.mjs';

const SUITE = path.join(ROOT, 'out/test/e2e/index.js');
/** The whole run of one suite, workbench start included. */
const RUN_DEADLINE_MS = 5 * 60_000;
/** VS Code's words when it does not load the extension (an `engines.vscode` newer than itself) or the suite. */
const NOT_LOADED = /[^\n]*(?:is not compatible with Code|Cannot activate[^\n]*plan-as-code|Cannot load test runner)[^\n]*/i;
const TOTALS = /^(\d+) passed, (\d+) failed/;
/** Marks the suite's lines among everything the workbench logs (see test/e2e/index.ts). */
const TAG = '[plan-e2e] ';

/**
 * In `.vsix` mode the suite still needs an extension under development to run in (VS Code loads
 * a test runner only for one); this empty extension is it, and the installed `.vsix` is tested.
 */
function testHostStub() {
  const dir = path.join(CACHE, 'e2e-test-host');
  mkdirSync(dir, { recursive: true });
  const manifest = { name: 'e2e-test-host', publisher: 'plan-as-code-tests', version: '0.0.0', engines: { vscode: '^1.100.0' }, description: 'Hosts the end-to-end suite while the packaged extension is tested.' };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/**
 * VS Code has no Romanian language pack, and without one `--locale ro` falls back to English.
 * An empty pack (no translation of VS Code's own texts, which stay English) registered in the
 * user's `languagepacks.json` makes Romanian the display language: `vscode.env.language` is
 * `ro`, and extensions get their `package.nls.ro.json` and `l10n/bundle.l10n.ro.json`.
 */
function romanianLanguagePack(user) {
  const translations = path.join(user.dir, 'ro-language-pack', 'main.i18n.json');
  mkdirSync(path.dirname(translations), { recursive: true });
  writeFileSync(translations, `${JSON.stringify({ version: '1.0.0', contents: {} })}\n`);
  const packs = { ro: { hash: 'plan-as-code-tests-ro', extensions: [{ extensionIdentifier: { id: 'plan-as-code-tests.ro-language-pack' }, version: '0.0.0' }], translations: { vscode: translations }, label: 'română' } };
  writeFileSync(path.join(user.userData, 'languagepacks.json'), `${JSON.stringify(packs, null, 2)}\n`);
}

async function runSuite(mode) {
  const started = Date.now();
  const runDir = path.join(CACHE, 'runs', mode);
  const user = prepareUser(path.join(runDir, 'user'));
  if (mode === 'ro') romanianLanguagePack(user);
  const workspace = copyExamples(path.join(runDir, 'workspace'));
  let extensionPath = ROOT;
  let developmentPath = ROOT;
  if (mode === 'vsix') {
    const vsix = packageExtension(path.join(CACHE, 'plan-as-code.vsix'), { quiet: true });
    log(`vsix: packaged ${path.relative(ROOT, vsix)}`);
    installVsix(user, vsix);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    extensionPath = path.join(user.extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
    if (!existsSync(extensionPath)) throw new Error(`the .vsix did not install into ${extensionPath}`);
    developmentPath = testHostStub();
  }

  // The Romanian run: VS Code's display language is Romanian, and the suite is the Romanian one.
  const romanian = mode === 'ro';
  const server = await startCodeServer(user, { env: { PLAN_E2E_EXTENSION_PATH: extensionPath, PLAN_E2E_LOG_TAG: TAG, ...(romanian ? { PLAN_E2E_SUITE: 'ro' } : {}), ...(grep ? { PLAN_E2E_GREP: grep } : {}) }, args: romanian ? ['--locale', 'ro'] : [] });
  const browser = await openBrowser().catch(async (error) => {
    await server.stop();
    throw error;
  });
  const stopAll = stopOnExit([browser.browser, server]);
  /** The suite's lines, printed as they come; the workbench's own log goes to a file. */
  const transcript = [];
  const workbenchLog = createWriteStream(path.join(runDir, 'workbench.log'));
  try {
    log(`${mode}: code-server ${server.base} (log: ${path.relative(ROOT, server.logFile)}), extension from ${path.relative(ROOT, extensionPath) || '.'}`);
    const outcome = new Promise((resolve) => {
      server.watch(NOT_LOADED, (match) => resolve({ error: `VS Code did not load the extension: ${match[0]}` }));
      void server.exited.then((code) => resolve({ error: `code-server exited (${code})` }));
      setTimeout(() => resolve({ error: `no result within ${RUN_DEADLINE_MS / 1000} s` }), RUN_DEADLINE_MS).unref();
    });
    let finish;
    const exit = new Promise((resolve) => (finish = resolve));
    const { page } = browser;
    page.on('pageerror', (error) => workbenchLog.write(`[page error] ${error.message}\n`));
    page.on('crash', () => finish({ error: 'the workbench page crashed' }));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      workbenchLog.write(`[${type}] ${text}\n`);
      if (!text.startsWith(TAG)) return;
      for (const line of text.slice(TAG.length).split('\n')) {
        transcript.push(line);
        console.log(line);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish({ code }));
    // A loaded machine (CI shares its cores) may take longer than playwright's default 30 s to serve the workbench.
    await page.goto(workbenchUrl(server, workspace, [['extensionDevelopmentPath', developmentPath], ['extensionTestsPath', SUITE]]), { timeout: 180_000 });
    const result = await Promise.race([exit, outcome]);
    const totals = transcript.map((line) => TOTALS.exec(line.replace(/\x1b\[[0-9;]*m/g, ''))).filter(Boolean).pop();
    const passed = totals ? Number(totals[1]) : 0;
    const failed = totals ? Number(totals[2]) : 0;
    const seconds = Math.round((Date.now() - started) / 1000);
    if (result.error || result.code !== 0 && failed === 0) {
      const tail = (text) => text.split('\n').slice(-60).join('\n');
      console.error(`\n${mode}: ${result.error ?? `the suite exited with ${result.code}`} after ${seconds} s.`);
      console.error(`The server's log (${path.relative(ROOT, server.logFile)}):\n${tail(server.output())}`);
      console.error(`The workbench's log: ${path.relative(ROOT, path.join(runDir, 'workbench.log'))}`);
      return { passed, failed: failed + 1 };
    }
    log(`${mode}: ${passed} passed, ${failed} failed in ${seconds} s`);
    return { passed, failed };
  } finally {
    await stopAll();
    workbenchLog.end();
  }
}

const only = ['--dev', '--vsix', '--ro'].filter((flag) => process.argv.includes(flag)).map((flag) => flag.slice(2));
/** `--grep <pattern>`: only the tests whose full titles match (e.g. `--dev --grep "Compare with"`). */
const grep = process.argv.includes('--grep') ? process.argv[process.argv.indexOf('--grep') + 1] : undefined;
const modes = only.length > 0 ? only : ['dev', 'vsix', 'ro'];
if (!existsSync(SUITE)) {
  console.error(`${path.relative(ROOT, SUITE)} is missing: run npm run build first.`);
  process.exit(1);
}
let passed = 0;
let failed = 0;
try {
  ensureCodeServer();
  for (const mode of modes) {
    const result = await runSuite(mode);
    passed += result.passed;
    failed += result.failed;
  }
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
