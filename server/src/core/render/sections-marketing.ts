/** Sections of the marketing template: market and SWOT, personas, positioning, 4P, budget, calendar, channels, content, measurement. */
import { asArray, asNumber, asRecord, asString, parseDate } from '../model/model';
import { ganttChart, groupedBarChart } from './charts';
import type { RenderContext } from './context';
import { attributes, text } from './html';
import { bullets, cellList, facts, figure, grid, heading, items, known, paragraph, part, table, wasNote } from './parts';
import { FREQUENCIES } from './sections-common';
import { unitEconomics } from './sections-figures';

const SWOT = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
const MIX = ['product', 'price', 'place', 'promotion'] as const;
const CHANNEL_TYPES = ['online', 'offline'] as const;

export function market(ctx: RenderContext): string {
  const competitors = items(ctx, ['market', 'competitors'], (competitor, path) =>
    ctx.block('tr', path, 'competitor', `<th scope="row">${ctx.field([...path, 'name'])}</th><td>${cellList(ctx, competitor.strengths)}</td><td>${cellList(ctx, competitor.weaknesses)}</td>`, { columns: 3 }),
  );
  const lists = [part(ctx.t('render.label.trends'), bullets(ctx, ['market', 'trends'])), part(ctx.t('render.label.opportunities'), bullets(ctx, ['market', 'opportunities']))].join('');
  return [
    ctx.markdown(['market', 'analysis']),
    lists && `<div class="columns">${lists}</div>`,
    part(ctx.t('render.label.competitors'), table(ctx, 'competitor-table', [ctx.t('render.label.competitor'), ctx.t('render.label.strengths'), ctx.t('render.label.weaknesses')], competitors)),
    swot(ctx),
  ].join('');
}

/** SWOT as a 2×2 grid: strengths and weaknesses (internal) above opportunities and threats (external). */
export function swot(ctx: RenderContext): string {
  if (!asRecord(ctx.at(['market', 'swot']))) return '';
  const quadrants = SWOT.map((quadrant) => {
    const path = ['market', 'swot', quadrant];
    return ctx.block('div', path, `swot-quadrant swot-${quadrant}`, `<h4><span class="swot-letter" aria-hidden="true">${quadrant[0].toUpperCase()}</span>${text(ctx.t(`render.label.${quadrant}`))}</h4>${bullets(ctx, path)}`);
  });
  return part(ctx.t('render.label.swot'), ctx.block('div', ['market', 'swot'], 'swot', quadrants.join('')));
}

export function personas(ctx: RenderContext): string {
  const cards = items(ctx, ['personas'], (persona, path) => {
    const lists = (['needs', 'pains', 'preferences', 'behaviors'] as const)
      .map((field) => {
        const list = bullets(ctx, [...path, field]);
        return list && `<div class="persona-list persona-${field}"><h4>${text(ctx.t(`render.label.${field}`))}</h4>${list}</div>`;
      })
      .join('');
    const role = asString(persona.role);
    return ctx.block(
      'article',
      path,
      'card persona',
      `<div class="persona-head"><span class="avatar" aria-hidden="true">${text(initials(asString(persona.name) ?? ''))}</span><div>${heading(persona, 'name', 'h3', ctx, path)}${role ? `<p class="subtitle">${text(role)}</p>` : ''}</div></div>${paragraph(ctx, [...path, 'description'], 'description')}${paragraph(ctx, [...path, 'demographics'], 'demographics')}<div class="persona-lists">${lists}</div>`,
    );
  });
  return grid(ctx, 'card-grid card-grid-wide', cards);
}

/** Up to two initials for a persona's avatar, from the name before any comma ("Oana, the office manager" → O). */
export function initials(name: string): string {
  return name
    .split(',')[0]
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word))
    .slice(0, 2)
    .map((word) => word[0].toUpperCase())
    .join('');
}

