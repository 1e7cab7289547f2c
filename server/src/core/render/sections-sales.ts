/** Sections of the sales template: segments, offering, team (org chart), tactics, forecast, territories, training. */
import { asArray, asNumber, asRecord, asString } from '../model/model';
import { parsePeriod as parsePeriodOf, periodLabel as canonicalPeriod, type ForecastFailure, type ForecastResult } from '../analysis/forecast';
import { forecastChart, rangeChart } from './charts';
import type { RenderContext } from './context';
import { text } from './html';
import { bullets, cellList, facts, figure, grid, heading, items, known, paragraph, part, table } from './parts';
import { FREQUENCIES } from './sections-common';
import { formatPeriod } from '../base/messages';
import type { JsonPath } from '../base/types';
import { capacity } from './sections-figures';

const METHODS = ['linear', 'seasonal', 'auto', 'manual'] as const;

export function segments(ctx: RenderContext): string {
  const cards = items(ctx, ['segments'], (segment, path) => {
    const ideal = asRecord(segment.idealCustomer);
    const profile = ideal
      ? ctx.block(
          'div',
          [...path, 'idealCustomer'],
          'ideal-customer',
          `<h4>${text(ctx.t('render.label.idealCustomer'))}</h4>${facts([
            [ctx.t('render.label.industry'), ctx.value(ideal.industry)],
            [ctx.t('render.label.size'), ctx.value(ideal.size)],
            [ctx.t('render.label.region'), ctx.value(ideal.region)],
          ])}${bullets(ctx, [...path, 'idealCustomer', 'traits'])}`,
        )
      : '';
    return ctx.block('article', path, 'card segment', `${heading(segment, 'name', 'h3', ctx, path)}${paragraph(ctx, [...path, 'description'], 'description')}${profile}`);
  });
  return grid(ctx, 'card-grid', cards);
}

export function offering(ctx: RenderContext): string {
  const cards = items(ctx, ['offering'], (offer, path) => {
    const proposition = ctx.value(offer.valueProposition);
    return ctx.block(
      'article',
      path,
      'card offer',
      `${heading(offer, 'name', 'h3', ctx, path)}${proposition ? `<p class="value-proposition">${proposition}</p>` : ''}${paragraph(ctx, [...path, 'description'], 'description')}${bullets(ctx, [...path, 'differentiators'], 'bullets checks')}`,
    );
  });
  return grid(ctx, 'card-grid', cards);
}

interface Member {
  path: JsonPath;
  id: string | undefined;
  item: Record<string, unknown>;
  reportsTo: string | undefined;
}

