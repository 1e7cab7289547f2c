/**
 * Every text exists in English and in Romanian, with the same placeholders, and the Romanian
 * follows the glossary (docs/glossary.md): the core's messages, the CLI's, the client's l10n
 * bundles, the manifest's nls files, the schema descriptions, the KPI catalog, the rule docs.
 * A string added in one language only, or a manifest text written in place, fails here.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { globSync } from 'tinyglobby';
import { en } from '../../server/src/core/base/messages/en';
import { ro } from '../../server/src/core/base/messages/ro';
import { CLI_MESSAGES } from '../../server/src/cli/messages';
import { KPI_CATALOG } from '../../server/src/core/model/catalog';
import { METRIC_DESCRIPTIONS_EN, METRIC_TEXT_RO } from '../../server/src/core/model/catalog-text';
import { SCHEMA_TEXTS_RO } from '../../server/src/core/model/schema';
import { RULE_TEXT_RO } from '../../server/src/core/rules/text';
import { RULES } from '../../server/src/core/rules';
import { ruleDocsPath } from '../../server/src/core/base/docs';
import { rulePage, withRuleTable } from '../../scripts/rule-docs';
import { ROOT } from '../helpers';
import { prose, romanianTexts } from './l10n-texts';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const json = (file: string) => JSON.parse(read(file)) as Record<string, unknown>;

/** `{name}` and `{0}` placeholders, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}

/** Backticked rule ids (`smart/achievable`) a text names: kept in every language. */
function ruleIdsNamed(text: string): string[] {
  return [...new Set([...text.matchAll(/`([a-z]+\/(?:[a-z0-9-]+|\*))`/g)].map((match) => match[1]))].sort();
}

/** The same keys, each with the same placeholders. */
function sameShape(name: string, english: Record<string, string>, romanian: Record<string, string>): void {
  assert.deepStrictEqual(Object.keys(romanian).sort(), Object.keys(english).sort(), `${name}: the same keys in both languages`);
  for (const [key, text] of Object.entries(english)) {
    assert.ok(romanian[key].trim().length > 0, `${name}: ${key} has a Romanian text`);
    assert.deepStrictEqual(placeholders(romanian[key]), placeholders(text), `${name}: the placeholders of ${key}`);
  }
}

