/**
 * Statistics, targets and tables of the benchmark: medians and percentiles of the samples, our
 * value against the peer's with the ratio, and the targets of issue 6 with pass or fail.
 */
import type { MetricKey } from './scenario';

export type Stat = 'median' | 'p95';

export function percentile(samples: readonly number[], fraction: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

export const median = (samples: readonly number[]) => percentile(samples, 0.5);

export function statOf(samples: readonly number[] | undefined, stat: Stat): number {
  if (!samples?.length) return NaN;
  return stat === 'median' ? median(samples) : percentile(samples, 0.95);
}

/** A row of the comparison table. */
export interface Row {
  metric: MetricKey;
  stat: Stat;
  label: string;
  unit: 'ms' | 'MiB';
}

export const ROWS: Row[] = [
  { metric: 'open', stat: 'median', label: 'open → diagnostics', unit: 'ms' },
  { metric: 'keystroke', stat: 'median', label: 'last keystroke → diagnostics', unit: 'ms' },
  { metric: 'completion', stat: 'median', label: 'completion p50', unit: 'ms' },
  { metric: 'completion', stat: 'p95', label: 'completion p95', unit: 'ms' },
  { metric: 'completionAfterKeystroke', stat: 'median', label: 'completion right after a keystroke', unit: 'ms' },
  { metric: 'hover', stat: 'median', label: 'hover p50', unit: 'ms' },
  { metric: 'hover', stat: 'p95', label: 'hover p95', unit: 'ms' },
  { metric: 'definition', stat: 'p95', label: 'definition p95', unit: 'ms' },
  { metric: 'symbols', stat: 'median', label: 'document symbols', unit: 'ms' },
  { metric: 'rename', stat: 'median', label: 'rename', unit: 'ms' },
  { metric: 'render', stat: 'median', label: 'preview render after a keystroke', unit: 'ms' },
  { metric: 'memory', stat: 'median', label: 'peak memory (VmHWM), editing', unit: 'MiB' },
  { metric: 'memoryWithPreview', stat: 'median', label: 'peak memory, then preview renders too', unit: 'MiB' },
];

/** A target of issue 6: a ratio to the peer, or an absolute bound on our value. */
export interface Target {
  metric: MetricKey;
  stat: Stat;
  /** Sizes it applies to (all when absent). */
  lines?: number;
  ratio?: number;
  below?: number;
}

export const TARGETS: Target[] = [
  { metric: 'keystroke', stat: 'median', lines: 20000, ratio: 0.25 },
  { metric: 'keystroke', stat: 'median', lines: 2000, ratio: 0.5 },
  { metric: 'open', stat: 'median', lines: 20000, ratio: 0.5 },
  { metric: 'completion', stat: 'p95', lines: 2000, below: 20 },
  { metric: 'completion', stat: 'p95', lines: 20000, below: 50 },
  { metric: 'hover', stat: 'p95', below: 10 },
  { metric: 'definition', stat: 'p95', below: 10 },
  { metric: 'memory', stat: 'median', lines: 20000, ratio: 0.7 },
  { metric: 'render', stat: 'median', lines: 2000, below: 100 },
];

export interface Comparison {
  lines: number;
  metric: MetricKey;
  stat: Stat;
  label: string;
  unit: string;
  ours: number | null;
  theirs: number | null;
  /** Why the peer has no value for this row, if it has none. */
  theirsNote?: string;
  ratio: number | null;
  target?: string;
  pass?: boolean;
}

const finite = (value: number) => (Number.isFinite(value) ? value : null);

/** Our value, theirs, the ratio and the target verdict for every row at one size. */
export function compare(lines: number, ours: Partial<Record<MetricKey, number[]>>, theirs: Partial<Record<MetricKey, number[]>> | undefined, theirsSkip: Partial<Record<MetricKey, string>>): Comparison[] {
  return ROWS.flatMap((row): Comparison[] => {
    const our = finite(statOf(ours[row.metric], row.stat));
    if (our === null) return [];
    const their = theirs ? finite(statOf(theirs[row.metric], row.stat)) : null;
    const comparison: Comparison = { lines, metric: row.metric, stat: row.stat, label: row.label, unit: row.unit, ours: our, theirs: their, ratio: their ? our / their : null };
    if (their === null && theirs) comparison.theirsNote = theirsSkip[row.metric] ?? 'not measured';
    const target = TARGETS.find((candidate) => candidate.metric === row.metric && candidate.stat === row.stat && (candidate.lines === undefined || candidate.lines === lines));
    if (target?.ratio !== undefined) {
      comparison.target = `≤ ${target.ratio}×`;
      if (comparison.ratio !== null) comparison.pass = comparison.ratio <= target.ratio;
    } else if (target?.below !== undefined) {
      comparison.target = `< ${target.below} ms`;
      comparison.pass = our < target.below;
    }
    return [comparison];
  });
}

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  const digits = value < 10 ? 1 : 0;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

export function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map((_, index) => (index === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

export function comparisonTable(comparisons: Comparison[], peerName: string | undefined): string {
  const header = ['metric', 'ours', ...(peerName ? [peerName, 'ours/theirs'] : []), 'target', ''];
  return table(
    header,
    comparisons.map((row) => [
      row.label,
      formatValue(row.ours, row.unit),
      ...(peerName ? [row.theirs === null ? `n/a${row.theirsNote ? ` (${row.theirsNote})` : ''}` : formatValue(row.theirs, row.unit), row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`] : []),
      row.target ?? '',
      row.pass === undefined ? '' : row.pass ? 'pass' : '**fail**',
    ]),
  );
}