/** The team as an org chart: each role under the role it reports to (a nested list, drawn as a tree). */
export function team(ctx: RenderContext): string {
  const members: Member[] = asArray(ctx.at(['team'])).flatMap((entry, index) => {
    const item = asRecord(entry);
    return item ? [{ path: ['team', index], item, id: asString(item.id), reportsTo: asString(item.reportsTo) }] : [];
  });
  // In compare mode, a role removed since the older version is shown struck through, under the role it reported to if that is still there.
  const removed: Member[] = (ctx.compare?.removedFrom(['team']) ?? []).flatMap(({ path }) => {
    const item = asRecord(ctx.at(path));
    return item ? [{ path, item, id: undefined, reportsTo: asString(item.reportsTo) }] : [];
  });
  if (members.length === 0 && removed.length === 0) return '';
  const ids = new Set(members.map((member) => member.id).filter(Boolean));
  const children = new Map<string, Member[]>();
  const roots: Member[] = [];
  for (const member of [...members, ...removed]) {
    // A manager that is not defined (or the member itself) cannot place it: it becomes a root.
    if (member.reportsTo !== undefined && ids.has(member.reportsTo) && member.reportsTo !== member.id) {
      children.set(member.reportsTo, [...(children.get(member.reportsTo) ?? []), member]);
    } else roots.push(member);
  }
  const placed = new Set<Member>();
  const node = (member: Member): string => {
    placed.add(member);
    const reports = (member.id ? (children.get(member.id) ?? []) : []).filter((child) => !placed.has(child));
    const count = asNumber(member.item.count);
    const { path } = member;
    const quota = asNumber(member.item.quota);
    const headcount = (value: unknown) => ctx.t('render.label.headcount', { count: ctx.plainValue(value) });
    const quotaEach = (value: unknown) => ctx.t('render.capacity.quotaEach', { quota: typeof value === 'number' ? ctx.money(value) : ctx.plainValue(value) });
    const countHtml = ctx.mark([...path, 'count'], count !== undefined ? text(headcount(count)) : '', headcount);
    const quotaHtml = ctx.mark([...path, 'quota'], quota !== undefined ? text(quotaEach(quota)) : '', quotaEach);
    const card = `<div class="org-card"><span class="org-role">${ctx.field([...path, 'role'])}</span>${countHtml ? `<span class="org-count">${countHtml}</span>` : ''}${quotaHtml ? `<span class="org-count">${quotaHtml}</span>` : ''}${bullets(ctx, [...path, 'responsibilities'], 'org-duties')}</div>`;
    const below = reports.length ? `<ul class="org-level">${reports.map(node).join('')}</ul>` : '';
    return ctx.block('li', path, 'org-node', `${card}${below}`);
  };
  const tree = roots.map(node);
  // Members in a reporting cycle have no root above them: they are shown at the top level.
  for (const member of [...members, ...removed]) if (!placed.has(member)) tree.push(node(member));
  const headcount = members.reduce((sum, member) => sum + (asNumber(member.item.count) ?? 0), 0);
  return `<div class="figures">${figure(ctx.t('render.label.roles'), String(members.length))}${figure(ctx.t('render.label.people'), ctx.number(headcount))}</div><div class="org-chart"><ul class="org-level org-root">${tree.join('')}</ul></div>${part(ctx.t('render.capacity.title'), capacity(ctx))}`;
}

export function tactics(ctx: RenderContext): string {
  const cards = items(ctx, ['tactics'], (tactic, path) => {
    const methodology = ctx.value(tactic.methodology);
    return ctx.block('article', path, 'card tactic', `<div class="card-head">${heading(tactic, 'name', 'h3', ctx, path)}${methodology ? `<span class="badge">${methodology}</span>` : ''}</div>${paragraph(ctx, [...path, 'description'], 'description')}`);
  });
  return grid(ctx, 'card-grid card-grid-wide', cards);
}

/** `2026-Q1` → [`Q1`, `2026`] (Romanian [`T1`, `2026`]); `2026-03` → [month name, `2026`]; `2026` → [`2026`, ``]. */
export function periodLabel(period: string, locale: string): [string, string] {
  const match = /^(\d{4})(?:-(Q[1-4]|\d{2}))?$/.exec(period);
  if (!match) return [period, ''];
  const [, year, part] = match;
  if (part === undefined) return [year, ''];
  if (part.startsWith('Q')) return [locale === 'ro' ? `T${part.slice(1)}` : part, year];
  const month = Number(part);
  if (month < 1 || month > 12) return [period, ''];
  return [new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(year), month - 1, 1))), year];
}

/** A row of the plan's own `forecast.history` or `forecast.projections`. */
interface Row {
  period: string;
  /** The period as the axis knows it: canonical (`2026-Q1`) when it reads as a period. */
  key: string;
  revenue: number | undefined;
  index: number;
  list: 'history' | 'projections';
}

/** A period's place on the axis: its canonical label when it reads as one, else as written. */
function periodKey(period: string): string {
  const parsed = parsePeriodOf(period);
  return parsed ? canonicalPeriod(parsed) : period;
}

/**
 * The periods of the forecast chart, in time order: every period from the first to the last of
 * those given, gaps included, when all are of one granularity; else each distinct one as listed.
 */
