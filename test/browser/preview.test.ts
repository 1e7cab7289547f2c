/**
 * The rendered plans in a real browser: Debian's Chromium, driven by playwright-core.
 * Pages are served from a made-up origin through request interception, so that every
 * request a page makes is seen. Screenshots go to test-output/ (not the repository).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { editorLine } from '../../client/src/preview/logic';
import { RENDER_ORDER, renderText } from '../../server/src/core/render';
import { MEDIA, standalonePage, webviewPage } from '../../server/src/core/render/page';
import { shiftLines } from '../../server/src/core/render/context';
import { diskService, ROOT } from '../helpers';
import { hostileMarketing, hostileSales } from '../fixtures/xss';
import { chromiumForSuite, contrast } from './chromium';

// The callbacks given to page.evaluate run in the page; these stand for its globals, loosely
// typed (the project compiles for Node.js, without the DOM library).
declare const window: any;
declare const document: any;
declare function getComputedStyle(element: unknown): any;

const ORIGIN = 'https://preview.test';
const OUTPUT = path.join(ROOT, 'test-output');
const CSS = fs.readFileSync(path.join(ROOT, MEDIA.style), 'utf8');

interface Served {
  page: Page;
  requests: string[];
  dialogs: string[];
}

/** Renders a plan file (or text) as the editor would. */
function rendered(file: string, text = fs.readFileSync(file, 'utf8')) {
  return renderText(diskService(), text, file, { editorLocale: 'en' });
}

function exported(file: string, text?: string): string {
  const plan = rendered(file, text);
  return standalonePage({ body: plan.html, title: plan.title, locale: plan.locale, css: CSS });
}

