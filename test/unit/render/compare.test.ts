/**
 * The preview's compare mode: the plan rendered with the semantic diff against an older version
 * marks each changed value with its old one, added and removed items in place, and puts the
 * diff's summary on top; a hover on a changed value says what it was. The diff figures come
 * from the plan's figures (`analysis/`), as `plan-as-code diff` reports them.
 */
import * as assert from 'assert';
import { RenderMemo, renderPlan } from '../../../server/src/core/render';
import { diffVersions } from '../../../server/src/core/features/diff';
import { indexDiff, previousValueHover } from '../../../server/src/core/features/diff/paths';
import { memoryService } from '../../helpers';
import { PLAN_PATH } from './helpers';

const OLDER = `kind: marketing
title: Demand plan
currency: EUR
kpis:
  - id: leads
    name: Leads
    metric: leads
    target: 100
goals:
  - id: more-leads
    statement: Get 100 leads
    kpi: leads
    target: 100
    deadline: 2026-06-30
  - id: fair
    statement: Meet buyers at the fair
    kpi: leads
    target: 20
budget:
  total: 1000
  allocations:
    - { channel: web, amount: 600 }
    - { channel: events, amount: 400 }
`;

const NEWER = OLDER.replace('title: Demand plan', 'title: Demand plan 2026')
  .replace('    metric: leads\n    target: 100', '    metric: leads\n    target: 120')
  .replace('    kpi: leads\n    target: 100\n    deadline: 2026-06-30', '    kpi: leads\n    target: 120\n    deadline: 2026-09-30')
  .replace('  - id: fair\n    statement: Meet buyers at the fair\n    kpi: leads\n    target: 20\n', '  - id: webinars\n    statement: Run 4 webinars\n    kpi: leads\n    target: 30\n')
  .replace('{ channel: web, amount: 600 }', '{ channel: web, amount: 700 }')
  .replace('{ channel: events, amount: 400 }', '{ channel: events, amount: 300 }');

/** The newer plan rendered in compare mode against the older one, each checked by a service of its own. */
function compared(older = OLDER, newer = NEWER, locale = 'en') {
  const plan = memoryService().check(newer, PLAN_PATH, { editorLocale: locale });
  const before = memoryService().check(older, PLAN_PATH, { editorLocale: locale });
  const diff = diffVersions(before, plan);
  return { plan, diff, html: renderPlan({ ...plan, compare: { diff, before: before.parsed.value, base: 'HEAD (a1b2c3d)' } }).html };
}

