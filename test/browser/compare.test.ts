/**
 * The preview's compare mode in a real browser (Debian's Chromium through playwright-core): the
 * marketing example compared with an older version of it (test/fixtures/compare.ts). The
 * summary is on top, changed values show their old value struck through, added and removed
 * items are marked where they are (were), and the button leaves compare mode. Screenshots go to
 * test-output/compare-*.png for people to look at.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { renderPlan } from '../../server/src/core/render';
import { MEDIA, standalonePage, webviewPage } from '../../server/src/core/render/page';
import { diffVersions } from '../../server/src/core/features/diff';
import { diskService, ROOT } from '../helpers';
import { MARKETING_FILE, olderMarketing } from '../fixtures/compare';
import { chromiumForSuite, contrast } from './chromium';

declare const window: any;
declare const document: any;
declare function getComputedStyle(element: unknown, pseudo?: string): any;

const ORIGIN = 'https://compare.test';
const OUTPUT = path.join(ROOT, 'test-output');
const CSS = fs.readFileSync(path.join(ROOT, MEDIA.style), 'utf8');

/** The marketing example rendered in compare mode against its older version, as the server does. */
function compared(base = 'HEAD') {
  const newer = fs.readFileSync(MARKETING_FILE, 'utf8');
  const plan = diskService().check(newer, MARKETING_FILE, { editorLocale: 'en' });
  // The older version has a service of its own, as in the language server.
  const older = diskService().check(olderMarketing(newer), MARKETING_FILE, { editorLocale: 'en' });
  return renderPlan({ ...plan, compare: { diff: diffVersions(older, plan), before: older.parsed.value, base } });
}