describe('preview in Chromium', function () {
  this.timeout(60000);
  const browser = chromiumForSuite(ORIGIN, OUTPUT);
  const pages = browser.pages;

  /** Runs `test` on a page served at `name` (its requests and dialogs recorded), then closes it. */
  async function withPage(name: string, html: string, test: (served: Served) => Promise<void>, setup?: (page: Page) => Promise<unknown>): Promise<void> {
    const served = await open(name, html, setup);
    try {
      await test(served);
    } finally {
      await served.page.close();
    }
  }

  async function open(name: string, html: string, setup?: (page: Page) => Promise<unknown>): Promise<Served> {
    pages.set(`/${name}`, { body: html, type: 'text/html; charset=utf-8' });
    const page = await browser.context.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await setup?.(page);
    await page.goto(`${ORIGIN}/${name}`, { waitUntil: 'load' });
    return { page, requests, dialogs };
  }

  for (const kind of ['marketing', 'sales'] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`shows the ${kind} example with its sections, charts and SMART badges, readable in ${colorScheme}`, async () => {
        const file = path.join(ROOT, 'examples', `${kind}.plan.yaml`);
        await withPage(`${kind}-${colorScheme}.html`, exported(file), async ({ page, requests, dialogs }) => {
          const sections = await page.$$eval('section.section', (elements) => elements.map((element) => element.id));
          // The examples are aligned with each other; the actuals show when the example names a file of them.
          const text = fs.readFileSync(file, 'utf8');
          assert.deepStrictEqual(sections, RENDER_ORDER[kind].filter((key) => (key !== 'actuals' && key !== 'approvals') || new RegExp(`^${key}:`, 'm').test(text)).map((key) => `section-${key}`));
          const charts = await page.$$eval('svg.chart', (elements) => elements.map((svg) => ({ kind: svg.getAttribute('class') ?? '', title: svg.querySelector(':scope > title')?.textContent ?? '', label: svg.getAttribute('aria-label'), bars: svg.querySelectorAll('rect.bar').length, width: svg.getBoundingClientRect().width })));
          const kinds = charts.map((chart) => chart.kind.replace('chart ', ''));
          for (const expected of kind === 'marketing' ? ['chart-budget', 'chart-funnel', 'chart-funnel-target', 'chart-gantt'] : ['chart-forecast', 'chart-range', 'chart-funnel', 'chart-funnel-target']) assert.ok(kinds.includes(expected), `${expected} in ${kinds.join(', ')}`);
          for (const chart of charts) {
            assert.ok(chart.title.length > 20 && chart.title === chart.label, 'a chart has a title and the same aria-label');
            if (chart.kind === 'chart chart-budget' || chart.kind === 'chart chart-gantt') assert.ok(chart.bars >= 7, 'a chart has its bars');
            // A KPI's progress chart fills half the page (two cards a row); every other chart spans it.
            assert.ok(chart.width > (chart.kind === 'chart chart-progress' ? 400 : 900), `${chart.kind} is ${chart.width} wide`);
          }
          const badges = await page.$$eval('.smart-letter', (elements) => elements.map((element) => [element.className, element.getAttribute('title'), element.textContent]));
          assert.strictEqual(badges.length, kind === 'marketing' ? 30 : 35);
          for (const [className, title, content] of badges) {
            assert.strictEqual(className, 'smart-letter smart-pass');
            assert.match(title ?? '', /: passes$/);
            assert.match(content ?? '', /^[SMART](Specific|Measurable|Achievable|Relevant|Time-bound): passes$/);
          }
          // Readable: body text, muted labels and chart labels against the page background.
          const colors = await page.evaluate(() => {
            const color = (selector: string, property: 'color' | 'fill' | 'backgroundColor') => getComputedStyle(document.querySelector(selector)!)[property];
            return { background: color('body', 'backgroundColor'), text: color('body', 'color'), muted: color('.figure-label', 'color'), chart: color('svg.chart .axis-label', 'fill'), link: color('.section-number', 'backgroundColor') };
          });
          const dark = contrast(colors.background, 'rgb(0, 0, 0)') < contrast(colors.background, 'rgb(255, 255, 255)');
          assert.strictEqual(dark, colorScheme === 'dark', `the ${colorScheme} palette is used (${colors.background})`);
          assert.ok(contrast(colors.text, colors.background) >= 12, `body text contrast ${contrast(colors.text, colors.background)}`);
          assert.ok(contrast(colors.muted, colors.background) >= 4.5, `muted text contrast ${contrast(colors.muted, colors.background)}`);
          assert.ok(contrast(colors.chart, colors.background) >= 4.5, `chart label contrast ${contrast(colors.chart, colors.background)}`);
          assert.deepStrictEqual(requests, [`${ORIGIN}/${kind}-${colorScheme}.html`], 'the export makes no other request');
          assert.deepStrictEqual(dialogs, []);
          await page.screenshot({ path: path.join(OUTPUT, `preview-${kind}-${colorScheme}.png`), fullPage: true });
        }, (p) => p.emulateMedia({ colorScheme }));
      });
    }
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows a sales plan's figures (seasonal forecast and target, funnel with its aligned marketing plan, capacity, unit economics, actuals), readable in ${colorScheme}`, async () => {
      const file = path.join(ROOT, 'test/fixtures/figures/sales.plan.yaml');
      const plan = renderText(diskService(), fs.readFileSync(file, 'utf8'), file, { editorLocale: 'en', today: '2026-07-15' });
      const html = standalonePage({ body: plan.html, title: plan.title, locale: plan.locale, css: CSS });
      await withPage(`figures-${colorScheme}.html`, html, async ({ page, requests, dialogs }) => {
        const sections = await page.$$eval('section.section', (elements) => elements.map((element) => element.id));
        for (const key of ['forecast', 'alignment', 'economics', 'actuals']) assert.ok(sections.includes(`section-${key}`), key);
        const charts = await page.$$eval('svg.chart', (elements) =>
          elements.map((svg) => ({ kind: svg.getAttribute('class'), title: svg.querySelector(':scope > title')?.textContent ?? '', label: svg.getAttribute('aria-label'), height: svg.getBoundingClientRect().height })),
        );
        assert.deepStrictEqual(charts.map((chart) => chart.kind), ['chart chart-capacity', 'chart chart-forecast', 'chart chart-range', 'chart chart-funnel', 'chart chart-funnel-target', 'chart chart-progress', 'chart chart-progress', 'chart chart-progress', 'chart chart-progress']);
        for (const chart of charts) {
          assert.ok(chart.title.length > 20 && chart.title === chart.label, `${chart.kind} has a title and the same aria-label`);
          assert.ok(chart.height > 60, `${chart.kind} is drawn (${chart.height} px high)`);
        }
        // The forecast's intervals are shaded areas that widen out of the last actual quarter; the target is a line.
        const forecast = await page.evaluate(() => {
          const svg = document.querySelector('svg.chart-forecast')!;
          const band = svg.querySelector('path.band-95')!;
          const box = band.getBoundingClientRect();
          return { bands: svg.querySelectorAll('path.band-95, path.band-80').length, fill: getComputedStyle(band).fill, opacity: Number(getComputedStyle(band).fillOpacity), width: box.width, target: [...document.querySelectorAll('svg.chart-range line.target-line')].filter((line) => Number(line.getAttribute('y2')) - Number(line.getAttribute('y1')) > 20).length };
        });
        assert.strictEqual(forecast.bands, 2);
        assert.ok(forecast.opacity > 0 && forecast.opacity < 1 && forecast.fill !== 'none', `the intervals are shaded (${forecast.fill}, ${forecast.opacity})`);
        assert.ok(forecast.width > 100, 'the intervals span the plan year');
        assert.strictEqual(forecast.target, 1, 'the revenue target is a line');
        // Each KPI's status, and the data behind every chart (a table to open).
        const badges = await page.$$eval('.progress-badge', (elements) => elements.map((element) => element.textContent));
        assert.deepStrictEqual(badges, ['On track', 'Off track', 'On track', 'At risk']);
        assert.strictEqual(await page.$$eval('#section-actuals details.chart-data table', (tables) => tables.length), 4);
        assert.strictEqual(await page.$$eval('#section-forecast details.chart-data table.forecast-table', (tables) => tables.length), 1);
        assert.strictEqual(await page.$$eval('#section-alignment table.lever-table tbody tr', (rows) => rows.length), 4);
        // Readable: the badges, the funnel's step labels, the captions and the zone labels against the page.
        const colors = await page.evaluate(() => {
          const color = (selector: string, property: 'color' | 'fill' | 'backgroundColor') => getComputedStyle(document.querySelector(selector)!)[property];
          return {
            background: color('body', 'backgroundColor'),
            badges: ['.progress-on-track', '.progress-off-track', '.progress-at-risk'].map((selector) => color(selector, 'color')),
            step: color('svg.chart-funnel .step-label', 'fill'),
            stage: color('svg.chart-funnel .stage-value', 'fill'),
            caption: color('#section-forecast .chart-caption', 'color'),
            zone: color('svg.chart-range .axis-label', 'fill'),
            gap: color('svg.chart-funnel-target .gap-label', 'fill'),
          };
        });
        for (const [name, value] of Object.entries({ ...colors, badges: undefined })) {
          if (name === 'background' || value === undefined) continue;
          assert.ok(contrast(value as string, colors.background) >= 4.5, `${name} contrast ${contrast(value as string, colors.background)}`);
        }
        for (const badge of colors.badges) assert.ok(contrast(badge, colors.background) >= 3, `badge contrast ${contrast(badge, colors.background)}`);
        assert.deepStrictEqual(requests, [`${ORIGIN}/figures-${colorScheme}.html`], 'the export makes no other request');
        assert.deepStrictEqual(dialogs, []);
        await page.screenshot({ path: path.join(OUTPUT, `preview-figures-${colorScheme}.png`), fullPage: true });
      }, (p) => p.emulateMedia({ colorScheme }));
    });
  }

  it('shows a draft with its findings marked in place, and prints black on white', async () => {
    const file = path.join(ROOT, 'examples/flawed/vague-goals.plan.yaml');
    await withPage('vague-goals.html', exported(file), async ({ page }) => {
      const marked = await page.$$eval('article.goal.has-problems', (elements) => elements.length);
      assert.ok(marked >= 5, `${marked} goals are marked`);
      const failing = await page.$$eval('.smart-fail', (elements) => elements.length);
      assert.ok(failing >= 6, `${failing} SMART letters fail`);
      await page.screenshot({ path: path.join(OUTPUT, 'preview-vague-goals.png'), fullPage: true });
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      const print = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
      assert.deepStrictEqual(print, ['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
    });
  });

  it('shows a Romanian plan in Romanian', async () => {
    const file = path.join(ROOT, 'test/scenarios/ro/aliniere/marketing.plan.yaml');
    await withPage('ro.html', exported(file), async ({ page }) => {
      assert.strictEqual(await page.getAttribute('html', 'lang'), 'ro');
      assert.strictEqual(await page.textContent('#section-summary h2'), '1Rezumat');
      await page.screenshot({ path: path.join(OUTPUT, 'preview-romanian.png'), fullPage: true });
    });
  });

  describe('hostile plans', () => {
    for (const [name, plan] of [['marketing', hostileMarketing()], ['sales', hostileSales()]] as const) {
      const body = rendered(`/plans/${name}.plan.yaml`, plan.yaml);
      const variants = {
        'the export (with its policy)': standalonePage({ body: body.html, title: body.title, locale: body.locale, css: CSS }),
        'the bare body (no policy: escaping alone)': `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body.html}</body></html>`,
      };
      for (const [variant, html] of Object.entries(variants)) {
        it(`runs no script and loads nothing from the ${name} plan in ${variant}`, async () => {
          const pageName = `hostile-${name}-${variant.split(' ')[1]}.html`;
          await withPage(pageName, html, async ({ page, requests, dialogs }) => {
            await page.hover('h1');
            await page.mouse.move(10, 10);
            await page.dblclick('.summary, main');
            await page.waitForTimeout(100);
            assert.strictEqual(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, 'no payload ran');
            assert.deepStrictEqual(dialogs, []);
            assert.deepStrictEqual(requests, [`${ORIGIN}/${pageName}`], 'no request left the page');
            const elements = await page.evaluate(() => ({
              scripts: document.querySelectorAll('script, iframe, object, embed, img, link, base, meta[http-equiv="refresh"]').length,
              styles: document.querySelectorAll('style').length,
              handlers: [...document.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('on'))).length,
              unsafeLinks: [...document.querySelectorAll('a[href]')].filter((link) => !/^(https?:|mailto:|#)/.test(link.getAttribute('href') ?? '')).length,
              visible: getComputedStyle(document.body).display !== 'none',
              text: document.body.textContent ?? '',
            }));
            assert.deepStrictEqual(
              { scripts: elements.scripts, styles: elements.styles, handlers: elements.handlers, unsafeLinks: elements.unsafeLinks, visible: elements.visible },
              { scripts: 0, styles: html.includes('<style>') ? 1 : 0, handlers: 0, unsafeLinks: 0, visible: true },
            );
            assert.ok(elements.text.includes('<script>window.__pwned=1;alert(1)</script>'), 'the payload shows as text');
            assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(elements.text), 'bidirectional controls are neutralised');
          });
        });
      }
    }
  });

  describe('preview script in the webview page', () => {
    const file = path.join(ROOT, 'examples/marketing.plan.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const lineOf = (prefix: string) => text.split('\n').findIndex((line) => line.startsWith(prefix));

    /** The webview page with a stand-in for VS Code's webview API that records what the script posts. */
    async function webview(body: string, test: (served: Served) => Promise<void>, state: Record<string, unknown> = { uri: 'file:///p/marketing.plan.yaml', locked: false }, parts?: string[]): Promise<void> {
      const script = path.join(ROOT, MEDIA.script);
      assert.ok(fs.existsSync(script), `${MEDIA.script} is missing: npm run build`);
      pages.set('/preview.css', { body: CSS, type: 'text/css' });
      pages.set('/preview.js', { body: fs.readFileSync(script, 'utf8'), type: 'text/javascript' });
      const html = webviewPage({ body, title: 'Plan', locale: 'en', cspSource: ORIGIN, styleUri: `${ORIGIN}/preview.css`, scriptUri: `${ORIGIN}/preview.js`, state, parts });
      return withPage('webview.html', html, test, (page) =>
        page.addInitScript(() => {
          const recorded = { messages: [] as unknown[], state: undefined as unknown };
          Object.assign(window, {
            __recorded: recorded,
            acquireVsCodeApi: () => ({ postMessage: (message: unknown) => recorded.messages.push(message), getState: () => recorded.state, setState: (value: unknown) => (recorded.state = value) }),
          });
        }),
      );
    }

    const messages = (page: Page) => page.evaluate(() => (window as unknown as { __recorded: { messages: { type: string; line?: number }[] } }).__recorded.messages);
    const post = (page: Page, message: unknown) => page.evaluate((data) => window.postMessage(data, '*'), message);

    it('loads its script under the policy and says it is ready', async () => {
      await webview(rendered(file).html, async ({ page, requests }) => {
        assert.deepStrictEqual(await messages(page), [{ type: 'ready' }]);
        assert.deepStrictEqual(requests.map((url) => new URL(url).pathname).sort(), ['/preview.css', '/preview.js', '/webview.html']);
      });
    });

    it('scrolls to the line the editor shows, and reports the line at its top when the user scrolls', async () => {
      await webview(rendered(file).html, async ({ page }) => {
        const budget = lineOf('budget:');
        await post(page, { type: 'scrollTo', line: budget });
        await page.waitForFunction(() => window.scrollY > 0);
        const [scrollY, top] = await page.evaluate(() => [window.scrollY, document.getElementById('section-budget')!.getBoundingClientRect().top + window.scrollY]);
        assert.ok(Math.abs(scrollY - (top - 8)) <= 2, `scrolled to the budget section (${scrollY} vs ${top})`);
        assert.deepStrictEqual(await messages(page), [{ type: 'ready' }], 'its own scroll is not echoed back');

        const calendarTop = await page.evaluate(() => document.getElementById('section-calendar')!.getBoundingClientRect().top + window.scrollY);
        await page.evaluate((y) => window.scrollTo(0, y), calendarTop - 8);
        await page.waitForFunction(() => (window as unknown as { __recorded: { messages: unknown[] } }).__recorded.messages.length > 1);
        const reported = (await messages(page)).at(-1)!;
        assert.strictEqual(reported.type, 'scroll');
        const calendar = lineOf('calendar:');
        assert.strictEqual(editorLine(reported.line!, Infinity), calendar, `reports the calendar's line ${calendar}, got ${reported.line}`);
        const saved = await page.evaluate(() => (window as unknown as { __recorded: { state: { line: number } } }).__recorded.state.line);
        assert.strictEqual(saved, reported.line, 'the line is kept in the webview state for reloads');
      });
    });

    it('reveals the source of a double-clicked block and of a clicked finding', async () => {
      const flawed = path.join(ROOT, 'examples/flawed/vague-goals.plan.yaml');
      await webview(rendered(flawed).html, async ({ page }) => {
        const goal = page.locator('article.goal').nth(1);
        const line = Number(await goal.getAttribute('data-line'));
        // Playwright scrolls what it clicks into view: the script reports those scrolls too.
        const reveals = async () => (await messages(page)).filter((message) => message.type === 'reveal');
        await goal.locator('.goal-statement').dblclick();
        assert.deepStrictEqual(await reveals(), [{ type: 'reveal', line }]);
        const marker = page.locator('article.goal .problem-marker').first();
        const target = Number(await marker.getAttribute('data-reveal'));
        await marker.click();
        assert.deepStrictEqual((await reveals()).at(-1), { type: 'reveal', line: target });
      });
    });

    it('patches in the parts that changed, keeps the others as they are, keeps its place and the source lines right', async () => {
      const before = rendered(file);
      const ids = before.parts.map((part, index) => `${part.key}-${index}`);
      // A line added to the goals: the goals section changes, every section after it has new source lines.
      const at = text.indexOf('\n', text.indexOf('    statement:', text.indexOf('\ngoals:')));
      const after = rendered(file, `${text.slice(0, at)} quickly\n    # reviewed${text.slice(at)}`);
      await webview(before.html, async ({ page }) => {
        await page.evaluate(() => window.scrollTo(0, 1500));
        await page.waitForFunction(() => window.scrollY === 1500);
        // Marks on the elements: kept parts keep them, new ones do not have them.
        await page.evaluate(() => [...document.querySelectorAll('main > *')].forEach((element: { dataset: Record<string, string> }, index: number) => (element.dataset.mark = String(index))));
        // As the server says it: kept, moved down a line (the same but for its source lines), or new.
        const parts = after.parts.map((part, index) => {
          const old = before.parts[index]?.html;
          if (old === part.html) return { id: ids[index] };
          if (old !== undefined && shiftLines(old, 1) === part.html) return { id: `moved-${index}`, moved: { from: ids[index], lines: 1 } };
          return { id: `new-${index}`, html: part.html };
        });
        assert.ok(parts.filter((part) => 'moved' in part).length >= 5, 'the sections after the goals moved down a line');
        await post(page, { type: 'patch', ok: true, notice: '', open: after.open, parts });
        await page.waitForFunction(() => document.querySelector('#section-goals')?.textContent?.includes('quickly'));
        const marks = await page.evaluate(() => [...document.querySelectorAll('main > *')].map((element: { dataset: Record<string, string> }) => element.dataset.mark ?? null));
        assert.deepStrictEqual(marks, parts.map((part, index) => ('html' in part ? null : String(index))), 'unchanged and moved parts are the same elements');
        assert.ok(parts.filter((part) => !('html' in part) && !('moved' in part)).length >= 3, 'some parts are kept');
        const shown = await page.evaluate(() => {
          document.querySelectorAll('[data-mark]').forEach((element: { removeAttribute(name: string): void }) => element.removeAttribute('data-mark'));
          return document.getElementById('plan-root')!.innerHTML;
        });
        assert.strictEqual(await page.evaluate(() => window.scrollY), 1500, 'the preview did not move');
        // The same page as the whole new rendering gives (both as the browser writes them out).
        await post(page, { type: 'update', html: after.html, ok: true, parts: after.parts.map((_, index) => `whole-${index}`) });
        assert.strictEqual(await page.evaluate(() => document.getElementById('plan-root')!.innerHTML), shown, 'the page shows exactly the new rendering');
        // A patch that names a part the page does not show: it asks for the whole rendering.
        await post(page, { type: 'patch', ok: true, notice: '', open: after.open, parts: [{ id: 'unknown' }] });
        await page.waitForFunction(() => (window as unknown as { __recorded: { messages: { type: string }[] } }).__recorded.messages.some((message) => message.type === 'resync'));
        assert.strictEqual(await page.evaluate(() => document.getElementById('plan-root')!.innerHTML), shown, 'left as it was');
      }, undefined, ids);
    });

    it('swaps in a new rendering without moving, and starts at the line it was left on', async () => {
      await webview(rendered(file).html, async ({ page }) => {
        const channelsTop = await page.evaluate(() => document.getElementById('section-channels')!.getBoundingClientRect().top + window.scrollY);
        const start = await page.evaluate(() => window.scrollY);
        assert.ok(Math.abs(start - (channelsTop - 8)) <= 2, `restored to the channels section (${start} vs ${channelsTop})`);
        await page.evaluate(() => window.scrollTo(0, 2000));
        await page.waitForFunction(() => window.scrollY === 2000);
        const edited = rendered(file, text.replace('marketing plan 2026', 'marketing plan 2026, edited')).html;
        await post(page, { type: 'update', html: edited, ok: true });
        await page.waitForFunction(() => document.querySelector('h1')?.textContent?.endsWith('edited'));
        assert.strictEqual(await page.evaluate(() => window.scrollY), 2000);
        const hostile = rendered('/plans/hostile.plan.yaml', hostileMarketing().yaml).html;
        await post(page, { type: 'update', html: hostile, ok: true });
        await page.waitForFunction(() => document.querySelector('h1')?.textContent?.startsWith('marketing-title'));
        await page.waitForTimeout(100);
        assert.strictEqual(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, 'an update runs nothing either');
      }, { uri: 'file:///p/marketing.plan.yaml', locked: false, line: lineOf('channels:') });
    });
  });
});
