/**
 * Every rule id, the stable `code` of a diagnostic. The registry (`rules/index.ts`) holds one
 * rule for each; a test keeps the two the same. A new rule adds its id here first.
 */
export const RULE_IDS = [
  'yaml/syntax',
  'plan/multiple-documents',
  'schema/required',
  'schema/type',
  'schema/enum',
  'schema/format',
  'schema/pattern',
  'schema/unknown-key',
  'schema/range',
  'schema/other',
  'ref/undefined',
  'ref/duplicate-id',
  'section/missing',
  'smart/specific',
  'smart/measurable',
  'smart/achievable',
  'smart/relevant',
  'smart/time-bound',
  'kpi/missing',
  'kpi/incomplete',
  'kpi/unused',
  'kpi/recommended',
  'kpi/range',
  'budget/sum',
  'calendar/range',
  'goal/kpi-target',
  'goal/duplicate',
  'align/period',
  'plan/period',
  'plan/stale',
  'plan/config',
  'plan/too-large',
  'plan/too-many-findings',
  'plan/internal-error',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
