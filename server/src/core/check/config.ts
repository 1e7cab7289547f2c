import { parse } from 'yaml';
import { SEVERITIES, type SeverityOrOff } from '../base/types';
import { isRecord } from '../model/model';
import { closest } from '../base/text';
import type { MessageId } from '../base/messages';

export interface RuleSettingObject {
  severity?: SeverityOrOff;
  [option: string]: unknown;
}
/** `warning`, `[warning, { maxAnnualGrowth: 150 }]` or `{ severity: warning, maxAnnualGrowth: 150 }`. */
export type RuleSetting = SeverityOrOff | [SeverityOrOff, Record<string, unknown>?] | RuleSettingObject;

export interface PlanConfig {
  /** Keys are rule ids (`smart/achievable`), family wildcards (`smart/*`) or `*`. */
  rules?: Record<string, RuleSetting>;
  language?: 'auto' | 'en' | 'ro';
  /** Plans larger than this (in bytes of text) get only a syntax check. */
  maxFileSize?: number;
}

export const CONFIG_FILE_NAMES = ['.planrc.yaml', '.planrc.yml'] as const;
export const DEFAULT_MAX_FILE_SIZE = 2_000_000;

export interface EffectiveRule {
  severity: SeverityOrOff;
  options: Record<string, unknown>;
}

/** Severity and options of one rule after applying the layers in order: a later layer wins. */
export function effectiveRule(
  ruleId: string,
  defaults: { severity: SeverityOrOff; options: Record<string, unknown> },
  layers: readonly PlanConfig[],
): EffectiveRule {
  let severity = defaults.severity;
  const options = { ...defaults.options };
  const family = `${ruleId.split('/')[0]}/*`;
  for (const layer of layers) {
    const rules = layer.rules ?? {};
    const setting = rules[ruleId] ?? rules[family] ?? rules['*'];
    if (setting === undefined) continue;
    const normalized = normalizeSetting(setting);
    if (normalized.severity) severity = normalized.severity;
    Object.assign(options, normalized.options);
  }
  return { severity, options };
}

function normalizeSetting(setting: RuleSetting): { severity?: SeverityOrOff; options: Record<string, unknown> } {
  if (typeof setting === 'string') return { severity: asSeverity(setting), options: {} };
  if (Array.isArray(setting)) return { severity: asSeverity(setting[0]), options: isRecord(setting[1]) ? setting[1] : {} };
  if (isRecord(setting)) {
    const { severity, ...options } = setting;
    return { severity: asSeverity(severity), options };
  }
  return { options: {} };
}

function asSeverity(value: unknown): SeverityOrOff | undefined {
  if (value === 'info') return 'information';
  return SEVERITIES.includes(value as SeverityOrOff) ? (value as SeverityOrOff) : undefined;
}

/** A problem in a configuration, as a message id and its parameters (worded by the caller). */
export interface ConfigProblem {
  messageId: MessageId;
  params?: Record<string, string | number>;
}

/** Reads a `.planrc.yaml`, keeping what is valid and describing the rest. */
export function parseConfig(text: string): { config: PlanConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  let data: unknown;
  try {
    data = parse(text, { prettyErrors: false, maxAliasCount: 100 });
  } catch (error) {
    return { config: {}, problems: [{ messageId: 'config.yaml', params: { detail: (error as Error).message.split('\n')[0] } }] };
  }
  if (data === null || data === undefined) return { config: {}, problems };
  if (!isRecord(data)) return { config: {}, problems: [{ messageId: 'config.notMapping' }] };
  const config: PlanConfig = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'rules') {
      if (!isRecord(value)) problems.push({ messageId: 'config.rules' });
      else config.rules = validateRules(value, problems);
    } else if (key === 'language') {
      if (value === 'auto' || value === 'en' || value === 'ro') config.language = value;
      else problems.push({ messageId: 'config.language' });
    } else if (key === 'maxFileSize') {
      if (typeof value === 'number' && value > 0) config.maxFileSize = value;
      else problems.push({ messageId: 'config.maxFileSize' });
    } else {
      const suggestion = closest(key, ['rules', 'language', 'maxFileSize']);
      problems.push(suggestion ? { messageId: 'config.unknownKey.suggest', params: { key, suggestion } } : { messageId: 'config.unknownKey', params: { key } });
    }
  }
  return { config, problems };
}

/** Keeps the settings that make sense, reporting the others. Also used for VS Code settings. */
export function validateRules(rules: Record<string, unknown>, problems: ConfigProblem[]): Record<string, RuleSetting> {
  const valid: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(rules)) {
    const severity = typeof setting === 'string' ? setting : Array.isArray(setting) ? setting[0] : isRecord(setting) ? setting.severity : null;
    if (severity !== undefined && asSeverity(severity) === undefined) {
      problems.push({ messageId: 'config.severity', params: { rule: id, severities: SEVERITIES.map((severity) => `\`${severity}\``).join(', ') } });
      continue;
    }
    valid[id] = setting as RuleSetting;
  }
  return valid;
}
