// Rewrites the section snippets of snippets/plan-yaml.code-snippets from the core's section skeletons,
// keeping the hand-written ones (whole plans, a SMART goal, a KPI).
import * as fs from 'fs';
import * as path from 'path';
import { SECTION_SNIPPET_PREFIX, sectionSnippets } from './snippets';

const file = path.resolve(__dirname, '../snippets/plan-yaml.code-snippets');
const current = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
const handWritten = Object.fromEntries(Object.entries(current).filter(([name]) => !name.startsWith(SECTION_SNIPPET_PREFIX)));
fs.writeFileSync(file, `${JSON.stringify({ ...handWritten, ...sectionSnippets() }, null, 2)}\n`);
console.log(`wrote ${Object.keys(sectionSnippets()).length} section snippets`);
