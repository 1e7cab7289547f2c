import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium as the browser tests and the screenshot script launch it. */
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * A headless Chromium for one suite (call it inside `describe`): launched before the suite's
 * tests and closed after them, serving `pages` (by path) at `origin`.
 */
export function chromiumForSuite(origin: string, outputFolder: string): { readonly context: BrowserContext; readonly pages: Map<string, { body: string; type: string }> } {
  let context: BrowserContext | undefined;
  let userData = '';
  const pages = new Map<string, { body: string; type: string }>();
  before(async () => {
    assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-chromium-'));
    fs.mkdirSync(outputFolder, { recursive: true });
    context = await chromium.launchPersistentContext(userData, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1100, height: 900 } });
    // Functions handed to the page are compiled by tsx, which names them with a helper the page lacks.
    await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    await context.route(`${origin}/**`, (route) => {
      const served = pages.get(new URL(route.request().url()).pathname);
      return served ? route.fulfill({ status: 200, contentType: served.type, body: served.body }) : route.fulfill({ status: 404, body: '' });
    });
  });
  after(async () => {
    await context?.close();
    fs.rmSync(userData, { recursive: true, force: true });
  });
  return {
    get context() {
      if (!context) throw new Error('Chromium starts in the suite’s before hook');
      return context;
    },
    pages,
  };
}

/** WCAG contrast ratio of two CSS colours (rgb or rgba, alpha ignored). */
export function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((channel) => {
      const value = Number(channel) / 255;
      return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
