/** The texts the l10n tests read: every Romanian text the extension shows, and prose without code. */
import * as fs from 'fs';
import * as path from 'path';
import { ro } from '../../server/src/core/base/messages/ro';
import { CLI_MESSAGES } from '../../server/src/cli/messages';
import { METRIC_TEXT_RO } from '../../server/src/core/model/catalog-text';
import { SCHEMA_TEXTS_RO } from '../../server/src/core/model/schema';
import { RULE_TEXT_RO } from '../../server/src/core/rules/text';
import { PLAN_TEMPLATES } from '../../server/src/core/features/templates';
import { NEW_PLAN_PROMPTS, newPlan } from '../../server/src/core/features/new-plan';
import { ROOT } from '../helpers';

const json = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

/** Text without code: fenced blocks, indented formula lines and backtick spans removed. */
export function prose(text: string): string {
  return text.replace(/```[\s\S]*?```/g, ' ').replace(/^ {4}.*$/gm, ' ').replace(/`[^`]*`/g, ' ').replace(/\{\w+\}/g, ' ');
}

/** Every Romanian text the extension shows, with where it comes from. */
export function romanianTexts(): [where: string, text: string][] {
  const texts: [string, string][] = [];
  for (const [id, text] of Object.entries(ro)) texts.push([`messages ${id}`, text]);
  for (const [id, text] of Object.entries(CLI_MESSAGES.ro)) texts.push([`cli ${id}`, text]);
  for (const [id, text] of Object.entries(json('l10n/bundle.l10n.ro.json'))) texts.push([`l10n ${id}`, String(text)]);
  // A walkthrough step's media is a path, not a text.
  for (const [id, text] of Object.entries(json('package.nls.ro.json'))) if (!id.endsWith('.media')) texts.push([`nls ${id}`, String(text)]);
  for (const [pointer, entry] of Object.entries(SCHEMA_TEXTS_RO)) {
    if (pointer.startsWith('$')) continue;
    for (const text of [entry.description, entry.markdownDescription, ...(entry.markdownEnumDescriptions ?? []), ...(entry.examples ?? []).map(String)]) if (text) texts.push([`schema ${pointer}`, text]);
  }
  for (const [id, text] of Object.entries(METRIC_TEXT_RO)) texts.push([`catalog ${id}`, `${text.name}. ${text.formula}. ${text.description}`]);
  for (const [id, text] of Object.entries(RULE_TEXT_RO)) texts.push([`rule ${id}`, `${text.description}\n\n${text.docs}\n\n${Object.values(text.options ?? {}).join('\n')}`]);
  for (const [kind, text] of Object.entries(PLAN_TEMPLATES.ro)) texts.push([`template ${kind}`, text]);
  const prompts = (value: unknown): string[] => (typeof value === 'string' ? [value] : typeof value === 'function' ? [String(value('x.plan.yaml'))] : value && typeof value === 'object' ? Object.values(value).flatMap(prompts) : []);
  for (const text of prompts(NEW_PLAN_PROMPTS.ro)) texts.push(['new plan prompt', text]);
  for (const template of ['marketing', 'sales'] as const) texts.push([`new plan ${template}`, newPlan({ template, language: 'ro', name: 'Firma', currency: 'RON', start: '2026-01-01' })]);
  return texts;
}

