/**
 * The semantic diff of plans, for the CLI (`plan-as-code diff`), pull-request comments and,
 * later, the editor's compare mode and the `plan/approval-stale` rule.
 *
 *   const result = diffTexts(textAtRevision, editorText, { file, figures: { before, after } });
 *   if (result.ok) renderMarkdown({ format: 'plan-as-code/diff', version: 1, plans: [result.diff] });
 */
export { diffPlans, diffPlanSet, diffTexts, itemLabel, syntaxError, type DiffParseError, type DiffTextsResult, type PlanPair } from './diff';
export { escapeMarkdown, planLocale, renderJson, renderMarkdown, renderText, type PlanDiffJson, type RenderOptions } from './render';
export { summarize, summaryLine } from './summary';
export { diffTables, type Cell, type Part, type Row, type SectionTable } from './table';
export type * from './types';
