import type { Rule } from './rule';

export const planConfig: Rule = {
  id: 'plan/config',
  description: 'The `.planrc.yaml` that applies to this plan has problems.',
  defaultSeverity: 'warning',
  docs: `Rules are configured in VS Code's \`planAsCode.rules\` setting and, for everyone working on a repository, in a \`.planrc.yaml\` found in the plan's folder or above it (the nearest wins over the settings):

\`\`\`yaml
rules:
  kpi/unused: off
  smart/*: error
  smart/achievable: { severity: warning, maxAnnualGrowth: 150 }
language: ro
\`\`\`

When that file is not valid YAML, or has unknown keys or severities, the plan gets this finding on its \`kind\` and the valid parts of the file still apply.

In an untrusted workspace (VS Code's restricted mode) the file may lower \`maxFileSize\` but not raise it above the limit that would apply without it (your own \`planAsCode.maxFileSize\`, else 2,000,000): a repository must not make the editor parse huge files. A larger value is ignored, and this finding says so, until you trust the workspace. The CLI always applies it.

This rule extends the format spec.`,
};
