// `npm run screenshots`: the README's pictures, taken from the current code the way a user
// sees it: the VS Code server with the extension loaded, driven in headless Chromium through
// the workbench itself (explorer clicks, the command palette, the mouse, the keyboard).
// Writes docs/images/editor-{diagnostics,completion,preview-dark,preview-light}.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openBrowser } from './browser.mjs';
import { CACHE, copyExamples, ensureCodeServer, log, prepareUser, ROOT, startCodeServer, stopOnExit, workbenchUrl } from './code-server.mjs';

const IMAGES = path.join(ROOT, 'docs/images');
const LIGHT = 'Default Light Modern';
/** Settings for pictures: a clean window, no minimap, the font size people read. */
const SETTINGS = {
  'editor.minimap.enabled': false,
  'editor.fontSize': 14,
  'editor.hover.delay': 200,
  'window.commandCenter': false,
  'workbench.layoutControl.enabled': false,
  'workbench.editor.editorActionsLocation': 'default',
  'chat.disableAIFeatures': true,
  'problems.decorations.enabled': true,
};
const QUICK_INPUT = '.quick-input-widget:not([style*="display: none"])';
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function shot(page, name, clip) {
  const file = path.join(IMAGES, `${name}.png`);
  await page.screenshot({ path: file, clip });
  log(`wrote ${path.relative(ROOT, file)}`);
}

/** Runs a command by its title through the command palette, as a user would; `asks`: it opens a picker of its own. */
async function command(page, title, { asks = false } = {}) {
  await page.keyboard.press('F1');
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor();
  await input.fill(`>${title}`);
  // The row of exactly this command: fuzzy matching may put another one first.
  await page.locator(`${QUICK_INPUT} .monaco-list-row`).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) }).first().click();
  if (asks) await page.locator(`${QUICK_INPUT} input:not([aria-label*="Type the name of a command"])`).waitFor();
  else await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
}

/** Clicks a file (or folder) in the explorer by its name. */
async function clickInExplorer(page, name) {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }).first().click();
}

/** Opens a plan from the explorer and waits until its squiggles (if any) or its text are drawn. */
async function openFromExplorer(page, folder, file) {
  if (folder) await clickInExplorer(page, folder);
  await clickInExplorer(page, file);
  await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** Moves the cursor to `line` (1-based) with Go to Line, the line centred. */
async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  await page.locator(`${QUICK_INPUT} input`).waitFor();
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
}

/** The word `text` as the editor draws it. */
function editorText(page, text) {
  return page.locator('.monaco-editor .view-line span span', { hasText: text }).first();
}

/** Picks a light color theme with Preferences: Color Theme and waits until the workbench wears it. */
async function setLightTheme(page, theme) {
  await command(page, 'Preferences: Color Theme', { asks: true });
  await page.locator(`${QUICK_INPUT} input`).fill(theme.replace(/^Default /, ''));
  await page.locator(`${QUICK_INPUT} .monaco-list-row.focused`, { hasText: theme.replace(/^Default /, '') }).waitFor();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.monaco-workbench')?.classList.contains('vs'));
}

/** The preview's document inside the webview's two iframes. */
function previewFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

async function main() {
  ensureCodeServer();
  mkdirSync(IMAGES, { recursive: true });
  const runDir = path.join(CACHE, 'runs', 'screenshots');
  const user = prepareUser(path.join(runDir, 'user'), SETTINGS);
  const workspace = copyExamples(path.join(runDir, 'examples'));
  const server = await startCodeServer(user);
  const { browser, page } = await openBrowser({ width: 1440, height: 900 });
  const stopAll = stopOnExit([browser, server]);
  try {
    await page.goto(workbenchUrl(server, workspace, [['extensionDevelopmentPath', ROOT]]));
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    await page.locator('.notifications-toasts').evaluate((toasts) => toasts.remove()).catch(() => undefined);

    // 1. The flawed draft with its squiggles, the Problems panel and a diagnostic's hover.
    await openFromExplorer(page, 'flawed', 'vague-goals.plan.yaml');
    await page.locator('.monaco-editor .view-lines').first().click();
    await goToLine(page, 49);
    await page.locator('.monaco-editor [class*="squiggly-warning"]').first().waitFor({ timeout: 60_000 });
    await command(page, 'View: Toggle Problems');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor();
    const vague = editorText(page, 'Increase brand awareness');
    const box = await vague.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.locator('.monaco-hover:not(.hidden) .hover-contents').first().waitFor();
    await page.waitForTimeout(400); // the hover fades in
    await shot(page, 'editor-diagnostics');
    await page.mouse.move(10, 10);
    await page.keyboard.press('Escape');
    await command(page, 'View: Toggle Problems');

    // 2. Completion of a KPI id: the value of `kpi:` retyped.
    await goToLine(page, 74);
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('kpi: ');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget.visible .monaco-list-row').first().waitFor();
    await page.locator('.suggest-widget.visible .monaco-list-row', { hasText: 'brand-awareness' }).first().waitFor();
    await page.keyboard.press('Control+Space'); // again: the details of the selected KPI beside the list
    await page.locator('.suggest-details-container .suggest-details .docs').first().waitFor();
    await page.waitForTimeout(300); // the details are laid out after they appear
    await shot(page, 'editor-completion');
    await page.keyboard.press('Escape');
    await command(page, 'File: Revert File');

    // 3. The complete marketing plan and its preview beside it, dark then light.
    await command(page, 'View: Close All Editors');
    await openFromExplorer(page, null, 'marketing.plan.yaml');
    await page.keyboard.press('Control+B'); // hide the side bar: room for both
    await command(page, 'Plan: Open Preview to the Side');
    const preview = previewFrame(page);
    await preview.locator('.smart-letters').first().waitFor({ timeout: 60_000 });
    await preview.locator('body.vscode-dark').waitFor();
    // The goals at the top of the preview; the editor follows the preview's scrolling.
    await preview.locator('#section-goals').evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(800);
    await shot(page, 'editor-preview-dark');
    await setLightTheme(page, LIGHT);
    await preview.locator('body.vscode-light').waitFor();
    await page.waitForTimeout(500);
    await shot(page, 'editor-preview-light');
  } catch (error) {
    const failure = path.join(runDir, 'failure.png');
    await page.screenshot({ path: failure }).catch(() => undefined);
    console.error(`The screenshots stopped; the window at that moment: ${path.relative(ROOT, failure)}, the server's log: ${path.relative(ROOT, server.logFile)}`);
    throw error;
  } finally {
    await stopAll();
  }
}

await main();
