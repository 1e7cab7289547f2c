import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { globSync } from 'tinyglobby';
import { diskService, ROOT } from '../helpers';
import { LineIndex } from '../../server/src/core/base/text';

/**
 * Each scenario is a plan whose expected findings are written inline: a comment
 * `# expect: rule/id, other/id` at the end of a line lists the rules whose findings start
 * on that line (a rule twice when it fires twice). Lines without it expect nothing, so a
 * plan with no such comment must be clean. The examples are scenarios too.
 */
const EXPECT = /#\s*expect:\s*([^#]*)$/;
/**
 * The day a scenario is checked on: a comment `# today: YYYY-MM-DD`, else the first day of
 * 2026, the year the scenarios plan for. Never the real date: a scenario means the same every day.
 */
const TODAY = /^#\s*today:\s*(\d{4}-\d{2}-\d{2})\s*$/m;
const DEFAULT_TODAY = '2026-01-01';

function expectedFindings(text: string): string[] {
  const expected: string[] = [];
  text.split('\n').forEach((line, index) => {
    const match = EXPECT.exec(line);
    if (!match) return;
    for (const ruleId of match[1].split(',').map((part) => part.trim()).filter(Boolean)) expected.push(`${index + 1}: ${ruleId}`);
  });
  return expected.sort();
}

const files = globSync(['test/scenarios/**/*.plan.{yaml,yml}', 'examples/**/*.plan.{yaml,yml}'], { cwd: ROOT, absolute: true, dot: true }).sort();

describe('scenarios', () => {
  it('finds scenario files', () => {
    assert.ok(files.length >= 10, `only ${files.length} scenario files`);
  });

  for (const file of files) {
    it(path.relative(ROOT, file), () => {
      const text = fs.readFileSync(file, 'utf8');
      const lines = new LineIndex(text);
      const today = TODAY.exec(text)?.[1] ?? DEFAULT_TODAY;
      const { findings } = diskService().check(text, file, { today });
      const actual = findings.map((finding) => `${lines.lineOf(finding.start) + 1}: ${finding.ruleId}`).sort();
      const detail = findings.map((finding) => `  ${lines.lineOf(finding.start) + 1}: ${finding.ruleId}: ${finding.message}`).join('\n');
      assert.deepStrictEqual(actual, expectedFindings(text), `findings of ${path.relative(ROOT, file)}:\n${detail}`);
    });
  }
});
