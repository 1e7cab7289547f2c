/** Sections of the sales template: segments, offering, team (org chart), tactics, forecast, territories, training. */
import { asArray, asNumber, asRecord, asString } from '../model/model';
import { columnChart, type ColumnPoint } from './charts';
import type { RenderContext } from './context';
import { text } from './html';
import { bullets, cellList, facts, grid, heading, items, known, paragraph, part, table } from './parts';
import { FREQUENCIES } from './sections-common';
import { formatPeriod } from '../base/messages';
import { figure } from './sections-marketing';

const METHODS = ['linear', 'seasonal', 'manual'] as const;

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
    return ctx.block('article', path, 'card segment', `${heading(segment)}${paragraph(ctx, [...path, 'description'], 'description')}${profile}`);
  });
  return grid('card-grid', cards);
}

export function offering(ctx: RenderContext): string {
  const cards = items(ctx, ['offering'], (offer, path) => {
    const proposition = ctx.value(offer.valueProposition);
    return ctx.block(
      'article',
      path,
      'card offer',
      `${heading(offer)}${proposition ? `<p class="value-proposition">${proposition}</p>` : ''}${paragraph(ctx, [...path, 'description'], 'description')}${bullets(ctx, [...path, 'differentiators'], 'bullets checks')}`,
    );
  });
  return grid('card-grid', cards);
}

interface Member {
  index: number;
  id: string | undefined;
  item: Record<string, unknown>;
  reportsTo: string | undefined;
}

/** The team as an org chart: each role under the role it reports to (a nested list, drawn as a tree). */
export function team(ctx: RenderContext): string {
  const members: Member[] = asArray(ctx.data.team).flatMap((entry, index) => {
    const item = asRecord(entry);
    return item ? [{ index, item, id: asString(item.id), reportsTo: asString(item.reportsTo) }] : [];
  });
  if (members.length === 0) return '';
  const ids = new Set(members.map((member) => member.id).filter(Boolean));
  const children = new Map<string, Member[]>();
  const roots: Member[] = [];
  for (const member of members) {
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
    const path = ['team', member.index];
    const card = `<div class="org-card"><span class="org-role">${ctx.value(member.item.role)}</span>${count !== undefined ? `<span class="org-count">${text(ctx.t('render.label.headcount', { count }))}</span>` : ''}${bullets(ctx, [...path, 'responsibilities'], 'org-duties')}</div>`;
    const below = reports.length ? `<ul class="org-level">${reports.map(node).join('')}</ul>` : '';
    return ctx.block('li', path, 'org-node', `${card}${below}`);
  };
  const tree = roots.map(node);
  // Members in a reporting cycle have no root above them: they are shown at the top level.
  for (const member of members) if (!placed.has(member)) tree.push(node(member));
  const headcount = members.reduce((sum, member) => sum + (asNumber(member.item.count) ?? 0), 0);
  return `<div class="figures">${figure(ctx.t('render.label.roles'), String(members.length))}${figure(ctx.t('render.label.people'), ctx.number(headcount))}</div><div class="org-chart"><ul class="org-level org-root">${tree.join('')}</ul></div>`;
}