/** The opening tags of the goal cards, in order. */
function articles(html: string): string[] {
  return [...html.matchAll(/<article class="card goal[^"]*"[^>]*>/g)].map((match) => match[0]);
}

describe('the preview in compare mode', () => {
  it('marks a changed value with its old value struck through before the new one, worded alike', () => {
    const { html } = compared();
    const was = (value: string) => `<del class="diff-old" title="Before (HEAD (a1b2c3d)): ${value}">${value}</del>`;
    // The KPI table and the goal's target.
    assert.ok(html.includes(`<td class="number"><strong><span class="diff-change">${was('100')} <ins class="diff-new">120</ins></span></strong></td>`), 'the KPI target');
    assert.ok(html.includes(`<strong><span class="diff-change">${was('100')} <ins class="diff-new">120</ins></span></strong>`), 'the goal target');
    // A date in the plan's format, money in the plan's currency, the title.
    assert.ok(html.includes(`<dd><span class="diff-change">${was('30 Jun 2026')} <ins class="diff-new">30 Sept 2026</ins></span></dd>`), 'the deadline');
    assert.ok(html.includes(`<td class="number"><span class="diff-change">${was('600 EUR')} <ins class="diff-new">700 EUR</ins></span></td>`), 'an allocation');
    assert.ok(html.includes(`<h1><span class="diff-change">${was('Demand plan')} <ins class="diff-new">Demand plan 2026</ins></span></h1>`), 'the title');
    // What did not change is shown as it is.
    assert.ok(html.includes('<p class="goal-statement">Get 100 leads</p>'), 'an unchanged statement');
    assert.doesNotMatch(html, /diff-old[^>]*>1,000 EUR</, 'the unchanged total');
  });

  it('marks added and changed items, and shows a removed one struck through where it was, from the older plan', () => {
    const { html } = compared();
    const goals = articles(html);
    assert.deepStrictEqual(goals.map((tag) => /data-diff="(\w+)"/.exec(tag)?.[1] ?? ''), ['changed', 'removed', 'added']);
    const [changed, removed, added] = goals;
    assert.match(changed, /^<article class="card goal smart-\w+(?: has-problems has-\w+)? diff-changed" data-line="9" data-diff="changed" data-diff-label="changed" title="Changed since HEAD \(a1b2c3d\)">$/);
    // The removed goal is about no line of the newer text.
    assert.strictEqual(removed, '<article class="card goal diff-removed" data-diff="removed" data-diff-label="removed" title="Removed since HEAD (a1b2c3d)">');
    assert.match(html, /data-diff="removed"[^>]*><div class="goal-head"><div><p class="goal-id">fair<\/p><p class="goal-statement">Meet buyers at the fair<\/p>/);
    assert.match(added, /diff-added" data-line="\d+" data-diff="added" data-diff-label="added" title="Added since HEAD \(a1b2c3d\)">$/);
  });

  it('shows a removed team role struck through in the org chart, under the role it reported to', () => {
    const sales = (team: string) => `kind: sales\ntitle: Sales plan\ncurrency: EUR\nteam:\n${team}`;
    const head = '  - id: head\n    role: Head of sales\n    count: 1\n';
    const reps = '  - id: reps\n    role: Account executives\n    count: 4\n    reportsTo: head\n';
    const sdr = '  - id: sdr\n    role: Sales development reps\n    count: 2\n    reportsTo: head\n';
    const { html } = compared(sales(head + sdr + reps), sales(head + reps));
    const nodes = [...html.matchAll(/<li class="org-node[^"]*"[^>]*>/g)].map((match) => /data-diff="(\w+)"/.exec(match[0])?.[1] ?? '');
    assert.deepStrictEqual(nodes, ['', '', 'removed']);
    assert.match(html, /<ul class="org-level"><li class="org-node"[^>]*><div class="org-card"><span class="org-role">Account executives<\/span>.*<li class="org-node diff-removed" data-diff="removed"[^>]*><div class="org-card"><span class="org-role">Sales development reps<\/span>/s);
    // The figures count the roles and people of the newer plan.
    assert.match(html, /<span class="figure-value">2<\/span><span class="figure-label">Roles<\/span><\/div><div class="figure"><span class="figure-value">5<\/span>/);
  });

  it("shows a forecast row removed since the older version struck through in the forecast's table, at its period", () => {
    const sales = (history: string[]) => `kind: sales\ntitle: Sales plan\ncurrency: EUR\nperiod: { start: 2026-01-01, end: 2026-12-31 }\nforecast:\n  method: linear\n  history:\n${history.map((row) => `    - ${row}\n`).join('')}  projections:\n    - { period: 2026-01, revenue: 140 }\n`;
    const rows = ['{ period: 2025-10, revenue: 100 }', '{ period: 2025-11, revenue: 110 }', '{ period: 2025-12, revenue: 120 }'];
    const { html } = compared(sales(rows), sales([rows[0], rows[2]]));
    const table = /<table class="forecast-table">.*?<\/table>/s.exec(html)![0];
    const periods = [...table.matchAll(/<tr class="forecast-row([^"]*)"[^>]*><th scope="row">([^<]+)<\/th>/g)].map((match) => `${match[2]}${match[1].includes('diff-removed') ? ' (removed)' : ''}`);
    assert.deepStrictEqual(periods, ['2025-10', '2025-11 (removed)', '2025-12', '2026-01']);
    assert.match(table, /<tr class="forecast-row series-history diff-removed" data-diff="removed"[^>]*><th scope="row">2025-11<\/th><td class="number">110 EUR<\/td>/);
  });

  it('puts the summary, a legend, every change and the button that leaves compare mode on top', () => {
    const { html } = compared();
    assert.match(html, /^<main class="plan plan-marketing plan-compare" lang="en"><section class="compare-banner" aria-label="Changes"><div class="compare-head"><p class="compare-title">Compared with <strong>HEAD \(a1b2c3d\)<\/strong><\/p><button type="button" class="compare-leave" data-action="leave-compare">Leave compare mode<\/button><\/div>/);
    const summary = /<ul class="compare-summary">(.*?)<\/ul>/.exec(html)?.[1];
    assert.strictEqual(summary, '<li>Leads target +20 %</li><li>Budget unchanged in total, 100 EUR moved from events to web</li><li>1 goal added, 1 removed, 1 changed</li><li>Also changed: Plan details</li>');
    assert.match(html, /<details class="compare-details"><summary>Every change \(\d+\)<\/summary><h3>Plan details<\/h3>/);
  });

  it('renders as before outside compare mode, and says when nothing changed', () => {
    const plan = memoryService().check(NEWER, PLAN_PATH, { editorLocale: 'en' });
    assert.doesNotMatch(renderPlan(plan).html, /compare|diff-|<del|<ins/);
    const same = compared(NEWER, NEWER).html;
    assert.match(same, /<section class="compare-banner compare-unchanged" aria-label="Changes">.*<p class="compare-none">Nothing changed since <strong>HEAD \(a1b2c3d\)<\/strong>\.<\/p><\/section>/);
    assert.doesNotMatch(same, /data-diff|diff-old/);
  });

  it('is never memoised: a plain rendering after a comparison, and one before it, show no mark', () => {
    const plan = memoryService().check(NEWER, PLAN_PATH, { editorLocale: 'en' });
    const older = memoryService().check(OLDER, PLAN_PATH, { editorLocale: 'en' });
    const compare = { diff: diffVersions(older, plan), before: older.parsed.value, base: 'HEAD' };
    const memo = new RenderMemo();
    const plain = renderPlan({ ...plan, memo }).html;
    assert.match(renderPlan({ ...plan, memo, compare }).html, /diff-old/);
    assert.strictEqual(renderPlan({ ...plan, memo }).html, plain);
    assert.ok(memo.reused > 0, 'the plain rendering reused its parts');
  });

  it('speaks the plan\'s language', () => {
    const { html } = compared(OLDER.replace('currency: EUR', 'currency: EUR\nlanguage: ro'), NEWER.replace('currency: EUR', 'currency: EUR\nlanguage: ro'));
    assert.match(html, /Comparație cu <strong>HEAD \(a1b2c3d\)<\/strong>/);
    assert.match(html, /<del class="diff-old" title="Înainte \(HEAD \(a1b2c3d\)\): 600 EUR">600 EUR<\/del>/);
    assert.match(html, /data-diff-label="eliminat"/);
  });

  it('escapes the base\'s name and old values like every plan text', () => {
    const { plan, diff } = compared(OLDER.replace('title: Demand plan', 'title: "<img src=x onerror=alert(1)>"'));
    const html = renderPlan({ ...plan, compare: { diff, before: {}, base: '<script>alert(1)</script>' } }).html;
    assert.doesNotMatch(html, /<script>|<img/);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>'));
  });
});

describe('a hover in compare mode', () => {
  const { plan, diff } = compared();
  const index = indexDiff(diff);
  const at = (needle: string, delta: number) => previousValueHover(plan.parsed.root, NEWER.indexOf(needle) + delta, index, 'en', 'HEAD', 'EUR');

  it('says what a changed value was, and by how much it changed', () => {
    const target = '    metric: leads\n    target: 120';
    assert.deepStrictEqual(at(target, target.length - 1), { contents: '**Before** (HEAD): 100 · +20 (+20 %)', start: NEWER.indexOf(target) + target.length - 3, end: NEWER.indexOf(target) + target.length });
    assert.strictEqual(at('amount: 700', 9)?.contents, '**Before** (HEAD): 600 EUR · +100 EUR (+16.7 %)');
    assert.strictEqual(at('deadline: 2026-09-30', 12)?.contents, '**Before** (HEAD): 2026-06-30 · +92 days');
  });

  it('says that a value of an added item was added, and nothing on an unchanged value', () => {
    assert.strictEqual(at('statement: Run 4 webinars', 14)?.contents, '**Added** since HEAD.');
    assert.strictEqual(at('statement: Get 100 leads', 14), undefined);
    assert.strictEqual(at('total: 1000', 8), undefined);
  });
});

describe('the figures a diff compares', () => {
  const MARKETING = (leads: number) => `kind: marketing
title: M
currency: EUR
alignsWith: [sales.plan.yaml]
kpis:
  - { id: leads, name: Leads, metric: leads, target: ${leads} }
`;
  const SALES = (cac: number) => `kind: sales
title: S
currency: EUR
kpis:
  - { id: revenue, name: Revenue, metric: revenue, target: 1200 }
  - { id: conversion, name: Conversion, metric: conversion-rate, target: 10 }
  - { id: deal, name: Deal size, metric: average-deal-size, target: 100 }
  - { id: clv, name: CLV, metric: customer-lifetime-value, target: 3000 }
  - { id: cac, name: CAC, metric: customer-acquisition-cost, target: ${cac} }
`;

  it('reads the funnel gap from the plan\'s figures: leads × conversion × deal size against the revenue target', () => {
    const at = (leads: number) => memoryService({ '/plans/sales.plan.yaml': SALES(1000) }).check(MARKETING(leads), '/plans/marketing.plan.yaml');
    // 100 × 10 % × 100 = 1,000 of 1,200: 16.7 % short; 120 leads cover it.
    assert.deepStrictEqual(diffVersions(at(100), at(120)).figures, [{ figure: 'funnelGapPercent', before: 16.7, after: 0 }]);
  });

  it('reads CLV : CAC from the plan\'s figures', () => {
    const at = (cac: number) => memoryService().check(SALES(cac), '/plans/sales.plan.yaml');
    assert.deepStrictEqual(diffVersions(at(1000), at(750)).figures.filter((figure) => figure.figure === 'clvCac'), [{ figure: 'clvCac', before: 3, after: 4 }]);
  });
});
