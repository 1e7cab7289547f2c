import type { Rule } from './rule';

export const planTooManyFindings: Rule = {
  id: 'plan/too-many-findings',
  description: 'The plan has more findings than the editor shows; only the most severe are listed.',
  defaultSeverity: 'information',
  docs: `The editor lists at most 1,000 findings of a plan (errors first): more would help nobody and slow the editor down. This note, on the first line, says how many were left out. Fix the findings shown (quick fixes such as *Fix all* help), or split a very large plan, to see the rest. The command line (\`plan-as-code check\`) always reports them all.

This rule extends the format spec.`,
};
