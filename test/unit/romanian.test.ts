/**
 * A Romanian marketing lead never meets an English word that is not a name: the Romanian
 * example and the Romanian scenarios go through every surface (the preview and the exported
 * document, hovers, completions, quick fixes, code lenses, inlay hints, the CLI), and each
 * surface's words are checked against the English vocabulary of the extension (the words of
 * its English messages, catalog, schema texts and manifest that no Romanian text uses).
 * Proper names and YAML keys aside: words written in the plan itself, and code, are allowed.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { globSync } from 'tinyglobby';
import { en } from '../../server/src/core/base/messages/en';
import { formatMessage } from '../../server/src/core/base/messages';
import { CLI_MESSAGES } from '../../server/src/cli/messages';
import { KPI_CATALOG } from '../../server/src/core/model/catalog';
import { METRIC_DESCRIPTIONS_EN } from '../../server/src/core/model/catalog-text';
import { RULES } from '../../server/src/core/rules';
import { renderText } from '../../server/src/core/render';
import { standalonePage } from '../../server/src/core/render/page';
import { hover } from '../../server/src/core/features/hover';
import { complete, type Completion } from '../../server/src/core/features/complete';
import { planLenses } from '../../server/src/core/features/lens';
import { planHints } from '../../server/src/core/features/hints';
import type { Locale } from '../../server/src/core/base/types';
import { diskService, ROOT } from '../helpers';
import { CLI } from '../cli/run';
import { prose, romanianTexts } from './l10n-texts';

const EXAMPLE = path.join(ROOT, 'examples/ro/marketing.plan.yaml');
const SCENARIOS = globSync('test/scenarios/ro/**/*.plan.yaml', { cwd: ROOT, absolute: true }).sort();
const read = (file: string) => fs.readFileSync(file, 'utf8');
const t = (id: Parameters<typeof formatMessage>[1], params?: Record<string, string | number>) => formatMessage('ro', id, params);

function words(text: string): string[] {
  return text.match(/\p{L}+/gu) ?? [];
}

/** Acronyms and names the extension uses in both languages. */
const NAMES = new Set(['kpi', 'kpis', 'roi', 'smart', 'swot', 'cac', 'clv', 'ctr', 'cpl', 'nps', 'csat', 'yaml', 'html', 'json', 'sarif', 'iso', 'crm', 'utf', 'plan', 'code', 'vs']);

/**
 * The values the schemas fix (`monthly`, `online`, `leads`, `marketing`...), and the units the
 * rules read (`count`, `percent`, `currency`...: a KPI's `unit` examples): YAML, the same in
 * every language.
 */
const SCHEMA_VALUES = new Set<string>();
for (const file of ['common', 'marketing', 'sales']) {
  (function walk(node: unknown): void {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'enum' && Array.isArray(value)) for (const item of value) SCHEMA_VALUES.add(String(item));
      else if (key === 'const') SCHEMA_VALUES.add(String(value));
      else if (key === 'unit' && Array.isArray((value as { examples?: unknown }).examples)) for (const item of (value as { examples: unknown[] }).examples) SCHEMA_VALUES.add(String(item));
      else walk(value);
    }
  })(JSON.parse(fs.readFileSync(path.join(ROOT, `schemas/${file}.schema.json`), 'utf8')));
}

/** The English words of the extension's texts that no Romanian text of it uses. */
function englishVocabulary(): Set<string> {
  const schemaTexts: string[] = [];
  for (const file of ['common', 'marketing', 'sales']) {
    (function walk(node: unknown): void {
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'description' || key === 'markdownDescription') && typeof value === 'string') schemaTexts.push(value);
        else if (key === 'markdownEnumDescriptions') schemaTexts.push(...(value as string[]));
        else walk(value);
      }
    })(JSON.parse(read(path.join(ROOT, `schemas/${file}.schema.json`))));
  }
  const english = [
    ...Object.values(en),
    ...Object.values(CLI_MESSAGES.en),
    ...Object.values(JSON.parse(read(path.join(ROOT, 'l10n/bundle.l10n.json'))) as string[]),
    ...Object.values(JSON.parse(read(path.join(ROOT, 'package.nls.json'))) as string[]),
    ...KPI_CATALOG.flatMap((metric) => [metric.name, metric.formula, METRIC_DESCRIPTIONS_EN[metric.id]]),
    ...RULES.map((rule) => rule.description),
    ...schemaTexts,
  ];
  // Words a Romanian text quotes („improve”, in the docs of smart/specific) are not Romanian words.
  const romanian = new Set(romanianTexts().flatMap(([, text]) => words(prose(withoutKeys(text)).replace(/„[^”]*”/g, ' '))).map((word) => word.toLowerCase()));
  const vocabulary = new Set<string>();
  for (const word of english.flatMap((text) => words(prose(text)))) {
    const lower = word.toLowerCase();
    if (lower.length >= 3 && !romanian.has(lower) && !NAMES.has(lower)) vocabulary.add(lower);
  }
  return vocabulary;
}

const VOCABULARY = englishVocabulary();

