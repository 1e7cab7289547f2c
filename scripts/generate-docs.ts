// Writes docs/rules/*.md and the README's rule table from the rule registry.
import * as fs from 'fs';
import * as path from 'path';
import { ruleDocsPath } from '../server/src/core/base/docs';
import { RULES } from '../server/src/core/rules';
import { rulePage, withRuleTable } from './rule-docs';

const root = path.resolve(__dirname, '..');
fs.rmSync(path.join(root, 'docs/rules'), { recursive: true, force: true });
fs.mkdirSync(path.join(root, 'docs/rules'), { recursive: true });
for (const rule of RULES) fs.writeFileSync(path.join(root, ruleDocsPath(rule.id)), rulePage(rule));
const readme = path.join(root, 'README.md');
fs.writeFileSync(readme, withRuleTable(fs.readFileSync(readme, 'utf8')));
console.log(`wrote ${RULES.length} rule pages and the README rule table`);