describe('compare mode of the preview in Chromium', function () {
  this.timeout(60000);
  const browser = chromiumForSuite(ORIGIN, OUTPUT);
  const pages = browser.pages;

  async function withPage(name: string, html: string, test: (page: Page) => Promise<void>, setup?: (page: Page) => Promise<unknown>): Promise<void> {
    pages.set(`/${name}`, { body: html, type: 'text/html; charset=utf-8' });
    const page = await browser.context.newPage();
    try {
      await setup?.(page);
      await page.goto(`${ORIGIN}/${name}`, { waitUntil: 'load' });
      await test(page);
    } finally {
      await page.close();
    }
  }

  /** The webview page, with a stand-in for VS Code's webview API that records what the script posts. */
  function webview(body: string): string {
    const script = path.join(ROOT, MEDIA.script);
    assert.ok(fs.existsSync(script), `${MEDIA.script} is missing: npm run build`);
    pages.set('/preview.css', { body: CSS, type: 'text/css' });
    pages.set('/preview.js', { body: fs.readFileSync(script, 'utf8'), type: 'text/javascript' });
    return webviewPage({ body, title: 'Plan', locale: 'en', cspSource: ORIGIN, styleUri: `${ORIGIN}/preview.css`, scriptUri: `${ORIGIN}/preview.js`, state: { uri: 'file:///p/marketing.plan.yaml', locked: false } });
  }
  const recordMessages = (page: Page) =>
    page.addInitScript(() => {
      const recorded = { messages: [] as unknown[], state: undefined as unknown };
      Object.assign(window, {
        __recorded: recorded,
        acquireVsCodeApi: () => ({ postMessage: (message: unknown) => recorded.messages.push(message), getState: () => recorded.state, setState: (value: unknown) => (recorded.state = value) }),
      });
    });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`puts the summary on top and marks changed, added and removed items in place, readable in ${colorScheme}`, async () => {
      const plan = compared();
      await withPage(`compare-${colorScheme}.html`, webview(plan.html), async (page) => {
        await page.emulateMedia({ colorScheme });
        const top = await page.$eval('#plan-root main', (main) => ({ first: main.firstElementChild?.className, title: main.querySelector('.compare-title')?.textContent, summary: [...main.querySelectorAll('.compare-summary li')].map((li: any) => li.textContent) }));
        assert.strictEqual(top.first, 'compare-banner', 'the summary comes first');
        assert.strictEqual(top.title, 'Compared with HEAD');
        assert.deepStrictEqual(top.summary, [
          'Sales-qualified leads target +6.7 %',
          'Budget unchanged in total, 20,000 RON moved from HR and office-management events to LinkedIn ads and lead-gen forms',
          '1 goal added, 1 removed, 1 changed',
          '1 calendar activity removed, 1 changed',
          'Also changed: Plan details',
          'SMART 5/6 → 6/6',
          'Funnel gap 1.2 % → 0 %',
        ]);

        // The changed values: the old one struck through (shown, in the plan's format), the new one after it.
        const changes = await page.$$eval('.diff-change', (elements) =>
          elements.map((element: any) => {
            const old = element.querySelector('del.diff-old');
            return { old: old.textContent, now: element.querySelector('ins.diff-new').textContent, line: getComputedStyle(old).textDecorationLine, visible: old.getBoundingClientRect().width > 0 };
          }),
        );
        const pairs = changes.map((change) => `${change.old} → ${change.now}`);
        for (const expected of ['Someș Coffee Roasters — marketing plan 2026 (draft) → Someș Coffee Roasters — marketing plan 2026', '1,500 → 1,600', '30 Jun 2026 → 30 Sept 2026', '120,000 RON → 140,000 RON', '80,000 RON → 60,000 RON']) {
          assert.ok(pairs.includes(expected), `${expected} in ${pairs.join(' | ')}`);
        }
        assert.ok(changes.every((change) => change.line === 'line-through' && change.visible), 'old values are struck through and shown');
        assert.ok(pairs.includes('13 May 2026 – 14 May 2026 → 20 May 2026 – 21 May 2026'), 'the calendar dates, as ranges');

        // The removed calendar activity: a struck-through row where the table ends, without a source line.
        const activities = await page.$$eval('#section-calendar tr.activity', (rows) => rows.map((row: any) => ({ name: row.querySelector('th')?.textContent, diff: row.dataset.diff ?? '', line: row.dataset.line ?? null, decoration: getComputedStyle(row.querySelector('th')).textDecorationLine })));
        assert.deepStrictEqual(activities.filter((row) => row.diff !== ''), [
          { name: 'Stand at the People & Culture Summit, Bucharest', diff: 'changed', line: activities.find((row) => row.name?.startsWith('Stand at the People'))!.line, decoration: 'none' },
          { name: 'Stand at the Horeca trade fair, Bucharest', diff: 'removed', line: null, decoration: 'line-through' },
        ]);

        // The added goal is marked; the removed one is shown struck through where it was, without a source line.
        const goals = await page.$$eval('#section-goals article.goal', (cards) => cards.map((card: any) => ({ id: card.querySelector('.goal-id')?.textContent, diff: card.dataset.diff ?? '', line: card.dataset.line ?? null, label: getComputedStyle(card, '::after').content, decoration: getComputedStyle(card).textDecorationLine })));
        assert.deepStrictEqual(goals.map((goal) => `${goal.id}:${goal.diff}`), ['qualified-leads:changed', 'cheaper-leads:changed', 'demo-conversion:', 'awareness:', 'trade-fair:removed', 'newsletter-opens:added', 'marketing-return:']);
        const removed = goals.find((goal) => goal.diff === 'removed')!;
        assert.strictEqual(removed.line, null, 'a removed goal is in no line of the text');
        assert.strictEqual(removed.decoration, 'line-through');
        assert.strictEqual(removed.label, '"removed"');
        assert.strictEqual(goals.find((goal) => goal.diff === 'added')!.label, '"added"');

        // Readable: the old values and the banner's text contrast with the page.
        const colours = await page.$eval('del.diff-old', (element: any) => ({ fg: getComputedStyle(element).color, bg: getComputedStyle(document.body).backgroundColor }));
        assert.ok(contrast(colours.fg, colours.bg) >= 3, `old values readable: ${colours.fg} on ${colours.bg}`);

        await page.screenshot({ path: path.join(OUTPUT, `compare-${colorScheme}.png`), fullPage: false });
        if (colorScheme === 'light') {
          await page.click('.compare-details > summary');
          await (await page.$('.compare-banner'))!.screenshot({ path: path.join(OUTPUT, 'compare-details.png') });
          for (const section of ['goals', 'budget', 'calendar']) {
            await page.$eval(`#section-${section}`, (element: any) => element.scrollIntoView());
            await page.screenshot({ path: path.join(OUTPUT, `compare-${section}.png`) });
          }
        }
      }, recordMessages);
    });
  }

  it('leaves compare mode from its button', async () => {
    await withPage('compare-leave.html', webview(compared().html), async (page) => {
      await page.click('button.compare-leave');
      const messages = await page.evaluate(() => window.__recorded.messages);
      assert.deepStrictEqual(messages, [{ type: 'ready' }, { type: 'leaveCompare' }]);
    }, recordMessages);
  });

  it('says when nothing changed, and exports without the button', async () => {
    const newer = fs.readFileSync(MARKETING_FILE, 'utf8');
    const plan = diskService().check(newer, MARKETING_FILE, { editorLocale: 'en' });
    const body = renderPlan({ ...plan, compare: { diff: diffVersions(plan, plan), before: plan.parsed.value, base: 'main' } }).html;
    await withPage('compare-none.html', standalonePage({ body, title: 'Plan', locale: 'en', css: CSS }), async (page) => {
      assert.strictEqual(await page.$eval('.compare-none', (element: any) => element.textContent), 'Nothing changed since main.');
      assert.strictEqual(await page.$$eval('[data-diff]', (elements) => elements.length), 0);
      assert.strictEqual(await page.$eval('.compare-leave', (element: any) => getComputedStyle(element).display), 'none');
    });
  });
});
