/**
 * The plan's figures in the preview: exact output of the new chart pieces and of the sections on
 * a plan whose figures are computed by hand (test/fixtures/figures/small.ts), their empty states,
 * and the whole document of the figures' fixtures.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { forecastChart, funnelChart, progressChart, rangeChart, targetBarChart } from '../../../server/src/core/render/charts';
import { actuals, alignment, capacity, unitEconomics } from '../../../server/src/core/render/sections-figures';
import { budget } from '../../../server/src/core/render/sections-marketing';
import { forecast } from '../../../server/src/core/render/sections-sales';
import { renderText } from '../../../server/src/core/render';
import { diskService, ROOT } from '../../helpers';
import { SMALL_FILES, SMALL_MARKETING, SMALL_SALES, SMALL_TODAY } from '../../fixtures/figures/small';
import { contextFor } from './helpers';
import { assertInert } from './inert';

/** A section's HTML with each chart reduced to its label (the charts have tests of their own). */
function withoutCharts(html: string): string {
  return html.replace(/<svg[^>]*aria-label="([^"]*)"[^>]*>.*?<\/svg>/g, '<svg aria-label="$1"/>');
}

const sales = () => contextFor(SMALL_SALES, { files: SMALL_FILES, today: SMALL_TODAY });
const marketing = () => contextFor(SMALL_MARKETING, { files: { ...SMALL_FILES, '/plans/sales.plan.yaml': SMALL_SALES }, today: SMALL_TODAY });
const BAND = { forecast: 140, lower80: 130, upper80: 150, lower95: 120, upper95: 160 };

