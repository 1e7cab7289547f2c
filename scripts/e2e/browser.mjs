// Headless Chromium (Debian's `chromium`, or $CHROMIUM), driven by playwright-core, for the VS Code workbench.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

/** Flags for a machine whose network is closed: no background connections, no sandbox (root), no GPU. */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export function chromiumPath() {
  const found = [process.env.CHROMIUM, ...CANDIDATES].find((candidate) => candidate && existsSync(candidate));
  if (!found) throw new Error('No Chromium found: install Debian\'s `chromium` (apt-get install chromium) or set CHROMIUM to a Chromium or Chrome binary.');
  return found;
}

/** A browser with a fresh profile and one page of `width`×`height`. */
export async function openBrowser({ width = 1400, height = 900, colorScheme = 'dark' } = {}) {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: FLAGS });
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, colorScheme });
  const page = await context.newPage();
  return { browser, context, page };
}
