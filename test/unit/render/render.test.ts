/** The whole document: sections in the template's order, headings in the plan's language, source lines, findings in place. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RENDER_ORDER, renderText } from '../../../server/src/core/render';
import { EXPECTED_SECTIONS } from '../../../server/src/core/model/templates';
import { LineIndex } from '../../../server/src/core/base/text';
import { en } from '../../../server/src/core/base/messages/en';
import { ro } from '../../../server/src/core/base/messages/ro';
import { diskService, ROOT, yaml } from '../../helpers';
import { render } from './helpers';
import { assertInert } from './inert';

const EXAMPLES = ['marketing', 'sales'] as const;

function example(kind: (typeof EXAMPLES)[number]) {
  const filePath = path.join(ROOT, 'examples', `${kind}.plan.yaml`);
  const text = fs.readFileSync(filePath, 'utf8');
  return { filePath, text };
}

/** The sections an example shows: all of its template's, the funnel (the examples are aligned) and the unit economics (sales), and the actuals when it names a file of them. */
function shownIn(kind: (typeof EXAMPLES)[number], text: string): string[] {
  return RENDER_ORDER[kind].filter((key) => (key !== 'actuals' && key !== 'approvals') || new RegExp(`^${key}:`, 'm').test(text));
}

/** Section keys of the `<section id="section-…">` elements, in document order. */
function sectionKeys(html: string): string[] {
  return [...html.matchAll(/<section[^>]* id="section-([a-z]+)"/g)].map((match) => match[1]);
}

/** The text of the section headings, in document order. */
function headings(html: string): string[] {
  return [...html.matchAll(/<h2><span class="section-number">\d+<\/span>([^<]+)<\/h2>/g)].map((match) => match[1]);
}

