/**
 * Sections made from the plan's figures (`snapshot.figures`, computed once in `analysis/`):
 * the funnel across aligned plans, unit economics, the sales capacity and the actuals against
 * each KPI's straight path. Nothing is computed here: values are read and shown.
 */
import { formatList, formatPeriod, type MessageId } from '../base/messages';
import type { Stated } from '../analysis/figures';
import type { Funnel } from '../analysis/funnel';
import type { ActualRow } from '../analysis/actuals/csv';
import type { Progress } from '../analysis/actuals/progress';
import type { NotComputable } from '../analysis/numbers';
import { asArray, asRecord, asString, parseDate } from '../model/model';
import { funnelChart, progressChart, targetBarChart } from './charts';
import type { RenderContext } from './context';
import { attributes, text } from './html';
import { figure, grid, table } from './parts';
import { kpiUnit } from './sections-common';

/** A note in place of a chart or figures that cannot be shown: what is missing and why. */
function note(message: string, className = 'empty-note'): string {
  return `<p class="${className}">${text(message)}</p>`;
}

/** The inputs a calculation missed, named in the plan's language. */
function missing(ctx: RenderContext, result: NotComputable<string>, prefix: string): string {
  const names = [...new Set(result.problems.map((problem) => problem.input))].map((input) => ctx.t(`${prefix}.${input}` as MessageId));
  return formatList(ctx.locale, names);
}

/** How an aligned plan (or this one) is named: its title, else its file name. */
function planName(ctx: RenderContext, plan: 'self' | number): string {
  if (plan === 'self') return ctx.t('render.plan.self');
  const other = ctx.aligned[plan];
  if (!other) return '';
  return asString(other.model.data.title) ?? other.filePath.split(/[\\/]/).pop() ?? other.filePath;
}

/** A label or status inside a sentence: its first letter in lower case. */
function inSentence(ctx: RenderContext, value: string): string {
  return value.charAt(0).toLocaleLowerCase(ctx.locale) + value.slice(1);
}

/** A signed amount: `+1,000 RON`, `−1,000 RON`. */
function signedMoney(ctx: RenderContext, value: number): string {
  return `${value < 0 ? '−' : '+'}${ctx.money(Math.abs(value))}`;
}

/** The funnel's gap in words: `220,000 RON above the target (+5.4 %)` or `… short (−5.1 %)`. */
function funnelGap(ctx: RenderContext, result: Funnel): string {
  const gap = ctx.money(Math.round(Math.abs(result.gap)));
  const percent = ctx.number(Math.round(Math.abs(result.gapPercent) * 10) / 10);
  return result.shortfall ? ctx.t('render.funnel.gapShort', { gap, percent: `−${percent}` }) : ctx.t('render.funnel.gapOver', { gap, percent });
}

/** Conversion rates as the funnel multiplies them: `× 18 %`, or `× 40 % × 45 %` for stages. */
function rates(ctx: RenderContext, conversion: readonly Stated[]): string {
  return conversion.map((rate) => `× ${ctx.percent(rate.value, 2)}`).join(' ');
}

const FUNNEL_RULES = new Set(['align/funnel', 'align/currency']);

/**
 * Alignment: the funnel from the marketing plan's leads to the sales plan's revenue target, as a
 * chart of its stages and a bar against the target, with the gap and what each lever alone
 * would need; a notice when the plans are in different currencies.
 */