describe('figures in the preview', () => {
  describe('charts', () => {
    it('draws the forecast as a fan out of the last actual period: history, the forecast with its 80 % and 95 % intervals, the projections', () => {
      // Three slots of 290 from x = 80; the axis 0–200 (steps of 50) over 240 px: 100 at y 154, 120 at 130, 160 at 82.
      assert.strictEqual(
        forecastChart({
          label: 'Revenue',
          locale: 'en',
          periods: [
            { label: ['2024', ''], title: '2024: 100' },
            { label: ['2025', ''], title: '2025: 120' },
            { label: ['2026', ''], title: '2026: 140' },
          ],
          history: [100, 120, undefined],
          forecast: [undefined, undefined, BAND],
          projections: [undefined, undefined, 150],
          legend: { history: 'History', forecast: 'Forecast', band80: '80 %', band95: '95 %', projections: 'Plan' },
        }),
        '<svg class="chart chart-forecast" viewBox="0 0 960 316" role="img" aria-label="Revenue" xmlns="http://www.w3.org/2000/svg"><title>Revenue</title>' +
          '<line x1="80" x2="98" y1="10" y2="10" class="line series-history"/><text x="104" y="14" class="legend-label">History</text>' +
          '<line x1="169" x2="187" y1="10" y2="10" class="line series-forecast"/><text x="193" y="14" class="legend-label">Forecast</text>' +
          '<rect x="269" y="5" width="10" height="10" rx="2" class="band-80"/><text x="289" y="14" class="legend-label">80 %</text>' +
          '<rect x="337" y="5" width="10" height="10" rx="2" class="band-95"/><text x="357" y="14" class="legend-label">95 %</text>' +
          '<circle cx="410" cy="10" r="4" class="dot series-projection"/><text x="425" y="14" class="legend-label">Plan</text>' +
          '<line x1="80" x2="950" y1="274" y2="274" class="axis"/><text x="72" y="278" class="axis-label" text-anchor="end">0</text>' +
          '<line x1="80" x2="950" y1="214" y2="214" class="grid"/><text x="72" y="218" class="axis-label" text-anchor="end">50</text>' +
          '<line x1="80" x2="950" y1="154" y2="154" class="grid"/><text x="72" y="158" class="axis-label" text-anchor="end">100</text>' +
          '<line x1="80" x2="950" y1="94" y2="94" class="grid"/><text x="72" y="98" class="axis-label" text-anchor="end">150</text>' +
          '<line x1="80" x2="950" y1="34" y2="34" class="grid"/><text x="72" y="38" class="axis-label" text-anchor="end">200</text>' +
          '<path d="M515 130 L805 82 L805 130 Z" class="band-95"/><path d="M515 130 L805 94 L805 118 Z" class="band-80"/>' +
          '<path d="M515 130 L805 106" class="line series-forecast"/><path d="M225 154 L515 130" class="line series-history"/>' +
          '<circle cx="225" cy="154" r="3.5" class="dot series-history"/><circle cx="515" cy="130" r="3.5" class="dot series-history"/>' +
          '<circle cx="805" cy="94" r="3.5" class="dot series-projection"/><g class="chart-row"><title>2024: 100</title>' +
          '<rect x="80" y="34" width="290" height="240" rx="2" class="slot"/><text x="225" y="290" class="axis-label" text-anchor="middle">2024</text></g>' +
          '<g class="chart-row"><title>2025: 120</title><rect x="370" y="34" width="290" height="240" rx="2" class="slot"/>' +
          '<text x="515" y="290" class="axis-label" text-anchor="middle">2025</text></g><g class="chart-row"><title>2026: 140</title>' +
          '<rect x="660" y="34" width="290" height="240" rx="2" class="slot"/><text x="805" y="290" class="axis-label" text-anchor="middle">2026</text></g></svg>',
      );
    });

    it('places the total and the target among the zones of commit, best case, stretch and unsupported', () => {
      // 115.2–164.8 (the marks 120–160 padded by 12 %) over x 20–940: the forecast 140 at 480, the target 155 at 758.2.
      assert.strictEqual(
        rangeChart({
          label: 'Total',
          locale: 'en',
          band: BAND,
          target: { value: 155, shown: 'Target 155' },
          projections: { value: 150, shown: '150' },
          forecastShown: 'Forecast 140',
          zones: { commit: 'Commit', bestCase: 'Best case', stretch: 'Stretch', unsupported: 'Unsupported' },
          legend: { band80: '80 %', band95: '95 %', forecast: 'Forecast', target: 'Target', projections: 'Plan' },
        }),
        '<svg class="chart chart-range" viewBox="0 0 960 130" role="img" aria-label="Total" xmlns="http://www.w3.org/2000/svg"><title>Total</title>' +
          '<rect x="24" y="5" width="10" height="10" rx="2" class="band-95"/><text x="44" y="14" class="legend-label">95 %</text>' +
          '<rect x="92" y="5" width="10" height="10" rx="2" class="band-80"/><text x="112" y="14" class="legend-label">80 %</text>' +
          '<line x1="156" x2="174" y1="10" y2="10" class="median"/><text x="180" y="14" class="legend-label">Forecast</text>' +
          '<line x1="252" x2="270" y1="10" y2="10" class="target-line"/><text x="276" y="14" class="legend-label">Target</text>' +
          '<circle cx="343" cy="10" r="4" class="dot series-projection"/><text x="358" y="14" class="legend-label">Plan</text>' +
          '<rect x="20" y="72" width="460" height="12" rx="2" class="zone zone-commit"/>' +
          '<text x="250" y="102" class="axis-label" text-anchor="middle">Commit</text>' +
          '<rect x="480" y="72" width="185.5" height="12" rx="2" class="zone zone-best-case"/>' +
          '<text x="572.7" y="102" class="axis-label" text-anchor="middle">Best case</text>' +
          '<rect x="665.5" y="72" width="185.5" height="12" rx="2" class="zone zone-stretch"/>' +
          '<text x="758.2" y="102" class="axis-label" text-anchor="middle">Stretch</text>' +
          '<rect x="851" y="72" width="89" height="12" rx="2" class="zone zone-unsupported"/>' +
          '<text x="895.5" y="102" class="axis-label" text-anchor="middle">Unsupported</text>' +
          '<rect x="109" y="40" width="741.9" height="22" rx="2" class="band-95"/><rect x="294.5" y="40" width="371" height="22" rx="2" class="band-80"/>' +
          '<line x1="480" x2="480" y1="36" y2="66" class="median"/><text x="480" y="32" class="value-label" text-anchor="middle">Forecast 140</text>' +
          '<circle cx="665.5" cy="51" r="5" class="dot series-projection"/><line x1="758.2" x2="758.2" y1="34" y2="88" class="target-line"/>' +
          '<text x="758.2" y="120" class="value-label value-label-strong" text-anchor="middle">Target 155</text></svg>',
      );
    });

    it('draws the funnel as stages joined by labelled arrows', () => {
      assert.strictEqual(
        funnelChart({ label: 'Funnel', stages: [{ value: '100', label: 'Leads', title: 'Leads: 100' }, { value: '10', label: 'Deals', title: 'Deals: 10' }], steps: ['× 10 %'] }),
        '<svg class="chart chart-funnel" viewBox="0 0 960 86" role="img" aria-label="Funnel" xmlns="http://www.w3.org/2000/svg"><title>Funnel</title>' +
          '<g class="chart-row"><title>Leads: 100</title><rect x="0" y="8" width="405" height="70" rx="2" class="stage stage-0"/>' +
          '<text x="202.5" y="40" class="stage-value" text-anchor="middle">100</text><text x="202.5" y="62" class="stage-label" text-anchor="middle">Leads</text>' +
          '</g><line x1="415" x2="541" y1="43" y2="43" class="arrow"/><path d="M533 37 L545 43 L533 49 Z" class="arrow-head"/>' +
          '<text x="478" y="33" class="step-label" text-anchor="middle">× 10 %</text><g class="chart-row"><title>Deals: 10</title>' +
          '<rect x="555" y="8" width="405" height="70" rx="2" class="stage stage-1"/><text x="757.5" y="40" class="stage-value" text-anchor="middle">10</text>' +
          '<text x="757.5" y="62" class="stage-label" text-anchor="middle">Deals</text></g></svg>',
      );
    });

    it('draws a bar of segments against a target line, the shortfall outlined', () => {
      // 740 px for 100: 60 → 444, 20 → 148; the shortfall from 792 to the target at 940.
      assert.strictEqual(
        targetBarChart({
          className: 'chart-test',
          label: 'Bar',
          barLabel: 'Capacity',
          segments: [
            { value: 60, className: 'bar series-0', title: 'A: 60' },
            { value: 20, className: 'bar series-1', title: 'B: 20' },
          ],
          total: { value: 80, shown: '80' },
          target: { value: 100, shown: 'Target 100' },
          gap: { shown: '20 short', shortfall: true },
        }),
        '<svg class="chart chart-test" viewBox="0 0 960 112" role="img" aria-label="Bar" xmlns="http://www.w3.org/2000/svg"><title>Bar</title>' +
          '<text x="188" y="47" class="axis-label axis-label-strong" text-anchor="end">Capacity</text><g class="chart-row"><title>A: 60</title>' +
          '<rect x="200" y="30" width="444" height="26" rx="2" class="bar series-0"/></g><g class="chart-row"><title>B: 20</title>' +
          '<rect x="644" y="30" width="148" height="26" rx="2" class="bar series-1"/></g><rect x="792" y="30" width="148" height="26" rx="2" class="shortfall"/>' +
          '<line x1="940" x2="940" y1="16" y2="70" class="target-line"/><text x="786" y="24" class="value-label value-label-strong" text-anchor="end">80</text>' +
          '<text x="940" y="84" class="value-label" text-anchor="end">Target 100</text>' +
          '<text x="866" y="102" class="gap-label gap-shortfall" text-anchor="end">20 short</text></svg>',
      );
    });

    it("draws a KPI's actuals against its straight path, with today", () => {
      // 1 January to 31 December 2026 over x 58–468: 31 March at 158.2, today (15 July) at 277.6.
      assert.strictEqual(
        progressChart({
          label: 'Leads',
          locale: 'en',
          path: { from: { date: 20454, value: 100 }, to: { date: 20818, value: 200 } },
          points: [
            { date: 20543, value: 120, title: 'Q1: 120' },
            { date: 20634, value: 150, title: 'Q2: 150' },
          ],
          today: 20649,
          todayLabel: 'Today',
        }),
        '<svg class="chart chart-progress" viewBox="0 0 480 158" role="img" aria-label="Leads" xmlns="http://www.w3.org/2000/svg"><title>Leads</title>' +
          '<line x1="58" x2="468" y1="132" y2="132" class="grid"/><text x="50" y="136" class="axis-label" text-anchor="end">100</text>' +
          '<line x1="58" x2="468" y1="102" y2="102" class="grid"/><text x="50" y="106" class="axis-label" text-anchor="end">125</text>' +
          '<line x1="58" x2="468" y1="72" y2="72" class="grid"/><text x="50" y="76" class="axis-label" text-anchor="end">150</text>' +
          '<line x1="58" x2="468" y1="42" y2="42" class="grid"/><text x="50" y="46" class="axis-label" text-anchor="end">175</text>' +
          '<line x1="58" x2="468" y1="12" y2="12" class="grid"/><text x="50" y="16" class="axis-label" text-anchor="end">200</text>' +
          '<line x1="277.6" x2="277.6" y1="12" y2="132" class="today-line"/><text x="281.6" y="22" class="axis-label">Today</text>' +
          '<path d="M58 132 L468 12" class="line path-line"/><path d="M158.2 108 L260.7 72" class="line series-actual"/><g class="chart-row">' +
          '<title>Q1: 120</title><circle cx="158.2" cy="108" r="4" class="dot series-actual"/></g><g class="chart-row"><title>Q2: 150</title>' +
          '<circle cx="260.7" cy="72" r="4" class="dot series-actual"/></g><text x="58" y="150" class="axis-label">Jan 2026</text>' +
          '<text x="468" y="150" class="axis-label" text-anchor="end">Dec 2026</text></svg>',
      );
    });
  });

  describe('sections', () => {
    it('shows the funnel across the aligned plans, the gap and what each lever alone would need', () => {
      // 1,800 × 10 % = 180 deals × 5,000 = 900,000 against 1,050,000; alone: 2,100 leads, 11.67 %, 5,834 EUR.
      assert.strictEqual(
        withoutCharts(alignment(sales())),
        '<div class="alignment" data-line="7"><div class="figures"><div class="figure"><span class="figure-value">900,000 EUR</span>' +
          '<span class="figure-label">Revenue from the funnel</span></div><div class="figure"><span class="figure-value">1,050,000 EUR</span>' +
          '<span class="figure-label">Revenue target</span></div><div class="figure figure-warning"><span class="figure-value">−150,000 EUR</span>' +
          '<span class="figure-label">Gap to the target</span><span class="figure-note">the funnel falls short of the target</span></div></div>' +
          '<figure class="chart-figure">' +
          '<svg aria-label="The sales funnel across the aligned plans: 1,800 leads, converted at 10 %, give 180 deals; at an average deal size of 5,000 EUR they bring 900,000 EUR. The table below gives the figures."/>' +
          '<svg aria-label="Bar of the revenue the funnel brings, 900,000 EUR, against the revenue target, 1,050,000 EUR: 150,000 EUR short (−14.3 %)."/>' +
          '</figure><p class="chart-caption">What each lever alone would need for the funnel to meet the revenue target, the others as planned.</p>' +
          '<div class="table-wrap"><table class="lever-table"><thead><tr><th scope="col">Lever</th><th scope="col">In the plans</th>' +
          '<th scope="col">Alone, to meet the target</th><th scope="col">Plan</th></tr></thead><tbody><tr><th scope="row">Leads</th><td class="number">1,800</td>' +
          '<td class="number">2,100</td><td>Small marketing plan</td></tr><tr><th scope="row">Conversion rate</th><td class="number">10 %</td>' +
          '<td class="number">11.67 %</td><td>this plan</td></tr><tr><th scope="row">Average deal size</th><td class="number">5,000 EUR</td>' +
          '<td class="number">5,834 EUR</td><td>this plan</td></tr><tr><th scope="row">Revenue target</th><td class="number">1,050,000 EUR</td>' +
          '<td class="number"></td><td>this plan</td></tr></tbody></table></div></div>',
      );
    });

    it('shows CLV : CAC and the payback as key figures', () => {
      assert.strictEqual(
        unitEconomics(sales()),
        '<div class="figures figures-economics"><div class="figure figure-ok"><span class="figure-value">6 : 1</span>' +
          '<span class="figure-label">CLV : CAC</span>' +
          '<span class="figure-note">lifetime value 12,000 EUR over acquisition cost 2,000 EUR; healthy from 3 : 1</span></div><div class="figure figure-ok">' +
          '<span class="figure-value">5 months</span><span class="figure-label">CAC payback</span>' +
          '<span class="figure-note">400 EUR gross profit per account a month; limit 12 months</span></div></div>',
      );
    });

    it("shows the team's capacity against the revenue target, with the hires that would close the gap", () => {
      assert.strictEqual(
        withoutCharts(capacity(sales())),
        '<div class="figures"><div class="figure figure-warning"><span class="figure-value">950,000 EUR</span>' +
          '<span class="figure-label">Capacity (people × quota)</span><span class="figure-note">90 % of the target</span></div><div class="figure">' +
          '<span class="figure-value">1,050,000 EUR</span><span class="figure-label">Revenue target</span></div><div class="figure figure-warning">' +
          '<span class="figure-value">100,000 EUR</span><span class="figure-label">Shortfall</span></div></div><figure class="chart-figure">' +
          '<svg aria-label="Bar of the team’s capacity, 950,000 EUR, made of each role’s people × quota, against the revenue target, 1,050,000 EUR: shortfall 100,000 EUR, 90 % of the target."/>' +
          '</figure><p class="chart-caption">Closing the gap takes 1 more × Rep at the largest quota, or higher quotas, or a lower target.</p>' +
          '<div class="table-wrap"><table class="capacity-table"><thead><tr><th scope="col">Role</th><th scope="col">People</th><th scope="col">Quota a year</th>' +
          '<th scope="col">Capacity</th></tr></thead><tbody><tr><th scope="row">Rep</th><td class="number">3</td><td class="number">300,000 EUR</td>' +
          '<td class="number">900,000 EUR</td></tr><tr><th scope="row">Lead</th><td class="number">1</td><td class="number">50,000 EUR</td>' +
          '<td class="number">50,000 EUR</td></tr></tbody><tfoot><tr><th scope="row">Total</th><td></td><td></td><td class="number">950,000 EUR</td></tr></tfoot>' +
          '</table></div>',
      );
    });

    it('shows each KPI with actuals with its status, its progress against the straight path and its data', () => {
      assert.strictEqual(
        withoutCharts(actuals(sales())),
        '<p class="chart-caption">From actuals.csv, judged on 15 Jul 2026.</p><div class="card-grid actuals-grid">' +
          '<article class="card actuals-card actuals-off-track" data-line="8"><div class="card-head"><h3 class="item-title">Conversion</h3>' +
          '<span class="progress-badge progress-off-track">Off track</span></div><dl class="facts"><div><dt>Latest actual</dt><dd>8.6 % (2026-Q2)</dd></div><div>' +
          '<dt>Straight path by then</dt><dd>8.99 %</dd></div><div><dt>Target</dt><dd>10 % (31 Dec 2026)</dd></div><div><dt>Progress</dt>' +
          '<dd>30 % of the way, 49 % due</dd></div></dl><figure class="chart-figure">' +
          '<svg aria-label="Conversion: actuals against the straight path from 8 % to 10 % by 31 Dec 2026; off track."/></figure><details class="chart-data">' +
          '<summary>Data table</summary><div class="table-wrap"><table class="actuals-table"><thead><tr><th scope="col">Period</th><th scope="col">Actual</th>' +
          '</tr></thead><tbody><tr><th scope="row">2026-Q1</th><td class="number">8.4 %</td></tr><tr><th scope="row">2026-Q2</th><td class="number">8.6 %</td>' +
          '</tr></tbody></table></div></details></article></div>' +
          '<p class="empty-note">No actuals yet for: Revenue, Deal size, Lifetime value, Acquisition cost, Revenue per account and Gross margin.</p>',
      );
    });

    it('shows the forecast with its intervals, the total against the target and a caption on the method, the fit and the position', () => {
      assert.strictEqual(
        withoutCharts(forecast(sales())),
        '<div class="figures"><div class="figure"><span class="figure-value">900,000 EUR</span><span class="figure-label">Revenue 2025</span></div>' +
          '<div class="figure"><span class="figure-value">1,006,667 EUR</span><span class="figure-label">Forecast 2026</span>' +
          '<span class="figure-note">80 %: 914,908 EUR – 1,098,425 EUR</span></div><div class="figure figure-ok"><span class="figure-value">1,050,000 EUR</span>' +
          '<span class="figure-label">Revenue target</span><span class="figure-note">best case</span></div><div class="figure">' +
          '<span class="figure-value">Linear trend</span><span class="figure-label">Method</span></div></div><figure class="chart-figure">' +
          '<svg aria-label="Line chart of revenue per period: the history, the model’s forecast with its 80 % and 95 % intervals shaded, and the plan’s own projections; the data table follows."/>' +
          '<svg aria-label="The forecast total for 2026: 1,006,667 EUR, 80 % interval 914,908 EUR – 1,098,425 EUR, 95 % interval 627,841 EUR – 1,385,493 EUR; revenue target 1,050,000 EUR, a best case. Zones show where a target is a commitment, a best case, a stretch or unsupported by history."/>' +
          '<figcaption class="chart-caption">Linear trend: a least-squares line through the 3 periods of history, carried into the plan period. Fit on the history: MAPE 1.11 % (mean absolute percentage error), MASE 0.09 (below 1 beats repeating the last period). The revenue target of 1,050,000 EUR is a best case: above the forecast of 1,006,667 EUR, within the upper 80 % bound of 1,098,425 EUR.</figcaption>' +
          '</figure><details class="chart-data"><summary>Data table</summary><div class="table-wrap"><table class="forecast-table"><thead><tr>' +
          '<th scope="col">Period</th><th scope="col">History</th><th scope="col">Model forecast</th><th scope="col">80 % interval</th>' +
          '<th scope="col">95 % interval</th><th scope="col">Plan projections</th></tr></thead><tbody><tr class="forecast-row series-history" data-line="26">' +
          '<th scope="row">2023</th><td class="number">700,000 EUR</td><td class="number"></td><td class="number"></td><td class="number"></td>' +
          '<td class="number"></td></tr><tr class="forecast-row series-history" data-line="27"><th scope="row">2024</th><td class="number">820,000 EUR</td>' +
          '<td class="number"></td><td class="number"></td><td class="number"></td><td class="number"></td></tr>' +
          '<tr class="forecast-row series-history" data-line="28"><th scope="row">2025</th><td class="number">900,000 EUR</td><td class="number"></td>' +
          '<td class="number"></td><td class="number"></td><td class="number"></td></tr><tr class="forecast-row series-model"><th scope="row">2026</th>' +
          '<td class="number"></td><td class="number">1,006,667 EUR</td><td class="number">914,908 EUR – 1,098,425 EUR</td>' +
          '<td class="number">627,841 EUR – 1,385,493 EUR</td><td class="number"></td></tr></tbody></table></div></details>',
      );
    });

    it('shows ROI as (return − cost) ÷ cost, per channel and blended', () => {
      // (120,000 − 40,000) ÷ 40,000 = 200 %; (20,000 − 25,000) ÷ 25,000 = −20 %; (140,000 − 65,000) ÷ 65,000 = 115 %.
      assert.strictEqual(
        withoutCharts(budget(marketing())),
        '<div class="figures"><div class="figure"><span class="figure-value">70,000 EUR</span><span class="figure-label">Total budget</span></div>' +
          '<div class="figure"><span class="figure-value">65,000 EUR</span><span class="figure-label">Allocated</span><span class="figure-note">92.9 %</span>' +
          '</div><div class="figure"><span class="figure-value">140,000 EUR</span><span class="figure-label">Expected return</span></div><div class="figure">' +
          '<span class="figure-value">115 %</span><span class="figure-label">Blended ROI</span><span class="figure-note">(return − cost) ÷ cost</span></div>' +
          '</div><figure class="chart-figure">' +
          '<svg aria-label="Bar chart of the budget and the expected return of each channel; the table below gives the figures."/></figure>' +
          '<div class="table-wrap"><table class="budget-table"><thead><tr><th scope="col">Channel</th><th scope="col">Budget</th><th scope="col">Share</th>' +
          '<th scope="col">Expected return</th><th scope="col">ROI</th></tr></thead><tbody><tr class="allocation" data-line="10"><th scope="row">Website</th>' +
          '<td class="number">40,000 EUR</td><td class="number">57.1 %</td><td class="number">120,000 EUR</td><td class="number">200 %</td></tr>' +
          '<tr class="allocation" data-line="11"><th scope="row">Trade fairs</th><td class="number">25,000 EUR</td><td class="number">35.7 %</td>' +
          '<td class="number">20,000 EUR</td><td class="number negative">-20 %</td></tr></tbody><tfoot><tr><th scope="row">Total</th>' +
          '<td class="number">65,000 EUR</td><td class="number">92.9 %</td><td class="number">140,000 EUR</td><td class="number">115 %</td></tr></tfoot></table>' +
          '</div>',
      );
    });
  });

  describe('empty states', () => {
    it('says why there is no funnel: plans in different currencies, no targets to follow, a target missing', () => {
      const ron = { ...SMALL_FILES, '/plans/marketing.plan.yaml': SMALL_MARKETING.replace('currency: EUR', 'currency: RON') };
      assert.strictEqual(
        alignment(contextFor(SMALL_SALES, { files: ron, today: SMALL_TODAY })),
        '<div class="alignment" data-line="3"><p class="notice notice-figures">This plan is in EUR and its aligned plan Small marketing plan is in RON: a funnel across both would multiply amounts in different currencies, so it is not drawn. Use one currency in both plans.</p></div>',
      );
      const noLeads = { ...SMALL_FILES, '/plans/marketing.plan.yaml': SMALL_MARKETING.replace('metric: leads,', 'metric: website-traffic,') };
      assert.strictEqual(
        alignment(contextFor(SMALL_SALES, { files: noLeads, today: SMALL_TODAY })),
        '<div class="alignment" data-line="4"><p class="empty-note">Neither this plan nor its aligned plans give both a leads target and a revenue target: the funnel from leads to revenue needs both.</p></div>',
      );
      const noDealSize = SMALL_SALES.replace(/ {2}- \{ id: deal,.*\n/, '');
      assert.strictEqual(
        alignment(contextFor(noDealSize, { files: SMALL_FILES, today: SMALL_TODAY })),
        '<div class="alignment" data-line="7"><p class="empty-note">The funnel cannot be drawn until these have a usable target: the average deal size.</p></div>',
      );
    });

    it('says why a KPI has no progress: no file, no rows, no date to judge by, no path', () => {
      const without = (file: string) => Object.fromEntries(Object.entries(SMALL_FILES).filter(([name]) => name !== file));
      assert.strictEqual(actuals(contextFor(SMALL_SALES, { files: without('/plans/actuals.csv'), today: SMALL_TODAY })), '<p class="empty-note">The actuals file actuals.csv could not be read.</p>');
      assert.strictEqual(actuals(contextFor(SMALL_SALES, { files: { ...SMALL_FILES, '/plans/actuals.csv': 'kpi,period,value\n' }, today: SMALL_TODAY })), '<p class="empty-note">The actuals file actuals.csv has no usable rows yet.</p>');
      assert.strictEqual(actuals(contextFor(SMALL_SALES, { files: SMALL_FILES })), '<p class="empty-note">Progress is judged against today’s date, which this rendering was not given.</p>');
      // The lifetime value has a target but no baseline: no straight path.
      const html = actuals(contextFor(SMALL_SALES, { files: { ...SMALL_FILES, '/plans/actuals.csv': 'kpi,period,value\nclv,2026-Q1,11000\n' }, today: SMALL_TODAY }));
      assert.match(html, /<article class="card actuals-card" data-line="10"><div class="card-head"><h3 class="item-title">Lifetime value<\/h3><\/div><p class="empty-note">No straight path to judge against until these are given: a baseline.<\/p><\/article>/);
    });

    it('says why the model could not forecast, and still draws the history', () => {
      const short = SMALL_SALES.replace('    - { period: 2023, revenue: 700000 }\n', '');
      const html = forecast(contextFor(short, { files: SMALL_FILES, today: SMALL_TODAY }));
      assert.match(html, /<figcaption class="chart-caption">No model forecast: the linear trend needs at least 3 periods of history and the plan gives 2.<\/figcaption>/);
      assert.match(html, /<svg class="chart chart-forecast"/);
      assert.doesNotMatch(html, /chart-range/);
    });
  });

  describe('the document', () => {
    const file = path.join(ROOT, 'test/fixtures/figures/sales.plan.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const sections = (html: string) => [...html.matchAll(/<section[^>]* id="section-([a-z]+)"/g)].map((match) => match[1]);

    it('renders a sales plan with a seasonal history, quotas, unit economics and actuals, and its aligned marketing plan', () => {
      const { html } = renderText(diskService(), text, file, { editorLocale: 'en', today: SMALL_TODAY });
      assertInert(html);
      assert.deepStrictEqual(sections(html), ['summary', 'objectives', 'goals', 'segments', 'offering', 'strategies', 'team', 'tactics', 'forecast', 'alignment', 'economics', 'territories', 'kpis', 'actuals', 'training']);
      const charts = [...html.matchAll(/<svg class="chart (chart-[a-z-]+)"/g)].map((match) => match[1]);
      assert.deepStrictEqual(charts, ['chart-capacity', 'chart-forecast', 'chart-range', 'chart-funnel', 'chart-funnel-target', 'chart-progress', 'chart-progress', 'chart-progress', 'chart-progress']);
      assert.match(html, /Chosen automatically: the seasonal model, whose AICc \(467.1\) is lower than the linear trend’s \(511.8\)/);
      assert.match(html, /The revenue target of 4,160,000 RON is a best case/);
      assert.deepStrictEqual([...html.matchAll(/<span class="progress-badge progress-([a-z-]+)">/g)].map((match) => match[1]), ['on-track', 'off-track', 'on-track', 'at-risk']);
      const other = path.join(ROOT, 'test/fixtures/figures/marketing.plan.yaml');
      const marketing = renderText(diskService(), fs.readFileSync(other, 'utf8'), other, { editorLocale: 'en', today: SMALL_TODAY }).html;
      assertInert(marketing);
      assert.match(marketing, /<span class="figure-value">−110,000 RON<\/span><span class="figure-label">Gap to the target<\/span>/);
    });

    it('speaks Romanian when the plan does', () => {
      const { html } = renderText(diskService(), text.replace('language: en', 'language: ro'), file, { editorLocale: 'en', today: SMALL_TODAY });
      assertInert(html);
      for (const phrase of ['Aliniere: pâlnia de vânzări', 'Economia pe client', 'Valori realizate și progres', 'interval de încredere 80 %', 'Prognoză 2026', 'Ținta de venituri', 'În grafic', 'Rămas în urmă', 'În pericol', 'Capacitatea de vânzare', 'Ales automat: modelul sezonier']) {
        assert.ok(html.includes(phrase), phrase);
      }
    });
  });
});
