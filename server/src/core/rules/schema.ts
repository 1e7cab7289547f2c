import type { RuleId } from '../base/rule-ids';
import type { Rule } from './rule';

/**
 * The JSON Schema's findings come from one validator (`schema/validate.ts`); these entries give
 * each kind of schema problem its own id, so that it can be configured and documented.
 */
function schemaRule(id: RuleId, description: string, docs: string): Rule {
  return { id, description, defaultSeverity: 'error', docs };
}

export const schemaRules: Rule[] = [
  schemaRule('schema/required', 'A key the template requires is missing.', `Some keys are required for a plan to be read at all: \`kind\`, \`title\` and \`period\` (with \`start\` and \`end\`) in the header, \`currency\` when there is a \`budget\`, and each item's \`id\` and label (\`name\`, \`statement\` or \`role\`). A KPI needs a \`unit\` unless its \`metric\` gives one.

\`\`\`yaml
kind: marketing
title: 2026 marketing plan
period: { start: 2026-01-01, end: 2026-12-31 }
\`\`\`

The finding sits on the key of the mapping that lacks the required key (or on the item's \`id\`).`),
  schemaRule('schema/type', 'A value has the wrong type.', `Each key expects a kind of value: text, a number, a whole number, a list or a mapping. \`count: three\` is reported because \`count\` must be a whole number; \`channels: webinars\` because \`channels\` must be a list (\`channels: [webinars]\`).`),
  schemaRule('schema/enum', 'A value is not one of the allowed values.', `Some keys take one of a fixed set of values: \`kind\` (marketing, sales), \`frequency\` (daily, weekly, monthly, quarterly, yearly), a channel's \`type\` (online, offline), a KPI's \`metric\` (the KPI catalog), \`language\` (en, ro)... The message lists the allowed values and suggests the nearest one.`),
  schemaRule('schema/format', 'A date or currency code is malformed.', `Dates are ISO \`YYYY-MM-DD\` and must exist in the calendar (\`2026-02-30\` does not). \`currency\` is an ISO 4217 code in capitals: \`EUR\`, \`RON\`, \`USD\`.`),
  schemaRule('schema/pattern', 'An id or a forecast period is malformed.', `Ids are lowercase kebab-case (\`qualified-leads\`, not \`Qualified Leads\`); the message suggests the kebab-case form. Forecast periods are \`YYYY\`, \`YYYY-Qn\` or \`YYYY-MM\`.`),
  schemaRule('schema/unknown-key', 'A key the template does not know.', `A key that is not part of the format is usually a typo: the message suggests the nearest known key (\`responsibilites\` → \`responsibilities\`). To keep data of your own in a plan, prefix the key with \`x-\` (\`x-jira-epic: MKT-12\`): such keys are never reported.`),
  schemaRule('schema/range', 'A number is out of range.', `Amounts, revenue and team counts cannot be negative; \`version\` and years have fixed ranges.`),
  schemaRule('schema/other', 'Any other schema problem.', `A value breaks a constraint of the JSON Schema not covered by the other \`schema/*\` rules. The message gives the detail.`),
];
