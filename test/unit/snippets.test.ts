import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { SECTION_SNIPPET_PREFIX, sectionSnippets } from '../../scripts/snippets';
import { check, ROOT } from '../helpers';

const FILE = path.join(ROOT, 'snippets/plan-yaml.code-snippets');
const snippets = JSON.parse(fs.readFileSync(FILE, 'utf8')) as Record<string, { prefix: string; description: string; body: string[] }>;

/** The text a snippet inserts when every tab stop keeps its default (the first choice of a choice). */
function expand(body: string[]): string {
  let text = body.join('\n').replace(/\$\{CURRENT_YEAR\}/g, '2026');
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\$\{\d+:([^${}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1');
  }
  return text.replace(/\$\d+/g, '').replace(/\\\$/g, '$');
}

describe('snippets', () => {
  it('has a section snippet per template section, generated from the quick fixes\' skeletons (npm run snippets)', () => {
    const inFile = Object.fromEntries(Object.entries(snippets).filter(([name]) => name.startsWith(SECTION_SNIPPET_PREFIX)));
    assert.deepStrictEqual(inFile, sectionSnippets());
    assert.strictEqual(Object.keys(inFile).length, 22);
  });

  it('documents every snippet', () => {
    for (const [name, snippet] of Object.entries(snippets)) assert.ok(snippet.prefix && snippet.description.length > 20, name);
  });

  it('gives whole plans with no findings once their defaults are kept', () => {
    for (const name of ['Marketing plan', 'Sales plan']) {
      const findings = check(expand(snippets[name].body));
      assert.deepStrictEqual(findings.map((finding) => `${finding.ruleId}: ${finding.message}`), [], name);
    }
  });

  it('gives sections that the schema accepts in a plan of their template', () => {
    for (const [name, snippet] of Object.entries(snippets)) {
      if (!name.startsWith(SECTION_SNIPPET_PREFIX)) continue;
      const kind = name.includes('(sales plan)') || ['segments', 'offering', 'team', 'tactics', 'forecast', 'territories', 'training'].some((s) => name === `${SECTION_SNIPPET_PREFIX}${s}`) ? 'sales' : 'marketing';
      const text = `kind: ${kind}\ntitle: T\nperiod: {start: 2026-01-01, end: 2026-12-31}\ncurrency: EUR\n${expand(snippet.body)}\n`;
      assert.doesNotThrow(() => parse(text), name);
      const broken = check(text).filter((finding) => finding.ruleId.startsWith('schema/') || finding.ruleId === 'yaml/syntax');
      assert.deepStrictEqual(broken.map((finding) => finding.message), [], name);
    }
  });

  it('gives a SMART goal and a KPI that fit their lists', () => {
    const plan = `kind: marketing\ntitle: T\nperiod: {start: 2026-01-01, end: 2026-12-31}\nkpis:\n  ${expand(snippets.KPI.body).replace(/\n/g, '\n  ')}\ngoals:\n  ${expand(snippets['SMART goal'].body).replace(/\n/g, '\n  ')}\n`;
    const broken = check(plan).filter((finding) => finding.ruleId.startsWith('schema/') || finding.ruleId === 'yaml/syntax');
    assert.deepStrictEqual(broken.map((finding) => finding.message), []);
  });
});