/** The English words of a text, leaving out code and the words of `allowed` (the plan's own text). */
function englishIn(text: string, allowed: string): string[] {
  const own = new Set(words(allowed).map((word) => word.toLowerCase()));
  return [...new Set(words(prose(text)).filter((word) => VOCABULARY.has(word.toLowerCase()) && !own.has(word.toLowerCase())))];
}

/** What a page shows: its text, its tooltips and labels; code (`<code>`) and markup left out. */
function shown(html: string): string {
  const attributes = [...html.matchAll(/\s(?:title|aria-label)="([^"]*)"/g)].map((match) => match[1]);
  const body = html
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>|<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<span class="problem-rule">[^<]*<\/span>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return [body, ...attributes].join('\n').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/** A snippet's text with the defaults of its tab stops, YAML keys left out. */
function withoutKeys(snippet: string): string {
  return snippet
    .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^|]*)\|\}/g, ' ')
    .replace(/\$\{CURRENT_YEAR\}/g, '2026')
    .replace(/(^\s*-?\s*|[{,]\s*)[\w-]+:/gm, '$1');
}

/** A snippet's text as inserted: defaults of tab stops, YAML keys and the values the schema fixes left out. */
function inserted(snippet: string): string {
  return withoutKeys(snippet).replace(/(?<![\p{L}-])[\p{L}-]+(?![\p{L}-])/gu, (word) => (SCHEMA_VALUES.has(word) ? ' ' : word));
}

function assertRomanian(where: string, text: string, allowed = ''): void {
  assert.deepStrictEqual(englishIn(text, allowed), [], `English words in ${where}:\n${text}`);
}

