import { atLeast, problemsOf, signedReason, type NotComputable } from '../numbers';

/** A value at a date (days since the epoch); `ActualRow`s are such points. */
export interface DatedValue {
  date: number;
  value: number;
}

export interface ProgressThresholds {
  /** on-track when progress ≥ onTrack × expected progress. */
  onTrack: number;
  /** at-risk when progress ≥ atRisk × expected (and below on-track); off-track below. */
  atRisk: number;
  /** quiet, nothing judged, while today lies in this first fraction of the plan period. */
  quiet: number;
}

export const DEFAULT_PROGRESS_THRESHOLDS: Readonly<ProgressThresholds> = { onTrack: 0.95, atRisk: 0.75, quiet: 0.1 };

/** `quiet`: too early in the period to judge; `no-actuals`: nothing measured by today. */
export type ProgressStatus = 'on-track' | 'at-risk' | 'off-track' | 'quiet' | 'no-actuals';

export type ProgressInput = 'baseline' | 'target' | 'period' | 'deadline';

export interface ProgressInputs<Point extends DatedValue> {
  baseline: number | undefined;
  target: number | undefined;
  /** Only matters when target = baseline: which side of it is good. */
  direction: 'increase' | 'decrease';
  /** In any order. */
  actuals: readonly Point[];
  /** The plan period, in days since the epoch. */
  period: { start: number; end: number } | undefined;
  /** The goal's deadline; the end of the period when absent. */
  deadline?: number;
  /** Days since the epoch. */
  today: number;
  thresholds?: Partial<ProgressThresholds>;
}

export interface Progress<Point extends DatedValue> {
  computable: true;
  status: ProgressStatus;
  /** The latest actual dated today or earlier (the last given, of several on that date). */
  latest: Point | undefined;
  /** p = (latest − baseline) ÷ (target − baseline): signed, so it reads the same for KPIs that should fall. Undefined without actuals or when target = baseline. */
  progress: number | undefined;
  /** e = (latest's date − start) ÷ (deadline − start), kept within 0–1: the share of the straight path due by then. */
  expected: number | undefined;
  /** baseline + e × (target − baseline): where the straight path stands at the latest date. */
  expectedValue: number | undefined;
  /** The actuals dated today or earlier, oldest first: the chart's points. */
  series: Point[];
  /** Actuals dated after today, ignored. */
  future: Point[];
  /** The straight path, baseline at the period's start to target at the deadline: the chart's line. */
  path: { from: DatedValue; to: DatedValue };
  thresholds: ProgressThresholds;
}

/** Where a KPI's latest actual stands against the straight path from baseline to target, judged on-track, at-risk or off-track. */
export function kpiProgress<Point extends DatedValue>(inputs: ProgressInputs<Point>): Progress<Point> | NotComputable<ProgressInput> {
  const { baseline, target, period, today } = inputs;
  const deadline = inputs.deadline ?? period?.end;
  const problems = problemsOf<ProgressInput>([
    ['baseline', signedReason(baseline)],
    ['target', signedReason(target)],
    ['period', period === undefined ? 'missing' : period.end > period.start ? undefined : 'not-positive'],
    // A deadline taken from the period's end is the period's problem, not reported twice.
    ['deadline', period === undefined || inputs.deadline === undefined || inputs.deadline > period.start ? undefined : 'not-positive'],
  ]);
  if (problems.length > 0 || baseline === undefined || target === undefined || period === undefined || deadline === undefined) {
    return { computable: false, problems };
  }
  // A threshold given as undefined (not configured) keeps its default: spreading it would erase the default.
  const given = inputs.thresholds ?? {};
  const thresholds: ProgressThresholds = {
    onTrack: given.onTrack ?? DEFAULT_PROGRESS_THRESHOLDS.onTrack,
    atRisk: given.atRisk ?? DEFAULT_PROGRESS_THRESHOLDS.atRisk,
    quiet: given.quiet ?? DEFAULT_PROGRESS_THRESHOLDS.quiet,
  };
  const series = inputs.actuals.filter((point) => point.date <= today).sort((a, b) => a.date - b.date);
  const future = inputs.actuals.filter((point) => point.date > today).sort((a, b) => a.date - b.date);
  const latest = series.at(-1);
  const path = { from: { date: period.start, value: baseline }, to: { date: deadline, value: target } };
  const base = { computable: true as const, latest, series, future, path, thresholds };
  if (latest === undefined) return { ...base, status: 'no-actuals', progress: undefined, expected: undefined, expectedValue: undefined };

  const expected = Math.min(1, Math.max(0, (latest.date - period.start) / (deadline - period.start)));
  const expectedValue = baseline + expected * (target - baseline);
  const progress = target === baseline ? undefined : (latest.value - baseline) / (target - baseline);
  const judged = { ...base, progress, expected, expectedValue };
  if (today - period.start < thresholds.quiet * (period.end - period.start)) return { ...judged, status: 'quiet' };
  if (progress === undefined) {
    // Holding a value: any side of it that is not worse is on track.
    const held = inputs.direction === 'increase' ? latest.value >= target : latest.value <= target;
    return { ...judged, status: held ? 'on-track' : 'off-track' };
  }
  const status = atLeast(progress, thresholds.onTrack * expected) ? 'on-track' : atLeast(progress, thresholds.atRisk * expected) ? 'at-risk' : 'off-track';
  return { ...judged, status };
}