export function alignment(ctx: RenderContext): string {
  const { funnel, currencyClash } = ctx.figures;
  const claim = { claim: (located: { finding: { ruleId: string } }) => FUNNEL_RULES.has(located.finding.ruleId) };
  if (currencyClash) {
    const message = ctx.t('render.funnel.currencyClash', { currency: ctx.figures.currency ?? '', plan: planName(ctx, currencyClash.plan), other: currencyClash.currency });
    return ctx.block('div', ['currency'], 'alignment', note(message, 'notice notice-figures'), claim);
  }
  if (!funnel) return ctx.block('div', ['alignsWith'], 'alignment', note(ctx.t('render.funnel.none')), claim);
  const anchor = [funnel.revenue, funnel.leads].find((stated) => stated?.plan === 'self');
  const path = anchor?.path ?? ['alignsWith'];
  const { result } = funnel;
  if (!result.computable) {
    return ctx.block('div', path, 'alignment', note(ctx.t('render.funnel.notComputable', { inputs: missing(ctx, result, 'render.funnel.input') })), claim);
  }
  const leads = funnel.leads!;
  const dealSize = funnel.dealSize!;
  const revenue = funnel.revenue!;
  const gapText = funnelGap(ctx, result);
  const revenueShown = ctx.money(Math.round(result.revenue));
  const deals = ctx.number(Math.round(result.deals * 10) / 10);
  const rateText = funnel.conversion.length === 1 ? ctx.percent(funnel.conversion[0].value, 2) : `${funnel.conversion.map((rate) => ctx.percent(rate.value, 2)).join(' × ')} = ${ctx.percent(result.overallRate, 2)}`;
  const stages = funnelChart({
    label: ctx.t('render.chart.funnel', { leads: ctx.number(leads.value), rate: rateText, deals, dealSize: ctx.money(dealSize.value), revenue: revenueShown }),
    stages: [
      { value: ctx.number(leads.value), label: ctx.t('render.funnel.leads'), title: `${ctx.t('render.funnel.leads')}: ${ctx.number(leads.value)} (${planName(ctx, leads.plan)})` },
      { value: deals, label: ctx.t('render.funnel.deals'), title: `${ctx.t('render.funnel.deals')}: ${ctx.number(leads.value)} × ${rateText} = ${deals}` },
      { value: revenueShown, label: ctx.t('render.funnel.revenue'), title: `${ctx.t('render.funnel.revenue')}: ${deals} × ${ctx.money(dealSize.value)} = ${revenueShown}` },
    ],
    steps: [rates(ctx, funnel.conversion), `× ${ctx.money(dealSize.value)}`],
  });
  const bar = targetBarChart({
    className: 'chart-funnel-target',
    label: ctx.t('render.chart.funnelTarget', { revenue: revenueShown, target: ctx.money(revenue.value), gap: gapText }),
    barLabel: ctx.t('render.funnel.revenue'),
    segments: [{ value: result.revenue, className: 'bar series-funnel', title: `${ctx.t('render.funnel.revenue')}: ${revenueShown}` }],
    total: { value: result.revenue, shown: revenueShown },
    target: { value: revenue.value, shown: ctx.t('render.forecast.targetShown', { target: ctx.money(revenue.value) }) },
    gap: { shown: gapText, shortfall: result.shortfall },
  });
  const keyFigures = [
    figure(ctx.t('render.funnel.revenue'), revenueShown),
    figure(ctx.t('render.funnel.target'), ctx.money(revenue.value)),
    figure(ctx.t('render.funnel.gap'), signedMoney(ctx, Math.round(result.gap)), ctx.t(result.shortfall ? 'render.funnel.short' : 'render.funnel.covers'), result.shortfall ? 'warning' : 'ok'),
  ].join('');
  const row = (lever: string, planned: string, needed: string, source: 'self' | number | undefined) =>
    `<tr><th scope="row">${text(lever)}</th><td class="number">${text(planned)}</td><td class="number">${text(needed)}</td><td>${source === undefined ? '' : text(planName(ctx, source))}</td></tr>`;
  // A needed rate is rounded up, as align/funnel words it: rounding down would fall short again.
  const neededRate = (value: number) => ctx.percent(Math.ceil(value * 100) / 100, 2);
  const levers = [
    row(ctx.t('render.funnel.leads'), ctx.number(leads.value), ctx.number(result.needs.leads), leads.plan),
    ...(funnel.conversion.length === 1
      ? [row(ctx.t('render.funnel.conversion'), ctx.percent(funnel.conversion[0].value, 2), neededRate(result.needs.conversionRate), funnel.conversion[0].plan)]
      : funnel.conversion.map((rate, index) => row(ctx.t('render.funnel.stage', { stage: index + 1 }), ctx.percent(rate.value, 2), neededRate(result.needs.stageRates[index]), rate.plan))),
    row(ctx.t('render.funnel.dealSize'), ctx.money(dealSize.value), ctx.money(result.needs.averageDealSize), dealSize.plan),
    row(ctx.t('render.funnel.target'), ctx.money(revenue.value), '', revenue.plan),
  ];
  const data = table(ctx, 'lever-table', [ctx.t('render.funnel.lever'), ctx.t('render.funnel.planned'), ctx.t('render.funnel.needed'), ctx.t('render.funnel.source')], levers);
  const content = `<div class="figures">${keyFigures}</div><figure class="chart-figure">${stages}${bar}</figure><p class="chart-caption">${text(ctx.t('render.funnel.needs'))}</p>${data}`;
  return ctx.block('div', path, 'alignment', content, claim);
}

