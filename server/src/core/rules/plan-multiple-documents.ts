import type { Rule } from './rule';

export const planMultipleDocuments: Rule = {
  id: 'plan/multiple-documents',
  description: 'A plan file holds exactly one YAML document.',
  defaultSeverity: 'error',
  docs: `A \`.plan.yaml\` file is one plan. A \`---\` line starts a second YAML document, which the checker and the preview ignore.

Move the second plan into its own file and link the two with \`alignsWith\`, or remove the \`---\` separator.`,
  check(context) {
    for (const extra of context.parsed.extraDocuments) {
      context.reportAt(extra.start, extra.end, 'plan/multiple-documents');
    }
  },
};
