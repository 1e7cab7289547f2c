/**
 * The preview is inert, checked by the browser: the hostile plans of test/fixtures/xss.ts (every
 * text field holding every payload) rendered in the webview page with its Content Security
 * Policy and the preview's own script, in headless Chromium. No payload runs (no `__pwned`, no
 * dialog), no request leaves the page (every request of the browser is intercepted), the policy
 * never has to block anything (escaping left nothing to block), and every field shows as text.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext } from 'playwright-core';
import { renderText } from '../../server/src/core/render';
import { MEDIA, webviewPage } from '../../server/src/core/render/page';
import { memoryService, ROOT } from '../helpers';
import { CHROMIUM, CHROMIUM_ARGS } from '../browser/chromium';
import { HOSTILE_ACTUALS, hostileMarketing, hostileSales, withHostileActuals, type HostilePlan } from '../fixtures/xss';

declare const window: any;
declare const document: any;

const ORIGIN = 'https://webview.test';

describe('the preview is inert (webview page, policy and script, in Chromium)', function () {
  this.timeout(60000);
  let context: BrowserContext;
  let userData: string;
  const requests: string[] = [];
  const served = new Map<string, { body: string; type: string }>();

  before(async () => {
    assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
    assert.ok(fs.existsSync(path.join(ROOT, MEDIA.script)), `${MEDIA.script} is missing: npm run build`);
    served.set('/preview.css', { body: fs.readFileSync(path.join(ROOT, MEDIA.style), 'utf8'), type: 'text/css' });
    served.set('/preview.js', { body: fs.readFileSync(path.join(ROOT, MEDIA.script), 'utf8'), type: 'text/javascript' });
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-inert-'));
    context = await chromium.launchPersistentContext(userData, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    // Every request of the browser, to any host: recorded, and answered only for the page's own files.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      requests.push(url.href);
      const file = url.origin === ORIGIN ? served.get(url.pathname) : undefined;
      return file ? route.fulfill({ status: 200, contentType: file.type, body: file.body }) : route.abort();
    });
  });

  after(async () => {
    await context?.close();
    fs.rmSync(userData, { recursive: true, force: true });
  });

  const cases: { kind: string; plan: HostilePlan; files: Record<string, string> }[] = [
    { kind: 'marketing', plan: hostileMarketing(), files: {} },
    { kind: 'sales', plan: hostileSales(), files: {} },
    // Its actuals file too: spreadsheet formulas and markup in every column, and the progress cards it gives.
    { kind: 'sales-actuals', plan: { ...hostileSales(), yaml: withHostileActuals(hostileSales()) }, files: { '/plans/actuals.csv': HOSTILE_ACTUALS } },
  ];
  for (const { kind, plan, files } of cases) {
    it(`runs nothing and loads nothing from the hostile ${kind} plan (the payloads in each of its ${plan.labels.length} shown fields)`, async () => {
      const rendered = renderText(memoryService(files), plan.yaml, `/plans/${kind}.plan.yaml`, { editorLocale: 'en', today: '2026-07-15' });
      const html = webviewPage({ body: rendered.html, title: rendered.title, locale: rendered.locale, cspSource: ORIGIN, styleUri: `${ORIGIN}/preview.css`, scriptUri: `${ORIGIN}/preview.js`, state: { uri: `file:///p/${kind}.plan.yaml`, locked: false } });
      served.set(`/${kind}.html`, { body: html, type: 'text/html; charset=utf-8' });
      requests.length = 0;
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (event: any) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
        window.acquireVsCodeApi = () => ({ postMessage: () => undefined, getState: () => undefined, setState: () => undefined });
      });
      try {
        await page.goto(`${ORIGIN}/${kind}.html`, { waitUntil: 'load' });
        // Give handlers a chance: hover, focus, click and double-click what a reader would.
        await page.hover('h1');
        await page.keyboard.press('Tab');
        await page.mouse.click(5, 5);
        await page.dblclick('main, body');
        await page.waitForTimeout(200);
        const result = await page.evaluate(() => ({ pwned: window.__pwned, violations: window.__violations, text: document.body.innerText as string, elements: document.querySelectorAll('script, iframe, object, embed, img, link, base, form, input, style, meta[http-equiv]').length }));
        assert.strictEqual(result.pwned, undefined, 'no payload ran');
        assert.deepStrictEqual(dialogs, [], 'no dialog opened');
        assert.deepStrictEqual(requests.map((url) => new URL(url).pathname).sort(), [`/${kind}.html`, '/preview.css', '/preview.js'].sort(), 'no request left the page');
        assert.deepStrictEqual(result.violations, [], 'the policy had nothing to block');
        // The page's own elements: its script, stylesheet link and policy meta, nothing from the plan.
        assert.strictEqual(result.elements, 3, 'no element from the plan (script, image, frame, form, style...)');
        const missing = plan.labels.filter((label) => !result.text.includes(label));
        assert.deepStrictEqual(missing, [], 'every text field is shown');
        assert.ok(result.text.includes('<script>window.__pwned=1;alert(1)</script>'), 'a payload shows as text');
      } finally {
        await page.close();
      }
    });
  }
});