function axisPeriods(keys: readonly string[]): string[] {
  const parsed = keys.map((key) => parsePeriodOf(key));
  const first = parsed[0];
  if (first && parsed.every((period) => period?.granularity === first.granularity)) {
    const ordinals = parsed.map((period) => period!.ordinal);
    const [low, high] = [Math.min(...ordinals), Math.max(...ordinals)];
    // A stray period centuries away would make thousands of empty slots: listed as given instead.
    if (high - low < 600) return Array.from({ length: high - low + 1 }, (_, step) => canonicalPeriod({ granularity: first.granularity, ordinal: low + step }));
  }
  return [...new Set(keys)];
}

/** What the forecast section says of the model: its method (and for `auto`, which one won on AICc), its fit, and where the target sits. */
function forecastCaption(ctx: RenderContext, method: string | undefined, result: ForecastResult, historyCount: number): string[] {
  const modelName = (kind: 'linear' | 'seasonal') => ctx.t(`render.forecast.model.${kind}`);
  const aicc = (value: number | null) => (value === null ? ctx.t('render.forecast.notAvailable') : ctx.number(Math.round(value * 10) / 10));
  const sentences: string[] = [];
  if (method === 'manual') sentences.push(ctx.t('render.forecast.caption.manual'));
  if (result.selection) {
    const other = result.selection.chosen === 'linear' ? 'seasonal' : 'linear';
    const otherAicc = result.selection.aicc[other];
    sentences.push(
      otherAicc === null
        ? ctx.t('render.forecast.caption.autoOnly', { chosen: modelName(result.selection.chosen), count: historyCount })
        : ctx.t('render.forecast.caption.auto', { chosen: modelName(result.selection.chosen), chosenAicc: aicc(result.selection.aicc[result.selection.chosen]), other: modelName(other), otherAicc: aicc(otherAicc), count: historyCount }),
    );
  } else sentences.push(ctx.t(`render.forecast.caption.${result.method}`, { count: historyCount }));
  const fit = (value: number | null, unit: string) => (value === null ? ctx.t('render.forecast.notAvailable') : `${ctx.number(Math.round(value * 100) / 100)}${unit}`);
  sentences.push(ctx.t('render.forecast.fit', { mape: fit(result.fit.mape, ' %'), mase: fit(result.fit.mase, '') }));
  const target = ctx.figures.forecast?.target;
  if (target) {
    const money = (value: number) => ctx.money(Math.round(value));
    sentences.push(ctx.t(`render.forecast.where.${target.position}`, { target: ctx.money(target.revenue.value), forecast: money(result.total.forecast), upper80: money(result.total.upper80), upper95: money(result.total.upper95) }));
  }
  return sentences;
}

/** Why the model could not forecast, in a sentence. */
function failure(ctx: RenderContext, outcome: ForecastFailure): string {
  if (outcome.reason === 'too-few-periods') {
    const method = outcome.method === 'seasonal' ? 'seasonal' : 'linear';
    return ctx.t('render.forecast.failed', { reason: ctx.t('render.forecast.failed.tooFew', { method: ctx.t(`render.forecast.model.${method}`), needed: outcome.needed, have: outcome.have }) });
  }
  if (outcome.reason === 'no-seasonality') return ctx.t('render.forecast.failed', { reason: ctx.t('render.forecast.failed.yearly') });
  return ctx.t('render.forecast.failed', { reason: ctx.t('render.forecast.failed.other') });
}

/**
 * The forecast: the plan's history and projections with the model's forecast and its 80 % and
 * 95 % intervals (from `figures.forecast`), the plan period's total against the revenue target,
 * a caption on the method, its fit and the target's position, the data and the assumptions.
 */
