import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { generatePlan } from '../../bench/generate';
import { parseDocument } from 'yaml';
import { doubleQuotedText, parseIncrementally, split, splitAfterEdit, type ChunkedParse } from '../../server/src/core/parse/incremental';
import { sharedEnds } from '../../server/src/core/base/text';
import { parsePlan, type ParsedPlan, type SourceNode } from '../../server/src/core/parse/parse';
import { runs, SEED } from '../fuzz/arbitraries';
import { ROOT } from '../helpers';

/** Every node's ranges, by path, to compare two source maps. */
function flatten(node: SourceNode | undefined, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (!node) return out;
  if (node.keys) out.set(`${prefix} keys`, node.keys.map((key) => `${key.key}@${key.start}-${key.end}`).join(' '));
  for (const [segment, child] of node.children ?? []) {
    const key = `${prefix}/${segment}`;
    out.set(key, `${child.keyStart ?? ''}-${child.keyEnd ?? ''} ${child.start}-${child.end}`);
    flatten(child, key, out);
  }
  return out;
}

/** The syntax problems as a set: message and range. */
function problems(parsed: ParsedPlan): string[] {
  return parsed.syntax.map((problem) => `${problem.code} ${problem.detail} @${problem.start}-${problem.end}`).sort();
}

/** Parses in pieces and whole; when the pieces give a result, it must be the whole parse's. Returns the pieces' result, if they gave one. */
function assertSameParse(text: string, name: string, previous?: ParsedPlan): ChunkedParse | undefined {
  const pieces = parseIncrementally(text, previous, 0);
  if (!pieces) return undefined;
  const whole = parsePlan(text);
  assert.deepStrictEqual(pieces.value, whole.value, `${name}: the same data`);
  assert.deepStrictEqual(flatten(pieces.root), flatten(whole.root), `${name}: the same source map`);
  assert.deepStrictEqual(problems(pieces), problems(whole), `${name}: the same syntax problems`);
  return 'chunks' in pieces ? (pieces as ChunkedParse) : undefined;
}

const NOTHING_TO_REUSE = { chunks: [] } as unknown as ChunkedParse;

const plans = globSync(['examples/**/*.plan.yaml', 'test/scenarios/**/*.plan.yaml', 'test/fixtures/*.plan.yaml'], { cwd: ROOT, absolute: true }).sort();

/** Line starts of a text. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/**
 * What a plan looks like in the middle of typing, or after a slip: an open quote or bracket,
 * a colon with nothing after it yet, a block scalar indicator, a stray indicator, a line
 * indented one space off, a new top-level line not yet a key, a duplicate key.
 */
const MISTAKES = [
  'x', '"', "'", '[', '{', ']', '}', '[growth', '"open', "'open", ': x', ':', ' |', ' >', '|', '>', '|-', '&a ', '*a', '!', '!!str ', ',', ' #', '#', '- ',
  '? ', '@', '`', '%', '\\', '"a\\', ': "', ': [a,', ': {a: 1', '\n', '\n  x', '\n ', '\n  - ', '\nfoo', '\nfoo bar', '\n- x', '\n  -', '\n    ', '\n    bad: [',
  '\n   - id: x', '\n kpi: x', '\n    id: dup', '\nkind: again', '\n# note', '\n    # note\n', '\r', ' ', '  ',
];

/** A mistake put in at a line's start, its indentation's end or its end, or a few characters taken out there. */
const mistake = fc.record({ line: fc.nat(), column: fc.constantFrom('start', 'indent', 'end', 'middle'), insert: fc.constantFrom(...MISTAKES), remove: fc.constantFrom(0, 0, 0, 1, 3) });

function applyMistake(text: string, { line, column, insert, remove }: { line: number; column: string; insert: string; remove: number }): string {
  const starts = lineStarts(text);
  const start = starts[line % starts.length];
  const end = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
  let indent = start;
  while (text[indent] === ' ') indent++;
  const at = column === 'start' ? start : column === 'indent' ? indent : column === 'end' ? end : Math.floor((indent + end) / 2);
  return text.slice(0, at) + insert + text.slice(Math.min(text.length, at + remove));
}

