/**
 * Charts as SVG, generated here: no chart library runs in the preview. Every chart has a
 * `<title>` and an `aria-label`, and its caller puts the same data in a table next to it.
 * Nothing from a plan becomes an attribute other than escaped text; colours come from the
 * stylesheet through class names.
 */
import { attributes, text } from './html';

/** The charts' coordinate width: about the width they are shown at, so that 12px text stays 12px. */
const WIDTH = 960;
/** Average advance of a character at the charts' 12px font, for truncating labels. */
const CHARACTER_WIDTH = 7;

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A label cut to fit `width` pixels, with an ellipsis. */
export function fit(label: string, width: number): string {
  const max = Math.max(1, Math.floor(width / CHARACTER_WIDTH));
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

function svg(className: string, height: number, label: string, content: string, width = WIDTH): string {
  return `<svg${attributes({ class: `chart ${className}`, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, xmlns: 'http://www.w3.org/2000/svg' })}><title>${text(label)}</title>${content}</svg>`;
}

function label(x: number, y: number, className: string, value: string, anchor: 'start' | 'middle' | 'end' = 'start'): string {
  return `<text${attributes({ x: round(x), y: round(y), class: className, 'text-anchor': anchor === 'start' ? undefined : anchor })}>${text(value)}</text>`;
}

function rect(x: number, y: number, width: number, height: number, className: string): string {
  return `<rect${attributes({ x: round(x), y: round(y), width: round(Math.max(0, width)), height: round(height), rx: 2, class: className })}/>`;
}

function legend(entries: readonly { className: string; label: string }[], y: number, x = 0): string {
  let at = x;
  return entries
    .map((entry) => {
      const out = `${rect(at, y - 9, 10, 10, entry.className)}${label(at + 15, y, 'legend-label', entry.label)}`;
      at += 30 + entry.label.length * CHARACTER_WIDTH;
      return out;
    })
    .join('');
}

export interface BarRow {
  label: string;
  /** Tooltip of the row. */
  title: string;
  values: readonly { value: number; shown: string }[];
}

/** Horizontal bars, one group per row (e.g. budget and expected return per channel). */
export function groupedBarChart(options: { className: string; label: string; series: readonly { className: string; label: string }[]; rows: readonly BarRow[] }): string {
  const labelWidth = 270;
  const valueSpace = 130;
  const barSpace = WIDTH - labelWidth - valueSpace;
  const barHeight = 12;
  const rowHeight = options.series.length * (barHeight + 2) + 14;
  const top = 28;
  const max = Math.max(1, ...options.rows.flatMap((row) => row.values.map((value) => value.value)));
  const rows = options.rows.map((row, index) => {
    const y = top + index * rowHeight;
    const bars = row.values.map((value, series) => {
      const barY = y + 6 + series * (barHeight + 2);
      const length = (Math.max(0, value.value) / max) * barSpace;
      return `${rect(labelWidth, barY, length, barHeight, options.series[series]?.className ?? '')}${label(labelWidth + length + 6, barY + barHeight - 2, 'value-label', value.shown)}`;
    });
    const middle = y + 6 + (row.values.length * (barHeight + 2)) / 2 + 2;
    return `<g class="chart-row"><title>${text(row.title)}</title>${label(labelWidth - 10, middle, 'axis-label', fit(row.label, labelWidth - 16), 'end')}${bars.join('')}</g>`;
  });
  const height = top + options.rows.length * rowHeight + 6;
  const axis = `<line${attributes({ x1: labelWidth, x2: labelWidth, y1: top, y2: height - 4, class: 'axis' })}/>`;
  return svg(options.className, height, options.label, `${legend(options.series, 14, labelWidth)}${axis}${rows.join('')}`);
}

export interface GanttRow {
  label: string;
  title: string;
  /** Days since the epoch; the bar is left out when either is missing. */
  start?: number;
  end?: number;
}

const DAY_MS = 86_400_000;

/** Month starts (days since the epoch) from the month of `start` through `end`. */
function monthStarts(start: number, end: number): number[] {
  const first = new Date(start * DAY_MS);
  const months: number[] = [];
  if (!Number.isFinite(start) || !Number.isFinite(end)) return months;
  for (let year = first.getUTCFullYear(), month = first.getUTCMonth(); ; month++) {
    const day = Date.UTC(year, month, 1) / DAY_MS;
    if (day > end) break;
    months.push(day);
  }
  return months;
}

/** A timeline of activities across a range of days, with a tick at each month and the year above its first month. */
export function ganttChart(options: { label: string; locale: string; range: { start: number; end: number }; rows: readonly GanttRow[] }): string {
  const labelWidth = 300;
  const right = WIDTH - 12;
  const top = 44;
  const rowHeight = 28;
  const { start } = options.range;
  const end = options.range.end + 1;
  const x = (day: number) => labelWidth + ((Math.min(Math.max(day, start), end) - start) / (end - start)) * (right - labelWidth);
  const height = top + options.rows.length * rowHeight + 8;
  const months = monthStarts(start, end).filter((day) => day < end);
  const step = Math.max(1, Math.ceil(months.length / 12));
  const monthName = new Intl.DateTimeFormat(options.locale, { month: 'short', timeZone: 'UTC' });
  const bands = options.rows.map((_, index) => (index % 2 === 0 ? rect(0, top + index * rowHeight, WIDTH, rowHeight, 'band') : '')).join('');
  const ticks = months.map((day, index) => {
    const date = new Date(day * DAY_MS);
    const from = Math.max(day, start);
    const tick = day > start ? `<line${attributes({ x1: round(x(day)), x2: round(x(day)), y1: top - 4, y2: height - 4, class: 'grid' })}/>` : '';
    const year = index === 0 || date.getUTCMonth() === 0 ? label(x(from) + 4, 12, 'axis-label axis-label-strong', String(date.getUTCFullYear())) : '';
    if (index % step !== 0) return tick + year;
    const next = months[index + step] ?? end;
    return `${tick}${year}${label((x(from) + x(next)) / 2, top - 10, 'axis-label', monthName.format(date), 'middle')}`;
  });
  const rows = options.rows.map((row, index) => {
    const y = top + index * rowHeight;
    const bar =
      row.start !== undefined && row.end !== undefined && row.end >= row.start && row.start <= end && row.end >= start
        ? rect(x(row.start), y + 7, Math.max(3, x(row.end + 1) - x(row.start)), rowHeight - 14, `bar series-${index % 6}`)
        : '';
    return `<g class="chart-row"><title>${text(row.title)}</title>${label(labelWidth - 12, y + rowHeight / 2 + 4, 'axis-label', fit(row.label, labelWidth - 20), 'end')}${bar}</g>`;
  });
  return svg('chart-gantt', height, options.label, `${bands}${ticks.join('')}${rows.join('')}`);
}

/** A "nice" step for about `count` grid lines up to `max`. */
export function niceStep(max: number, count = 4): number {
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalized = raw / magnitude;
  return (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10) * magnitude;
}


function line(x1: number, x2: number, y1: number, y2: number, className: string): string {
  return `<line${attributes({ x1: round(x1), x2: round(x2), y1: round(y1), y2: round(y2), class: className })}/>`;
}

function circle(x: number, y: number, r: number, className: string): string {
  return `<circle${attributes({ cx: round(x), cy: round(y), r, class: className })}/>`;
}

/** A path through points (`M x y L x y …`), closed when `closed`. */
function path(points: readonly (readonly [number, number])[], className: string, closed = false): string {
  const d = points.map(([x, y], index) => `${index === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`).join(' ');
  return `<path${attributes({ d: closed ? `${d} Z` : d, class: className })}/>`;
}

/** How a legend entry is drawn: a swatch, a short line, or a dot. */
export interface LegendEntry {
  className: string;
  label: string;
  shape?: 'swatch' | 'line' | 'dot';
}

/** A legend of swatches, lines and dots, left to right from `x`. */
function shapedLegend(entries: readonly LegendEntry[], y: number, x: number): string {
  let at = x;
  return entries
    .map((entry) => {
      const swatch =
        entry.shape === 'line' ? line(at, at + 18, y - 4, y - 4, entry.className) : entry.shape === 'dot' ? circle(at + 9, y - 4, 4, entry.className) : rect(at + 4, y - 9, 10, 10, entry.className);
      const out = `${swatch}${label(at + 24, y, 'legend-label', entry.label)}`;
      at += 40 + entry.label.length * CHARACTER_WIDTH;
      return out;
    })
    .join('');
}

/** A value axis from `min` to `max` (0 included when `fromZero`), with round grid lines and compact labels. */
function valueAxis(options: { min: number; max: number; fromZero: boolean; top: number; bottom: number; left: number; right: number; locale: string; labelX?: number }): { grid: string; y0: (value: number) => number } {
  const low = options.fromZero ? Math.min(0, options.min) : options.min;
  const high = options.fromZero ? Math.max(0, options.max) : options.max;
  const span = high - low || Math.abs(high) || 1;
  const step = niceStep(span);
  // Near Number.MAX_VALUE a sum is Infinity: the axis stops at the largest number.
  const floor = Math.max(Math.floor(low / step) * step, -Number.MAX_VALUE);
  const ceiling = Math.min(Math.max(Math.ceil(high / step) * step, floor + step), Number.MAX_VALUE);
  const height = options.bottom - options.top;
  const y0 = (value: number) => options.bottom - ((Math.min(Math.max(value, floor), ceiling) - floor) / (ceiling - floor)) * height;
  const compact = new Intl.NumberFormat(options.locale, { notation: 'compact', maximumFractionDigits: 2 });
  const grid: string[] = [];
  // Counted, not summed: near Number.MAX_VALUE, value + step is Infinity and a loop on it would never end.
  for (let index = 0; index <= 10 && floor + index * step <= ceiling + step / 2; index++) {
    const value = floor + index * step;
    grid.push(`${line(options.left, options.right, y0(value), y0(value), value === 0 ? 'axis' : 'grid')}${label(options.labelX ?? options.left - 8, y0(value) + 4, 'axis-label', compact.format(value), 'end')}`);
  }
  return { grid: grid.join(''), y0 };
}

/** The 80 % and 95 % bands around a forecast, as the forecast engine gives them. */
export interface Band {
  forecast: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

export interface TimePeriod {
  /** Upper and lower lines of the axis label (e.g. `Q1` and `2026`). */
  label: [string, string];
  /** Tooltip of the period: its values, in words. */
  title: string;
}

/** Runs of consecutive indexes where `defined` holds. */
function runs(length: number, defined: (index: number) => boolean): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  for (let index = 0; index < length; index++) {
    if (defined(index)) current.push(index);
    else if (current.length > 0) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Revenue over time: history as a line with dots, the model's forecast as a dashed line that
 * fans out of the last actual period with its 80 % and 95 % bands shaded, and the plan's own
 * projections as open dots. Periods without a value leave a gap.
 */
export function forecastChart(options: {
  label: string;
  locale: string;
  periods: readonly TimePeriod[];
  history: readonly (number | undefined)[];
  forecast: readonly (Band | undefined)[];
  projections: readonly (number | undefined)[];
  legend: { history: string; forecast: string; band80: string; band95: string; projections: string };
}): string {
  const left = 80;
  const right = WIDTH - 10;
  const top = 34;
  const bottom = top + 240;
  const height = bottom + 42;
  const count = Math.max(1, options.periods.length);
  const slot = (right - left) / count;
  const x = (index: number) => left + slot * (index + 0.5);
  const values = [
    ...options.history,
    ...options.projections,
    ...options.forecast.flatMap((band) => (band ? [band.forecast, band.upper95, Math.max(0, band.lower95)] : [])),
  ].filter((value): value is number => value !== undefined && Number.isFinite(value));
  const axis = valueAxis({ min: Math.min(0, ...values), max: Math.max(1, ...values), fromZero: true, top, bottom, left, right, locale: options.locale });
  const y = axis.y0;
  const history = (index: number) => options.history[index];
  // The forecast starts from the last actual period right before it, so that the fan opens there.
  const anchored = (run: number[]) => {
    const before = run[0] - 1;
    const value = before >= 0 && options.forecast[before] === undefined ? history(before) : undefined;
    return value === undefined ? undefined : { index: before, value };
  };
  const bandRuns = runs(options.periods.length, (index) => options.forecast[index] !== undefined);
  const bands = (['95', '80'] as const)
    .map((level) =>
      bandRuns
        .map((run) => {
          const upper = (index: number) => (level === '95' ? options.forecast[index]!.upper95 : options.forecast[index]!.upper80);
          const lower = (index: number) => Math.max(0, level === '95' ? options.forecast[index]!.lower95 : options.forecast[index]!.lower80);
          const from = anchored(run);
          if (run.length === 1 && !from) {
            const width = Math.min(28, slot * 0.5);
            return rect(x(run[0]) - width / 2, y(upper(run[0])), width, y(lower(run[0])) - y(upper(run[0])), `band-${level}`);
          }
          const start: [number, number][] = from ? [[x(from.index), axis.y0(from.value)]] : [];
          const above = run.map((index): [number, number] => [x(index), axis.y0(upper(index))]);
          const below = run.map((index): [number, number] => [x(index), axis.y0(lower(index))]).reverse();
          return path([...start, ...above, ...below], `band-${level}`, true);
        })
        .join(''),
    )
    .join('');
  const lineOf = (series: readonly (number | undefined)[], className: string, dotClass: string) =>
    runs(series.length, (index) => series[index] !== undefined)
      .map((run) => `${run.length > 1 ? path(run.map((index) => [x(index), axis.y0(series[index]!)]), className) : ''}${run.map((index) => circle(x(index), axis.y0(series[index]!), 3.5, dotClass)).join('')}`)
      .join('');
  const forecastLine = bandRuns
    .map((run) => {
      const from = anchored(run);
      const points = run.map((index): [number, number] => [x(index), axis.y0(options.forecast[index]!.forecast)]);
      return `${path(from ? [[x(from.index), axis.y0(from.value)], ...points] : points.length > 1 ? points : [[points[0][0] - 10, points[0][1]], [points[0][0] + 10, points[0][1]]], 'line series-forecast')}`;
    })
    .join('');
  const labelEvery = Math.max(1, Math.ceil(options.periods.length / 16));
  const slots = options.periods.map((period, index) => {
    const [upper, lower] = period.label;
    const showLower = lower !== '' && (index === 0 || options.periods[index - 1].label[1] !== lower);
    return `<g class="chart-row"><title>${text(period.title)}</title>${rect(left + slot * index, top, slot, bottom - top, 'slot')}${index % labelEvery === 0 ? label(x(index), bottom + 16, 'axis-label', upper, 'middle') : ''}${showLower ? label(x(index), bottom + 32, 'axis-label axis-label-strong', lower, 'middle') : ''}</g>`;
  });
  const legendEntries: LegendEntry[] = [
    { className: 'line series-history', label: options.legend.history, shape: 'line' },
    ...(bandRuns.length > 0
      ? [
          { className: 'line series-forecast', label: options.legend.forecast, shape: 'line' as const },
          { className: 'band-80', label: options.legend.band80 },
          { className: 'band-95', label: options.legend.band95 },
        ]
      : []),
    ...(options.projections.some((value) => value !== undefined) ? [{ className: 'dot series-projection', label: options.legend.projections, shape: 'dot' as const }] : []),
  ];
  const content = [
    shapedLegend(legendEntries, 14, left),
    axis.grid,
    bands,
    forecastLine,
    lineOf(options.history, 'line series-history', 'dot series-history'),
    lineOf(options.projections, 'line series-projection', 'dot series-projection'),
    slots.join(''),
  ].join('');
  return svg('chart-forecast', height, options.label, content);
}

/** Where a label at `x` can be anchored so that it stays inside the chart. */
function anchorAt(x: number, width = WIDTH): 'start' | 'middle' | 'end' {
  return x < 110 ? 'start' : x > width - 110 ? 'end' : 'middle';
}

/**
 * The plan period's total against its forecast: the 95 % and 80 % bands with the forecast
 * (the median) as a tick, under them the zones a target can fall in (commit up to the
 * forecast, best case up to the upper 80 % bound, stretch up to the upper 95 % bound,
 * unsupported above), and the target as a line across both.
 */
export function rangeChart(options: {
  label: string;
  locale: string;
  band: Band;
  target?: { value: number; shown: string };
  projections?: { value: number; shown: string };
  forecastShown: string;
  zones: { commit: string; bestCase: string; stretch: string; unsupported: string };
  legend: { band80: string; band95: string; forecast: string; target: string; projections: string };
}): string {
  const left = 20;
  const right = WIDTH - 20;
  const { band } = options;
  const marks = [band.lower95, band.upper95, band.forecast, options.target?.value, options.projections?.value].filter((value): value is number => value !== undefined && Number.isFinite(value));
  let low = Math.min(...marks);
  let high = Math.max(...marks);
  const pad = (high - low || Math.abs(high) || 1) * 0.12;
  low = marks.every((value) => value >= 0) ? Math.max(0, low - pad) : low - pad;
  high += pad;
  const x = (value: number) => left + ((Math.min(Math.max(value, low), high) - low) / (high - low)) * (right - left);
  const bandTop = 40;
  const bandHeight = 22;
  const zoneTop = 72;
  const zones = [
    { from: low, to: band.forecast, className: 'zone zone-commit', label: options.zones.commit },
    { from: band.forecast, to: band.upper80, className: 'zone zone-best-case', label: options.zones.bestCase },
    { from: band.upper80, to: band.upper95, className: 'zone zone-stretch', label: options.zones.stretch },
    { from: band.upper95, to: high, className: 'zone zone-unsupported', label: options.zones.unsupported },
  ]
    .map((zone) => {
      const from = x(zone.from);
      const width = x(zone.to) - from;
      const name = width > 24 ? label(from + width / 2, zoneTop + 30, 'axis-label', fit(zone.label, width - 6), 'middle') : '';
      return `${rect(from, zoneTop, width, 12, zone.className)}${name}`;
    })
    .join('');
  const forecastX = x(band.forecast);
  const bands = `${rect(x(band.lower95), bandTop, x(band.upper95) - x(band.lower95), bandHeight, 'band-95')}${rect(x(band.lower80), bandTop, x(band.upper80) - x(band.lower80), bandHeight, 'band-80')}${line(forecastX, forecastX, bandTop - 4, bandTop + bandHeight + 4, 'median')}${label(forecastX, bandTop - 8, 'value-label', options.forecastShown, anchorAt(forecastX))}`;
  const projections = options.projections ? circle(x(options.projections.value), bandTop + bandHeight / 2, 5, 'dot series-projection') : '';
  const targetX = options.target ? x(options.target.value) : undefined;
  const target =
    options.target && targetX !== undefined
      ? `${line(targetX, targetX, bandTop - 6, zoneTop + 16, 'target-line')}${label(targetX, zoneTop + 48, 'value-label value-label-strong', options.target.shown, anchorAt(targetX))}`
      : '';
  const legendEntries: LegendEntry[] = [
    { className: 'band-95', label: options.legend.band95 },
    { className: 'band-80', label: options.legend.band80 },
    { className: 'median', label: options.legend.forecast, shape: 'line' },
    ...(options.target ? [{ className: 'target-line', label: options.legend.target, shape: 'line' as const }] : []),
    ...(options.projections ? [{ className: 'dot series-projection', label: options.legend.projections, shape: 'dot' as const }] : []),
  ];
  return svg('chart-range', zoneTop + 58, options.label, `${shapedLegend(legendEntries, 14, left)}${zones}${bands}${projections}${target}`);
}

/** A stage of a funnel: its value large, its name below. */
export interface FunnelStage {
  value: string;
  label: string;
  title: string;
}

/** Stages of a funnel left to right as boxes, each arrow labelled with what turns one stage into the next (`× 18 %`). */
export function funnelChart(options: { label: string; stages: readonly FunnelStage[]; steps: readonly string[] }): string {
  const arrow = 150;
  const count = Math.max(1, options.stages.length);
  const box = (WIDTH - arrow * (count - 1)) / count;
  const top = 8;
  const height = 70;
  const stages = options.stages.map((stage, index) => {
    const from = index * (box + arrow);
    const step = options.steps[index];
    const arrowHtml =
      index < count - 1
        ? `${line(from + box + 10, from + box + arrow - 14, top + height / 2, top + height / 2, 'arrow')}${path(
            [
              [from + box + arrow - 22, top + height / 2 - 6],
              [from + box + arrow - 10, top + height / 2],
              [from + box + arrow - 22, top + height / 2 + 6],
            ],
            'arrow-head',
            true,
          )}${step ? label(from + box + arrow / 2 - 2, top + height / 2 - 10, 'step-label', fit(step, arrow - 8), 'middle') : ''}`
        : '';
    return `<g class="chart-row"><title>${text(stage.title)}</title>${rect(from, top, box, height, `stage stage-${index}`)}${label(from + box / 2, top + 32, 'stage-value', fit(stage.value, box - 12), 'middle')}${label(from + box / 2, top + 54, 'stage-label', fit(stage.label, box - 12), 'middle')}</g>${arrowHtml}`;
  });
  return svg('chart-funnel', top + height + 8, options.label, stages.join(''));
}

/** A part of a bar against a target: a stage's revenue, a role's capacity. */
export interface BarSegment {
  value: number;
  className: string;
  title: string;
}

/**
 * One horizontal bar made of segments (e.g. each role's capacity) against a target drawn as a
 * line: what is missing up to the target is outlined as a shortfall, what is beyond it as a
 * surplus, with the gap written next to it.
 */
export function targetBarChart(options: {
  className: string;
  label: string;
  barLabel: string;
  segments: readonly BarSegment[];
  total: { value: number; shown: string };
  target: { value: number; shown: string };
  gap: { shown: string; shortfall: boolean };
  legend?: readonly LegendEntry[];
}): string {
  const labelWidth = 200;
  const left = labelWidth;
  const right = WIDTH - 20;
  const top = options.legend?.length ? 30 : 8;
  const barTop = top + 22;
  const barHeight = 26;
  const max = Math.max(options.total.value, options.target.value, 1);
  const scale = (value: number) => (Math.max(0, value) / max) * (right - left);
  let at = left;
  const segments = options.segments.map((segment) => {
    const width = scale(segment.value);
    const out = `<g class="chart-row"><title>${text(segment.title)}</title>${rect(at, barTop, width, barHeight, segment.className)}</g>`;
    at += width;
    return out;
  });
  const end = left + scale(options.total.value);
  const targetX = left + scale(options.target.value);
  const region = Math.abs(targetX - end) >= 1 ? rect(Math.min(end, targetX), barTop, Math.abs(targetX - end), barHeight, options.gap.shortfall ? 'shortfall' : 'surplus') : '';
  const totalLabel = label(end + (options.gap.shortfall ? -6 : 6), barTop - 6, 'value-label value-label-strong', options.total.shown, options.gap.shortfall ? 'end' : 'start');
  const gapX = (end + targetX) / 2;
  const content = [
    options.legend?.length ? shapedLegend(options.legend, 14, left) : '',
    label(labelWidth - 12, barTop + barHeight / 2 + 4, 'axis-label axis-label-strong', fit(options.barLabel, labelWidth - 20), 'end'),
    segments.join(''),
    region,
    line(targetX, targetX, barTop - 14, barTop + barHeight + 14, 'target-line'),
    totalLabel,
    label(targetX, barTop + barHeight + 28, 'value-label', options.target.shown, anchorAt(targetX)),
    label(gapX, barTop + barHeight + 46, options.gap.shortfall ? 'gap-label gap-shortfall' : 'gap-label gap-surplus', options.gap.shown, anchorAt(gapX)),
  ].join('');
  return svg(options.className, barTop + barHeight + 56, options.label, content);
}

/** A value measured at a date (days since the epoch). */
export interface DatedPoint {
  date: number;
  value: number;
  title: string;
}

const SMALL_WIDTH = 480;

/**
 * A KPI's progress: the straight path from its baseline at the start to its target at the
 * deadline (dashed), the actuals as a line with dots, and today as a thin line. Drawn at half
 * width, for a card.
 */
export function progressChart(options: {
  label: string;
  locale: string;
  path: { from: { date: number; value: number }; to: { date: number; value: number } };
  points: readonly DatedPoint[];
  today?: number;
  todayLabel: string;
}): string {
  const left = 58;
  const right = SMALL_WIDTH - 12;
  const top = 12;
  const bottom = 132;
  const dates = [options.path.from.date, options.path.to.date, ...options.points.map((point) => point.date)];
  const start = Math.min(...dates);
  const end = Math.max(...dates, start + 1);
  const x = (date: number) => left + ((date - start) / (end - start)) * (right - left);
  const values = [options.path.from.value, options.path.to.value, ...options.points.map((point) => point.value)];
  const axis = valueAxis({ min: Math.min(...values), max: Math.max(...values), fromZero: false, top, bottom, left, right, locale: options.locale });
  const month = new Intl.DateTimeFormat(options.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dateLabel = (date: number) => month.format(new Date(date * DAY_MS));
  const pathLine = path(
    [
      [x(options.path.from.date), axis.y0(options.path.from.value)],
      [x(options.path.to.date), axis.y0(options.path.to.value)],
    ],
    'line path-line',
  );
  const today =
    options.today !== undefined && options.today >= start && options.today <= end
      ? `${line(x(options.today), x(options.today), top, bottom, 'today-line')}${label(x(options.today) + (x(options.today) > right - 60 ? -4 : 4), top + 10, 'axis-label', options.todayLabel, x(options.today) > right - 60 ? 'end' : 'start')}`
      : '';
  const actual = options.points.length > 1 ? path(options.points.map((point) => [x(point.date), axis.y0(point.value)]), 'line series-actual') : '';
  const dots = options.points.map((point) => `<g class="chart-row"><title>${text(point.title)}</title>${circle(x(point.date), axis.y0(point.value), 4, 'dot series-actual')}</g>`).join('');
  const axisLabels = `${label(left, bottom + 18, 'axis-label', dateLabel(start))}${label(right, bottom + 18, 'axis-label', dateLabel(end), 'end')}`;
  return svg('chart-progress', bottom + 26, options.label, `${axis.grid}${today}${pathLine}${actual}${dots}${axisLabels}`, SMALL_WIDTH);
}
