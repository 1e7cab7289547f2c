/**
 * How a plan's goals agree with their KPIs and with each other, worked out once per plan
 * version: the ranges a KPI's numbers can take, a goal whose target disagrees with its KPI's
 * (or reads as a change rather than a level), and goals that repeat one another. The rules
 * `kpi/range`, `goal/kpi-target`, `goal/duplicate` and `smart/achievable` read the results.
 */
import { pushTo } from '../base/lists';
import { quantitiesIn } from '../base/numbers';
import { catalogKpi } from '../model/catalog';
import { goalBaseline, goals, statementOf, type GoalView } from '../model/goals';
import { asNumber, asString, kpiDirection, parseDate, type Data, type PlanModel } from '../model/model';

// ---------------------------------------------------------------------------------------------
// Ranges

/** Catalog metrics that are a share of a whole (won ÷ closed, opened ÷ delivered): 0 to 100 %. */
const SHARE_METRICS = new Set([
  'conversion-rate', 'win-rate', 'churn-rate', 'upsell-rate', 'marketing-conversion-rate', 'click-through-rate',
  'email-open-rate', 'email-click-rate', 'market-share', 'retention-rate',
]);
/** Words that name a share in a KPI without a catalog metric, in English and Romanian. */
const SHARE_WORDS = /conver|churn|abandon|retention|reten[tț]i|win[- ]rate|c[aâ]știg|castig|open[- ]rate|deschider|click|clic|\bctr\b|share|cot[aă] de pia[tț]/iu;
/** Per-unit money, not a sum: an average or a cost per customer, which goals do not split into parts. */
const PER_UNIT_METRICS = new Set(['average-deal-size', 'customer-acquisition-cost', 'customer-lifetime-value', 'cost-per-lead']);

export type KpiBounds = { kind: 'share' } | { kind: 'nonNegative'; unit: 'count' | 'currency' | 'days' };

/** The unit of a KPI: its own `unit`, else its catalog metric's. */
export function kpiUnit(kpi: Data): string | undefined {
  return asString(kpi.unit) ?? catalogKpi(kpi.metric)?.unit;
}

/** The range a KPI's numbers must stay in, when it has one: 0–100 for a share, 0 and up for a count, money or days. */
export function kpiBounds(kpi: Data): KpiBounds | undefined {
  const unit = kpiUnit(kpi);
  if (unit === 'percent') {
    const metric = catalogKpi(kpi.metric) ?? (kpi.metric === undefined ? catalogKpi(kpi.id) : undefined);
    if (metric) return SHARE_METRICS.has(metric.id) ? { kind: 'share' } : undefined;
    return SHARE_WORDS.test(`${String(kpi.id ?? '')} ${String(kpi.name ?? '')}`) ? { kind: 'share' } : undefined;
  }
  return unit === 'count' || unit === 'currency' || unit === 'days' ? { kind: 'nonNegative', unit } : undefined;
}

export function withinBounds(bounds: KpiBounds | undefined, value: number): boolean {
  if (!bounds) return true;
  return bounds.kind === 'share' ? value >= 0 && value <= 100 : value >= 0;
}

/** A KPI's `baseline` or `target`, when it is a number the KPI can hold (one out of range is `kpi/range`'s finding). */
export function kpiNumber(kpi: Data, key: 'baseline' | 'target'): number | undefined {
  const value = asNumber(kpi[key]);
  return value !== undefined && withinBounds(kpiBounds(kpi), value) ? value : undefined;
}

/** Whether goals split a KPI into parts that add up: counts and sums of money, not shares or averages. */
function additive(kpi: Data): boolean {
  const unit = kpiUnit(kpi);
  if (unit === 'count') return true;
  return unit === 'currency' && !PER_UNIT_METRICS.has(String(kpi.metric ?? kpi.id));
}

// ---------------------------------------------------------------------------------------------
// Goals against their KPIs

