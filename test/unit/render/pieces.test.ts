/** Exact output of the renderer's pieces, on small plans. */
import * as assert from 'assert';
import { fit, groupedBarChart, niceStep } from '../../../server/src/core/render/charts';
import { attributes, clean, inlineCode, plain, text } from '../../../server/src/core/render/html';
import { isSafeLink, renderMarkdown } from '../../../server/src/core/render/markdown';
import { goals, kpis, smartBadges } from '../../../server/src/core/render/sections-common';
import { channels, initials, swot } from '../../../server/src/core/render/sections-marketing';
import { periodLabel, team } from '../../../server/src/core/render/sections-sales';
import { yaml } from '../../helpers';
import { contextFor } from './helpers';

const TINY = yaml(
  'kind: marketing',
  'title: Tiny',
  'period: { start: 2026-01-01, end: 2026-03-31 }',
  'currency: EUR',
  'kpis:',
  '  - id: leads',
  '    name: Leads',
  '    metric: leads',
  '    baseline: 100',
  '    target: 120',
  '    frequency: monthly',
  '    source: CRM',
  'goals:',
  '  - id: more-leads',
  '    statement: Get 120 leads a month through two webinars',
  '    kpi: leads',
  '    target: 120',
  '    deadline: 2026-03-31',
  '    owner: Ana',
  'market:',
  '  swot:',
  '    strengths: [Fast]',
  '    weaknesses: [Small]',
  '    opportunities: [Growth]',
  '    threats: [Rivals]',
  'channels:',
  '  - { id: web, name: Website, type: online, kpis: [leads] }',
);