/** CLV : CAC and the CAC payback as key figures, where the plan has them; '' otherwise. */
export function unitEconomics(ctx: RenderContext): string {
  const { clvCac, clvCacKpis, payback } = ctx.figures;
  const items: string[] = [];
  if (clvCac) {
    if (clvCac.computable && clvCacKpis) {
      const ratio = ctx.t('render.economics.ratio', { ratio: Math.round(clvCac.ratio * 100) / 100 });
      const detail = ctx.t('render.economics.clvCacNote', { clv: ctx.money(clvCacKpis.clv.value), cac: ctx.money(clvCacKpis.cac.value), healthy: clvCac.healthyRatio });
      items.push(figure(ctx.t('render.economics.clvCac'), ratio, detail, clvCac.healthy ? 'ok' : 'warning'));
    } else if (!clvCac.computable) {
      items.push(figure(ctx.t('render.economics.clvCac'), '—', ctx.t('render.economics.notComputable', { inputs: missing(ctx, clvCac, 'render.economics.input') })));
    }
  }
  if (payback) {
    if (payback.computable) {
      const months = ctx.t('render.economics.months', { months: Math.round(payback.months * 10) / 10 });
      const detail = ctx.t(payback.marginGiven ? 'render.economics.paybackNote' : 'render.economics.paybackNoMargin', { profit: ctx.money(Math.round(payback.monthlyGrossProfit * 100) / 100), limit: payback.limitMonths });
      items.push(figure(ctx.t('render.economics.payback'), months, detail, payback.overLimit ? 'warning' : 'ok'));
    } else {
      items.push(figure(ctx.t('render.economics.payback'), '—', ctx.t('render.economics.notComputable', { inputs: missing(ctx, payback, 'render.economics.input') })));
    }
  }
  return items.length === 0 ? '' : `<div class="figures figures-economics">${items.join('')}</div>`;
}

/** The unit economics of a sales plan as a section of its own. */
export function economics(ctx: RenderContext): string {
  return unitEconomics(ctx);
}