export function forecast(ctx: RenderContext): string {
  const forecastData = asRecord(ctx.at(['forecast']));
  if (!forecastData) return '';
  const rows: Row[] = (['history', 'projections'] as const).flatMap((list) =>
    asArray(forecastData[list]).flatMap((entry, index) => {
      const row = asRecord(entry);
      if (!row) return [];
      const period = typeof row.period === 'string' || typeof row.period === 'number' ? String(row.period) : '';
      return [{ period, key: periodKey(period), revenue: asNumber(row.revenue), index, list }];
    }),
  );
  const figures = ctx.figures.forecast;
  const result = figures?.outcome.ok ? figures.outcome : undefined;
  const keys = axisPeriods([...rows.map((row) => row.key), ...(result?.points.map((point) => point.period) ?? [])]);
  const rowAt = (list: Row['list'], key: string) => rows.find((row) => row.list === list && row.key === key);
  const bandAt = (key: string) => result?.points.find((point) => point.period === key);
  const money = (value: number) => ctx.money(Math.round(value));
  const range = (low: number, high: number) => `${money(low)} – ${money(high)}`;
  const labels = { history: ctx.t('render.label.history'), forecast: ctx.t('render.forecast.model'), band80: ctx.t('render.forecast.band80'), band95: ctx.t('render.forecast.band95'), projections: ctx.t('render.forecast.projections') };

  const slots = keys.map((key) => {
    const history = rowAt('history', key)?.revenue;
    const projection = rowAt('projections', key)?.revenue;
    const band = bandAt(key);
    const parts = [
      history !== undefined ? `${labels.history} ${money(history)}` : '',
      band ? `${labels.forecast} ${money(band.forecast)} (80 %: ${range(band.lower80, band.upper80)}; 95 %: ${range(band.lower95, band.upper95)})` : '',
      projection !== undefined ? `${labels.projections} ${money(projection)}` : '',
    ].filter(Boolean);
    return { key, history, projection, band, title: `${formatPeriod(ctx.locale, key)}: ${parts.join(', ')}` };
  });
  const hasValues = slots.some((slot) => slot.history !== undefined || slot.projection !== undefined || slot.band);
  const chart = hasValues
    ? forecastChart({
        label: ctx.t('render.chart.forecast'),
        locale: ctx.locale,
        periods: slots.map((slot) => ({ label: periodLabel(slot.key, ctx.locale), title: slot.title })),
        history: slots.map((slot) => slot.history),
        forecast: slots.map((slot) => slot.band),
        projections: slots.map((slot) => slot.projection),
        legend: labels,
      })
    : '';

  const target = figures?.target;
  const position = target ? ctx.t(`render.forecast.position.${target.position}`) : '';
  const total = result?.total;
  const rangeSvg = total
    ? rangeChart({
        label: ctx.t('render.chart.range', {
          period: formatPeriod(ctx.locale, total.period),
          forecast: money(total.forecast),
          low80: money(total.lower80),
          high80: money(total.upper80),
          low95: money(total.lower95),
          high95: money(total.upper95),
          target: target ? ctx.t('render.chart.rangeTarget', { target: ctx.money(target.revenue.value), position }) : '',
        }),
        locale: ctx.locale,
        band: total,
        target: target ? { value: target.revenue.value, shown: ctx.t('render.forecast.targetShown', { target: ctx.money(target.revenue.value) }) } : undefined,
        projections: figures?.projectionsTotal !== undefined ? { value: figures.projectionsTotal, shown: money(figures.projectionsTotal) } : undefined,
        forecastShown: ctx.t('render.forecast.forecastShown', { forecast: money(total.forecast) }),
        zones: { commit: ctx.t('render.forecast.zone.commit'), bestCase: ctx.t('render.forecast.zone.best-case'), stretch: ctx.t('render.forecast.zone.stretch'), unsupported: ctx.t('render.forecast.zone.unsupported') },
        legend: { band80: labels.band80, band95: labels.band95, forecast: labels.forecast, target: ctx.t('render.forecast.target'), projections: ctx.t('render.forecast.projectionsTotal') },
      })
    : '';
  const historyCount = rows.filter((row) => row.list === 'history').length;
  const caption = result
    ? forecastCaption(ctx, figures?.method, result, historyCount)
    : figures && !figures.outcome.ok
      ? [failure(ctx, figures.outcome)]
      : [];
  const figureHtml = chart || rangeSvg ? `<figure class="chart-figure">${chart}${rangeSvg}${caption.length ? `<figcaption class="chart-caption">${caption.map((sentence) => text(sentence)).join(' ')}</figcaption>` : ''}</figure>` : caption.map((sentence) => `<p class="chart-caption">${text(sentence)}</p>`).join('');

  const cell = (value: string) => `<td class="number">${text(value)}</td>`;
  const tableRows = slots
    .filter((slot) => slot.history !== undefined || slot.projection !== undefined || slot.band || rows.some((row) => row.key === slot.key))
    .map((slot): [string, string] => {
      // In compare mode a row's revenue shows its old value.
      const revenue = (list: Row['list'], value: number | undefined) => {
        const at = rowAt(list, slot.key);
        const shown = value === undefined ? '' : text(money(value));
        return `<td class="number">${at ? ctx.mark(['forecast', list, at.index, 'revenue'], shown, (old) => (typeof old === 'number' ? money(old) : ctx.plainValue(old))) : shown}</td>`;
      };
      const content = `<th scope="row">${text(formatPeriod(ctx.locale, slot.key))}</th>${revenue('history', slot.history)}${cell(slot.band ? money(slot.band.forecast) : '')}${cell(slot.band ? range(slot.band.lower80, slot.band.upper80) : '')}${cell(slot.band ? range(slot.band.lower95, slot.band.upper95) : '')}${revenue('projections', slot.projection)}`;
      const own = rowAt('projections', slot.key) ?? rowAt('history', slot.key);
      return [slot.key, own ? ctx.block('tr', ['forecast', own.list, own.index], `forecast-row series-${own.list}`, content, { columns: 6 }) : `<tr class="forecast-row series-model">${content}</tr>`];
    });
  // A total of one whole period is that period's row already.
  const footer = total && !keys.includes(total.period)
    ? `<tfoot><tr><th scope="row">${text(formatPeriod(ctx.locale, total.period))}</th>${cell('')}${cell(money(total.forecast))}${cell(range(total.lower80, total.upper80))}${cell(range(total.lower95, total.upper95))}${cell(figures?.projectionsTotal === undefined ? '' : money(figures.projectionsTotal))}</tr></tfoot>`
    : '';
  const data = table(ctx, 'forecast-table', [ctx.t('render.label.period'), labels.history, labels.forecast, labels.band80, labels.band95, labels.projections], withRemovedRows(ctx, tableRows, money), footer);

  const method = typeof forecastData.method === 'string' && (METHODS as readonly string[]).includes(forecastData.method) ? ctx.t(`render.method.${forecastData.method as 'linear'}`) : asString(forecastData.method);
  const chosen = result?.selection ? ctx.t(`render.forecast.model.${result.selection.chosen}`) : '';
  const keyFigures = [
    historyYear(ctx, rows),
    total ? figure(ctx.t('render.forecast.total', { period: formatPeriod(ctx.locale, total.period) }), money(total.forecast), ctx.t('render.forecast.interval', { low: money(total.lower80), high: money(total.upper80) })) : '',
    figures?.projectionsTotal !== undefined ? figure(ctx.t('render.forecast.projectionsTotal'), money(figures.projectionsTotal)) : '',
    target ? figure(ctx.t('render.forecast.target'), ctx.money(target.revenue.value), position, target.position === 'unsupported' ? 'warning' : 'ok') : '',
    method ? figure(ctx.t('render.label.method'), method, chosen) : '',
  ].join('');
  return `<div class="figures">${keyFigures}</div>${figureHtml}${data && `<details class="chart-data"><summary>${text(ctx.t('render.label.dataTable'))}</summary>${data}</details>`}${part(ctx.t('render.label.assumptions'), ctx.markdown(['forecast', 'assumptions']))}`;
}

