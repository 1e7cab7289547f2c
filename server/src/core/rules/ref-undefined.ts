import { createKpiFix, fixList } from './fixes';
import { closest } from '../base/text';
import { asArray, asNumber, asRecord, resolves, type IdSection, type PlanModel } from '../model/model';
import type { JsonPath } from '../base/types';
import type { Rule } from './rule';

export const refUndefined: Rule = {
  id: 'ref/undefined',
  description: 'A reference names an id that no item defines.',
  defaultSeverity: 'error',
  docs: `Items refer to each other by \`id\`: a goal's \`kpi\` names a KPI, a calendar activity's \`channels\` name channels, a message's \`persona\` names a persona. Each reference must name an id defined in the right section of this plan, or of a plan listed in \`alignsWith\`.

\`\`\`yaml
kpis:
  - id: qualified-leads
    name: Qualified leads
goals:
  - id: pipeline
    kpi: qualifed-leads   # ref/undefined: did you mean qualified-leads?
\`\`\`

Fix the spelling (the message suggests the nearest id), or define the missing item.`,
  check(context) {
    const plans = [context.plan, ...context.linked];
    const candidatesFor = new Map<readonly IdSection[], Candidates>();
    for (const reference of context.plan.references) {
      if (resolves(reference, plans)) continue;
      let candidates = candidatesFor.get(reference.targets);
      if (!candidates) {
        candidates = candidatesOf(reference.targets.flatMap((section) => plans.flatMap((plan) => [...(plan.ids.get(section)?.keys() ?? [])])));
        candidatesFor.set(reference.targets, candidates);
      }
      if (!candidates.suggestions.has(reference.id)) candidates.suggestions.set(reference.id, closest(reference.id, candidates.ids));
      const suggestion = candidates.suggestions.get(reference.id);
      const what = context.list(reference.targets.map((section: IdSection) => context.t(`label.${section}`)), 'or');
      context.report({
        path: reference.path,
        messageId: suggestion ? 'ref/undefined.suggest' : 'ref/undefined',
        params: { id: reference.id, what, section: reference.targets[0], suggestion: suggestion ?? '' },
        replacement: suggestion,
        fixes: reference.targets.includes('kpis') ? fixList(createKpiFix(context.editor, context.plan, reference.id, context.locale, goalNumbers(context.plan, reference.path))) : undefined,
      });
    }
  },
};

interface Candidates {
  ids: string[];
  /** The ids joined, to recognise the same candidates in a later check. */
  key: string;
  /** The nearest id to each unknown one, for these candidates. */
  suggestions: Map<string, string | undefined>;
}

/**
 * Suggestions outlive a check while the ids they were chosen from stay the same: a keystroke
 * rarely changes the ids, and searching thousands of them for every typo costs tens of
 * milliseconds on a large plan.
 */
const recentCandidates: Candidates[] = [];
const RECENT_LIMIT = 16;

function candidatesOf(ids: string[]): Candidates {
  const key = ids.join('\n');
  const found = recentCandidates.find((candidates) => candidates.key === key);
  if (found) return found;
  const created = { ids, key, suggestions: new Map<string, string | undefined>() };
  recentCandidates.unshift(created);
  recentCandidates.length = Math.min(recentCandidates.length, RECENT_LIMIT);
  return created;
}

/** A goal's own baseline and target, which a KPI created for it starts from (so that the two agree). */
function goalNumbers(plan: PlanModel, path: JsonPath): { baseline?: number; target?: number } {
  if (path[0] !== 'goals' || typeof path[1] !== 'number') return {};
  const goal = asRecord(asArray(plan.data.goals)[path[1]]);
  return { baseline: asNumber(goal?.baseline), target: asNumber(goal?.target) };
}