export type GoalKpiProblem =
  /** The statement calls the target a change ("win back 8", "by 300"): the level would be `level`. */
  | { kind: 'change'; level: number; base: number; cue: string }
  /** Below the KPI's baseline on a KPI where higher is better: a gain, or a part of the KPI. */
  | { kind: 'changeOrPart'; level: number; base: number }
  /** More than the KPI's target for the whole plan, on a KPI whose parts add up. */
  | { kind: 'exceeds'; kpiTarget: number }
  /** The only goal on the KPI by the end of the plan, with another target than the KPI's (below it, or beyond it). */
  | { kind: 'target' | 'targetBeyond'; kpiTarget: number }
  /** The same target as the KPI's, from another baseline. */
  | { kind: 'baseline'; kpiBaseline: number };

export interface GoalKpiCheck {
  view: GoalView;
  /** The KPI the goal is measured on. */
  kpiId: string;
  kpi: Data;
  problem: GoalKpiProblem;
}

export interface GoalDuplicate {
  view: GoalView;
  /** The earlier goal it repeats. */
  other: GoalView;
  /** Same KPI, target and deadline; or statements that say nearly the same. */
  kind: 'same' | 'statement';
}

interface GoalAnalysis {
  views: readonly GoalView[];
  checks: Map<number, GoalKpiCheck>;
  duplicates: Map<number, GoalDuplicate>;
}

const analyses = new WeakMap<PlanModel, GoalAnalysis>();

function analysisOf(plan: PlanModel): GoalAnalysis {
  let analysis = analyses.get(plan);
  if (!analysis) {
    const views = goals(plan);
    const duplicates = findDuplicates(views);
    analysis = { views, duplicates, checks: checkAgainstKpis(plan, views, duplicates) };
    analyses.set(plan, analysis);
  }
  return analysis;
}

/** Each goal whose numbers disagree with its KPI's, by goal index. */
export function goalKpiChecks(plan: PlanModel): ReadonlyMap<number, GoalKpiCheck> {
  return analysisOf(plan).checks;
}

/** Each goal that repeats an earlier one, by goal index. */
export function goalDuplicates(plan: PlanModel): ReadonlyMap<number, GoalDuplicate> {
  return analysisOf(plan).duplicates;
}

/** Relative difference above which two numbers are not "the same" (rounding in a plan is fine). */
const SAME = 0.005;

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME * Math.max(Math.abs(a), Math.abs(b));
}

function checkAgainstKpis(plan: PlanModel, views: readonly GoalView[], duplicates: ReadonlyMap<number, GoalDuplicate>): Map<number, GoalKpiCheck> {
  const checks = new Map<number, GoalKpiCheck>();
  // The goals due by the end of the plan (or undated) on each KPI, duplicates left out: the KPI's target is theirs.
  const atEnd = new Map<string, GoalView[]>();
  for (const view of views) {
    if (!view.kpi || duplicates.has(view.index)) continue;
    const deadline = parseDate(view.goal.deadline);
    if (deadline !== undefined && plan.period && deadline < plan.period.end) continue;
    pushTo(atEnd, view.kpi.id, view);
  }
  for (const view of views) {
    if (!view.kpi || duplicates.has(view.index)) continue;
    const problem = problemOf(view, view.kpi.data, atEnd.get(view.kpi.id) ?? []);
    if (problem) checks.set(view.index, { view, kpiId: view.kpi.id, kpi: view.kpi.data, problem });
  }
  return checks;
}

