import { addKeysFix, addSectionFix, fixList, placeholder, SWOT_SKELETON } from './fixes';
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

A missing top-level section is reported on the plan's \`kind\` (it names the template); a missing \`swot\` on \`market\`; a missing P on \`mix\`. \`kpis\` is checked by \`kpi/missing\`.`,
  check(context) {
    const { data, kind } = context.plan;
    if (!kind) return;
    for (const section of EXPECTED_SECTIONS[kind]) {
      if (!(section in data)) {
        context.report({
          path: [],
          anchor: 'key',
          messageId: 'section/missing',
          params: { section, kind: context.text(`kind.${kind}`), what: context.text(`section.${section}` as MessageId) },
          fixes: fixList(addSectionFix(context.parsed, context.plan, section, context.locale)),
        });
      }
    }
    if (kind !== 'marketing') return;
    const market = asRecord(data.market);
    if (market && !('swot' in market)) {
      context.report({ path: ['market'], anchor: 'key', messageId: 'section/missing.swot', fixes: fixList(addKeysFix(context.parsed, ['market'], [['swot', SWOT_SKELETON]], context.list)) });
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
          fixes: fixList(addKeysFix(context.parsed, ['mix'], missing.map((p) => [p, placeholder(context.locale)]), context.list)),
        });
      }
    }
  },
};
