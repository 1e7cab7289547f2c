import type { Rule } from './rule';

export const planTooLarge: Rule = {
  id: 'plan/too-large',
  description: 'The plan is over the size limit and was not checked.',
  defaultSeverity: 'warning',
  docs: `To keep the editor responsive, a plan longer than \`maxFileSize\` characters (2,000,000 by default, about 50,000 lines) is not checked: it gets this single finding instead. Split very large plans (for example one sales plan per region, linked with \`alignsWith\`), or raise the limit:

\`\`\`yaml
# .planrc.yaml
maxFileSize: 20000000
\`\`\`

In an untrusted workspace a \`.planrc.yaml\` cannot raise the limit (\`plan/config\` says when it tries).

This rule extends the format spec.`,
};
