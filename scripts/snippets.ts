import { PLACEHOLDER, SECTION_SKELETONS, sectionYaml } from '../server/src/core/rules/fixes';
import type { PlanKind } from '../server/src/core/base/types';

export const SECTION_SNIPPET_PREFIX = 'Section: ';

/** Snippets stand alone: no plan's ids or period to fill in. */
const NO_FACTS = { kpiIds: [], goalIds: [] };

/** The section snippets: each template section's skeleton, the one quick fixes insert, with tab stops on its placeholders. */
export function sectionSnippets(): Record<string, { prefix: string; description: string; body: string[] }> {
  const snippets: Record<string, { prefix: string; description: string; body: string[] }> = {};
  const kinds: PlanKind[] = ['marketing', 'sales'];
  for (const kind of kinds) {
    for (const section of Object.keys(SECTION_SKELETONS[kind])) {
      const other = kinds.find((candidate) => candidate !== kind)!;
      const inOther = SECTION_SKELETONS[other][section] !== undefined;
      const same = inOther && sectionYaml(other, section, NO_FACTS) === sectionYaml(kind, section, NO_FACTS);
      const name = inOther && !same ? `${SECTION_SNIPPET_PREFIX}${section} (${kind} plan)` : `${SECTION_SNIPPET_PREFIX}${section}`;
      if (snippets[name]) continue;
      let stop = 0;
      const body = sectionYaml(kind, section, NO_FACTS)!
        .replace(/\$/g, '\\$')
        .split(PLACEHOLDER)
        .reduce((text, part) => `${text}\${${++stop}:${PLACEHOLDER}}${part}`);
      snippets[name] = {
        prefix: inOther && !same ? `section-${section}-${kind}` : `section-${section}`,
        description: `The \`${section}\` section of the ${same ? 'marketing and sales' : kind} plan template, with a placeholder for each field to fill in.`,
        body: `${body}$0`.split('\n'),
      };
    }
  }
  return snippets;
}

