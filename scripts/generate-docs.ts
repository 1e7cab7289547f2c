// Writes docs/rules/*.md (English) and docs/rules/ro/*.md (Romanian), and the rule tables of
// README.md and README.ro.md, from the rule registry and its Romanian texts.
import * as fs from 'fs';
import * as path from 'path';
import { ruleDocsPath } from '../server/src/core/base/docs';
import { RULES } from '../server/src/core/rules';
import { rulePage, withRuleTable } from './rule-docs';

const root = path.resolve(__dirname, '..');
fs.rmSync(path.join(root, 'docs/rules'), { recursive: true, force: true });
fs.mkdirSync(path.join(root, 'docs/rules/ro'), { recursive: true });
for (const rule of RULES) {
  fs.writeFileSync(path.join(root, ruleDocsPath(rule.id)), rulePage(rule));
  fs.writeFileSync(path.join(root, ruleDocsPath(rule.id, 'ro')), rulePage(rule, 'ro'));
}
for (const [file, locale] of [['README.md', 'en'], ['README.ro.md', 'ro']] as const) {
  const readme = path.join(root, file);
  fs.writeFileSync(readme, withRuleTable(fs.readFileSync(readme, 'utf8'), locale));
}
console.log(`wrote ${RULES.length} rule pages in English and in Romanian, and the rule tables of README.md and README.ro.md`);
