import { addKeysFix, addSectionFix, addSectionsFix, fixList, placeholder, SWOT_SKELETON } from './fixes';
import { asRecord, isBlank } from '../model/model';
import type { MessageId } from '../base/messages';
import type { Rule } from './rule';
import { EXPECTED_SECTIONS } from '../model/templates';


const MIX = ['product', 'price', 'place', 'promotion'] as const;

export const sectionMissing: Rule = {
  id: 'section/missing',
  description: "A section of the plan's template is absent.",
  defaultSeverity: 'warning',
  docs: `Each template lists the sections a complete plan has, in order.

**Marketing plan**: \`summary\`, \`market\` (with \`swot\`), \`personas\`, \`goals\`, \`positioning\`, \`strategies\`, \`mix\` (all four Ps: \`product\`, \`price\`, \`place\`, \`promotion\`), \`budget\`, \`calendar\`, \`channels\`, \`content\`, \`measurement\`.

**Sales plan**: \`summary\`, \`goals\`, \`segments\`, \`offering\`, \`strategies\`, \`team\`, \`tactics\`, \`forecast\`, \`territories\`, \`training\`.

Missing top-level sections are reported on the plan's \`kind\` (it names the template), all in one finding that names them, with a quick fix that adds every one of them (each skeleton where the template puts it) beside one fix per section. A missing \`swot\` is reported on \`market\`; missing Ps on \`mix\`. \`kpis\` is checked by \`kpi/missing\`.

In a plan marked \`status: draft\`, this rule's findings are hints: a first draft is allowed to be incomplete.`,
  check(context) {
    const { data, kind } = context.plan;
    if (!kind) return;
    const missing = EXPECTED_SECTIONS[kind].filter((section) => !(section in data));
    const perSection = missing.map((section) => addSectionFix(context.editor, context.plan, section, context.locale));
    if (missing.length === 1) {
      const [section] = missing;
      context.report({
        path: [],
        anchor: 'key',
        messageId: 'section/missing',
        params: { section, sections: section, kind: context.t(`kind.${kind}`), what: context.t(`section.${section}` as MessageId) },
        fixes: fixList(...perSection),
      });
    } else if (missing.length > 1) {
      // One finding for one cause (a plan not written out yet), naming every section it lacks.
      context.report({
        path: [],
        anchor: 'key',
        messageId: 'section/missing.several',
        params: { count: missing.length, sections: missing.join(','), list: context.list(missing.map((section) => `\`${section}\``)), kind: context.t(`kind.${kind}`) },
        fixes: fixList(addSectionsFix(context.editor, context.plan, missing, context.list, context.locale), ...perSection),
      });
    }
    if (kind !== 'marketing') return;
    const market = asRecord(data.market);
    if (market && !('swot' in market)) {
      context.report({ path: ['market'], anchor: 'key', messageId: 'section/missing.swot', fixes: fixList(addKeysFix(context.editor, ['market'], [['swot', SWOT_SKELETON]], context.list)) });
    }
    const mix = asRecord(data.mix);
    if (mix) {
      const missing = MIX.filter((p) => isBlank(mix[p]));
      if (missing.length > 0) {
        context.report({
          path: ['mix'],
          anchor: 'key',
          messageId: 'section/missing.mix',
          params: { missing: context.list(missing.map((p) => `\`${p}\``)) },
          fixes: fixList(addKeysFix(context.editor, ['mix'], missing.map((p) => [p, placeholder(context.locale)]), context.list)),
        });
      }
    }
  },
};
