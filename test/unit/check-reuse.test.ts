/**
 * A keystroke's check reuses what the edit did not touch (the schema problems of a slice of a
 * long list, the words of a goal's statement, each item's ids and references, each goal's view):
 * after any series of edits it finds exactly what a check of the same text from nothing finds.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { createPlanService } from '../../server/src/core/workspace/service';
import { goals } from '../../server/src/core/model/goals';

/** More goals than the schema validates at once (500): the list is validated a slice at a time. */
const GOALS = 540;

function goal(index: number): string[] {
  const lines = [`  - id: goal-${index}`, `    statement: ${index % 7 === 3 ? 'Improve results' : `Raise qualified leads from 100 to ${120 + (index % 40)} in region ${index % 9} through webinars`}`, '    kpi: leads', `    target: ${120 + (index % 40)}`, '    deadline: 2026-12-31', '    owner: Maria'];
  // A few flaws for the schema and the rules to find in every slice.
  if (index % 97 === 5) lines.push('    targte: 10');
  if (index % 89 === 7) lines[3] = '    target: lots';
  return lines;
}

function plan(): string {
  const lines = ['kind: marketing', 'version: 1', 'title: Many goals', 'owner: Maria', 'period: { start: 2026-01-01, end: 2026-12-31 }', 'currency: EUR', 'kpis:', '  - id: leads', '    name: Qualified leads', '    metric: leads', '    baseline: 100', '    target: 160', '    frequency: monthly', '    source: CRM', 'goals:'];
  for (let index = 0; index < GOALS; index++) lines.push(...goal(index));
  return `${lines.join('\n')}\n`;
}

/** An edit a user makes to a goal: a word, a flaw, a fix, an item added or removed. */
const edit = fc.record({
  goal: fc.integer({ min: 0, max: GOALS - 1 }),
  kind: fc.constantFrom('word', 'unknown key', 'not a number', 'same statement as the first', 'add a goal', 'remove the goal', 'period ends earlier', 'period starts later', 'a strategy lists the goal', "the KPI's baseline", 'no owner', 'revenue KPI'),
});

function apply(text: string, { goal: index, kind }: { goal: number; kind: string }): string {
  const lines = text.split('\n');
  const starts = lines.flatMap((line, at) => (line.startsWith('  - id: goal-') ? [at] : []));
  const at = starts[Math.min(index, starts.length - 1)];
  const end = starts.find((start) => start > at) ?? lines.length - 1;
  switch (kind) {
    case 'word':
      lines[at + 1] += ' quickly';
      break;
    case 'unknown key':
      lines.splice(at + 2, 0, '    ownr: Ana');
      break;
    case 'not a number':
      lines.splice(at + 1, 0, '    baseline: many');
      break;
    case 'same statement as the first':
      lines[at + 1] = lines[starts[0] + 1];
      break;
    case 'period ends earlier':
      return text.replace(/end: 2026-\d\d-\d\d \}/, 'end: 2026-09-30 }');
    case 'period starts later':
      return text.replace(/start: 2026-\d\d-\d\d,/, 'start: 2026-10-01,');
    case 'a strategy lists the goal': {
      const id = /id: (\S+)/.exec(lines[at])![1];
      return `${text}strategies:\n  - id: strategy-${index}\n    name: Webinars\n    goals: [${id}]\n`.replace(/\nstrategies:\n([\s\S]*)\nstrategies:\n/, '\nstrategies:\n$1\n');
    }
    case "the KPI's baseline":
      return text.replace(/(    metric: leads\n    baseline: )\d+/, `$1${50 + index}`);
    case 'no owner':
      lines.splice(at + 5, 1);
      break;
    case 'revenue KPI':
      return text.replace('    metric: leads\n', '    metric: revenue\n');
    case 'add a goal':
      lines.splice(at, 0, ...goal(GOALS + index).map((line) => line.replace(`goal-${GOALS + index}`, `goal-new-${index}`)));
      break;
    default:
      if (starts.length > 1) lines.splice(at, end - at);
  }
  return lines.join('\n');
}

describe('a check that reuses what an edit did not touch', () => {
  it('finds what a check from nothing finds, after any series of edits', function () {
    this.timeout(120_000);
    const base = plan();
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const service = createPlanService({ readFile: () => undefined });
        const name = '/plans/many.plan.yaml';
        let text = base;
        service.check(text, name);
        for (const step of edits) {
          text = apply(text, step);
          const reused = service.check(text, name);
          const fresh = createPlanService({ readFile: () => undefined }).check(text, name);
          assert.deepStrictEqual(reused.findings, fresh.findings, JSON.stringify(step));
          assert.deepStrictEqual(reused.smart, fresh.smart);
          // The model's ids and references, and the goals as the rules read them, kept by item.
          assert.deepStrictEqual(reused.model.definitions, fresh.model.definitions);
          assert.deepStrictEqual(reused.model.references, fresh.model.references);
          assert.deepStrictEqual(goals(reused.model), goals(fresh.model));
        }
      }),
      { numRuns: 8 },
    );
  });

  it('finds the schema problems of every slice of a long list, and of the edited slice again', () => {
    const service = createPlanService({ readFile: () => undefined });
    const name = '/plans/many.plan.yaml';
    const schemaFindings = (text: string) => service.check(text, name).findings.filter((finding) => finding.ruleId.startsWith('schema/')).map((finding) => finding.message);
    const base = plan();
    const before = schemaFindings(base);
    // Flaws in the first slice and in the second (goal 102 and goal 534).
    assert.ok(before.some((message) => message.includes('targte')));
    assert.ok(before.filter((message) => message.includes('targte')).length >= 2, before.join('\n'));
    const edited = apply(base, { goal: 520, kind: 'unknown key' });
    const after = schemaFindings(edited);
    assert.strictEqual(after.length, before.length + 1);
    assert.ok(after.some((message) => message.includes('ownr')));
    // Undone: the edited slice is validated again, the others are as they were.
    assert.deepStrictEqual(schemaFindings(base), before);
  });
});
