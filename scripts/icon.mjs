// Renders images/icon.svg to the 128×128 images/icon.png that the .vsix shows (`node scripts/icon.mjs`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowser } from './e2e/browser.mjs';

const images = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../images');
const { browser, page } = await openBrowser({ width: 128, height: 128 });
try {
  await page.setContent(`<html><body style="margin:0;background:transparent">${readFileSync(path.join(images, 'icon.svg'), 'utf8')}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(images, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