function problemOf(view: GoalView, kpi: Data, atEnd: readonly GoalView[]): GoalKpiProblem | undefined {
  const bounds = kpiBounds(kpi);
  const target = asNumber(view.goal.target);
  if (target === undefined || !withinBounds(bounds, target)) return undefined;
  const ownBaseline = asNumber(view.goal.baseline);
  if (ownBaseline !== undefined && !withinBounds(bounds, ownBaseline)) return undefined;
  const kpiTarget = kpiNumber(kpi, 'target');
  const kpiBaseline = kpiNumber(kpi, 'baseline');
  const base = ownBaseline ?? kpiBaseline;
  const increase = kpiDirection(kpi) === 'increase';

  if (base !== undefined && (kpiTarget === undefined || !same(target, kpiTarget))) {
    const change = changeCue(statementOf(view.goal) ?? '', target, kpiUnit(kpi) === 'percent');
    if (change) {
      const level = round(change.percent ? base * (1 + ((increase ? 1 : -1) * target) / 100) : base + (increase ? target : -target));
      if (withinBounds(bounds, level) && !same(level, target)) return { kind: 'change', level, base, cue: change.cue };
    }
  }
  if (ownBaseline === undefined && kpiBaseline !== undefined && increase && target > 0 && target < kpiBaseline / 2) {
    return { kind: 'changeOrPart', level: round(kpiBaseline + target), base: kpiBaseline };
  }
  if (kpiTarget === undefined || !atEnd.includes(view)) return undefined;
  // A target on the wrong side of its baseline is `smart/achievable`'s finding (the wrong way), not a second one here.
  if (base !== undefined && (increase ? target < base : target > base)) return undefined;
  const beyond = increase ? target > kpiTarget : target < kpiTarget;
  const part = atEnd.length > 1 || PART.test(statementOf(view.goal) ?? '');
  if (beyond && part && increase && additive(kpi) && !same(target, kpiTarget)) return { kind: 'exceeds', kpiTarget };
  const sameScope = ownBaseline === undefined || kpiBaseline === undefined || same(ownBaseline, kpiBaseline);
  if (atEnd.length === 1 && sameScope && !same(target, kpiTarget)) return { kind: beyond ? 'targetBeyond' : 'target', kpiTarget };
  if (ownBaseline !== undefined && kpiBaseline !== undefined && same(target, kpiTarget) && !same(ownBaseline, kpiBaseline)) {
    return { kind: 'baseline', kpiBaseline };
  }
  return undefined;
}

/** Words that make a goal a part of its KPI: "from cafés alone", "doar din cafenele". */
const PART = /(?<!\p{L})(?:alone|only|solely|just|doar|numai|exclusiv)(?!\p{L})/iu;

/** Words next to a number that make it a change: "by 300", "cu 300", "+300", "back 8", "add 25", "recâștigăm 8", "încă 8", "adăugăm 25", "8 more", "8 în plus". */
const CUE_BEFORE = /(?:^|[\s(])(by|cu|back|add|adding|adds|înapoi|inapoi|încă|inca|regain\p{L}*|rec[aâ]știg\p{L}*|recastig\p{L}*|recuper\p{L}*|adăug\p{L}*|adaug\p{L}*)\s+$/iu;
const CUE_AFTER = /^\s+(more|additional|extra|în plus|in plus|suplimentar\p{L}*)(?!\p{L})/iu;

/** The words in a statement that call the target a change, if any. */
function changeCue(statement: string, target: number, percentKpi: boolean): { cue: string; percent: boolean } | undefined {
  for (const quantity of quantitiesIn(statement)) {
    if (!same(Math.abs(quantity.value), Math.abs(target))) continue;
    // A percentage of a percentage is ambiguous (points or relative): not judged.
    if (quantity.percent && percentKpi) continue;
    const written = statement.slice(quantity.start, quantity.end);
    const before = CUE_BEFORE.exec(statement.slice(0, quantity.start));
    if (before) return { cue: `${before[1]} ${written}`, percent: quantity.percent };
    const after = CUE_AFTER.exec(statement.slice(quantity.end));
    if (after) return { cue: `${written} ${after[1]}`, percent: quantity.percent };
    if (/^\+/.test(written)) return { cue: written, percent: quantity.percent };
  }
  return undefined;
}

function round(value: number): number {
  return Number(value.toPrecision(12));
}

// ---------------------------------------------------------------------------------------------
// Duplicates

/** Words that say nothing about what a goal is, dropped before statements are compared. */
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'through', 'via', 'our', 'we', 'us', 'its', 'their', 'new',
  'și', 'si', 'sau', 'de', 'la', 'în', 'in', 'din', 'pe', 'cu', 'prin', 'pentru', 'care', 'ne', 'noastră', 'noastra', 'nostru', 'noștri', 'nostri', 'noastre', 'al', 'ale', 'a', 'un', 'o', 'ai', 'lor',
]);
/** How alike two statements must be (shared words over all their words) to say the same. */
const NEAR_IDENTICAL = 0.8;
const MIN_WORDS = 4;