/**
 * The forecast table's rows (by period), with the history and projection rows removed since the
 * older version among them in compare mode: struck through, after the rows of their period or
 * before the first later one.
 */
function withRemovedRows(ctx: RenderContext, rows: readonly [key: string, html: string][], money: (value: number) => string): string[] {
  const removed = (['history', 'projections'] as const).flatMap((list) =>
    (ctx.compare?.removedFrom(['forecast', list]) ?? []).flatMap(({ path }) => {
      const row = asRecord(ctx.at(path));
      if (!row) return [];
      const period = typeof row.period === 'string' || typeof row.period === 'number' ? String(row.period) : '';
      const revenue = asNumber(row.revenue);
      const shown = `<td class="number">${revenue === undefined ? '' : text(money(revenue))}</td>`;
      const empty = '<td class="number"></td>';
      const content = `<th scope="row">${text(formatPeriod(ctx.locale, periodKey(period)))}</th>${list === 'history' ? shown : empty}${empty}${empty}${empty}${list === 'projections' ? shown : empty}`;
      return [[periodKey(period), ctx.block('tr', path, `forecast-row series-${list}`, content, { columns: 6 })] as [string, string]];
    }),
  );
  if (removed.length === 0) return rows.map(([, html]) => html);
  const order = axisPeriods([...rows.map(([key]) => key), ...removed.map(([key]) => key)]);
  const rank = (key: string) => order.indexOf(key);
  const out = rows.map(([key, html]) => ({ rank: rank(key), html }));
  for (const [key, html] of removed) {
    const at = out.findIndex((row) => row.rank > rank(key));
    out.splice(at === -1 ? out.length : at, 0, { rank: rank(key), html });
  }
  return out.map((row) => row.html);
}