describe('rendered plan', () => {
  it('orders sections as each template does, with the objectives and the KPIs where the template discusses them', () => {
    assert.deepStrictEqual(RENDER_ORDER.marketing, ['summary', 'market', 'personas', 'objectives', 'goals', 'positioning', 'strategies', 'mix', 'budget', 'alignment', 'calendar', 'channels', 'content', 'kpis', 'actuals', 'measurement', 'approvals']);
    assert.deepStrictEqual(RENDER_ORDER.sales, ['summary', 'objectives', 'goals', 'segments', 'offering', 'strategies', 'team', 'tactics', 'forecast', 'alignment', 'economics', 'territories', 'kpis', 'actuals', 'training', 'approvals']);
    for (const kind of EXAMPLES) {
      assert.deepStrictEqual(
        RENDER_ORDER[kind].filter((key) => EXPECTED_SECTIONS[kind].includes(key)),
        EXPECTED_SECTIONS[kind],
      );
    }
  });

  for (const kind of EXAMPLES) {
    it(`renders every section of the ${kind} example in order, clean, with a full SMART score`, () => {
      const { filePath, text } = example(kind);
      const rendered = renderText(diskService(), text, filePath, { editorLocale: 'en' });
      assert.strictEqual(rendered.ok, true);
      assert.deepStrictEqual(sectionKeys(rendered.html), shownIn(kind, text));
      assert.deepStrictEqual(headings(rendered.html), shownIn(kind, text).map((key) => en[`render.section.${key}` as keyof typeof en]));
      assert.match(rendered.html, /<p class="status-headline">The plan passes every check.<\/p>/);
      // Five letters for each goal: 6 in the marketing example, 7 in the sales one.
      const letters = kind === 'marketing' ? 30 : 35;
      assert.match(rendered.html, new RegExp(`<span class="figure-value">${letters}/${letters}</span><span class="figure-label">SMART score</span>`));
      assert.strictEqual(rendered.html.match(/class="smart-letter smart-pass"/g)?.length, letters);
      assert.doesNotMatch(rendered.html, /has-problems|section-missing/);
      assertInert(rendered.html);
    });

    it(`puts each block's source line on it in the ${kind} example`, () => {
      const { filePath, text } = example(kind);
      const rendered = renderText(diskService(), text, filePath, { editorLocale: 'en' });
      const lines = text.split('\n');
      // Sections made from the figures (the funnel, unit economics) have no key of their own.
      for (const key of shownIn(kind, text).filter((section) => section !== 'alignment' && section !== 'economics')) {
        const line = Number(new RegExp(`<section[^>]*data-line="(\\d+)" id="section-${key}"`).exec(rendered.html)?.[1]);
        assert.ok(lines[line].startsWith(`${key}:`), `section ${key} starts on its key's line`);
      }
      const count = new LineIndex(text).lineCount;
      for (const match of rendered.html.matchAll(/data-line="(\d+)"/g)) assert.ok(Number(match[1]) < count);
      // A goal's card is on its `- id:` line, and the markdown of the summary on its own lines.
      const goal = Number(/<article class="card goal[^"]*" data-line="(\d+)"><div class="goal-head"><div><p class="goal-id">(?:qualified-leads|revenue-2026)</.exec(rendered.html)?.[1]);
      assert.match(lines[goal], /^ {2}- id: (qualified-leads|revenue-2026)$/);
      const paragraph = Number(/<p data-line="(\d+)">(?:Someș|In 2025)/.exec(rendered.html)?.[1]);
      assert.match(lines[paragraph], /^ {2}(Someș Coffee Roasters roasts|In 2025 we invoiced)/);
    });

    it(`renders the ${kind} example's headings and labels in Romanian when the plan says so`, () => {
      const { filePath, text } = example(kind);
      const rendered = renderText(diskService(), text.replace('language: en', 'language: ro'), filePath, { editorLocale: 'en' });
      assert.strictEqual(rendered.locale, 'ro');
      assert.deepStrictEqual(headings(rendered.html), shownIn(kind, text).map((key) => ro[`render.section.${key}` as keyof typeof ro]));
      assert.match(rendered.html, /<main class="plan plan-[a-z]+" lang="ro">/);
      assert.match(rendered.html, /Scor SMART/);
      assert.match(rendered.html, /31 dec\. 2026/, 'dates in Romanian');
    });
  }

  it('shows the charts with titles and text alternatives', () => {
    for (const kind of EXAMPLES) {
      const { filePath, text } = example(kind);
      const { html } = renderText(diskService(), text, filePath, { editorLocale: 'en' });
      const charts = [...html.matchAll(/<svg class="chart (chart-[a-z-]+)"[^>]* role="img" aria-label="([^"]+)"[^>]*><title>([^<]+)<\/title>/g)];
      const kinds = charts.map((chart) => chart[1]);
      for (const expected of kind === 'marketing' ? ['chart-budget', 'chart-funnel', 'chart-funnel-target', 'chart-gantt'] : ['chart-forecast', 'chart-range', 'chart-funnel', 'chart-funnel-target']) assert.ok(kinds.includes(expected), `${kind}: ${expected} in ${kinds.join(', ')}`);
      for (const chart of charts) assert.strictEqual(chart[2], chart[3], 'the title says what the label says');
    }
    const sales = renderText(diskService(), example('sales').text, example('sales').filePath).html;
    assert.match(sales, /<details class="chart-data"><summary>Data table<\/summary><div class="table-wrap"><table class="forecast-table">/);
    assert.match(sales, /<span class="figure-value">[0-9,]+ RON<\/span><span class="figure-label">Forecast 2026<\/span><span class="figure-note">80 %: [0-9,]+ RON – [0-9,]+ RON<\/span>/);
    const marketing = renderText(diskService(), example('marketing').text, example('marketing').filePath).html;
    // ROI is (return − cost) ÷ cost, as the catalog defines it.
    assert.match(marketing, /<tfoot><tr><th scope="row">Total<\/th><td class="number">[0-9,]+ RON<\/td><td class="number">[0-9.]+ %<\/td><td class="number">[0-9,]+ RON<\/td><td class="number">-?[0-9,]+ %<\/td><\/tr><\/tfoot>/);
  });

  it("lists a forecast row's problems under it in the forecast's table", () => {
    const plan = 'kind: sales\ntitle: Sales plan\ncurrency: EUR\nperiod: { start: 2026-01-01, end: 2026-12-31 }\nforecast:\n  method: linear\n  history:\n    - { period: 2025-10, revenue: 100 }\n    - { period: 2025-12, revenue: 120 }\n';
    const { html } = render(plan);
    assert.ok(!html.includes('\u0000'), 'no slot left in the page');
    const table = /<table class="forecast-table">.*?<\/table>/s.exec(html)![0];
    assert.match(table, /<tr class="forecast-row series-history has-problems has-warning"[^>]*><th scope="row">2025-12<\/th>.*?<\/tr><tr class="problems-row"><td colspan="6"><ul class="problems"><li class="problem problem-warning">.*?2025-11.*?<\/li><\/ul><\/td><\/tr>/s);
  });

  it('marks findings where they occur and lists them in the summary with their lines', () => {
    const text = yaml(
      'kind: sales',
      'title: Draft',
      'period: { start: 2026-01-01, end: 2026-12-31 }',
      'summary: Short.',
      'kpis:',
      '  - { id: revenue, name: Revenue, metric: revenue, baseline: 10, target: 12, frequency: monthly, source: CRM }',
      'goals:',
      '  - id: grow',
      '    statement: Grow revenue to 12 through referrals from 3 partners',
      '    kpi: revenue',
      '    target: 12',
      '    owner: Ana',
      '    supports: [nothing-here]',
    );
    const { html, findings } = render(text);
    const goalLine = 7;
    const card = new RegExp(`<article class="card goal smart-incomplete has-problems has-error" data-line="${goalLine}">.*?</article>`).exec(html)?.[0];
    assert.ok(card, 'the goal card is marked with its worst severity');
    assert.match(card, /<button type="button" class="problem-marker" data-reveal="12" title="Show line 13 in the editor">.*?<span class="problem-message"><code>nothing-here<\/code> is not defined/);
    assert.match(card, /data-reveal="7"[^>]*>.*?Goal <code>grow<\/code> has no <code>deadline<\/code>/);
    assert.match(html, /<span class="figure-value">1<\/span><span class="figure-label">Errors<\/span>/);
    // The missing sections are placeholders in the template's order; the one finding that names them all sits on the first.
    const missing = [...html.matchAll(/<section class="section section-([a-z]+) section-missing[^"]*" id="section-\1">/g)].map((match) => match[1]);
    assert.deepStrictEqual(missing, ['segments', 'offering', 'strategies', 'team', 'tactics', 'forecast', 'territories', 'training']);
    // Numbered as the contents list numbers them: the objectives this draft lacks take no number.
    assert.match(html, /<section class="section section-segments section-missing has-problems has-warning"[^>]*><h2><span class="section-number">3<\/span>Target market and segments<\/h2><p class="missing-note">This section of the template is not written yet.<\/p><ul class="problems"><li class="problem problem-warning">.*?lacks 8 sections of its template: <code>segments<\/code>/);
    assert.match(html, /<section class="section section-team section-missing" id="section-team"><h2><span class="section-number">6<\/span>Sales team structure<\/h2><p class="missing-note">This section of the template is not written yet.<\/p><\/section>/);
    // Every finding is listed in the summary.
    const summary = /<section class="plan-status status-error".*?<\/section>/.exec(html)?.[0] ?? '';
    assert.strictEqual(summary.match(/class="problem /g)?.length, findings.length);
  });

  it('shows findings that no section holds on the header', () => {
    const { html } = render(yaml('kind: marketing', 'title: T', 'ownr: Ana', 'period: { start: 2026-01-01, end: 2026-12-31 }'));
    assert.match(html, /<header class="plan-header has-problems has-error" data-line="0">.*?Unknown key <code>ownr<\/code>.*?<\/header>/);
  });

  it('renders what a broken plan still has, and says it is broken', () => {
    const rendered = render(yaml('kind: marketing', 'title: Broken', 'summary: [unclosed'));
    assert.strictEqual(rendered.ok, false);
    assert.match(rendered.html, /<h1>Broken<\/h1>/);
  });

  it('renders a plan of unknown kind with the sections it has', () => {
    const { html } = render(yaml('title: Loose', 'summary: Hello', 'team:', '  - { id: a, role: Lead }'));
    assert.deepStrictEqual(sectionKeys(html), ['summary', 'team']);
    assert.match(html, /<p class="plan-kind">Plan<\/p>/);
  });
});