describe('incremental parsing of large plans', () => {
  it('gives the same data and source map as a whole parse, for every example and scenario it takes', () => {
    let taken = 0;
    for (const file of plans) {
      const text = fs.readFileSync(file, 'utf8');
      // Cut from a whole parse, and parsed piece by piece (nothing to reuse).
      if (assertSameParse(text, path.relative(ROOT, file))) taken++;
      assertSameParse(text, `${path.relative(ROOT, file)} in pieces`, NOTHING_TO_REUSE);
    }
    assert.ok(taken >= 20, `only ${taken} plans were parsed in pieces`);
  });

  it('declines what pieces could get wrong', () => {
    const declined = ['kind: sales\nx: &a 1\ny: *a\n', 'kind: sales\n---\nkind: marketing\n', 'kind: sales\nkind: marketing\n', '  kind: sales\n', 'kind: sales\nperiod:\n\tstart: 2026-01-01\n', '- a\n- b\n', '"kind": sales\n'];
    for (const text of declined) {
      // Declined, or parsed whole (when most pieces would need the library, a whole parse is cheaper).
      const parsed = parseIncrementally(text, undefined, 0);
      assert.ok(parsed === undefined || !('chunks' in parsed), JSON.stringify(text));
    }
    assert.strictEqual(parseIncrementally('kind: sales\n', undefined), undefined, 'small plans are parsed whole');
  });

  it('reuses unchanged pieces after an edit, shifted, and still matches a whole parse', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples/marketing.plan.yaml'), 'utf8');
    const first = assertSameParse(text, 'original')!;
    const at = text.indexOf('statement:', text.indexOf('goals:'));
    const edited = `${text.slice(0, at + 11)}Really ${text.slice(at + 11)}`;
    const second = assertSameParse(edited, 'edited', first)!;
    const reused = second.chunks.filter((chunk) => first.chunks.includes(chunk)).length;
    assert.ok(reused > second.chunks.length / 3, `pieces before the edit are the same objects (${reused} of ${second.chunks.length})`);
    const later = second.chunks.find((chunk) => chunk.start > at + 20)!;
    assert.strictEqual(edited.slice(later.start, later.start + later.text.length), later.text, 'pieces after the edit are shifted');
    const deleted = `${edited.slice(0, at)}${edited.slice(edited.indexOf('\n', at) + 1)}`;
    assertSameParse(deleted, 'a line deleted', second);
  });

  it('matches a whole parse after any series of edits, each reusing the pieces of the one before', function () {
    // 150 series of edits of the 400-line sales example, each parsed whole and in pieces: seconds on a busy machine.
    this.timeout(60000);
    const text = fs.readFileSync(path.join(ROOT, 'examples/sales.plan.yaml'), 'utf8');
    const edit = fc.tuple(fc.nat(), fc.nat(40), fc.constantFrom('', 'x', 'Q3 ', '\n', '\n    ', '\n  - id: new\n    name: New\n', '# note\n', ': ', '- ', '"', '\t'));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let current = text;
        let previous: ParsedPlan | undefined = assertSameParse(current, 'before the edits');
        for (const [position, length, insert] of edits) {
          const at = position % (current.length + 1);
          current = current.slice(0, at) + insert + current.slice(at + length);
          previous = assertSameParse(current, `after ${edits.length} edits`, previous) ?? previous;
        }
      }),
      { seed: 5, numRuns: runs(40) },
    );
  });

  it('parses again a piece whose text changed but not its length, at its first or last character', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples/sales.plan.yaml'), 'utf8').trimEnd();
    const first = assertSameParse(text, 'original')!;
    // The last character of the text (no newline after it), then the first of a piece.
    const lastChanged = `${text.slice(0, -1)}${text.endsWith('Z') ? 'Y' : 'Z'}`;
    assertSameParse(lastChanged, 'the last character replaced', first);
    const key = text.indexOf('\nkpis:') + 1;
    assertSameParse(`${text.slice(0, key)}K${text.slice(key + 1)}`, 'the first character of a top-level key replaced', first);
    // A digit of a goal's target, in the middle.
    const at = text.indexOf('target:', text.indexOf('\ngoals:')) + 'target: '.length;
    assertSameParse(`${text.slice(0, at)}${text[at] === '9' ? '8' : '9'}${text.slice(at + 1)}`, 'a digit replaced', first);
  });

  it('cuts an edited text into the pieces a cut of the whole text gives, reading only around the edit', () => {
    const texts = [fs.readFileSync(path.join(ROOT, 'examples/sales.plan.yaml'), 'utf8'), fs.readFileSync(path.join(ROOT, 'examples/marketing.plan.yaml'), 'utf8'), generatePlan('marketing', 400)];
    const insert = fc.constantFrom('', 'x', ' quickly', '\n', '\n    ', '\n  - id: new\n    name: New\n', '\n- id: top\n', '# note\n', ': ', '- ', '  - ', '"', '\t', 'kpis:\n', 'goals:', '\nnotes: x\n', '---\n', '\r', '  ');
    fc.assert(
      // An edit inserts text where it removes some, or overwrites a span with as many characters (its lines stay where they were, their text changes).
      fc.property(fc.nat(texts.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(60), insert, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 5 }), (which, edits) => {
        let current = texts[which];
        let pieces = split(current);
        for (const [position, length, inserted, atLineStart, overwrite] of edits) {
          let at = position % (current.length + 1);
          if (atLineStart) at = current.lastIndexOf('\n', at - 1) + 1;
          const replaced = current.slice(at, at + length * 3).replace(/[^\n ]/g, 'x');
          const next = overwrite ? current.slice(0, at) + replaced + current.slice(at + replaced.length) : current.slice(0, at) + inserted + current.slice(at + length);
          const fresh = split(next);
          if (pieces) {
            const { prefix, suffix } = sharedEnds(current, next);
            assert.deepStrictEqual(splitAfterEdit(next, current, pieces, prefix, suffix), fresh, JSON.stringify({ at, length, inserted }));
          }
          [current, pieces] = [next, fresh];
        }
      }),
      { seed: 11, numRuns: runs(300) },
    );
  });

  it('keeps list items apart so that an edit in one reparses only that one', () => {
    const items = Array.from({ length: 50 }, (_, i) => `  - id: goal-${i}\n    statement: Goal number ${i}\n`).join('');
    const text = `kind: marketing\ntitle: T\ngoals:\n${items}kpis: []\n`;
    const parsed = assertSameParse(text, 'list')!;
    assert.strictEqual(parsed.chunks.filter((chunk) => chunk.section === 'goals').length, 50);
  });
});

