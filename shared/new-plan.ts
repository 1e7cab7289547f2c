/**
 * What the client's *Plan: New Plan…* command shares with the core: the plan it creates and the
 * words of its questions (`server/src/core/features/new-plan.ts`).
 */
export {
  COMMON_CURRENCIES,
  isCurrency,
  isDate,
  LANGUAGE_NAMES,
  newPlan,
  newPlanFileName,
  NEW_PLAN_PROMPTS,
  periodEnd,
  yearStart,
  type NewPlanOptions,
} from '../server/src/core/features/new-plan';
