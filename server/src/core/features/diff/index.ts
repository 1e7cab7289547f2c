/**
 * The semantic diff of plans, for the CLI (`plan-as-code diff`), pull-request comments and,
 * later, the editor's compare mode and the `plan/approval-stale` rule.
 *
 *   const result = diffTexts(textAtRevision, editorText, { file, figures: { before, after } });
 *   if (result.ok) renderMarkdown({ format: 'plan-as-code/diff', version: 1, plans: [result.diff] });
 */
export { diffPlans, diffPlanSet, diffTexts, syntaxError } from '../../analysis/diff/diff';
export { diffVersions } from './versions';
export { escapeMarkdown, renderJson, renderMarkdown, renderText } from './render';
export { summarize, summaryLine } from './summary';
export { diffTables } from './table';
export type * from '../../analysis/diff/types';