export function positioning(ctx: RenderContext): string {
  const messages = items(ctx, ['positioning', 'messages'], (message, path) =>
    ctx.block('figure', path, 'message', `<blockquote>${ctx.field([...path, 'message'])}</blockquote><figcaption>${typeof message.persona === 'string' ? text(ctx.nameOf('personas', message.persona)) : ''}</figcaption>`),
  );
  const statement = ctx.markdown(['positioning', 'statement']);
  return [
    statement && `<div class="statement">${statement}</div>`,
    part(ctx.t('render.label.advantages'), bullets(ctx, ['positioning', 'advantages'], 'bullets checks')),
    part(ctx.t('render.label.messages'), grid(ctx, 'message-grid', messages)),
  ].join('');
}

export function mix(ctx: RenderContext): string {
  const quadrants = MIX.filter((p) => ctx.at(['mix', p]) !== undefined).map((p) =>
    ctx.block('div', ['mix', p], `mix-quadrant mix-${p}`, `<h3><span class="mix-letter" aria-hidden="true">P</span>${text(ctx.t(`render.label.${p}`))}</h3>${ctx.markdown(['mix', p])}`),
  );
  return grid(ctx, 'mix', quadrants);
}

/** The budget: totals, each channel's ROI and the blended ROI as the figures compute them ((return − cost) ÷ cost), a bar chart, the table, and the unit economics the plan gives. */
export function budget(ctx: RenderContext): string {
  const figures = ctx.figures.budget;
  const total = figures?.summary.total ?? ctx.numberAt(['budget', 'total']);
  const rows = asArray(ctx.at(['budget', 'allocations'])).flatMap((item, index) => {
    const allocation = asRecord(item);
    if (!allocation) return [];
    const channel = asString(allocation.channel) ?? '';
    const returns = figures?.returns.allocations.find((candidate) => candidate.index === index);
    return [{ index, label: ctx.nameOf('channels', channel), amount: asNumber(allocation.amount), expected: asNumber(allocation.expectedReturn), roi: returns?.roi }];
  });
  const blended = figures?.returns.blended;
  const roi = (value: number | undefined) => (value === undefined ? '' : ctx.percent(value * 100));
  const share = (amount: number | undefined) => (amount !== undefined && total ? ctx.percent((amount / total) * 100, 1) : '');
  const allocated = figures?.summary.allocated;
  const allocatedShare = figures?.summary.allocatedPercent;

  const moneyOf = (value: unknown) => (typeof value === 'number' ? ctx.money(value) : ctx.plainValue(value));
  const keyFigures = [
    total !== undefined ? figure(ctx.t('render.label.totalBudget'), ctx.money(total), wasNote(ctx, ['budget', 'total'], moneyOf)) : '',
    rows.length > 0 && allocated !== undefined ? figure(ctx.t('render.label.allocated'), ctx.money(allocated), allocatedShare === undefined ? '' : ctx.percent(allocatedShare, 1)) : '',
    blended ? figure(ctx.t('render.label.expectedReturn'), ctx.money(blended.expectedReturn)) : '',
    blended ? figure(ctx.t('render.label.blendedRoi'), roi(blended.roi), ctx.t('render.label.roiHint'), blended.roi < 0 ? 'warning' : undefined) : '',
  ].join('');

  const chartRows = rows.filter((row) => row.amount !== undefined);
  const chart =
    chartRows.length === 0
      ? ''
      : groupedBarChart({
          className: 'chart-budget',
          label: ctx.t('render.chart.budget'),
          series: [
            { className: 'bar series-budget', label: ctx.t('render.label.budget') },
            { className: 'bar series-return', label: ctx.t('render.label.expectedReturn') },
          ],
          rows: chartRows.map((row) => ({
            label: row.label,
            title: `${row.label}: ${ctx.money(row.amount ?? 0)}${row.expected !== undefined ? `, ${ctx.t('render.label.expectedReturn')} ${ctx.money(row.expected)}` : ''}${row.roi !== undefined ? `, ${ctx.t('render.label.roi')} ${roi(row.roi)}` : ''}`,
            values: [
              { value: row.amount ?? 0, shown: ctx.money(row.amount ?? 0) },
              ...(row.expected !== undefined ? [{ value: row.expected, shown: ctx.money(row.expected) }] : []),
            ],
          })),
        });

  const tableRows = rows.map((row) => {
    const path = ['budget', 'allocations', row.index];
    return ctx.block(
      'tr',
      path,
      'allocation',
      `<th scope="row">${ctx.mark([...path, 'channel'], text(row.label), (channel) => ctx.nameOf('channels', String(channel)))}</th><td class="number">${ctx.mark([...path, 'amount'], row.amount === undefined ? '' : text(ctx.money(row.amount)), moneyOf)}</td><td class="number">${text(share(row.amount))}</td><td class="number">${ctx.mark([...path, 'expectedReturn'], row.expected === undefined ? '' : text(ctx.money(row.expected)), moneyOf)}</td><td class="${row.roi !== undefined && row.roi < 0 ? 'number negative' : 'number'}">${text(roi(row.roi))}</td>`,
      { columns: 5 },
    );
  });
  // Compare mode: allocations removed since the older version, struck through at the end of the table.
  for (const removed of ctx.compare?.removedFrom(['budget', 'allocations']) ?? []) {
    const allocation = asRecord(ctx.at(removed.path));
    const amount = asNumber(allocation?.amount);
    const expected = asNumber(allocation?.expectedReturn);
    tableRows.push(ctx.block('tr', removed.path, 'allocation', `<th scope="row">${text(ctx.nameOf('channels', asString(allocation?.channel) ?? ''))}</th><td class="number">${amount === undefined ? '' : text(ctx.money(amount))}</td><td class="number"></td><td class="number">${expected === undefined ? '' : text(ctx.money(expected))}</td><td class="number"></td>`, { columns: 5 }));
  }
  const footer =
    allocated === undefined
      ? ''
      : `<tfoot><tr><th scope="row">${text(ctx.t('render.label.total'))}</th><td class="number">${text(ctx.money(allocated))}</td><td class="number">${text(share(allocated))}</td><td class="number">${blended ? text(ctx.money(blended.expectedReturn)) : ''}</td><td class="number">${text(roi(blended?.roi))}</td></tr></tfoot>`;
  const data = table(
    ctx,
    'budget-table',
    [ctx.t('render.label.channel'), ctx.t('render.label.budget'), ctx.t('render.label.share'), ctx.t('render.label.expectedReturn'), ctx.t('render.label.roi')],
    tableRows,
    footer,
  );
  return `${keyFigures && `<div class="figures">${keyFigures}</div>`}${chart && `<figure class="chart-figure">${chart}</figure>`}${data}${part(ctx.t('render.section.economics'), unitEconomics(ctx))}`;
}