/** The team's capacity, people × quota over the plan period, against the revenue target: figures, a bar with each role's part, and a table. */
export function capacity(ctx: RenderContext): string {
  const figures = ctx.figures.capacity;
  if (!figures) return '';
  if (!figures.computable) return note(ctx.t('render.capacity.notComputable', { inputs: missing(ctx, figures, 'render.capacity.input') }));
  const capacityShown = ctx.money(Math.round(figures.capacity));
  const gap = figures.shortfall ? `${ctx.t('render.capacity.shortfall')} ${ctx.money(Math.round(-figures.gap))}` : `${ctx.t('render.capacity.headroom')} ${ctx.money(Math.round(figures.gap))}`;
  const coverage = ctx.t('render.capacity.coverage', { percent: Math.round(figures.coveragePercent) });
  const roleName = (role: { role: string | undefined; id: string | undefined }) => role.role ?? role.id ?? '';
  const keyFigures = [
    figure(ctx.t('render.capacity.capacity'), capacityShown, coverage, figures.shortfall ? 'warning' : 'ok'),
    figure(ctx.t('render.capacity.target'), ctx.money(figures.revenueTarget)),
    figure(figures.shortfall ? ctx.t('render.capacity.shortfall') : ctx.t('render.capacity.headroom'), ctx.money(Math.round(Math.abs(figures.gap))), '', figures.shortfall ? 'warning' : 'ok'),
  ].join('');
  const chart = targetBarChart({
    className: 'chart-capacity',
    label: ctx.t('render.chart.capacity', { capacity: capacityShown, target: ctx.money(figures.revenueTarget), gap: `${inSentence(ctx, gap)}, ${coverage}` }),
    barLabel: ctx.t('render.capacity.capacity'),
    segments: figures.roles.map((role, index) => ({
      value: role.capacity,
      className: `bar series-${index % 6}`,
      title: `${roleName(role)}: ${ctx.number(role.count)} × ${ctx.money(role.quota)}${figures.prorated ? ` × ${ctx.number(Math.round(figures.years * 1000) / 1000)}` : ''} = ${ctx.money(Math.round(role.capacity))}`,
    })),
    total: { value: figures.capacity, shown: capacityShown },
    target: { value: figures.revenueTarget, shown: ctx.t('render.forecast.targetShown', { target: ctx.money(figures.revenueTarget) }) },
    gap: { shown: `${gap} (${coverage})`, shortfall: figures.shortfall },
    legend: figures.roles.map((role, index) => ({ className: `bar series-${index % 6}`, label: roleName(role) })),
  });
  const notes = [
    figures.shortfall ? ctx.t('render.capacity.hires', { count: figures.largestQuota.extraHeadcount, role: roleName(figures.largestQuota) }) : '',
    figures.prorated ? ctx.t('render.capacity.prorated', { days: figures.days, years: Math.round(figures.years * 1000) / 1000 }) : '',
    figures.withoutQuota.length > 0 ? ctx.t('render.capacity.withoutQuota', { roles: formatList(ctx.locale, figures.withoutQuota.map(roleName)) }) : '',
    figures.withoutCount.length > 0 ? ctx.t('render.capacity.withoutCount', { roles: formatList(ctx.locale, figures.withoutCount.map(roleName)) }) : '',
  ].filter(Boolean);
  const rows = figures.roles.map(
    (role) => `<tr><th scope="row">${text(roleName(role))}</th><td class="number">${text(ctx.number(role.count))}</td><td class="number">${text(ctx.money(role.quota))}</td><td class="number">${text(ctx.money(Math.round(role.capacity)))}</td></tr>`,
  );
  const footer = `<tfoot><tr><th scope="row">${text(ctx.t('render.label.total'))}</th><td></td><td></td><td class="number">${text(capacityShown)}</td></tr></tfoot>`;
  const data = table(ctx, 'capacity-table', [ctx.t('render.capacity.role'), ctx.t('render.capacity.people'), ctx.t('render.capacity.quota'), ctx.t('render.capacity.roleCapacity')], rows, footer);
  return `<div class="figures">${keyFigures}</div><figure class="chart-figure">${chart}</figure>${notes.map((line) => note(line, 'chart-caption')).join('')}${data}`;
}

type KpiProgress = Progress<ActualRow> | NotComputable<string>;

/** A KPI's progress status as a badge: on track, at risk, off track, too early, no actuals. */
export function progressBadge(ctx: RenderContext, status: Progress<ActualRow>['status']): string {
  return `<span${attributes({ class: `progress-badge progress-${status}` })}>${text(ctx.t(`render.actuals.status.${status}`))}</span>`;
}

