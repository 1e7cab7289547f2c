/** No plan text can become markup, an attribute, a URL or CSS in the rendered plan. */
import * as assert from 'assert';
import { renderBrokenNotice } from '../../../server/src/core/render';
import { text } from '../../../server/src/core/render/html';
import { standalonePage } from '../../../server/src/core/render/page';
import { memoryService } from '../../helpers';
import { HOSTILE_ACTUALS, HOSTILE_BROKEN, hostileMarketing, hostileSales, PAYLOAD, withHostileActuals } from '../../fixtures/xss';
import { renderText } from '../../../server/src/core/render';
import { PLAN_PATH, render } from './helpers';
import { assertInert } from './inert';

/** The payload as the renderer shows it: escaped, with the bidirectional controls replaced. */
const SHOWN = text(PAYLOAD);

for (const [name, plan] of [['marketing', hostileMarketing()], ['sales', hostileSales()]] as const) {
  describe(`hostile ${name} plan`, () => {
    for (const locale of ['en', 'ro']) {
      it(`renders every text field as text, in ${locale}`, () => {
        const rendered = render(plan.yaml, locale);
        assertInert(rendered.html);
        for (const label of plan.labels) {
          assert.ok(rendered.html.includes(`${text(label)} `), `the field labelled ${label} is shown`);
        }
        assert.ok(rendered.html.includes(SHOWN), 'the payload shows as text');
        assert.ok(!rendered.html.includes('<script'), 'no script element');
        assert.ok(!rendered.html.includes('</style'), 'no closing style tag');
      });
    }

    it('keeps the payload out of the page shell too', () => {
      const rendered = render(plan.yaml);
      const page = standalonePage({ body: rendered.html, title: rendered.title, locale: rendered.locale, css: 'body{}' });
      assert.strictEqual(page.match(/<script/g), null);
      assert.strictEqual(page.match(/<style/g)?.length, 1, 'only the stylesheet of the page');
      assert.match(page, /<title>[a-z]+-title &lt;script&gt;window.__pwned=1;alert\(1\)&lt;\/script&gt;/);
    });
  });
}

describe('hostile broken plan', () => {
  it('shows the notice and what could be read as text', () => {
    const rendered = render(HOSTILE_BROKEN);
    assert.strictEqual(rendered.ok, false);
    assertInert(rendered.html);
    const service = memoryService();
    const { parsed, model } = service.snapshot(HOSTILE_BROKEN, PLAN_PATH);
    const notice = renderBrokenNotice({ parsed, model, findings: rendered.findings, smart: [], locale: 'en' });
    assertInert(notice);
    assert.match(notice, /class="notice notice-broken"/);
    assert.match(notice, /class="problem problem-error"/);
  });
});

describe('hostile actuals file', () => {
  it('shows spreadsheet formulas and markup from the CSV as text, and draws the rows it can read', () => {
    const plan = hostileSales();
    for (const locale of ['en', 'ro']) {
      const rendered = renderText(memoryService({ '/plans/actuals.csv': HOSTILE_ACTUALS }), withHostileActuals(plan), PLAN_PATH, { editorLocale: locale, today: '2026-07-15' });
      assertInert(rendered.html);
      // The readable rows of `leads` make a card under the plan's hostile KPI name; the section lists what the file could not give.
      assert.match(rendered.html, /<section class="section section-actuals has-problems has-warning"[^>]*>/);
      assert.ok(rendered.html.includes(`<h3 class="item-title">${text(`sales-kpi-name ${PAYLOAD}`)}</h3>`), 'the KPI name is text');
      // Each bad cell is quoted in a finding, escaped.
      for (const cell of ['=HYPERLINK(&quot;https://evil.test/csv&quot;,&quot;pwned&quot;)', '=cmd|&#39; /C calc&#39;!A0', '&lt;script&gt;window.__pwned=60&lt;/script&gt;', '&lt;img src=x onerror=window.__pwned=61&gt;', '+SUM(1,1)', '@SUM(A1)', '-2+3', '&lt;svg onload=window.__pwned=62&gt;']) {
        assert.ok(rendered.html.includes(cell), `${cell} is shown as text`);
      }
      assert.ok(!rendered.html.includes('<script'), 'no script element');
    }
  });
});