export function calendar(ctx: RenderContext): string {
  const activities = asArray(ctx.at(['calendar'])).flatMap((item, index) => {
    const activity = asRecord(item);
    return activity ? [{ activity, index, start: parseDate(activity.start), end: parseDate(activity.end) }] : [];
  });
  const dated = activities.filter((row) => row.start !== undefined && row.end !== undefined);
  const range =
    ctx.model.period ??
    (dated.length > 0 ? { start: Math.min(...dated.map((row) => row.start!)), end: Math.max(...dated.map((row) => row.end!)) } : undefined);
  const dates = (activity: Record<string, unknown>) => {
    const [start, end] = [ctx.date(activity.start), ctx.date(activity.end)];
    return start && end ? `${start} – ${end}` : start || end;
  };
  const chart =
    range && activities.length > 0
      ? `<figure class="chart-figure">${ganttChart({
          label: ctx.t('render.chart.calendar'),
          locale: ctx.locale,
          range,
          rows: activities.map(({ activity, start, end }) => {
            const name = asString(activity.name) ?? asString(activity.id) ?? '';
            return { label: name, title: `${name}: ${dates(activity)}`, start, end };
          }),
        })}</figure>`
      : '';
  const rows = activities.map(({ index }) =>
    ctx.memoised(['calendar', index], () => {
      const activity = asRecord(ctx.at(['calendar', index]))!;
      return ctx.block(
        'tr',
        ['calendar', index],
        'activity',
        `<th scope="row">${ctx.field(['calendar', index, 'name'])}${activity.notes !== undefined ? `<span class="note">${ctx.field(['calendar', index, 'notes'])}</span>` : ''}</th><td class="dates">${ctx.dateRange(['calendar', index])}</td><td>${ctx.chips('channels', activity.channels)}</td><td>${ctx.chips('goals', activity.goals)}</td>`,
        { columns: 4 },
      );
    }),
  );
  // Compare mode: activities removed since the older version, struck through at the end of the table.
  for (const removed of ctx.compare?.removedFrom(['calendar']) ?? []) {
    const activity = asRecord(ctx.at(removed.path)) ?? {};
    rows.push(ctx.block('tr', removed.path, 'activity', `<th scope="row">${ctx.value(activity.name)}</th><td class="dates">${text(dates(activity))}</td><td>${ctx.chips('channels', activity.channels)}</td><td>${ctx.chips('goals', activity.goals)}</td>`, { columns: 4 }));
  }
  return `${chart}${table(ctx, 'calendar-table', [ctx.t('render.label.activity'), ctx.t('render.label.dates'), ctx.t('render.label.channels'), ctx.t('render.label.goals')], rows)}`;
}