export function tactics(ctx: RenderContext): string {
  const cards = items(ctx, ['tactics'], (tactic, path) => {
    const methodology = ctx.value(tactic.methodology);
    return ctx.block('article', path, 'card tactic', `<div class="card-head">${heading(tactic)}${methodology ? `<span class="badge">${methodology}</span>` : ''}</div>${paragraph(ctx, [...path, 'description'], 'description')}`);
  });
  return grid('card-grid card-grid-wide', cards);
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

interface Row {
  period: string;
  revenue: number | undefined;
  series: number;
  index: number;
  list: 'history' | 'projections';
}

export function forecast(ctx: RenderContext): string {
  const forecastData = asRecord(ctx.data.forecast);
  if (!forecastData) return '';
  const rows: Row[] = (['history', 'projections'] as const).flatMap((list, series) =>
    asArray(forecastData[list]).flatMap((entry, index) => {
      const row = asRecord(entry);
      if (!row) return [];
      const period = typeof row.period === 'string' || typeof row.period === 'number' ? String(row.period) : '';
      return [{ period, revenue: asNumber(row.revenue), series, index, list }];
    }),
  );
  const seriesLabels = [ctx.t('render.label.history'), ctx.t('render.label.projection')];
  const points: ColumnPoint[] = rows
    .filter((row) => row.revenue !== undefined)
    .map((row) => ({ label: periodLabel(row.period, ctx.locale), value: row.revenue!, series: row.series, title: `${formatPeriod(ctx.locale, row.period)} (${seriesLabels[row.series]}): ${ctx.money(row.revenue!)}` }));
  const chart = points.length
    ? `<figure class="chart-figure">${columnChart({
        className: 'chart-forecast',
        label: ctx.t('render.chart.forecast'),
        locale: ctx.locale,
        series: [
          { className: 'bar series-history', label: seriesLabels[0] },
          { className: 'bar series-projection', label: seriesLabels[1] },
        ],
        points,
      })}</figure>`
    : '';
  const data = table(
    'forecast-table',
    [ctx.t('render.label.period'), ctx.t('render.label.revenue'), ctx.t('render.label.series')],
    rows.map((row) =>
      ctx.block('tr', ['forecast', row.list, row.index], `forecast-row series-${row.list}`, `<th scope="row">${text(formatPeriod(ctx.locale, row.period))}</th><td class="number">${row.revenue === undefined ? '' : text(ctx.money(row.revenue))}</td><td>${text(seriesLabels[row.series])}</td>`, { columns: 3 }),
    ),
  );
  const method = typeof forecastData.method === 'string' && (METHODS as readonly string[]).includes(forecastData.method) ? ctx.t(`render.method.${forecastData.method as 'linear'}`) : asString(forecastData.method);
  return `<div class="figures">${yearFigures(ctx, rows)}${method ? figure(ctx.t('render.label.method'), method) : ''}</div>${chart}${data && `<details class="chart-data"><summary>${text(ctx.t('render.label.dataTable'))}</summary>${data}</details>`}${part(ctx.t('render.label.assumptions'), ctx.markdown(['forecast', 'assumptions']))}`;
}

/** Revenue of the last year of history and of the first projected year, with the growth between them. */
function yearFigures(ctx: RenderContext, rows: readonly Row[]): string {
  const byYear = (series: number) => {
    const years = new Map<string, number>();
    for (const row of rows) {
      const year = /^\d{4}/.exec(row.period)?.[0];
      if (row.series === series && year && row.revenue !== undefined) years.set(year, (years.get(year) ?? 0) + row.revenue);
    }
    return [...years];
  };
  const last = byYear(0).at(-1);
  const next = byYear(1)[0];
  let out = '';
  if (last) out += figure(ctx.t('render.label.revenueIn', { year: last[0] }), ctx.money(last[1]));
  if (next) {
    const growth = last && last[1] > 0 ? `${next[1] >= last[1] ? '+' : ''}${ctx.number(Math.round(((next[1] - last[1]) / last[1]) * 1000) / 10)} %` : '';
    out += figure(ctx.t('render.label.projectedIn', { year: next[0] }), ctx.money(next[1]), growth);
  }
  return out;
}

export function territories(ctx: RenderContext): string {
  const rows = items(ctx, ['territories'], (territory, path) =>
    ctx.block('tr', path, 'territory', `<th scope="row">${ctx.value(territory.name)}</th><td>${cellList(ctx, territory.regions)}</td><td>${cellList(ctx, territory.channels)}</td><td>${typeof territory.owner === 'string' ? text(ctx.nameOf('team', territory.owner)) : ''}</td>`, { columns: 4 }),
  );
  return table('territory-table', [ctx.t('render.label.territory'), ctx.t('render.label.regions'), ctx.t('render.label.channels'), ctx.t('render.label.owner')], rows);
}

export function training(ctx: RenderContext): string {
  const rows = items(ctx, ['training'], (programme, path) =>
    ctx.block('tr', path, 'training', `<th scope="row">${ctx.value(programme.name)}</th><td>${typeof programme.audience === 'string' ? text(ctx.nameOf('team', programme.audience)) : ''}</td><td>${known(ctx, 'render.frequency', programme.cadence, FREQUENCIES)}</td><td>${cellList(ctx, programme.topics)}</td>`, { columns: 4 }),
  );
  return table('training-table', [ctx.t('render.label.programme'), ctx.t('render.label.audience'), ctx.t('render.label.cadence'), ctx.t('render.label.topics')], rows);
}
