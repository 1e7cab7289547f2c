import { catalogKpi } from '../model/catalog';
import { describeItem, describeMetric } from './complete';
import type { Translate } from '../base/messages';
import type { GoalSmartResult } from '../check/engine';
import { locate } from '../parse/locate';
import { asArray, asRecord, type PlanModel } from '../model/model';
import { schemaAt } from '../model/schema';
import type { Analysis } from '../model/links';
import type { Finding, Locale } from '../base/types';
import { explainAt } from './explain';
import type { PlanFigures } from '../analysis/figures';
import { figureLines } from './hover-figures';
import { sameItems } from '../base/lists';

export interface HoverInput {
  analysis: Analysis;
  t: Translate;
  offset: number;
  linked: readonly PlanModel[];
  /** SMART verdicts of this plan's goals, shown on goal references. */
  smart: () => GoalSmartResult[];
  /** The plan's findings: a hover on a finding's subject explains it with the plan's numbers. */
  findings?: () => readonly Finding[];
  /** The plan's figures (`snapshot.figures`), shown on the targets, KPIs and allocations they are about. */
  figures?: PlanFigures;
  /** The plan's language: schema texts, catalog names and the figures' numbers are in it (English by default). */
  locale?: Locale;
}

export interface HoverResult {
  /** Markdown. */
  contents: string;
  start: number;
  end: number;
}

/**
 * What the key or value under the cursor means: the findings about it, explained with the plan's
 * numbers, then a field's documentation, a referenced item, a catalog metric.
 */
export function hover(input: HoverInput): HoverResult | undefined {
  const explained = input.findings && explainAt(input.findings(), input.offset, input.t, input.locale);
  const described = describe(input);
  if (!explained) return described;
  if (!described) return explained;
  return { contents: `${explained.contents}\n\n---\n\n${described.contents}`, start: described.start, end: described.end };
}

function describe(input: HoverInput): HoverResult | undefined {
  const { analysis, offset } = input;
  const { root, text } = analysis.parsed;
  const at = locate(root, offset);
  const node = at.node;
  if (!node || at.path.length === 0) return undefined;
  const model = analysis.model;

  if (at.on === 'key') {
    const schema = schemaAt(model.kind, at.path, input.locale);
    const contents = schema?.markdownDescription ?? schema?.description;
    return contents ? { contents, start: node.keyStart!, end: node.keyEnd! } : undefined;
  }
  if (at.on !== 'value') return undefined;
  const range = { start: node.start, end: node.end };

  const reference = model.references.find((candidate) => sameItems(candidate.path, at.path));
  if (reference) {
    for (const plan of [model, ...input.linked]) {
      for (const section of reference.targets) {
        const definition = plan.ids.get(section)?.get(reference.id);
        if (!definition) continue;
        const item = asRecord(asArray(plan.data[section])[definition.index]) ?? {};
        const smart = section === 'goals' && plan === model ? smartLine(input, definition.index) : '';
        return { contents: describeItem(input.t, section, item, input.locale) + smart, ...range };
      }
    }
    return undefined;
  }

  const key = at.path[at.path.length - 1];
  if (key === 'metric') {
    const metric = catalogKpi(text.slice(node.start, node.end));
    if (metric) return { contents: describeMetric(input.t, metric, input.locale), ...range };
  }

  const definition = model.definitions.find((candidate) => sameItems(candidate.path, at.path));
  if (definition) {
    const item = asRecord(asArray(model.data[definition.section])[definition.index]) ?? {};
    const uses = model.references.filter((candidate) => candidate.id === definition.id && candidate.targets.includes(definition.section)).length;
    const smart = definition.section === 'goals' ? smartLine(input, definition.index) : '';
    const usage = uses === 1 ? input.t('editor.referencedOnce') : input.t('editor.referenced', { count: uses });
    const figures = figureLines(input, at.path);
    return { contents: `${describeItem(input.t, definition.section, item, input.locale)}${smart}\n\n${usage}${figures.map((line) => `\n\n${line}`).join('')}`, ...range };
  }

  const figures = figureLines(input, at.path);
  if (figures.length > 0) return { contents: figures.join('\n\n'), ...range };

  const schema = schemaAt(model.kind, at.path, input.locale);
  const values = schema?.enum;
  const valueText = text.slice(node.start, node.end);
  const described = values?.findIndex((value) => String(value) === valueText) ?? -1;
  if (schema && described !== -1 && schema.markdownEnumDescriptions?.[described]) {
    return { contents: schema.markdownEnumDescriptions[described], ...range };
  }
  return undefined;
}

function smartLine(input: HoverInput, index: number): string {
  const goal = input.smart().find((result) => result.index === index);
  if (!goal) return '';
  const letters = goal.letters.map((letter) => (letter.pass ? `✅ ${letter.letter}` : `❌ ${letter.letter}`)).join(' · ');
  const reasons = goal.letters.filter((letter) => !letter.pass && letter.message).map((letter) => `- ${letter.message}`);
  return `\n\n${input.t('editor.smart', { score: goal.score })}: ${letters}${reasons.length ? `\n\n${reasons.join('\n')}` : ''}`;
}

