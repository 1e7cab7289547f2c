// `npm run test:web`: the extension as VS Code for the Web runs it (vscode.dev, github.dev): its
// `browser` entry in the web worker extension host, the language server in a web worker. The
// VS Code server from `code-server` (see code-server.mjs) runs web extensions too: the workbench
// URL's payload loads the extension under development with `extensionDevelopmentKind=web`, so
// that it runs in the browser although a Node.js extension host is there; headless Chromium
// drives it, as for `npm run test:e2e`.
//
// The workspace is a fresh copy of examples/ plus web/: a plan with mistakes linked to
// ../sales.plan.yaml under a .planrc.yaml, and what the CLI finds in it (web/expected.json),
// which the checks in the extension host (test/web/index.ts) compare with the diagnostics.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { openBrowser } from './browser.mjs';
import { CACHE, copyExamples, ensureCodeServer, log, prepareUser, ROOT, startCodeServer, stopOnExit } from './code-server.mjs';

const SUITE = path.join(ROOT, 'out/test/web/index.js');
const CLI = path.join(ROOT, 'server/out/cli.js');
const DEADLINE_MS = 3 * 60_000;
/** Marks the checks' lines among everything the workbench logs (see test/web/index.ts). */
const TAG = '[plan-web] ';
const TOTALS = /^(\d+) passed, (\d+) failed/;
const OUTPUT = path.join(ROOT, 'test-output');
/** What the checks say when the preview is open (test/web/index.ts). */
const LOOK_AT_PREVIEW = '@look-at-preview';

/**
 * Whether the preview's webview shows the rendered plan (its frame has the plan's sections),
 * written to web/preview-seen.txt for the checks; a screenshot of the workbench meanwhile.
 */
async function lookAtPreview(page, workspace) {
  let seen = 'not rendered: no webview frame shows the plan';
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const frames = await Promise.all(page.frames().map((frame) => frame.$('#plan-root section.section').then((section) => Boolean(section), () => false)));
    if (frames.some(Boolean)) {
      seen = 'rendered';
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: path.join(OUTPUT, 'web-worker-extension-host.png') }).catch(() => undefined);
  writeFileSync(path.join(workspace, 'web/preview-seen.txt'), seen);
}

/** The plan the checks open, its linked plan and configuration, and the CLI's findings in it. */
function writeFixture(workspace) {
  const folder = path.join(workspace, 'web');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, '.planrc.yaml'), 'rules:\n  kpi/unused: warning\n');
  const flawed = readFileSync(path.join(ROOT, 'examples/flawed/broken-references.plan.yaml'), 'utf8');
  writeFileSync(path.join(folder, 'marketing.plan.yaml'), flawed.replace(/^kind: marketing$/m, 'kind: marketing\nalignsWith: [../sales.plan.yaml]'));
  const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', path.join(folder, 'marketing.plan.yaml')], { encoding: 'utf8' });
  if (!result.stdout.startsWith('[')) throw new Error(`the CLI did not check the fixture: ${result.stderr}`);
  writeFileSync(path.join(folder, 'expected.json'), result.stdout);
}

async function main() {
  for (const file of [SUITE, CLI, path.join(ROOT, 'client/out/browser.js'), path.join(ROOT, 'server/out/browser.js')]) {
    if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run npm run build first.`);
  }
  ensureCodeServer();
  const started = Date.now();
  const runDir = path.join(CACHE, 'runs', 'web');
  // The VS Code server's workbench (1.100) ignores the payload's `extensionDevelopmentKind`; a
  // user's `remote.extensionKind` moves an extension to the web worker extension host.
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const user = prepareUser(path.join(runDir, 'user'), { 'remote.extensionKind': { [`${manifest.publisher}.${manifest.name}`]: ['web'] } });
  const workspace = copyExamples(path.join(runDir, 'workspace'));
  writeFixture(workspace);

  const server = await startCodeServer(user);
  const browser = await openBrowser().catch(async (error) => {
    await server.stop();
    throw error;
  });
  const stopAll = stopOnExit([browser.browser, server]);
  const workbenchLog = createWriteStream(path.join(runDir, 'workbench.log'));
  const transcript = [];
  try {
    log(`web: code-server ${server.base} (log: ${path.relative(ROOT, server.logFile)}), the extension in the web worker extension host`);
    let finish;
    const exit = new Promise((resolve) => (finish = resolve));
    const { page } = browser;
    /** The checks' lines come through the automation hook or, from the worker, the page's console: each once. */
    const report = (text) => {
      workbenchLog.write(`${text}\n`);
      const at = text.indexOf(TAG);
      if (at === -1) return;
      const line = text.slice(at + TAG.length);
      if (transcript.includes(line)) return;
      transcript.push(line);
      if (line === LOOK_AT_PREVIEW) void lookAtPreview(page, workspace);
      else console.log(line);
    };
    page.on('console', (message) => report(`[console.${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => workbenchLog.write(`[page error] ${error.message}\n`));
    page.on('crash', () => finish({ error: 'the workbench page crashed' }));
    await page.exposeFunction('codeAutomationLog', (type, args) => report(`[${type}] ${format(...(Array.isArray(args) ? args : [args]))}`));
    await page.exposeFunction('codeAutomationExit', (code) => finish({ code }));
    const remote = (file) => `vscode-remote://127.0.0.1:${server.port}${file}`;
    const payload = [['extensionDevelopmentPath', remote(ROOT)], ['extensionDevelopmentKind', 'web'], ['extensionTestsPath', remote(SUITE)]];
    const timeout = new Promise((resolve) => setTimeout(() => resolve({ error: `no result within ${DEADLINE_MS / 1000} s` }), DEADLINE_MS).unref());
    await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { timeout: 180_000 });
    const result = await Promise.race([exit, timeout, server.exited.then((code) => ({ error: `code-server exited (${code})` }))]);
    const totals = transcript.map((line) => TOTALS.exec(line)).filter(Boolean).pop();
    const seconds = Math.round((Date.now() - started) / 1000);
    if (result.error || result.code !== 0 || !totals || Number(totals[2]) > 0) {
      console.error(`\nweb: ${result.error ?? `the checks exited with ${result.code}`} after ${seconds} s; the workbench's log: ${path.relative(ROOT, path.join(runDir, 'workbench.log'))}`);
      return false;
    }
    log(`web: ${totals[1]} passed in ${seconds} s`);
    return true;
  } finally {
    await stopAll();
    workbenchLog.end();
  }
}

const ok = await main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  return false;
});
process.exit(ok ? 0 : 1);