/** One KPI's card: its status, latest actual against the straight path, a small chart and the data. */
function actualsCard(ctx: RenderContext, kpi: Record<string, unknown>, index: number, progress: KpiProgress): string {
  const name = asString(kpi.name) ?? asString(kpi.id) ?? '';
  const unit = kpiUnit(kpi);
  const measure = (value: number) => ctx.measure(Math.round(value * 100) / 100, unit);
  const head = (badge: string) => `<div class="card-head"><h3 class="item-title">${text(name)}</h3>${badge}</div>`;
  if (!progress.computable) {
    return ctx.block('article', ['kpis', index], 'card actuals-card', `${head('')}${note(ctx.t('render.actuals.notComputable', { inputs: missing(ctx, progress, 'render.actuals.input') }))}`, { claim: () => false });
  }
  const { latest, path } = progress;
  const status = inSentence(ctx, ctx.t(`render.actuals.status.${progress.status}`));
  const facts = [
    [ctx.t('render.actuals.latest'), latest ? `${measure(latest.value)} (${formatPeriod(ctx.locale, latest.period)})` : '—'],
    [ctx.t('render.actuals.expected'), progress.expectedValue === undefined ? '' : measure(progress.expectedValue)],
    [ctx.t('render.actuals.target'), `${measure(path.to.value)} (${ctx.day(path.to.date)})`],
    [ctx.t('render.actuals.progress'), progress.progress === undefined || progress.expected === undefined ? '' : ctx.t('render.actuals.progressValue', { progress: Math.round(progress.progress * 100), due: Math.round(progress.expected * 100) })],
  ]
    .filter(([, value]) => value !== '')
    .map(([label, value]) => `<div><dt>${text(label)}</dt><dd>${text(value)}</dd></div>`)
    .join('');
  const chart = progressChart({
    label: ctx.t('render.chart.progress', { kpi: name, baseline: measure(path.from.value), target: measure(path.to.value), deadline: ctx.day(path.to.date), status }),
    locale: ctx.locale,
    path,
    points: progress.series.map((point) => ({ date: point.date, value: point.value, title: `${formatPeriod(ctx.locale, point.period)}: ${measure(point.value)}` })),
    today: parseDate(ctx.today),
    todayLabel: ctx.t('render.actuals.today'),
  });
  const rows = progress.series.map((point) => `<tr><th scope="row">${text(formatPeriod(ctx.locale, point.period))}</th><td class="number">${text(measure(point.value))}</td></tr>`);
  const data = table(ctx, 'actuals-table', [ctx.t('render.actuals.period'), ctx.t('render.actuals.actual')], rows);
  const future = progress.future.length > 0 ? note(ctx.t('render.actuals.future', { count: progress.future.length }), 'chart-caption') : '';
  return ctx.block(
    'article',
    ['kpis', index],
    `card actuals-card actuals-${progress.status}`,
    `${head(progressBadge(ctx, progress.status))}<dl class="facts">${facts}</dl><figure class="chart-figure">${chart}</figure>${future}${data && `<details class="chart-data"><summary>${text(ctx.t('render.label.dataTable'))}</summary>${data}</details>`}`,
    // The KPI's findings (kpi/off-track among them) stay in the KPI table.
    { claim: () => false },
  );
}

/** Actuals: each KPI with actuals against its straight path from baseline to target, with its status; what is missing when nothing can be judged. */
export function actuals(ctx: RenderContext): string {
  const file = asString(ctx.data.actuals) ?? '';
  const figures = ctx.figures.actuals;
  if (ctx.actualsNotRead || !figures) return note(ctx.t('render.actuals.notRead', { file }));
  if (figures.csv.rows.length === 0) return note(ctx.t('render.actuals.empty', { file: figures.file }));
  if (figures.progress.size === 0 || ctx.today === undefined) return note(ctx.t('render.actuals.noToday'));
  const kpis = asArray(ctx.data.kpis).map((item, index) => ({ kpi: asRecord(item), index }));
  const cards: string[] = [];
  const without: string[] = [];
  for (const { kpi, index } of kpis) {
    if (!kpi || typeof kpi.id !== 'string') continue;
    const progress = figures.progress.get(kpi.id);
    if (progress) cards.push(actualsCard(ctx, kpi, index, progress));
    else without.push(asString(kpi.name) ?? kpi.id);
  }
  const source = note(ctx.t('render.actuals.source', { file: figures.file, today: ctx.date(ctx.today) }), 'chart-caption');
  return `${source}${grid(ctx, 'card-grid actuals-grid', cards)}${without.length > 0 ? note(ctx.t('render.actuals.without', { kpis: formatList(ctx.locale, without) })) : ''}`;
}