describe('incremental parsing of plans with a syntax error', () => {
  const items = Array.from({ length: 12 }, (_, i) => `  - id: goal-${i}\n    statement: Goal number ${i}\n    supports: [growth]\n`).join('');
  const plan = `kind: marketing\ntitle: T\ngoals:\n${items}kpis:\n  - id: leads\n    name: Leads\n`;
  /** The text with `insert` put at the end of the line of goal 5 that starts with `field`. */
  const typed = (field: string, insert: string, goal = 5) => {
    const at = plan.indexOf('\n', plan.indexOf(`    ${field}`, plan.indexOf(`goal-${goal}\n`)));
    return `${plan.slice(0, at)}${insert}${plan.slice(at)}`;
  };
  /** Which goals a region parsed by the library holds as items, whether it runs to the end, and the goal it stops before. */
  function region(text: string): { goals: number[]; toEnd: boolean; before?: number } {
    const parsed = assertSameParse(text, JSON.stringify(text.slice(0, 40)), parseIncrementally(plan, undefined, 0))!;
    assert.ok(parsed, 'parsed in pieces');
    const chunks = parsed.chunks.filter((chunk) => chunk.region);
    // Each item by the goal whose line it starts on (a mangled item has no readable id).
    const goalAt = (offset: number) => Number(/goal-(\d+)/.exec(text.slice(text.lastIndexOf('\n', offset) + 1, text.indexOf('\n', offset)))?.[1]);
    const goals = chunks.flatMap((chunk) => (chunk.section === 'goals' ? [...chunk.source!.children!.values()].map((item) => goalAt(item.start)) : []));
    const after = parsed.chunks.findIndex((chunk, index) => !chunk.region && parsed.chunks[index - 1]?.region);
    return { goals, toEnd: parsed.chunks.at(-1)?.region === true, ...(after > 0 ? { before: goalAt(parsed.chunks[after].start + 4) } : {}) };
  }

  it('parses a broken piece alone with the library when the mistake stays in it (text after a bracket, a colon, a tab)', () => {
    assert.deepStrictEqual(region(typed('supports', 'x')), { goals: [5], toEnd: false, before: 6 });
    assert.deepStrictEqual(region(typed('statement', ': more')), { goals: [5], toEnd: false, before: 6 });
    assert.deepStrictEqual(region(typed('supports', ', ]x')), { goals: [5], toEnd: false, before: 6 });
  });

  it('takes in the pieces a mistake changes, up to the first that reads as it reads alone (an unclosed flow list mangles the next item)', () => {
    const unclosed = typed('supports', '').replace('supports: [growth]\n  - id: goal-6', 'supports: [growth\n  - id: goal-6');
    assert.deepStrictEqual(region(unclosed), { goals: [5, 6], toEnd: false, before: 7 });
  });

  it('runs to the end of the text for an open quote that nothing closes, and as far as the library reads it otherwise', () => {
    const open = plan.replace('statement: Goal number 5', 'statement: "Goal number 5');
    assert.deepStrictEqual(region(open).toEnd, true);
    const closedLater = open.replace('Goal number 9', 'Goal "number" 9');
    // With a quote further on, the library ends the open one at its line (and says it is not closed).
    assert.deepStrictEqual(region(closedLater), { goals: [5], toEnd: false, before: 6 });
    // Once the quote is closed, the pieces it had taken in are reused as they were.
    const opened = parseIncrementally(open, parseIncrementally(plan, undefined, 0), 0) as ChunkedParse;
    const closed = assertSameParse(open.replace('"Goal number 5', '"Goal number 5"'), 'closed', opened)!;
    const spare = new Set(opened.spare?.map((chunk) => chunk.value));
    assert.ok(closed.chunks.filter((chunk) => spare.has(chunk.value)).length >= 5, 'the swallowed pieces come back from the spare ones');
  });

  it('reads a double-quoted scalar that nothing closes as the library reads it', () => {
    const body = fc.stringMatching(/^[ab:#\-é[{ \t\n]{0,40}$/);
    fc.assert(
      fc.property(body, (source) => {
        const scalar = `"${source}`;
        assert.strictEqual(doubleQuotedText(scalar), parseDocument(`k: ${scalar}`).get('k'), JSON.stringify(scalar));
      }),
      { seed: SEED + 13, numRuns: runs(2000) },
    );
  });

  it('runs an open double quote on to the end without the library, and matches a whole parse wherever it is typed', () => {
    const quoteless = [generatePlan('marketing', 120), generatePlan('sales', 120), plan].filter((text) => !/["\\\r]/.test(text));
    assert.strictEqual(quoteless.length, 3);
    const previous = quoteless.map((text) => parseIncrementally(text, undefined, 0));
    fc.assert(
      fc.property(fc.nat(quoteless.length - 1), mistake, fc.constantFrom('"', '"G', '"Grow ', '"a\n\n  b', '"  '), fc.boolean(), (which, where, quote, reuse) => {
        const text = applyMistake(quoteless[which], { ...where, insert: quote, remove: 0 });
        assertSameParse(text, JSON.stringify({ where, quote }), reuse ? previous[which] : undefined);
      }),
      { seed: SEED + 14, numRuns: runs(200) },
    );
  });

  it('keeps a block scalar indicator in its piece: the next piece starts less indented than its content can be', () => {
    assert.deepStrictEqual(parseIncrementally(typed('statement', ' |'), undefined, 0)?.syntax, []);
    const indicator = `${plan.slice(0, plan.indexOf('Goal number 5'))}|${plan.slice(plan.indexOf('\n', plan.indexOf('Goal number 5')))}`;
    const parsed = assertSameParse(indicator, 'indicator', parseIncrementally(plan, undefined, 0))!;
    assert.deepStrictEqual(parsed.chunks.filter((chunk) => chunk.region), [], 'no region: the piece is valid');
  });

  const bases = [
    fs.readFileSync(path.join(ROOT, 'examples/marketing.plan.yaml'), 'utf8'),
    fs.readFileSync(path.join(ROOT, 'examples/sales.plan.yaml'), 'utf8'),
    generatePlan('marketing', 200),
    generatePlan('sales', 200),
    fs.readFileSync(path.join(ROOT, 'bench/cases/generated-2000.plan.yaml'), 'utf8').split('\n').slice(0, 260).join('\n'),
  ];
  const cleanParses = bases.map((text) => parseIncrementally(text, undefined, 0));

  it('parses the broken piece with the library and keeps the rest in pieces: the same errors, data and source map as a whole parse', () => {
    let taken = 0;
    let broken = 0;
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(mistake, { minLength: 1, maxLength: 2 }), fc.boolean(), (which, mistakes, reuse) => {
        const text = mistakes.reduce(applyMistake, bases[which]);
        const whole = parsePlan(text);
        const pieces = assertSameParse(text, JSON.stringify(mistakes), reuse ? cleanParses[which] : undefined);
        if (whole.syntax.length > 0) broken++;
        if (pieces && whole.syntax.length > 0) taken++;
      }),
      { seed: SEED + 11, numRuns: runs(100) },
    );
    // Broken plans must stay on the piece path, or the property proves little (and typing is slow).
    assert.ok(taken > broken * 0.8, `only ${taken} of ${broken} broken plans were parsed in pieces`);
  });

  it('matches a whole parse while a mistake is typed, fixed and typed again, each version reusing the one before', () => {
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(mistake, { minLength: 1, maxLength: 4 }), (which, mistakes) => {
        let previous: ParsedPlan | undefined = cleanParses[which];
        let text = bases[which];
        for (const [index, one] of mistakes.entries()) {
          // Every other step puts the clean text back: the error comes and goes, as while typing.
          text = index % 2 === 1 ? bases[which] : applyMistake(text, one);
          previous = assertSameParse(text, JSON.stringify(mistakes.slice(0, index + 1)), previous) ?? previous;
        }
      }),
      { seed: SEED + 12, numRuns: runs(30) },
    );
  });
});
