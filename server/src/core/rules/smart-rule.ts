import { goals } from '../model/goals';
import type { SmartRule } from './rule';

/** A SMART rule whose `check` reports `checkGoal` for every goal. */
export function defineSmartRule(rule: Omit<SmartRule, 'check'>): SmartRule {
  return {
    ...rule,
    check(context) {
      for (const view of goals(context.plan)) {
        const report = rule.checkGoal(context, view);
        if (report) context.report(report);
      }
    },
  };
}
