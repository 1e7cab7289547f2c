import type { Rule } from './rule';

export const planInternalError: Rule = {
  id: 'plan/internal-error',
  description: 'A rule failed inside the checker: a defect to report, never a problem of the plan.',
  defaultSeverity: 'error',
  docs: `When one of the checks fails on a plan (a defect in Plan as Code, never a mistake in the plan), the plan gets this one finding, naming the rule that failed and why; every other rule still runs, and the SMART letter of a failed rule counts as failing. Please report it with the plan (or the smallest part of it that still shows it).

This rule extends the format spec.`,
};
