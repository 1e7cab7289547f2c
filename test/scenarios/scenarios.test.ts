import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { globSync } from 'tinyglobby';
import { diskService, ROOT } from '../helpers';
import { applyLspEdits } from '../protocol/lsp-client';
import { formatMessage } from '../../server/src/core/base/messages';
import { LineIndex } from '../../server/src/core/base/text';
import { fixAllEdits } from '../../server/src/core/rules/fixes';
import type { Finding, Fix, Locale, TextEdit } from '../../server/src/core/base/types';

/**
 * Each scenario is a plan whose expected findings are written inline: a comment
 * `# expect: rule/id, other/id` at the end of a line lists the rules whose findings start
 * on that line (a rule twice when it fires twice). Lines without it expect nothing, so a
 * plan with no such comment must be clean. The examples are scenarios too.
 *
 * A snapshot next to each scenario (`x.plan.yaml.snap`; for `examples/`, under
 * `test/scenarios/examples/`) pins every finding's exact range, severity and message, and the
 * titles of its fixes. `UPDATE_SNAPSHOTS=1 npx mocha test/scenarios/scenarios.test.ts` rewrites
 * them: review the difference before committing it.
 *
 * Then the fixes are applied, markdownlint's way: every safe fix at once (as "Fix all" does),
 * and each other fix alone, and the fixed plan is checked again.
 */
const EXPECT = /#\s*expect:\s*([^#]*)$/;
/**
 * The day a scenario is checked on: a comment `# today: YYYY-MM-DD`, else `DEFAULT_TODAY`. Never
 * the real date: a scenario means the same every day.
 */
const TODAY_COMMENT = /^#\s*today:\s*(\d{4}-\d{2}-\d{2})\s*$/m;
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

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

/** Where a scenario's snapshot lives: next to it, or for an example under `test/scenarios/examples/` (the examples stay as users see them). */
function snapshotPath(file: string): string {
  const relative = path.relative(path.join(ROOT, 'examples'), file);
  return relative.startsWith('..') ? `${file}.snap` : path.join(ROOT, 'test/scenarios/examples', `${relative}.snap`);
}

/** A position as people count: 1-based line and UTF-16 column. */
function at(lines: LineIndex, offset: number): string {
  const position = lines.position(offset);
  return `${position.line + 1}:${position.character + 1}`;
}

const byPlace = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end || compare(a.ruleId, b.ruleId) || compare(a.message, b.message);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const oneLine = (text: string) => text.replace(/\r/g, '\\r').replace(/\n/g, '\\n');

/** The snapshot of a scenario's findings: `line:column-line:column severity rule: message`, and a line for each fix. */
function snapshotOf(file: string, text: string, findings: readonly Finding[], locale: Locale): string {
  const lines = new LineIndex(text);
  const out = [`# ${path.relative(ROOT, file).split(path.sep).join('/')}: ${findings.length} finding${findings.length === 1 ? '' : 's'}. Rewritten by UPDATE_SNAPSHOTS=1.`];
  for (const finding of [...findings].sort(byPlace)) {
    out.push(`${at(lines, finding.start)}-${at(lines, finding.end)} ${finding.severity} ${finding.ruleId}: ${oneLine(finding.message)}`);
    for (const fix of finding.fixes ?? []) out.push(`  fix${fix.safe ? ' (safe)' : ''}: ${oneLine(formatMessage(locale, fix.messageId, fix.params))}`);
  }
  return `${out.join('\n')}\n`;
}

/** What the finding says, wherever it is: fixes move the text after them. */
const said = (finding: Finding) => `${finding.ruleId}: ${finding.message}`;

/** Where an offset of the text is after the edits (an offset inside an edited range: at its start). */
function mapped(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const edit of edits) {
    // Wholly before it (an insertion at it too: the text there moves on).
    if (edit.end <= offset && (edit.start < offset || edit.start === edit.end)) shift += edit.newText.length - (edit.end - edit.start);
    else if (edit.start < offset) return edit.start + shift;
    else break;
  }
  return offset + shift;
}

