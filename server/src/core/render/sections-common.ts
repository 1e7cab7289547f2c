/** Sections both templates share: summary, objectives, goals with SMART badges, KPIs, strategies. */
import { catalogKpi } from '../model/catalog';
import { metricText } from '../model/catalog-text';
import type { GoalSmartResult } from '../check/engine';
import { asArray, asNumber, asString, idList, kpiDirection } from '../model/model';
import type { RenderContext } from './context';
import { attributes, classes, plain, text } from './html';
import { facts, grid, heading, items, known, table } from './parts';

export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export const UNITS = ['count', 'percent', 'currency', 'days', 'ratio', 'score'] as const;
const STRATEGY_TYPES = ['prospecting', 'lead-generation', 'conversion', 'acquisition', 'upsell', 'cross-sell', 'retention'] as const;

export function summary(ctx: RenderContext): string {
  return ctx.markdown(['summary']);
}

export function objectives(ctx: RenderContext): string {
  const list = items(ctx, ['objectives'], (_item, path) =>
    ctx.block('li', path, 'objective', `<span class="objective-statement">${ctx.field([...path, 'statement'])}</span>`),
  );
  return list.length === 0 ? '' : `<ol class="objectives">${ctx.list(list)}</ol>`;
}

/** The SMART badges of a goal: each letter passes or fails, with the reason as a tooltip and as text. */
export function smartBadges(ctx: RenderContext, verdict: GoalSmartResult | undefined): string {
  if (!verdict) return '';
  const letters = verdict.letters.map((letter) => {
    const name = ctx.t(`render.smart.${letter.letter}`);
    const state = letter.off ? 'off' : letter.pass ? 'pass' : 'fail';
    const reason = letter.off ? ctx.t('render.smart.off') : letter.pass ? ctx.t('render.smart.pass') : (letter.message ?? '');
    const description = `${name}: ${plain(reason)}`;
    return `<li${attributes({ class: `smart-letter smart-${state}`, title: description })}><span class="smart-glyph" aria-hidden="true">${letter.letter}</span><span class="sr-only">${text(description)}</span></li>`;
  });
  const score = ctx.t('render.smart.score', { score: verdict.score, max: verdict.letters.length });
  return `<div class="smart"><ul${attributes({ class: 'smart-letters', 'aria-label': score })}>${letters.join('')}</ul><span class="smart-score">${verdict.score}/${verdict.letters.length}</span></div>`;
}

/** A KPI's unit: its own, else its catalog metric's. */
export function kpiUnit(kpi: Record<string, unknown> | undefined): string | undefined {
  return asString(kpi?.unit) ?? catalogKpi(kpi?.metric)?.unit;
}

export function goals(ctx: RenderContext): string {
  const cards = items(ctx, ['goals'], (goal, path, index) => {
    const kpiIds = idList(goal.kpi);
    const firstKpi = kpiIds.map((id) => ctx.item('kpis', id)).find(Boolean);
    const unit = kpiUnit(firstKpi);
    const ownBaseline = asNumber(goal.baseline);
    const baseline = ownBaseline ?? kpiIds.map((id) => asNumber(ctx.item('kpis', id)?.baseline)).find((value) => value !== undefined);
    const target = asNumber(goal.target);
    const measure = (value: unknown) => (typeof value === 'number' ? ctx.measure(value, unit) : ctx.plainValue(value));
    // In compare mode a changed target shows its old value; a baseline only when it is the goal's own.
    const targetHtml = ctx.mark([...path, 'target'], target === undefined ? '' : text(ctx.measure(target, unit)), measure);
    const baselineHtml = ownBaseline !== undefined || baseline === undefined ? ctx.mark([...path, 'baseline'], baseline === undefined ? '' : text(ctx.measure(baseline, unit)), measure) : text(ctx.measure(baseline, unit));
    const change =
      baseline !== undefined && target !== undefined
        ? `${baselineHtml} <span class="arrow" aria-hidden="true">→</span><span class="sr-only"> → </span> <strong>${targetHtml}</strong>`
        : targetHtml !== ''
          ? `<strong>${targetHtml}</strong>`
          : '';
    const supports = idList(goal.supports)
      .map((id) => `<li class="chip">${text(ctx.item('strategies', id) ? ctx.nameOf('strategies', id) : id)}</li>`)
      .join('');
    const body = facts([
      [ctx.t('render.label.kpi'), ctx.chips('kpis', goal.kpi)],
      [baseline !== undefined ? ctx.t('render.label.baselineTarget') : ctx.t('render.label.target'), change],
      [ctx.t('render.label.deadline'), ctx.field([...path, 'deadline'], (value) => ctx.date(value))],
      [ctx.t('render.label.owner'), ctx.field([...path, 'owner'])],
      [ctx.t('render.label.supports'), supports && `<ul class="chips">${supports}</ul>`],
    ]);
    const verdict = ctx.verdict(index);
    const state = verdict && verdict.score === verdict.letters.length ? 'smart-complete' : 'smart-incomplete';
    return ctx.block('article', path, classes('card goal', verdict && state), `<div class="goal-head"><div><p class="goal-id">${ctx.field([...path, 'id'])}</p><p class="goal-statement">${ctx.field([...path, 'statement'])}</p></div>${smartBadges(ctx, verdict)}</div>${body}`);
  });
  return grid(ctx, 'goal-list', cards);
}

