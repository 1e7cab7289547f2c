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

function svg(className: string, height: number, label: string, content: string): string {
  return `<svg${attributes({ class: `chart ${className}`, viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': label, xmlns: 'http://www.w3.org/2000/svg' })}><title>${text(label)}</title>${content}</svg>`;
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

export interface ColumnPoint {
  /** Upper and lower lines of the axis label (e.g. `Q1` and `2026`). */
  label: [string, string];
  value: number;
  title: string;
  series: number;
}

/** A "nice" step for about `count` grid lines up to `max`. */
export function niceStep(max: number, count = 4): number {
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalized = raw / magnitude;
  return (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10) * magnitude;
}

/** Vertical columns over a category axis, with horizontal grid lines and compact value labels. */
export function columnChart(options: { className: string; label: string; locale: string; series: readonly { className: string; label: string }[]; points: readonly ColumnPoint[] }): string {
  const left = 80;
  const right = WIDTH - 10;
  const top = 34;
  const plotHeight = 220;
  const bottom = top + plotHeight;
  const height = bottom + 42;
  const max = Math.max(1, ...options.points.map((point) => point.value));
  const step = niceStep(max);
  // A revenue near Number.MAX_VALUE rounds up to Infinity: the axis stops at the largest number.
  const ceiling = Math.min(Math.ceil(max / step) * step, Number.MAX_VALUE);
  const y = (value: number) => bottom - (Math.max(0, value) / ceiling) * plotHeight;
  const compact = new Intl.NumberFormat(options.locale, { notation: 'compact', maximumFractionDigits: 2 });
  const grid: string[] = [];
  // Counted, not summed: near Number.MAX_VALUE, value + step is Infinity and the loop would never end.
  for (let index = 0; index <= 8 && index * step <= ceiling + step / 2; index++) {
    const value = index * step;
    grid.push(`<line${attributes({ x1: left, x2: right, y1: round(y(value)), y2: round(y(value)), class: value === 0 ? 'axis' : 'grid' })}/>${label(left - 8, y(value) + 4, 'axis-label', compact.format(value), 'end')}`);
  }
  const slot = (right - left) / Math.max(1, options.points.length);
  const labelEvery = Math.max(1, Math.ceil(options.points.length / 16));
  const columns = options.points.map((point, index) => {
    const middle = left + slot * (index + 0.5);
    const width = Math.min(48, slot * 0.64);
    const [upper, lower] = point.label;
    const showLabel = index % labelEvery === 0;
    const showLower = lower !== '' && (index === 0 || options.points[index - 1].label[1] !== lower);
    return `<g class="chart-row"><title>${text(point.title)}</title>${rect(middle - width / 2, y(point.value), width, bottom - y(point.value), options.series[point.series]?.className ?? '')}${showLabel ? label(middle, bottom + 16, 'axis-label', upper, 'middle') : ''}${showLower ? label(middle, bottom + 32, 'axis-label axis-label-strong', lower, 'middle') : ''}</g>`;
  });
  return svg(options.className, height, options.label, `${legend(options.series, 14, left)}${grid.join('')}${columns.join('')}`);
}