describe('Romanian everywhere', () => {
  it('knows the English words to look for', () => {
    for (const word of ['revenue', 'average', 'deal', 'goal', 'baseline', 'target', 'deadline', 'owner', 'higher', 'better', 'quarter', 'warning', 'export', 'preview', 'checked']) {
      assert.ok(VOCABULARY.has(word), `“${word}” is in the vocabulary`);
    }
    for (const word of ['specific', 'relevant', 'total', 'online', 'calendar', 'kpi']) assert.ok(!VOCABULARY.has(word), `“${word}” is Romanian too`);
  });

  it('renders the Romanian example, and exports it, without an English word', () => {
    const source = read(EXAMPLE);
    const rendered = renderText(diskService(), source, EXAMPLE, { editorLocale: 'en' });
    assert.strictEqual(rendered.locale, 'ro');
    assert.deepStrictEqual(rendered.findings, [], 'the Romanian example is clean');
    assertRomanian('the preview', shown(rendered.html), source);
    const page = standalonePage({ body: rendered.html, title: rendered.title, locale: rendered.locale, css: 'body{}' });
    assertRomanian('the exported page', shown(page), source);
    assert.match(rendered.html, /Scopuri de afaceri/);
    assert.match(rendered.html, /<span class="kpi-metric">Clienți potențiali generați<\/span>/, 'catalog names in Romanian');
    assert.match(rendered.html, /ian\. 2026|1 ian\. 2026/, 'months in Romanian');
  });

  it('renders quarters as T1…T4 in a Romanian sales plan', () => {
    const file = path.join(ROOT, 'examples/sales.plan.yaml');
    const { html } = renderText(diskService(), read(file).replace('language: en', 'language: ro'), file, { editorLocale: 'en' });
    assert.match(html, /<text[^>]*>T1<\/text>/);
    assert.doesNotMatch(html, /<text[^>]*>Q[1-4]<\/text>/);
    assert.match(html, /<th scope="row">T1 2025<\/th>/);
  });

  it('explains every key and value of the Romanian example in Romanian', () => {
    const source = read(EXAMPLE);
    const snapshot = diskService().snapshot(source, EXAMPLE);
    let hovers = 0;
    let offset = 0;
    for (const line of source.split('\n')) {
      for (const match of line.matchAll(/[\p{L}\w-]+/gu)) {
        const result = hover({ analysis: snapshot, offset: offset + match.index!, linked: [], t, smart: () => [], locale: 'ro' });
        if (result) {
          hovers++;
          assertRomanian(`the hover at “${match[0]}” in “${line.trim()}”`, result.contents, source);
        }
      }
      offset += line.length + 1;
    }
    assert.ok(hovers > 500, `hovers were checked (${hovers})`);
  });

  it('completes in Romanian: keys, values, catalog metrics, dates, items, sections and whole plans', () => {
    const source = read(EXAMPLE);
    const at = (text: string, marker: string): Completion[] => {
      const offset = text.indexOf(marker) + marker.length;
      const analysis = diskService().snapshot(text, EXAMPLE);
      return complete({ text, offset, analysis, linked: [], t, locale: 'ro' });
    };
    const cases: [string, string][] = [
      [source.replace('\ngoals:\n', '\ngoals:\n  - \n'), '\ngoals:\n  - '],
      [source.replace('\nkpis:\n', '\nkpis:\n  - \n'), '\nkpis:\n  - '],
      [source.replace('    metric: leads\n', '    metric: \n'), '    metric: '],
      [source.replace('    frequency: weekly\n', '    frequency: \n'), '    frequency: '],
      [source.replace('    deadline: 2026-09-30\n', '    deadline: \n'), '    deadline: '],
      [source.replace('    kpi: clienti-potentiali\n', '    kpi: \n'), '    kpi: '],
      [source.replace('    type: offline\n', '    type: \n'), '    type: '],
      [source.replace('    owner: Vlad Sabău\n    supports: [cerere-eficienta]\n  - id: notorietate-marca', '    \n    supports: [cerere-eficienta]\n  - id: notorietate-marca'), '    supports: [cerere-eficienta]\n  - id: conversie-demonstratii\n'],
      ['kind: marketing\ntitle: T\nlanguage: ro\n', 'language: ro\n'],
      ['kind: sales\ntitle: T\nlanguage: ro\n', 'language: ro\n'],
      ['', ''],
    ];
    let checked = 0;
    for (const [text, marker] of cases) {
      const items = at(text, marker);
      assert.ok(items.length > 0, `completions after “${marker.trim() || 'nothing'}”`);
      for (const item of items) {
        checked++;
        // A section's skeleton is labelled with its key; a whole plan with words.
        const label = item.kind === 'snippet' && /\s/.test(item.label) ? item.label : '';
        const body = item.kind === 'snippet' ? inserted(item.insertText) : '';
        assertRomanian(`the completion ${item.label}`, [label, item.detail ?? '', item.documentation?.replace(/```yaml[\s\S]*?```/g, (fence) => inserted(fence)) ?? '', body].join('\n'), source);
      }
    }
    assert.ok(checked > 150, `completions were checked (${checked})`);
  });

  it('reports, fixes and annotates the Romanian scenarios in Romanian', () => {
    let fixes = 0;
    for (const file of [EXAMPLE, ...SCENARIOS]) {
      const source = read(file);
      const checked = diskService().check(source, file, { editorLocale: 'en' });
      assert.strictEqual(checked.locale, 'ro', file);
      for (const finding of checked.findings) {
        assertRomanian(`${path.basename(file)}: ${finding.ruleId}`, finding.message, source);
        for (const fix of finding.fixes ?? []) {
          fixes++;
          assertRomanian(`${path.basename(file)}: the fix “${fix.messageId}”`, formatMessage('ro', fix.messageId, fix.params), source);
          for (const edit of fix.edits) assertRomanian(`${path.basename(file)}: the text of “${fix.messageId}”`, inserted(edit.newText), source);
        }
      }
      for (const lens of planLenses({ parsed: checked.parsed, model: checked.model, smart: checked.smart, locale: checked.locale })) assertRomanian('a code lens', lens.title, source);
      for (const hint of planHints({ parsed: checked.parsed, model: checked.model, figures: checked.figures, locale: checked.locale })) assertRomanian('an inlay hint', hint.label, source);
    }
    assert.ok(fixes > 10, `quick fixes were checked (${fixes})`);
  });

  it("answers in Romanian on the command line for Romanian plans, whatever the terminal's language", function () {
    this.timeout(60_000);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-ro-'));
    try {
      for (const file of SCENARIOS.filter((scenario) => !scenario.includes('/aliniere/'))) fs.copyFileSync(file, path.join(folder, path.basename(file)));
      const sources = SCENARIOS.map(read).join('\n');
      const run = (args: string[], lang: Locale) => spawnSync(process.execPath, [CLI, ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: lang === 'ro' ? 'ro_RO.UTF-8' : 'en_US.UTF-8', LC_ALL: '' } });
      const report = run(['check', '.'], 'en');
      assert.strictEqual(report.status, 1, report.stderr);
      const output = report.stdout.replace(/^\S+\.plan\.yaml$/gm, ' ').replace(/\s[a-z]+\/[a-z0-9-]+$/gm, ' ');
      assertRomanian('the CLI report', output, sources);
      assert.match(report.stdout, /✖ \d+ de constatări \(\d+ (?:de )?erori, \d+ (?:de )?avertismente, \d+ informații sau sugestii\) în \d+ (?:de )?planuri/);
      fs.copyFileSync(EXAMPLE, path.join(folder, 'marketing.plan.yaml'));
      const rendered = run(['render', 'marketing.plan.yaml'], 'en');
      assert.strictEqual(rendered.status, 0, rendered.stderr);
      assert.strictEqual(rendered.stdout, 'A fost scris marketing.plan.html (0 erori, 0 avertismente)\n');
      assertRomanian('the exported file', shown(read(path.join(folder, 'marketing.plan.html'))), read(EXAMPLE));
      const help = run(['--help'], 'ro');
      assertRomanian('the help', help.stdout.replace(/--[a-z-]+|stylish\|json\|sarif|\.planrc\.yaml|plan-as-code (?:check|render)|LANG/g, ' '));
      const unknown = run(['check', '--nope'], 'ro');
      assert.match(unknown.stderr, /^plan-as-code: opțiune necunoscută: --nope/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
