/**
 * Statistics, targets and tables of the benchmark: medians and percentiles of the samples, our
 * value against the peer's with the ratio, and the targets of issue 6 with pass or fail.
 */
import type { PlanKind } from './generate';
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
  { metric: 'renderFirst', stat: 'median', label: 'preview, first render', unit: 'ms' },
  { metric: 'render', stat: 'median', label: 'preview render after a keystroke', unit: 'ms' },
  { metric: 'semanticTokensAfterKeystroke', stat: 'median', label: 'semantic tokens after a keystroke', unit: 'ms' },
  { metric: 'codeLensAfterKeystroke', stat: 'median', label: 'code lens after a keystroke', unit: 'ms' },
  { metric: 'inlayHintsAfterKeystroke', stat: 'median', label: 'inlay hints after a keystroke', unit: 'ms' },
  { metric: 'symbolsAfterKeystroke', stat: 'median', label: 'document symbols after a keystroke', unit: 'ms' },
  { metric: 'foldingAfterKeystroke', stat: 'median', label: 'folding ranges after a keystroke', unit: 'ms' },
  { metric: 'codeActionsAfterKeystroke', stat: 'median', label: 'code actions after a keystroke', unit: 'ms' },
  { metric: 'linksAfterKeystroke', stat: 'median', label: 'document links after a keystroke', unit: 'ms' },
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
  { metric: 'render', stat: 'median', lines: 20000, below: 100 },
];

/** The samples of one server at one size, and why it lacks some metrics (for the report). */
export interface Measured {
  samples: Partial<Record<MetricKey, number[]>>;
  notes: Partial<Record<MetricKey, string>>;
}

export interface Comparison {
  kind: PlanKind;
  lines: number;
  metric: MetricKey;
  stat: Stat;
  label: string;
  unit: string;
  ours: number | null;
  /** Why our server has no value for this row, if it has none. */
  oursNote?: string;
  theirs: number | null;
  /** Why the peer has no value for this row, if it has none. */
  theirsNote?: string;
  ratio: number | null;
  target?: string;
  pass?: boolean;
}

const finite = (value: number) => (Number.isFinite(value) ? value : null);

/** Our value, theirs, the ratio and the target verdict for every row at one size of one kind of plan. */
export function compare(kind: PlanKind, lines: number, ours: Measured, theirs: Measured | undefined): Comparison[] {
  return ROWS.flatMap((row): Comparison[] => {
    const our = finite(statOf(ours.samples[row.metric], row.stat));
    const their = theirs ? finite(statOf(theirs.samples[row.metric], row.stat)) : null;
    if (our === null && their === null) return [];
    const comparison: Comparison = { kind, lines, metric: row.metric, stat: row.stat, label: row.label, unit: row.unit, ours: our, theirs: their, ratio: our !== null && their ? our / their : null };
    if (our === null) comparison.oursNote = ours.notes[row.metric] ?? 'not measured';
    if (their === null && theirs) comparison.theirsNote = theirs.notes[row.metric] ?? 'not measured';
    const target = TARGETS.find((candidate) => candidate.metric === row.metric && candidate.stat === row.stat && (candidate.lines === undefined || candidate.lines === lines));
    if (target?.ratio !== undefined) {
      comparison.target = `≤ ${target.ratio}×`;
      if (comparison.ratio !== null) comparison.pass = comparison.ratio <= target.ratio;
    } else if (target?.below !== undefined) {
      comparison.target = `< ${target.below} ms`;
      if (our !== null) comparison.pass = our < target.below;
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

const verdict = (pass: boolean | undefined) => (pass === undefined ? '—' : pass ? 'pass' : '**fail**');

/**
 * The comparisons at one size as one table: a row per metric, a group of columns per kind of plan
 * (ours, the peer's, the ratio), then the target and its verdict for each kind in turn. Cells
 * without a value say "n/a"; `naNotes` says why.
 */
export function comparisonTable(comparisons: Comparison[], kinds: PlanKind[], peerName: string | undefined): string {
  const header = [
    'metric',
    ...kinds.flatMap((kind) => [kinds.length > 1 ? `${kind}: ours` : 'ours', ...(peerName ? [peerName, 'ours/theirs'] : [])]),
    'target',
    kinds.length > 1 ? kinds.join(' · ') : '',
  ];
  const rows = ROWS.flatMap((row) => {
    const cells = kinds.map((kind) => comparisons.find((comparison) => comparison.kind === kind && comparison.metric === row.metric && comparison.stat === row.stat));
    const present = cells.filter((cell): cell is Comparison => cell !== undefined);
    if (!present.length) return [];
    const target = present.find((cell) => cell.target)?.target;
    return [
      [
        row.label,
        ...cells.flatMap((cell) => [
          cell?.ours == null ? 'n/a' : formatValue(cell.ours, row.unit),
          ...(peerName ? [cell?.theirs == null ? 'n/a' : formatValue(cell.theirs, row.unit), cell?.ratio == null ? '—' : `${cell.ratio.toFixed(2)}×`] : []),
        ]),
        target ?? '',
        target ? cells.map((cell) => verdict(cell?.pass)).join(' · ') : '',
      ],
    ];
  });
  return table(header, rows);
}

/** Why cells say "n/a", by server: "yaml-language-server: rename (anchors and aliases only), ...". */
export function naNotes(comparisons: Comparison[], oursName: string, peerName: string | undefined): string {
  const parts = [
    [oursName, comparisons.map((row) => [row.label, row.oursNote] as const)] as const,
    ...(peerName ? [[peerName, comparisons.map((row) => [row.label, row.theirsNote] as const)] as const] : []),
  ].flatMap(([name, notes]) => {
    const labelsByNote = new Map<string, Set<string>>();
    for (const [label, note] of notes) if (note) (labelsByNote.get(note) ?? labelsByNote.set(note, new Set()).get(note)!).add(label);
    if (!labelsByNote.size) return [];
    return [`${name}: ${[...labelsByNote].map(([note, labels]) => `${[...labels].join(', ')} (${note})`).join('; ')}`];
  });
  return parts.length ? `n/a — ${parts.map((part) => `${part}.`).join(' ')}` : '';
}
