/** No plan text can become markup, an attribute, a URL or CSS in the rendered plan. */
import * as assert from 'assert';
import { renderBrokenNotice } from '../../../server/src/core/render';
import { text } from '../../../server/src/core/render/html';
import { standalonePage } from '../../../server/src/core/render/page';
import { memoryService } from '../../helpers';
import { HOSTILE_BROKEN, hostileMarketing, hostileSales, PAYLOAD } from '../../fixtures/xss';
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
