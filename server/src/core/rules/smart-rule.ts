import { goals } from '../model/goals';
import type { SmartRule } from './rule';

/** A SMART rule whose `check` reports `checkGoal` for every goal. */
export function defineSmartRule(rule: Omit<SmartRule, 'check'>): SmartRule {
  return {
    ...rule,
    check(context) {
      const views = goals(context.plan);
      const whole = rule.checkPlan?.(context, views);
      if (whole) {
        context.report(whole);
        return;
      }
      for (const view of views) {
        const report = rule.checkGoal(context, view);
        if (report) context.report(report);
      }
    },
  };
}