export function channels(ctx: RenderContext): string {
  const rows = items(ctx, ['channels'], (channel, path) => {
    const type = typeof channel.type === 'string' && (CHANNEL_TYPES as readonly string[]).includes(channel.type) ? channel.type : undefined;
    const badge = type ? `<span${attributes({ class: `badge badge-${type}` })}>${text(ctx.t(`render.channelType.${type as 'online'}`))}</span>` : ctx.value(channel.type);
    return ctx.block('tr', path, 'channel', `<th scope="row">${ctx.field([...path, 'name'])}</th><td>${badge}</td><td>${ctx.field([...path, 'description'])}</td><td>${ctx.chips('kpis', channel.kpis)}</td>`, { columns: 4 });
  });
  return table(ctx, 'channel-table', [ctx.t('render.label.channel'), ctx.t('render.label.type'), ctx.t('render.label.description'), ctx.t('render.label.kpis')], rows);
}

export function content(ctx: RenderContext): string {
  const rows = items(ctx, ['content', 'items'], (item, path) =>
    ctx.block('tr', path, 'content-item', `<th scope="row">${ctx.value(item.type)}</th><td>${ctx.value(item.topic)}</td><td>${known(ctx, 'render.frequency', item.frequency, FREQUENCIES)}</td><td>${ctx.chips('channels', item.channels)}</td><td>${typeof item.persona === 'string' ? text(ctx.nameOf('personas', item.persona)) : ''}</td>`, { columns: 5 }),
  );
  return [
    table(ctx, 'content-table', [ctx.t('render.label.contentType'), ctx.t('render.label.topic'), ctx.t('render.label.frequency'), ctx.t('render.label.channels'), ctx.t('render.label.persona')], rows),
    part(ctx.t('render.label.distribution'), ctx.markdown(['content', 'distribution'])),
    facts([[ctx.t('render.label.audit'), known(ctx, 'render.frequency', asRecord(ctx.at(['content', 'audit']))?.frequency, FREQUENCIES)]]),
  ].join('');
}

export function measurement(ctx: RenderContext): string {
  const tools = asArray(ctx.at(['measurement', 'tools'])).filter((tool) => typeof tool === 'string' || typeof tool === 'number');
  return [
    facts([
      [ctx.t('render.label.kpisReviewed'), ctx.chips('kpis', ctx.at(['measurement', 'kpis']))],
      [ctx.t('render.label.tools'), tools.length ? `<ul class="chips">${tools.map((tool) => `<li class="chip">${ctx.value(tool)}</li>`).join('')}</ul>` : ''],
      [ctx.t('render.label.cadence'), known(ctx, 'render.frequency', ctx.at(['measurement', 'cadence']), FREQUENCIES)],
    ]),
    part(ctx.t('render.label.reviews'), ctx.markdown(['measurement', 'reviews'])),
  ].join('');
}
