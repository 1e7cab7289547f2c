/**
 * Duplicate goals are found through an index of each statement's rarest words, in near-linear
 * time: on any set of goals it finds what comparing every goal with every earlier one finds.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { goalDuplicates } from '../../server/src/core/analysis/goals';
import { goals, goalBaseline, type GoalView } from '../../server/src/core/model/goals';
import { asNumber, buildModel, parseDate } from '../../server/src/core/model/model';

const WORDS = ['raise', 'leads', 'qualified', 'cluj', 'iași', 'brașov', 'webinars', 'events', 'partners', 'offices', 'cafés', 'the', 'from', '120', '1.200', 'creștem', 'clienți', 'noi', 'monthly', 'demos', 'trials', 'signups'];

const goalData = fc.record({
  // Variations on a few long statements (a word dropped, a word added): many alike, some alike enough.
  statement: fc
    .record({ base: fc.integer({ min: 0, max: 2 }), drop: fc.integer({ min: -1, max: 13 }), add: fc.option(fc.constantFrom(...WORDS), { nil: undefined }) })
    .map(({ base, drop, add }) => {
      const words = [...WORDS.slice(base * 4, base * 4 + 12 + base)];
      if (drop >= 0 && drop < words.length) words.splice(drop, 1);
      if (add) words.push(add);
      return words.join(' ');
    }),
  kpi: fc.constantFrom(undefined, 'leads', 'revenue', ['leads', 'revenue']),
  target: fc.constantFrom(undefined, 120, 1200, 0.5),
  baseline: fc.constantFrom(undefined, 100),
  deadline: fc.constantFrom(undefined, '2026-06-30', '2026-12-31'),
});

const KPIS = [
  { id: 'leads', metric: 'leads', baseline: 100, target: 150 },
  { id: 'revenue', metric: 'revenue', baseline: 1000, target: 2000 },
];

/** The definition: the earliest earlier goal (not itself a repeat) with alike statements on the same KPI, else the one with the same numbers. */
function naive(views: readonly GoalView[]): Map<number, { other: number; kind: string }> {
  const found = new Map<number, { other: number; kind: string }>();
  const words = (view: GoalView) => {
    const normal = String(view.goal.statement ?? '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const stop = new Set(['the', 'from']);
    return new Set(normal.replace(/(\d)[.,\s](?=\d{3}\b)/g, '$1').split(/[^\p{L}\p{N}]+/u).filter((token) => token && !stop.has(token)));
  };
  const numbers = (view: GoalView) => {
    const target = asNumber(view.goal.target);
    const deadline = parseDate(view.goal.deadline);
    return !view.kpi || target === undefined || deadline === undefined ? undefined : JSON.stringify([view.kpi.id, target, deadline, goalBaseline(view) ?? null]);
  };
  const scope = (view: GoalView) => view.kpi?.id ?? view.kpiIds.join(',');
  const alike = (a: Set<string>, b: Set<string>) => {
    if (a.size < 4 || b.size < 4) return false;
    const shared = [...a].filter((word) => b.has(word)).length;
    return shared / (a.size + b.size - shared) >= 0.8;
  };
  views.forEach((view, position) => {
    const earlier = views.slice(0, position).filter((other) => !found.has(other.index));
    const same = numbers(view) === undefined ? undefined : earlier.find((other) => numbers(other) === numbers(view));
    const statement = earlier.find((other) => (same === undefined || other.index < same.index) && scope(other) === scope(view) && alike(words(view), words(other)));
    if (statement) found.set(view.index, { other: statement.index, kind: 'statement' });
    else if (same) found.set(view.index, { other: same.index, kind: 'same' });
  });
  return found;
}

describe('duplicate goals', () => {
  it('are those that comparing every goal with every earlier one finds', () => {
    fc.assert(
      fc.property(fc.array(goalData, { minLength: 0, maxLength: 40 }), (list) => {
        const plan = buildModel({ kind: 'marketing', period: { start: '2026-01-01', end: '2026-12-31' }, kpis: KPIS, goals: list.map((goal, index) => ({ id: `goal-${index}`, ...goal })) });
        const found = [...goalDuplicates(plan)].map(([index, duplicate]) => [index, duplicate.other.index, duplicate.kind]);
        const expected = [...naive(goals(plan))].map(([index, duplicate]) => [index, duplicate.other, duplicate.kind]);
        assert.deepStrictEqual(found, expected);
      }),
      { numRuns: 300 },
    );
  });

  it('are found again after edits that keep the other goals (as the parser keeps them), as from nothing', () => {
    const edit = fc.record({ kind: fc.constantFrom('replace', 'insert', 'remove'), at: fc.nat(), goal: goalData });
    fc.assert(
      fc.property(fc.array(goalData, { minLength: 1, maxLength: 40 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (list, edits) => {
        let made = 0;
        const item = (goal: (typeof list)[number]) => ({ id: `goal-${made++}`, ...goal });
        let items = list.map(item);
        const version = () => buildModel({ kind: 'marketing', period: { start: '2026-01-01', end: '2026-12-31' }, kpis: KPIS, goals: items });
        goalDuplicates(version());
        for (const { kind, at, goal } of edits) {
          const position = at % (items.length + (kind === 'insert' ? 1 : 0) || 1);
          items = [...items];
          if (kind === 'replace' && items.length > 0) items[position] = item(goal);
          else if (kind === 'insert') items.splice(position, 0, item(goal));
          else if (kind === 'remove' && items.length > 0) items.splice(position, 1);
          const plan = version();
          const found = [...goalDuplicates(plan)].map(([index, duplicate]) => [index, duplicate.other.index, duplicate.kind]);
          const expected = [...naive(goals(plan))].map(([index, duplicate]) => [index, duplicate.other, duplicate.kind]);
          assert.deepStrictEqual(found, expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