describe('renderer pieces', () => {
  describe('escaping', () => {
    it('escapes markup characters, quotes included', () => {
      assert.strictEqual(text(`<a href="x" onclick='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    });

    it('shows bidirectional overrides and control characters as U+FFFD, keeping tabs and newlines', () => {
      assert.strictEqual(clean('a\u202Egnp.exe\u2066b\u0007c\td\ne'), 'a\uFFFDgnp.exe\uFFFDb\uFFFDc\td\ne');
    });

    it('writes attributes, leaving out false and undefined ones', () => {
      assert.strictEqual(attributes({ class: 'a"b', hidden: true, title: undefined, open: false, 'data-line': 3 }), ' class="a&quot;b" hidden data-line="3"');
    });

    it('turns code marks of messages into <code> after escaping, or into quotes for attributes', () => {
      assert.strictEqual(inlineCode('Key `<b>` is unknown'), 'Key <code>&lt;b&gt;</code> is unknown');
      assert.strictEqual(plain('Key `id` is unknown'), 'Key ‘id’ is unknown');
    });
  });

  describe('markdown', () => {
    it('renders markdown with raw HTML as text, safe links only, images as links, headings below the section and data-line', () => {
      assert.strictEqual(
        renderMarkdown('# Title\n\nSee [site](https://example.com "t") and [bad](javascript:alert(1)) <b>bold</b>\n\n![logo](https://example.com/x.png)\n', 10),
        '<h4 data-line="10">Title</h4>\n' +
          '<p data-line="12">See <a href="https://example.com" title="t" rel="noopener noreferrer">site</a> and [bad](javascript:alert(1)) &lt;b&gt;bold&lt;/b&gt;</p>\n' +
          '<p data-line="14"><a href="https://example.com/x.png" rel="noopener noreferrer">logo</a></p>\n',
      );
    });

    it('keeps http, https and mailto links only', () => {
      assert.strictEqual(
        renderMarkdown('[d](data:text/html,x) [m](mailto:a@b.c) [rel](./x.html) [v](vbscript:x) [f](file:///etc/passwd) <https://a.b>'),
        '<p>[d](data:text/html,x) <a href="mailto:a@b.c" rel="noopener noreferrer">m</a> [rel](./x.html) [v](vbscript:x) [f](file:///etc/passwd) <a href="https://a.b" rel="noopener noreferrer">https://a.b</a></p>\n',
      );
      for (const url of ['JaVaScRiPt:alert(1)', ' javascript:x', 'data:x', '//evil.test/x', '/x']) assert.strictEqual(isSafeLink(url), false, url);
      for (const url of ['https://x.test', 'HTTP://x.test', 'mailto:a@b.c']) assert.strictEqual(isSafeLink(url), true, url);
    });

    it('decodes entity-encoded javascript: links before judging them', () => {
      assert.strictEqual(renderMarkdown('[x](&#106;avascript:alert(1))'), '<p>[x](javascript:alert(1))</p>\n', 'text, not a link');
    });
  });

  describe('sections', () => {
    it('renders KPIs as a table of baseline, target, unit, frequency and source', () => {
      assert.strictEqual(
        kpis(contextFor(TINY)),
        '<div class="table-wrap"><table class="kpi-table"><thead><tr><th scope="col">KPI</th><th scope="col">Baseline</th><th scope="col">Target</th><th scope="col">Unit</th><th scope="col">Frequency</th><th scope="col">Source</th></tr></thead>' +
          '<tbody><tr class="kpi-row" data-line="5"><th scope="row"><span class="direction direction-increase" title="higher is better"><span aria-hidden="true">↑</span><span class="sr-only">higher is better</span></span><span class="kpi-name">Leads</span><span class="kpi-metric">Leads generated</span></th>' +
          '<td class="number">100</td><td class="number"><strong>120</strong></td><td>count</td><td>monthly</td><td class="source">CRM</td></tr></tbody></table></div>',
      );
    });

    it('renders KPI labels in Romanian', () => {
      const html = kpis(contextFor(TINY, { locale: 'ro' }));
      assert.match(html, /<th scope="col">Valoare de referință<\/th><th scope="col">Țintă<\/th><th scope="col">Unitate<\/th><th scope="col">Frecvență<\/th><th scope="col">Sursa datelor<\/th>/);
      assert.match(html, /<td>număr<\/td><td>lunar<\/td>/);
    });

    it('renders a goal with its SMART badges (reasons as tooltips and screen-reader text) and its KPI', () => {
      const badge = (letter: string, name: string, state: string, reason: string) =>
        `<li class="smart-letter smart-${state}" title="${name}: ${reason}"><span class="smart-glyph" aria-hidden="true">${letter}</span><span class="sr-only">${name}: ${reason}</span></li>`;
      const relevant = 'Goal ‘more-leads’ supports nothing: link it to an objective or a strategy (‘supports: [objective-id]’), or list it in a strategy&#39;s ‘goals’, so that it is clear why it matters.';
      assert.strictEqual(
        goals(contextFor(TINY)),
        '<div class="goal-list"><article class="card goal smart-incomplete" data-line="13"><div class="goal-head"><div><p class="goal-id">more-leads</p><p class="goal-statement">Get 120 leads a month through two webinars</p></div>' +
          '<div class="smart"><ul class="smart-letters" aria-label="SMART: 4 of 5">' +
          badge('S', 'Specific', 'pass', 'passes') +
          badge('M', 'Measurable', 'pass', 'passes') +
          badge('A', 'Achievable', 'pass', 'passes') +
          badge('R', 'Relevant', 'fail', relevant) +
          badge('T', 'Time-bound', 'pass', 'passes') +
          '</ul><span class="smart-score">4/5</span></div></div>' +
          '<dl class="facts"><div><dt>KPI</dt><dd><ul class="chips"><li class="chip">Leads</li></ul></dd></div>' +
          '<div><dt>Baseline → target</dt><dd>100 <span class="arrow" aria-hidden="true">→</span><span class="sr-only"> → </span> <strong>120</strong></dd></div>' +
          '<div><dt>Deadline</dt><dd>31 Mar 2026</dd></div><div><dt>Owner</dt><dd>Ana</dd></div></dl></article></div>',
      );
    });

    it('marks a letter whose rule is off as not checked', () => {
      const html = smartBadges(contextFor(TINY), { index: 0, label: 'g', start: 0, end: 1, score: 4, letters: [{ letter: 'R', ruleId: 'smart/relevant', pass: true, off: true }] });
      assert.strictEqual(
        html,
        '<div class="smart"><ul class="smart-letters" aria-label="SMART: 4 of 1"><li class="smart-letter smart-off" title="Relevant: not checked (the rule is off)"><span class="smart-glyph" aria-hidden="true">R</span><span class="sr-only">Relevant: not checked (the rule is off)</span></li></ul><span class="smart-score">4/1</span></div>',
      );
    });

    it('renders SWOT as a 2×2 grid of four quadrants', () => {
      const quadrant = (name: string, letter: string, label: string, line: number, item: string) =>
        `<div class="swot-quadrant swot-${name}" data-line="${line}"><h4><span class="swot-letter" aria-hidden="true">${letter}</span>${label}</h4><ul class="bullets"><li data-line="${line}">${item}</li></ul></div>`;
      assert.strictEqual(
        swot(contextFor(TINY)),
        '<div class="part"><h3>SWOT analysis</h3><div class="swot" data-line="20">' +
          quadrant('strengths', 'S', 'Strengths', 21, 'Fast') +
          quadrant('weaknesses', 'W', 'Weaknesses', 22, 'Small') +
          quadrant('opportunities', 'O', 'Opportunities', 23, 'Growth') +
          quadrant('threats', 'T', 'Threats', 24, 'Rivals') +
          '</div></div>',
      );
    });

    it('renders channels with a type badge and the names of their KPIs', () => {
      assert.strictEqual(
        channels(contextFor(TINY)),
        '<div class="table-wrap"><table class="channel-table"><thead><tr><th scope="col">Channel</th><th scope="col">Type</th><th scope="col">Description</th><th scope="col">KPIs</th></tr></thead>' +
          '<tbody><tr class="channel" data-line="26"><th scope="row">Website</th><td><span class="badge badge-online">Online</span></td><td></td><td><ul class="chips"><li class="chip">Leads</li></ul></td></tr></tbody></table></div>',
      );
    });

    it('draws the team as a reporting tree, with members in a cycle or under an unknown manager at the top', () => {
      const html = team(
        contextFor(
          yaml(
            'kind: sales',
            'team:',
            '  - { id: head, role: Head, count: 1 }',
            '  - { id: rep, role: Rep, count: 3, reportsTo: head }',
            '  - { id: a, role: A, reportsTo: b }',
            '  - { id: b, role: B, reportsTo: a }',
            '  - { id: lost, role: Lost, reportsTo: nobody }',
          ),
        ),
      );
      const card = (role: string, count?: number) => `<div class="org-card"><span class="org-role">${role}</span>${count === undefined ? '' : `<span class="org-count">Headcount: ${count}</span>`}</div>`;
      assert.strictEqual(
        html,
        '<div class="figures"><div class="figure"><span class="figure-value">5</span><span class="figure-label">Roles</span></div><div class="figure"><span class="figure-value">4</span><span class="figure-label">People</span></div></div>' +
          '<div class="org-chart"><ul class="org-level org-root">' +
          `<li class="org-node" data-line="2">${card('Head', 1)}<ul class="org-level"><li class="org-node" data-line="3">${card('Rep', 3)}</li></ul></li>` +
          `<li class="org-node" data-line="6">${card('Lost')}</li>` +
          `<li class="org-node" data-line="4">${card('A')}<ul class="org-level"><li class="org-node" data-line="5">${card('B')}</li></ul></li>` +
          '</ul></div>',
      );
    });
  });

  describe('charts', () => {
    it('draws grouped bars with a title, an aria-label, a legend and value labels', () => {
      const svg = groupedBarChart({
        className: 'chart-test',
        label: 'Spend <by> channel',
        series: [{ className: 'bar series-budget', label: 'Budget' }],
        rows: [{ label: 'Web', title: 'Web: 5', values: [{ value: 5, shown: '5 EUR' }] }],
      });
      assert.strictEqual(
        svg,
        '<svg class="chart chart-test" viewBox="0 0 960 62" role="img" aria-label="Spend &lt;by&gt; channel" xmlns="http://www.w3.org/2000/svg"><title>Spend &lt;by&gt; channel</title>' +
          '<rect x="270" y="5" width="10" height="10" rx="2" class="bar series-budget"/><text x="285" y="14" class="legend-label">Budget</text>' +
          '<line x1="270" x2="270" y1="28" y2="58" class="axis"/>' +
          '<g class="chart-row"><title>Web: 5</title><text x="260" y="43" class="axis-label" text-anchor="end">Web</text><rect x="270" y="34" width="560" height="12" rx="2" class="bar series-budget"/><text x="836" y="44" class="value-label">5 EUR</text></g></svg>',
      );
    });

    it('cuts long labels with an ellipsis and picks round grid steps', () => {
      assert.strictEqual(fit('Office tasting sessions in Cluj', 70), 'Office ta…');
      assert.strictEqual(fit('Short', 70), 'Short');
      assert.deepStrictEqual([niceStep(1_107_000), niceStep(100), niceStep(7)], [500_000, 25, 2]);
    });

    it('labels forecast periods by quarter, month or year', () => {
      assert.deepStrictEqual(periodLabel('2026-Q3', 'en'), ['Q3', '2026']);
      assert.deepStrictEqual(periodLabel('2026-03', 'ro'), ['mar.', '2026']);
      assert.deepStrictEqual(periodLabel('2026', 'en'), ['2026', '']);
      assert.deepStrictEqual(periodLabel('next year', 'en'), ['next year', '']);
    });

    it('makes avatar initials from the name before a comma', () => {
      assert.deepStrictEqual([initials('Oana, the office manager'), initials('Mihai Pop'), initials('«x» 42')], ['O', 'MP', '']);
    });
  });
});