/**
 * The findings of `after` (a check of the fixed text) that `before` does not account for. A
 * finding is accounted for by one before it with the same rule and message; or by one at the
 * same place (moved by the edits) with the same rule and message id (or a variant of it),
 * reworded: an id a fix rewrote that is still undefined, a goal that a fix made measurable but
 * for its KPI, a goal that still repeats another in words once their numbers differ; or by a
 * finding that grouped it (one finding of the same rule with a `count`, on a path that holds
 * it): a fix that settles part of a group leaves the rest said one by one, as when the plan's
 * one `smart/relevant` finding gives way to the goals a new strategy does not list yet.
 */
function introduced(before: readonly Finding[], after: readonly Finding[], edits: readonly TextEdit[]): string[] {
  const left = [...before];
  const take = (index: number) => (index === -1 ? false : (left.splice(index, 1), true));
  // Exact matches first, so that a reworded one does not take another's place.
  const unmatched = after.filter((finding) => !take(left.findIndex((old) => said(old) === said(finding))));
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  // A message id's family is what comes before its variant (`goal/duplicate` of `goal/duplicate.same`).
  const family = (finding: Finding) => finding.messageId.split('.')[0];
  const samePlace = (old: Finding, finding: Finding) => old.ruleId === finding.ruleId && family(old) === family(finding) && mapped(old.start, sorted) === finding.start;
  const grouped = (group: Finding, finding: Finding) =>
    group.ruleId === finding.ruleId && group.params?.count !== undefined && group.path !== undefined && finding.path !== undefined
    && group.path.length <= finding.path.length && group.path.every((part, index) => finding.path![index] === part);
  return unmatched
    .filter((finding) => !take(left.findIndex((old) => samePlace(old, finding))))
    .filter((finding) => !before.some((group) => grouped(group, finding)))
    .map(said);
}

/**
 * The text after the edits (sorted, non-overlapping; insertions at one place in their order),
 * and checks of what the editor would do with them: an edit neither splits a line break
 * (`\r\n`) nor a character (a UTF-16 surrogate pair) nor writes `\n` line breaks into a
 * `\r\n` file, and applying it through LSP positions gives the same text, unchanged outside
 * the edited ranges.
 */
function applyEdits(text: string, edits: readonly TextEdit[], what: string): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const crlf = text.includes('\r\n');
  const parts: string[] = [];
  let from = 0;
  for (const edit of sorted) {
    assert.ok(from <= edit.start && edit.start <= edit.end && edit.end <= text.length, `${what}: an edit [${edit.start}, ${edit.end}) overlaps another or leaves the text`);
    for (const offset of [edit.start, edit.end]) {
      assert.ok(!(text[offset - 1] === '\r' && text[offset] === '\n'), `${what}: an edit splits a \\r\\n at ${offset}`);
      assert.ok(!/[\uD800-\uDBFF]/.test(text[offset - 1] ?? '') || !/[\uDC00-\uDFFF]/.test(text[offset] ?? ''), `${what}: an edit splits a character at ${offset}`);
    }
    if (crlf) assert.ok(!/(^|[^\r])\n/.test(edit.newText), `${what}: an edit writes \\n line breaks into a \\r\\n file: ${JSON.stringify(edit.newText)}`);
    parts.push(text.slice(from, edit.start), edit.newText);
    from = edit.end;
  }
  parts.push(text.slice(from));
  const fixed = parts.join('');
  // The bytes between the edits are where they were, shifted; the editor's way gives the same.
  let shift = 0;
  let gap = 0;
  for (const edit of sorted) {
    assert.strictEqual(fixed.slice(gap + shift, edit.start + shift), text.slice(gap, edit.start), `${what}: bytes outside the edits changed`);
    shift += edit.newText.length - (edit.end - edit.start);
    gap = edit.end;
  }
  assert.strictEqual(fixed.slice(gap + shift), text.slice(gap), `${what}: bytes after the edits changed`);
  const lines = new LineIndex(text);
  const lsp = sorted.map((edit) => ({ range: { start: lines.position(edit.start), end: lines.position(edit.end) }, newText: edit.newText }));
  assert.strictEqual(applyLspEdits(text, lsp), fixed, `${what}: applied through LSP positions, the edits give another text`);
  return fixed;
}

