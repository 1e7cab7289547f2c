/**
 * Commands the server puts in code actions and code lenses, and the client registers
 * (`client/src/commands.ts`). Direction: server → client, run by the editor when clicked.
 */

/** Opens a rule's documentation page. Arguments: the rule id (`smart/measurable`) and, optionally, the language of the page (`en` or `ro`). */
export const OPEN_RULE_DOCS = 'planAsCode.openRuleDocs';

/** Reveals and selects a range. Arguments: the document's URI (a string) and an LSP range. */
export const REVEAL_RANGE = 'planAsCode.revealRange';

export { ruleDocsPath } from '../server/src/core/base/docs';
