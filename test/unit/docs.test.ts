import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ruleDocsPath } from '../../server/src/core/base/docs';
import { en } from '../../server/src/core/base/messages/en';
import { ro } from '../../server/src/core/base/messages/ro';
import { RULE_IDS } from '../../server/src/core/base/rule-ids';
import { RULES } from '../../server/src/core/rules';
import { rulePage, withRuleTable } from '../../scripts/rule-docs';
import { ROOT } from '../helpers';

describe('rule registry and docs', () => {
  it('covers every rule id of the format spec', () => {
    const spec = ['yaml/syntax', 'plan/multiple-documents', 'schema/required', 'schema/type', 'schema/enum', 'schema/format', 'schema/unknown-key',
      'ref/undefined', 'ref/duplicate-id', 'section/missing', 'smart/specific', 'smart/measurable', 'smart/achievable', 'smart/relevant',
      'smart/time-bound', 'kpi/missing', 'kpi/incomplete', 'kpi/unused', 'kpi/recommended', 'budget/sum', 'calendar/range'];
    const ids: string[] = RULES.map((rule) => rule.id);
    for (const id of spec) assert.ok(ids.includes(id), `${id} is registered`);
    assert.strictEqual(new Set(ids).size, ids.length, 'ids are unique');
    assert.deepStrictEqual([...ids].sort(), [...RULE_IDS].sort(), 'the registry holds one rule for each typed rule id');
  });

  it('gives every rule a description, a severity and docs', () => {
    for (const rule of RULES) {
      assert.ok(rule.description.length > 10, rule.id);
      assert.ok(rule.docs.length > 80, `${rule.id} has docs`);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(rule.defaultSeverity));
    }
  });

  it('has an up-to-date page per rule (npm run docs)', () => {
    for (const rule of RULES) {
      const file = path.join(ROOT, ruleDocsPath(rule.id));
      assert.ok(fs.existsSync(file), `${file} exists: run npm run docs`);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), rulePage(rule), `${file} is stale: run npm run docs`);
    }
  });

  it('has the rule table in the README (npm run docs)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.strictEqual(readme, withRuleTable(readme), 'README rule table is stale: run npm run docs');
  });

  it('uses the same placeholders in every language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [id, text] of Object.entries(en)) {
      assert.deepStrictEqual(placeholders(ro[id as keyof typeof en]), placeholders(text), `placeholders of ${id}`);
    }
  });
});
