/**
 * Screenshots of the example plans' previews for the README (docs/images/), taken in Debian's
 * Chromium from the same self-contained page as the export.
 *
 *   npx tsx scripts/preview-screenshots.ts
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { renderText } from '../server/src/core/render';
import { MEDIA, standalonePage } from '../server/src/core/render/page';
import { createPlanService } from '../server/src/core/workspace/service';
import { readForCore } from '../server/src/node/files';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/browser/chromium';

const ROOT = path.resolve(__dirname, '..');
const SHOTS = [
  { plan: 'examples/marketing.plan.yaml', colorScheme: 'light', from: 'main', height: 1500, name: 'preview-marketing-light.png' },
  { plan: 'examples/marketing.plan.yaml', colorScheme: 'dark', from: '#section-goals', height: 1100, name: 'preview-marketing-dark.png' },
  { plan: 'examples/sales.plan.yaml', colorScheme: 'light', from: '#section-team', height: 1780, name: 'preview-sales-light.png' },
] as const;

async function main(): Promise<void> {
  const css = fs.readFileSync(path.join(ROOT, MEDIA.style), 'utf8');
  const service = createPlanService({ readFile: readForCore });
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-shots-'));
  const context = await chromium.launchPersistentContext(userData, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1200, height: 900 } });
  try {
    fs.mkdirSync(path.join(ROOT, 'docs/images'), { recursive: true });
    for (const shot of SHOTS) {
      const file = path.join(ROOT, shot.plan);
      const rendered = renderText(service, fs.readFileSync(file, 'utf8'), file, { editorLocale: 'en' });
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: shot.colorScheme });
      await page.setContent(standalonePage({ body: rendered.html, title: rendered.title, locale: rendered.locale, css }));
      const top = await page.$eval(shot.from, (element) => element.getBoundingClientRect().top + (globalThis as unknown as { scrollY: number }).scrollY);
      const target = path.join(ROOT, 'docs/images', shot.name);
      await page.screenshot({ path: target, fullPage: true, clip: { x: 0, y: Math.max(0, top - 24), width: 1200, height: shot.height } });
      await page.close();
      console.log(`Wrote ${path.relative(ROOT, target)}`);
    }
  } finally {
    await context.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
}

void main();
