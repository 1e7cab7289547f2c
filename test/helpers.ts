import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { PlanConfig } from '../server/src/core/check/config';
import { createPlanService } from '../server/src/core/workspace/service';
import type { PlanIndex } from '../server/src/core/workspace/plan-index';
import { readForCore } from '../server/src/node/files';
import { LineIndex } from '../server/src/core/base/text';
import type { Finding, TextEdit } from '../server/src/core/base/types';

export const ROOT = path.resolve(__dirname, '..');

/** A service over an in-memory file system: `files` maps absolute paths to text. */
export function memoryService(files: Record<string, string> = {}, index?: PlanIndex) {
  return createPlanService({ readFile: (filePath) => files[filePath], index });
}

/** A service over the real disk, reading as the server and the CLI do. */
export function diskService() {
  return createPlanService({ readFile: readForCore });
}

/** Checks a text as `/plans/test.plan.yaml` (or `filePath`) with optional files and settings around it. */
export function check(text: string, options: { files?: Record<string, string>; settings?: PlanConfig; filePath?: string; editorLocale?: string; today?: string } = {}): Finding[] {
  const service = memoryService(options.files);
  return service.check(text, options.filePath ?? '/plans/test.plan.yaml', { settings: options.settings, editorLocale: options.editorLocale, today: options.today }).findings;
}

export function ruleIds(findings: Finding[]): string[] {
  return findings.map((finding) => finding.ruleId);
}

/** The text a finding covers. */
export function covered(text: string, finding: Finding): string {
  return text.slice(finding.start, finding.end);
}

/** Zero-based line of a finding. */
export function lineOf(text: string, finding: Finding): number {
  return new LineIndex(text).lineOf(finding.start);
}

/** Joins lines, so that fixtures in tests read as YAML. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/**
 * A fixture with the cursor marked: `marker` (default `|`) appears exactly once and is removed.
 * Gives the text, the cursor's offset and its zero-based line and UTF-16 column.
 */
export function cursorAt(marked: string, marker = '|'): { text: string; offset: number; position: { line: number; character: number } } {
  const offset = marked.indexOf(marker);
  if (offset === -1 || marked.indexOf(marker, offset + 1) !== -1) throw new Error(`the fixture must mark the cursor with exactly one ${marker}`);
  const text = marked.slice(0, offset) + marked.slice(offset + marker.length);
  return { text, offset, position: new LineIndex(text).position(offset) };
}

/**
 * package.json as VS Code shows it in a language: every `%key%` replaced by its text in
 * package.nls.json (English) or package.nls.ro.json (Romanian).
 */
export function localizedManifest(locale: 'en' | 'ro' = 'en'): any {
  const texts = JSON.parse(fs.readFileSync(path.join(ROOT, locale === 'en' ? 'package.nls.json' : 'package.nls.ro.json'), 'utf8')) as Record<string, string>;
  const localize = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const key = /^%(.+)%$/.exec(value)?.[1];
      return key !== undefined && key in texts ? texts[key] : value;
    }
    if (Array.isArray(value)) return value.map(localize);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, localize(item)]));
    return value;
  };
  return localize(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')));
}

/** `text` with its one occurrence of `from` replaced by `to` (a test fails if `from` is absent or repeated). */
export function replaceOnce(text: string, from: string, to: string): string {
  const index = text.indexOf(from);
  assert.ok(index !== -1 && text.indexOf(from, index + 1) === -1, `"${from}" must occur once`);
  return text.slice(0, index) + to + text.slice(index + from.length);
}

/** Text edits applied to a text, last first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, item) => result.slice(0, item.start) + item.newText + result.slice(item.end), text);
}