export function kpis(ctx: RenderContext): string {
  const rows = items(ctx, ['kpis'], (kpi, path) => {
    const unit = kpiUnit(kpi);
    const baseline = asNumber(kpi.baseline);
    const target = asNumber(kpi.target);
    const direction = kpiDirection(kpi);
    const arrow = `<span${attributes({ class: `direction direction-${direction}`, title: ctx.t(`render.direction.${direction}`) })}><span aria-hidden="true">${direction === 'increase' ? '↑' : '↓'}</span><span class="sr-only">${text(ctx.t(`render.direction.${direction}`))}</span></span>`;
    const metric = catalogKpi(kpi.metric);
    const measure = (value: unknown) => (typeof value === 'number' ? ctx.measure(value, unit) : ctx.plainValue(value));
    const name = `<span class="kpi-name">${ctx.field([...path, 'name'])}</span>${metric ? `<span class="kpi-metric">${text(metricText(metric, ctx.locale).name)}</span>` : ''}`;
    const cells = [
      `<th scope="row">${arrow}${name}</th>`,
      `<td class="number">${ctx.mark([...path, 'baseline'], baseline === undefined ? '' : text(ctx.measure(baseline, unit)), measure)}</td>`,
      `<td class="number"><strong>${ctx.mark([...path, 'target'], target === undefined ? '' : text(ctx.measure(target, unit)), measure)}</strong></td>`,
      `<td>${known(ctx, 'render.unit', unit, UNITS)}</td>`,
      `<td>${known(ctx, 'render.frequency', kpi.frequency, FREQUENCIES)}</td>`,
      `<td class="source">${ctx.field([...path, 'source'])}</td>`,
    ];
    return ctx.block('tr', path, 'kpi-row', cells.join(''), { columns: cells.length });
  });
  return table(ctx, 'kpi-table', ['kpi', 'baseline', 'target', 'unit', 'frequency', 'source'].map((column) => ctx.t(`render.label.${column}` as 'render.label.kpi')), rows);
}

export function strategies(ctx: RenderContext): string {
  const cards = items(ctx, ['strategies'], (strategy, path) => {
    const type = typeof strategy.type === 'string' && (STRATEGY_TYPES as readonly string[]).includes(strategy.type) ? strategy.type : undefined;
    const badge = strategy.type === undefined ? '' : `<span class="${classes('badge', type && `badge-${type}`)}">${known(ctx, 'render.strategyType', strategy.type, STRATEGY_TYPES)}</span>`;
    const body = facts([
      [ctx.t('render.label.goals'), ctx.chips('goals', strategy.goals)],
      [ctx.t('render.label.segments'), ctx.chips('segments', strategy.segments)],
      [ctx.t('render.label.differentiation'), ctx.value(strategy.differentiation)],
    ]);
    return ctx.block('article', path, 'card strategy', `<div class="card-head">${heading(strategy, 'name', 'h3', ctx, path)}${badge}</div>${ctx.markdown([...path, 'description'])}${body}`);
  });
  return grid(ctx, 'card-grid card-grid-wide', cards);
}

/** How many goals a plan has and their SMART score summed. */
export function smartTotals(ctx: RenderContext): { score: number; max: number; goals: number } {
  let score = 0;
  let max = 0;
  for (const verdict of ctx.smart.values()) {
    score += verdict.score;
    max += verdict.letters.length;
  }
  return { score, max, goals: asArray(ctx.data.goals).length };
}
