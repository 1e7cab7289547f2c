/** Path of a rule's documentation page, relative to the extension's root. */
export function ruleDocsPath(ruleId: string): string {
  return `docs/rules/${ruleId.replace(/\//g, '-')}.md`;
}
