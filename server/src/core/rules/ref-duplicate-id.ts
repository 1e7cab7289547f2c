import type { Rule } from './rule';

export const refDuplicateId: Rule = {
  id: 'ref/duplicate-id',
  description: 'Two items of one section have the same id.',
  defaultSeverity: 'error',
  docs: `An \`id\` must be unique within its section, or references to it would be ambiguous. The same id may be used in two different sections (a goal and a channel may both be called \`newsletter\`).

\`\`\`yaml
channels:
  - id: linkedin
    name: LinkedIn organic
  - id: linkedin          # ref/duplicate-id
    name: LinkedIn ads
\`\`\`

Rename one of the items (for example \`linkedin-ads\`) and update the references that meant it.`,
  check(context) {
    const { ids, definitions } = context.plan;
    for (const definition of definitions) {
      const first = ids.get(definition.section)?.get(definition.id);
      if (!first || first === definition) continue;
      context.report({
        path: definition.path,
        messageId: 'ref/duplicate-id',
        params: { id: definition.id, section: definition.section, first: first.index + 1 },
      });
    }
  },
};