/**
 * The date a scenario without a `# today:` comment is checked on, as the CLI's `--today` would
 * give it: mid-way through the examples' 2026, so that their actuals are judged the same on any
 * day the tests run.
 */
const DEFAULT_TODAY = '2026-07-15';

/** Findings of a text as the scenario's file (its `.planrc.yaml`, linked plans and actuals apply), on its day. */
function check(text: string, file: string) {
  return diskService().check(text, file, { today: TODAY_COMMENT.exec(text)?.[1] ?? DEFAULT_TODAY });
}

describe('scenarios', () => {
  it('finds scenario files', () => {
    assert.ok(files.length >= 10, `only ${files.length} scenario files`);
  });

  for (const file of files) {
    const name = path.relative(ROOT, file);
    describe(name, () => {
      const text = fs.readFileSync(file, 'utf8');
      const checked = () => check(text, file);

      it('has the findings its # expect: comments list', () => {
        const lines = new LineIndex(text);
        const { findings } = checked();
        const actual = findings.map((finding) => `${lines.lineOf(finding.start) + 1}: ${finding.ruleId}`).sort();
        const detail = findings.map((finding) => `  ${lines.lineOf(finding.start) + 1}: ${finding.ruleId}: ${finding.message}`).join('\n');
        assert.deepStrictEqual(actual, expectedFindings(text), `findings of ${name}:\n${detail}`);
      });

      it('has the ranges and messages of its snapshot', () => {
        const { findings, locale } = checked();
        const snapshot = snapshotOf(file, text, findings, locale);
        const snapshotFile = snapshotPath(file);
        if (UPDATE) {
          fs.mkdirSync(path.dirname(snapshotFile), { recursive: true });
          if (!fs.existsSync(snapshotFile) || fs.readFileSync(snapshotFile, 'utf8') !== snapshot) fs.writeFileSync(snapshotFile, snapshot);
          return;
        }
        assert.ok(fs.existsSync(snapshotFile), `no snapshot ${path.relative(ROOT, snapshotFile)}: run UPDATE_SNAPSHOTS=1 npx mocha test/scenarios/scenarios.test.ts`);
        assert.strictEqual(snapshot, fs.readFileSync(snapshotFile, 'utf8'), `${path.relative(ROOT, snapshotFile)} (UPDATE_SNAPSHOTS=1 rewrites it)`);
      });

      it('fixes what its safe fixes fix, all at once, and nothing else changes', () => {
        const { findings } = checked();
        const edits = fixAllEdits(findings);
        if (edits.length === 0) return;
        const taken = new Set(edits);
        const fixedFindings = findings.filter((finding) => finding.fixes?.find((fix) => fix.safe)?.edits.every((edit) => taken.has(edit)));
        const fixed = applyEdits(text, edits, 'fix all');
        const remaining = findings.filter((finding) => !fixedFindings.includes(finding));
        assert.deepStrictEqual(introduced(remaining, check(fixed, file).findings, edits), [], `"fix all" left or introduced findings in ${name}; the fixed text:\n${fixed}`);
      });

      it('introduces no finding with each other fix alone (no YAML or schema error above all)', () => {
        const { findings, locale } = checked();
        for (const finding of findings) {
          for (const fix of (finding.fixes ?? []).filter((item: Fix) => !item.safe)) {
            const what = `"${formatMessage(locale, fix.messageId, fix.params)}" for ${finding.ruleId} at ${at(new LineIndex(text), finding.start)}`;
            const fixed = applyEdits(text, fix.edits, what);
            assert.deepStrictEqual(introduced(findings, check(fixed, file).findings, fix.edits), [], `${what} introduced these findings; the fixed text:\n${fixed}`);
          }
        }
      });
    });
  }
});