/**
 * The words of each goal's statement, by goal: the parser keeps the goals an edit did not touch
 * (the same objects), so a keystroke in a plan of thousands of goals reads one statement again.
 */
const statementWords = new WeakMap<Data, StatementWords>();

/** A statement's words, as a set and sorted (comparing two sorted lists is a merge). */
interface StatementWords {
  set: Set<string>;
  sorted: string[];
}

function wordsOfGoal(goal: Data): StatementWords {
  let found = statementWords.get(goal);
  if (!found) {
    const set = words(statementOf(goal) ?? '');
    statementWords.set(goal, (found = { set, sorted: [...set].sort() }));
  }
  return found;
}

function words(statement: string): Set<string> {
  const normal = statement.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const tokens = normal.replace(/(\d)[.,\s](?=\d{3}\b)/g, '$1').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return new Set(tokens.filter((token) => !STOP_WORDS.has(token)));
}

/** Shared words over all words of two statements (as sorted words), stopping once the bar is out of reach. */
function similarity(a: readonly string[], b: readonly string[]): number {
  // At least this many shared words reach the bar: shared / (|a| + |b| - shared) >= NEAR_IDENTICAL.
  const needed = Math.ceil((NEAR_IDENTICAL * (a.length + b.length)) / (1 + NEAR_IDENTICAL));
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (shared + Math.min(a.length - i, b.length - j) < needed) return 0;
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/**
 * Each goal that repeats an earlier one (not itself a repeat), the earliest such. Near linear in
 * the goals: numbers are matched by a key, statements of goals on the same KPI through an index
 * of their rarest words (two statements this alike share one of the first words of each, in
 * rarity order).
 */
function findDuplicates(views: readonly GoalView[]): Map<number, GoalDuplicate> {
  const duplicates = new Map<number, GoalDuplicate>();
  const statements = views.map((view) => wordsOfGoal(view.goal));
  const frequency = wordFrequency(statements);
  const byNumbers = new Map<string, number>();
  // Statements are compared among goals measured on the same KPI (or on none): other KPIs measure other things.
  const byScope = new Map<string, Map<string, number[]>>();
  views.forEach((view, position) => {
    const numbers = numbersKey(view);
    const sameAt = numbers === undefined ? undefined : byNumbers.get(numbers);
    const { sorted } = statements[position];
    const scope = view.kpi?.id ?? view.kpiIds.join(',');
    let byWord = byScope.get(scope);
    if (!byWord) byScope.set(scope, (byWord = new Map()));
    const prefix = sorted.length >= MIN_WORDS ? rarest(sorted, sorted.length - Math.ceil(NEAR_IDENTICAL * sorted.length) + 1, frequency) : [];
    let alikeAt: number | undefined;
    for (const word of prefix) {
      for (const earlier of byWord.get(word) ?? []) {
        if (earlier < (alikeAt ?? sameAt ?? Infinity) && nearlySameStatement(sorted, statements[earlier].sorted)) alikeAt = earlier;
      }
    }
    if (sameAt !== undefined || alikeAt !== undefined) {
      const kind = alikeAt === undefined ? 'same' : 'statement';
      duplicates.set(view.index, { view, other: views[kind === 'same' ? sameAt! : alikeAt!], kind });
      return;
    }
    // Only goals that are no repeat themselves are what later goals repeat.
    if (numbers !== undefined) byNumbers.set(numbers, position);
    for (const word of prefix) {
      const postings = byWord.get(word);
      if (postings) postings.push(position);
      else byWord.set(word, [position]);
    }
  });
  return duplicates;
}

/**
 * How many statements each word is in: the last count kept, with the statements it counted, and
 * brought up to date. An edit changes a statement or two of thousands (the parser keeps the
 * others, the same objects): only their words are counted again.
 */
let lastFrequency: { statements: readonly StatementWords[]; counts: Map<string, number> } | undefined;

function wordFrequency(statements: readonly StatementWords[]): ReadonlyMap<string, number> {
  const last = lastFrequency;
  // The statements the edit left alone, at the start and at the end of the list.
  let head = 0;
  let tail = 0;
  if (last) {
    const before = last.statements;
    const most = Math.min(before.length, statements.length);
    while (head < most && before[head] === statements[head]) head++;
    while (tail < most - head && before[before.length - 1 - tail] === statements[statements.length - 1 - tail]) tail++;
  }
  const changed = last ? statements.length - head - tail + (last.statements.length - head - tail) : statements.length;
  // Counted from nothing when the edit changed more than half the statements (or another plan is checked).
  const fresh = !last || changed > statements.length / 2;
  const counts = fresh ? new Map<string, number>() : last.counts;
  const count = (statement: StatementWords, by: number) => {
    for (const word of statement.sorted) {
      const next = (counts.get(word) ?? 0) + by;
      if (next === 0) counts.delete(word);
      else counts.set(word, next);
    }
  };
  if (fresh) for (const statement of statements) count(statement, +1);
  else {
    for (let at = head; at < last.statements.length - tail; at++) count(last.statements[at], -1);
    for (let at = head; at < statements.length - tail; at++) count(statements[at], +1);
  }
  lastFrequency = { statements, counts };
  return counts;
}

/** The `count` rarest of a statement's words, rarest first (its words come sorted: of two as rare, the first in that order). */
function rarest(sorted: readonly string[], count: number, frequency: ReadonlyMap<string, number>): string[] {
  const words: string[] = [];
  const counts: number[] = [];
  for (const word of sorted) {
    const seen = frequency.get(word)!;
    if (words.length === count && seen >= counts[count - 1]) continue;
    // Insertion into the few kept so far: the last one drops out when they are full.
    let at = Math.min(words.length, count - 1);
    for (; at > 0 && counts[at - 1] > seen; at--) {
      words[at] = words[at - 1];
      counts[at] = counts[at - 1];
    }
    words[at] = word;
    counts[at] = seen;
  }
  return words;
}

/**
 * What makes two goals the same by their numbers: KPI, target, deadline and baseline. Kept by
 * goal view: the model keeps a goal's view while the goal and its KPIs are the same objects.
 */
const numbersKeys = new WeakMap<GoalView, string | undefined>();

function numbersKey(view: GoalView): string | undefined {
  if (numbersKeys.has(view)) return numbersKeys.get(view);
  const target = asNumber(view.goal.target);
  const deadline = parseDate(view.goal.deadline);
  const key = !view.kpi || target === undefined || deadline === undefined ? undefined : JSON.stringify([view.kpi.id, target, deadline, goalBaseline(view) ?? null]);
  numbersKeys.set(view, key);
  return key;
}

function nearlySameStatement(a: readonly string[], b: readonly string[]): boolean {
  // Statements this alike are of alike lengths: the shorter holds at least that share of the longer.
  if (a.length < MIN_WORDS || b.length < MIN_WORDS || Math.min(a.length, b.length) < NEAR_IDENTICAL * Math.max(a.length, b.length)) return false;
  return similarity(a, b) >= NEAR_IDENTICAL;
}