/** The client's literal `l10n.t('…')` and `t('…')` texts. */
function clientTexts(): string[] {
  const texts = new Set<string>();
  for (const file of globSync('client/src/**/*.ts', { cwd: ROOT })) {
    const source = read(file);
    assert.doesNotMatch(source, /\bl10n\.t\(\s*`/, `${file}: l10n texts are plain literals, never templates`);
    for (const match of source.matchAll(/\b(?:l10n\.)?t\(\s*'((?:[^'\\]|\\.)*)'/g)) texts.add(match[1].replace(/\\'/g, "'"));
  }
  return [...texts];
}

/** Every schema node that describes itself, by `file#/json/pointer`. */
function describedSchemaNodes(): Map<string, Record<string, unknown>> {
  const nodes = new Map<string, Record<string, unknown>>();
  for (const file of ['common.schema.json', 'marketing.schema.json', 'sales.schema.json']) {
    (function walk(node: unknown, pointer: string): void {
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (!Array.isArray(node) && (typeof record.description === 'string' || typeof record.markdownDescription === 'string' || Array.isArray(record.markdownEnumDescriptions))) nodes.set(`${file}${pointer}`, record);
      for (const [key, child] of Object.entries(record)) {
        // A property may be called `description` too: only the texts themselves are left out.
        if (!['markdownEnumDescriptions', 'examples', 'defaultSnippets'].includes(key) && typeof child === 'object') walk(child, `${pointer}/${key}`);
      }
    })(json(`schemas/${file}`), '#');
  }
  return nodes;
}

/** Calques and machine-translation words the glossary sets aside, and cedillas where commas belong. */
const AVOIDED: [RegExp, string][] = [
  [/personalit/i, 'a persona is not a personality: „persona cumpărătorului”'],
  [/puncte (?:dureroase|de durere)/i, 'pain points are „frustrări”'],
  [/punct(?:ul)? de plecare|valo(?:are|area) de pornire/i, 'a baseline is a „valoare de referință”'],
  [/\blead(?:-uri|-ul|-urile|-urilor)?\b/i, 'leads are „clienți potențiali”'],
  [/obiectiv(?:ul|e|ele)? de afaceri/i, 'business objectives are „scopuri de afaceri”: „obiectiv” is a SMART goal'],
  [/structur[ăa] de chei|mapare/i, 'a mapping is „un grup de chei”'],
  [/direcți[ae] greșită|\bmișc[ăa]\b/i, 'a target that moves the wrong way „ar înrăutăți” the KPI'],
  [/severitat/i, 'severity is „gravitate”'],
  [/[şţŞŢ]/, 'ș and ț take a comma below, not a cedilla'],
  [/\bTODO\b|kebab/i, 'English placeholders and jargon'],
  [/\b(?:upsell|cross-sell|churn)\b/i, '„vânzare suplimentară”, „vânzare încrucișată”, „pierderea clienților”'],
  [/\bnewsletter/i, '„buletin informativ”'],
  [/\bactual[ăe]?\b/i, 'actuals are „valori realizate”: „actual” is a false friend'],
];

describe('texts in both languages', () => {
  it('has every message of the core in Romanian, with the same placeholders', () => {
    sameShape('messages', en, ro);
  });

  it('has every CLI message in Romanian, with the same placeholders', () => {
    sameShape('cli', CLI_MESSAGES.en, CLI_MESSAGES.ro);
  });

  it('has every manifest text in package.nls.json and package.nls.ro.json, and none written in place', () => {
    const english = json('package.nls.json') as Record<string, string>;
    sameShape('nls', english, json('package.nls.ro.json') as Record<string, string>);
    const manifest = read('package.json');
    const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]));
    assert.deepStrictEqual([...used].filter((key) => !(key in english)), [], 'every %key% of package.json is defined');
    assert.deepStrictEqual(Object.keys(english).filter((key) => !used.has(key)), [], 'every nls key is used');
    const literal: string[] = [];
    const shown = new Set(['title', 'description', 'markdownDescription', 'category', 'label', 'displayName']);
    (function walk(node: unknown, where: string): void {
      if (Array.isArray(node)) return node.forEach((item, index) => walk(item, `${where}/${index}`));
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        const texts = key === 'markdownEnumDescriptions' || key === 'enumDescriptions' ? (value as unknown[]) : shown.has(key) && typeof value === 'string' ? [value] : [];
        for (const text of texts) if (!/^%[^%]+%$/.test(String(text))) literal.push(`${where}/${key}: ${String(text)}`);
        if (typeof value === 'object') walk(value, `${where}/${key}`);
      }
    })({ description: JSON.parse(manifest).description, contributes: JSON.parse(manifest).contributes, capabilities: JSON.parse(manifest).capabilities }, '');
    assert.deepStrictEqual(literal, [], 'texts the user sees come from package.nls.json');
    assert.strictEqual(JSON.parse(manifest).l10n, './l10n');
  });

  it("has every text of the client in the l10n bundles, in English and in Romanian", () => {
    const english = json('l10n/bundle.l10n.json') as Record<string, string>;
    const romanian = json('l10n/bundle.l10n.ro.json') as Record<string, string>;
    const texts = clientTexts();
    assert.ok(texts.length >= 10, `the client's texts are found (${texts.length})`);
    assert.deepStrictEqual(texts.filter((text) => english[text] !== text).sort(), [], 'every client text is in bundle.l10n.json, as itself');
    assert.deepStrictEqual(Object.keys(english).filter((key) => !texts.includes(key)).sort(), [], 'no text is left over in the bundle');
    sameShape('l10n', english, romanian);
  });

  it('describes every described schema node in Romanian too, with the same fields', () => {
    const nodes = describedSchemaNodes();
    const entries = Object.entries(SCHEMA_TEXTS_RO).filter(([pointer]) => !pointer.startsWith('$'));
    assert.deepStrictEqual(entries.map(([pointer]) => pointer).filter((pointer) => !nodes.has(pointer)), [], 'no Romanian text for a node that is gone');
    for (const [pointer, node] of nodes) {
      const romanian = SCHEMA_TEXTS_RO[pointer];
      assert.ok(romanian, `${pointer} has a Romanian description (schemas/ro/descriptions.json)`);
      for (const field of ['description', 'markdownDescription'] as const) {
        assert.strictEqual(typeof romanian[field], typeof node[field], `${pointer}: ${field} in both languages or in neither`);
        if (typeof node[field] === 'string') assert.deepStrictEqual(ruleIdsNamed(romanian[field]!), ruleIdsNamed(node[field] as string), `${pointer}: ${field} names the same rules`);
      }
      assert.strictEqual(romanian.markdownEnumDescriptions?.length, (node.markdownEnumDescriptions as unknown[] | undefined)?.length, `${pointer}: a Romanian description per value`);
      const examples = node.examples as unknown[] | undefined;
      if (romanian.examples) assert.strictEqual(romanian.examples.length, examples?.length, `${pointer}: as many Romanian examples`);
    }
  });

  it('names, explains and gives the formula of every catalog metric in both languages, as the glossary does', () => {
    const glossary = new Map([...read('docs/glossary.md').matchAll(/^\| `([a-z-]+)` \| ([^|]+) \| ([^|]+) \|$/gm)].map((match) => [match[1], { en: match[2].trim(), ro: match[3].trim().replace(/, nume propriu$/, '') }]));
    for (const metric of KPI_CATALOG) {
      assert.ok(METRIC_DESCRIPTIONS_EN[metric.id], `${metric.id} has an English description`);
      const romanian = METRIC_TEXT_RO[metric.id];
      assert.ok(romanian?.name && romanian.formula && romanian.description, `${metric.id} has a Romanian name, formula and description`);
      assert.deepStrictEqual(glossary.get(metric.id), { en: metric.name, ro: romanian.name }, `${metric.id}: the catalog and the glossary agree`);
    }
    assert.deepStrictEqual(Object.keys(METRIC_TEXT_RO).sort(), KPI_CATALOG.map((metric) => metric.id).sort(), 'no Romanian text for a metric that is gone');
  });

  it('documents every rule in Romanian, with its options, and names the same rules', () => {
    for (const rule of RULES) {
      const romanian = RULE_TEXT_RO[rule.id];
      assert.ok(romanian.description.length > 10 && romanian.docs.length > 80, `${rule.id} has Romanian docs`);
      assert.deepStrictEqual(Object.keys(romanian.options ?? {}).sort(), Object.keys(rule.options ?? {}).sort(), `${rule.id}: the options`);
      assert.deepStrictEqual(ruleIdsNamed(romanian.docs), ruleIdsNamed(rule.docs), `${rule.id}: the docs name the same rules`);
    }
  });

  it('has an up-to-date Romanian page per rule and rule table in README.ro.md (npm run docs)', () => {
    for (const rule of RULES) {
      const file = path.join(ROOT, ruleDocsPath(rule.id, 'ro'));
      assert.ok(fs.existsSync(file), `${file} exists: run npm run docs`);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), rulePage(rule, 'ro'), `${file} is stale: run npm run docs`);
    }
    const readme = read('README.ro.md');
    assert.strictEqual(readme, withRuleTable(readme, 'ro'), 'the rule table of README.ro.md is stale: run npm run docs');
  });

  it('writes Romanian with the glossary’s terms: no calque, no cedilla, no English placeholder', () => {
    const problems: string[] = [];
    for (const [where, text] of romanianTexts()) {
      const words = prose(text);
      for (const [pattern, why] of AVOIDED) {
        const found = pattern.exec(words);
        if (found) problems.push(`${where}: “${found[0]}” (${why})`);
      }
    }
    assert.deepStrictEqual(problems, []);
  });

  it('quotes text with „…” in Romanian and “…” in English, and code with backticks, never straight quotes', () => {
    const problems: string[] = [];
    const english: [string, string][] = [
      ...Object.entries(en).map(([id, text]): [string, string] => [`messages ${id}`, text]),
      ...Object.entries(CLI_MESSAGES.en).map(([id, text]): [string, string] => [`cli ${id}`, text]),
      ...RULES.map((rule): [string, string] => [`rule ${rule.id}`, `${rule.description}\n${rule.docs}`]),
    ];
    for (const [where, text] of [...english, ...romanianTexts()]) {
      const words = prose(text);
      if (/"/.test(words)) problems.push(`${where}: a straight double quote outside code`);
      if (/(?:^|[\s(])'[^'\s][^']*'(?=[\s.,;:)]|$)/m.test(words)) problems.push(`${where}: code or text in single quotes`);
    }
    for (const [where, text] of romanianTexts()) if (/[“]/.test(prose(text))) problems.push(`${where}: English quotation marks in Romanian`);
    assert.deepStrictEqual(problems, []);
  });
});