/** Revenue of the last year of history, as the plan gives it. */
function historyYear(ctx: RenderContext, rows: readonly Row[]): string {
  const years = new Map<string, number>();
  for (const row of rows) {
    const year = /^\d{4}/.exec(row.period)?.[0];
    if (row.list === 'history' && year && row.revenue !== undefined) years.set(year, (years.get(year) ?? 0) + row.revenue);
  }
  const last = [...years].at(-1);
  return last ? figure(ctx.t('render.label.revenueIn', { year: last[0] }), ctx.money(last[1])) : '';
}

export function territories(ctx: RenderContext): string {
  const rows = items(ctx, ['territories'], (territory, path) =>
    ctx.block('tr', path, 'territory', `<th scope="row">${ctx.value(territory.name)}</th><td>${cellList(ctx, territory.regions)}</td><td>${cellList(ctx, territory.channels)}</td><td>${typeof territory.owner === 'string' ? text(ctx.nameOf('team', territory.owner)) : ''}</td>`, { columns: 4 }),
  );
  return table(ctx, 'territory-table', [ctx.t('render.label.territory'), ctx.t('render.label.regions'), ctx.t('render.label.channels'), ctx.t('render.label.owner')], rows);
}

export function training(ctx: RenderContext): string {
  const rows = items(ctx, ['training'], (programme, path) =>
    ctx.block('tr', path, 'training', `<th scope="row">${ctx.value(programme.name)}</th><td>${typeof programme.audience === 'string' ? text(ctx.nameOf('team', programme.audience)) : ''}</td><td>${known(ctx, 'render.frequency', programme.cadence, FREQUENCIES)}</td><td>${cellList(ctx, programme.topics)}</td>`, { columns: 4 }),
  );
  return table(ctx, 'training-table', [ctx.t('render.label.programme'), ctx.t('render.label.audience'), ctx.t('render.label.cadence'), ctx.t('render.label.topics')], rows);
}
