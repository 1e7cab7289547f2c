import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { globSync } from 'tinyglobby';
import { parsePlan } from '../../server/src/core/parse/parse';
import { linksOf, PlanIndex } from '../../server/src/core/workspace/plan-index';
import { ROOT, yaml } from '../helpers';

const PLAN_FILES = globSync(['examples/**/*.plan.{yaml,yml}', 'test/scenarios/**/*.plan.{yaml,yml}', 'test/fixtures/**/*.plan.{yaml,yml}'], { cwd: ROOT, absolute: true });

/** What an index knows of one plan, given by its text or by its bytes. */
function indexed(content: string | Uint8Array, filePath = '/p/echipă/plan.plan.yaml') {
  const index = new PlanIndex();
  index.set(filePath, content);
  return { links: index.linksOf(filePath), symbols: index.symbols(''), text: index.textOf(filePath) };
}

/** The bytes indexed as they are, and as the file reader's text (`Buffer.toString`: U+FFFD for bad bytes), give the same plan. */
function assertSameFromBytes(bytes: Uint8Array, message?: string): ReturnType<typeof indexed> {
  const fromBytes = indexed(bytes);
  assert.deepStrictEqual(fromBytes, indexed(Buffer.from(bytes).toString('utf8')), message);
  return fromBytes;
}

/** A Romanian plan: diacritics and dashes before every id, and in the paths it names. */
const ROMANIAN = yaml(
  'kind: marketing',
  'title: Planul de marketing – trimestrul întâi (ș, ț, ă, î, â)',
  'alignsWith:',
  '  - vânzări/planul-șefului.plan.yaml   # echipa de vânzări',
  '  - "echipă nouă.plan.yaml"',
  'goals:',
  '  - title: Creșterea traficului „organic” cu 20%',
  '    id: crestere-trafic',
  '  - id: "lead-uri-calificate"  # ținta e în KPI-uri',
  'kpis:',
  '  - name: Vizitatori unici — lunar',
  '    id: vizitatori',
  'buget:',
  '  total: 12000 # lei, fără TVA',
);

describe('the plan index', () => {
  it('reads alignsWith from the line scan as a whole parse does, for every example and scenario plan', () => {
    const files = PLAN_FILES;
    assert.ok(files.length > 20);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const data = parsePlan(text).value as { alignsWith?: unknown } | undefined;
      const targets = Array.isArray(data?.alignsWith) ? data.alignsWith : typeof data?.alignsWith === 'string' ? [data.alignsWith] : [];
      const expected = targets.filter((target): target is string => typeof target === 'string').map((target) => path.resolve(path.dirname(file), target)).filter((target) => target !== file);
      assert.deepStrictEqual(linksOf(file, text), expected, path.relative(ROOT, file));
    }
  });

  it('reads block lists, flow lists, a single path, comments and quotes', () => {
    const cases: [string, string[]][] = [
      [yaml('kind: sales', 'alignsWith:', '  - a.plan.yaml  # the marketing plan', '  - "b c.plan.yaml"', 'goals: []'), ['/p/a.plan.yaml', '/p/b c.plan.yaml']],
      [yaml('kind: sales', 'alignsWith: [../x.plan.yaml, y.plan.yml]'), ['/x.plan.yaml', '/p/y.plan.yml']],
      [yaml('alignsWith: a.plan.yaml', 'kind: sales'), ['/p/a.plan.yaml']],
      [yaml('kind: sales', 'goals:', '  - alignsWith: [nested.plan.yaml]'), []],
      [yaml('kind: sales', 'alignsWith: [unclosed'), []],
      [yaml('kind: sales', 'alignsWith: [self.plan.yaml]'), []],
      ['kind: sales\r\nalignsWith:\r\n  - a.plan.yaml\r\n  - "b c.plan.yaml"\r\ngoals: []\r\n', ['/p/a.plan.yaml', '/p/b c.plan.yaml']],
      ['kind: sales\r\nalignsWith: a.plan.yaml\r\n', ['/p/a.plan.yaml']],
    ];
    for (const [text, expected] of cases) assert.deepStrictEqual(linksOf('/p/self.plan.yaml', text), expected, text);
  });

  it('answers back-links, and bumps its generation only when links change', () => {
    const index = new PlanIndex();
    index.set('/p/m.plan.yaml', 'kind: marketing\n');
    index.set('/p/s.plan.yaml', 'kind: sales\nalignsWith: [m.plan.yaml]\n');
    assert.deepStrictEqual(index.linkingTo('/p/m.plan.yaml'), ['/p/s.plan.yaml']);
    const generation = index.generation;
    index.set('/p/s.plan.yaml', 'kind: sales\nalignsWith: [m.plan.yaml]\ntitle: Sales\n');
    assert.strictEqual(index.generation, generation, 'an edit that keeps the links');
    index.set('/p/s.plan.yaml', 'kind: sales\n');
    assert.deepStrictEqual(index.linkingTo('/p/m.plan.yaml'), []);
    assert.ok(index.generation > generation);
    index.deleteUnder('/p');
    assert.deepStrictEqual(index.paths(), []);
  });

  it('takes plans by their links from another index (a thread of the CLI), with the same back-links', () => {
    const index = new PlanIndex();
    index.set('/p/m.plan.yaml', 'kind: marketing\nalignsWith: [s.plan.yaml]\n');
    index.set('/p/s.plan.yaml', 'kind: sales\nalignsWith: [m.plan.yaml, x.plan.yaml]\n');
    const copy = new PlanIndex();
    for (const [filePath, links] of index.allLinks()) copy.setLinks(filePath, links);
    for (const filePath of ['/p/m.plan.yaml', '/p/s.plan.yaml', '/p/x.plan.yaml']) assert.deepStrictEqual(copy.linkingTo(filePath), index.linkingTo(filePath), filePath);
    assert.deepStrictEqual(copy.linkingTo('/p/x.plan.yaml'), ['/p/s.plan.yaml']);
  });

  it('lists sections and the ids of goals and KPIs with their offsets', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples/marketing.plan.yaml'), 'utf8');
    const index = new PlanIndex();
    index.set('/p/m.plan.yaml', text);
    const symbols = index.symbols('');
    const data = parsePlan(text).value as { goals: { id: string }[]; kpis: { id: string }[] };
    assert.deepStrictEqual(symbols.filter((symbol) => symbol.kind === 'goal').map((symbol) => symbol.name), data.goals.map((goal) => goal.id));
    assert.deepStrictEqual(symbols.filter((symbol) => symbol.kind === 'kpi').map((symbol) => symbol.name), data.kpis.map((kpi) => kpi.id));
    for (const symbol of symbols) assert.strictEqual(text.slice(symbol.start, symbol.end), symbol.name);
    assert.ok(symbols.some((symbol) => symbol.kind === 'section' && symbol.name === 'budget'));
  });

  it('keeps the paths sorted as plans come and go', () => {
    const index = new PlanIndex();
    for (const name of ['c', 'a', 'b']) index.set(`/p/${name}.plan.yaml`, 'kind: sales\n');
    assert.deepStrictEqual(index.paths(), ['/p/a.plan.yaml', '/p/b.plan.yaml', '/p/c.plan.yaml']);
    index.delete('/p/b.plan.yaml');
    index.setLinks('/p/0.plan.yaml', []);
    assert.deepStrictEqual(index.paths(), ['/p/0.plan.yaml', '/p/a.plan.yaml', '/p/c.plan.yaml']);
    assert.deepStrictEqual(index.symbols('KIND').map((symbol) => symbol.filePath), ['/p/a.plan.yaml', '/p/c.plan.yaml'], 'case-insensitive, in path order');
  });
});

describe('the plan index from bytes (as the server reads plans from disk)', () => {
  it('gives the same links, outline and text as from the text, for every example and scenario plan', () => {
    for (const file of PLAN_FILES) assertSameFromBytes(fs.readFileSync(file), path.relative(ROOT, file));
    const marketing = assertSameFromBytes(fs.readFileSync(path.join(ROOT, 'examples/ro/marketing.plan.yaml')));
    assert.ok(marketing.symbols.some((symbol) => symbol.kind === 'goal') && marketing.symbols.some((symbol) => symbol.kind === 'kpi'));
  });

  it('reads a Romanian plan with diacritics: paths with them, offsets after them, with LF or CRLF line ends', () => {
    for (const text of [ROMANIAN, ROMANIAN.replace(/\n/g, '\r\n')]) {
      const { links, symbols } = assertSameFromBytes(Buffer.from(text));
      assert.deepStrictEqual(links, ['/p/echipă/vânzări/planul-șefului.plan.yaml', '/p/echipă/echipă nouă.plan.yaml']);
      assert.deepStrictEqual(symbols.map((symbol) => symbol.name), ['kind', 'title', 'alignsWith', 'goals', 'crestere-trafic', 'lead-uri-calificate', 'kpis', 'vizitatori', 'buget']);
      for (const symbol of symbols) assert.strictEqual(text.slice(symbol.start, symbol.end), symbol.name);
    }
  });

  it('counts a character outside the Basic Multilingual Plane (an emoji) as two UTF-16 code units', () => {
    const text = ROMANIAN.replace('title: Planul', 'title: 🚀 Planul 🎯').replace('echipă nouă', 'echipă 🚀');
    const { links, symbols } = assertSameFromBytes(Buffer.from(text));
    assert.ok(links.includes('/p/echipă/echipă 🚀.plan.yaml'));
    for (const symbol of symbols) assert.strictEqual(text.slice(symbol.start, symbol.end), symbol.name);
  });

  it('reads bytes that are not UTF-8 as U+FFFD, as the file reader does, with the offsets of that text', () => {
    const bad = [[0xff], [0xc3], [0xe2, 0x80], [0xed, 0xa0, 0x80], [0xf0, 0x9f], [0xf0, 0x9f, 0x9a], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0x80, 0xbf], [0xef, 0xbb, 0xbf]];
    const lines = ROMANIAN.split('\n');
    for (const bytes of bad) {
      // The bad bytes at the start of the plan, at the end and at the start of lines, and before ids and links.
      const spliced = lines.map((line, index) => Buffer.concat(index % 3 === 0 ? [Buffer.from(bytes), Buffer.from(line)] : [Buffer.from(line), Buffer.from(bytes)]));
      const plan = assertSameFromBytes(Buffer.concat(spliced.flatMap((line) => [line, Buffer.from('\n')])), JSON.stringify(bytes));
      assert.ok(plan.symbols.length > 0 && plan.text!.includes(bytes[0] === 0xef ? '\uFEFF' : '\uFFFD'), JSON.stringify(bytes));
    }
  });

  it('sees line separators (U+2028, U+2029) and spaces outside ASCII (U+00A0, U+3000) where the text does', () => {
    for (const odd of ['\u2028', '\u2029', '\u00a0', '\u3000', '\ufeff']) {
      assertSameFromBytes(Buffer.from(`${odd}${ROMANIAN.replace('goals:', `goals:${odd}`).replace('  - "echipă', `${odd}- "echipă`).replace('    id: viz', `${odd}id: viz`)}`), JSON.stringify(odd));
    }
  });

  it('gives the same plan for generated text with characters outside ASCII, and bytes that are not UTF-8', () => {
    const line = fc.oneof(
      fc.constantFrom('kind: sales', 'alignsWith:', 'alignsWith: [a.plan.yaml, ș/b.plan.yaml]', 'goals:', 'kpis:', 'budget:', '# comment'),
      fc.string({ unit: 'grapheme', maxLength: 12 }).map((name) => `  - ${name}.plan.yaml`),
      fc.tuple(fc.constantFrom('', '  ', '  - ', '- ', '    '), fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/), fc.constantFrom('', '  # ț', ' "', ' ✓')).map(([indent, id, after]) => `${indent}id: ${id}${after}`),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
    );
    const plan = fc.tuple(fc.array(line, { maxLength: 16 }), fc.constantFrom('\n', '\r\n', '\r'));
    fc.assert(fc.property(plan, ([lines, end]) => {
      assertSameFromBytes(Buffer.from(lines.join(end)));
    }), { numRuns: 500 });
    fc.assert(fc.property(plan, fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4 })), { maxLength: 6 }), ([lines, end], insertions) => {
      let bytes = Buffer.from(lines.join(end));
      for (const [at, inserted] of insertions) bytes = Buffer.concat([bytes.subarray(0, at % (bytes.length + 1)), inserted, bytes.subarray(at % (bytes.length + 1))]);
      assertSameFromBytes(bytes);
    }), { numRuns: 500 });
  });

  it('keeps its generation when an editor opens the plan with the text on disk, or the same bytes are read again', () => {
    const index = new PlanIndex();
    index.set('/p/s.plan.yaml', Buffer.from(ROMANIAN));
    const generation = index.generation;
    index.set('/p/s.plan.yaml', Buffer.from(ROMANIAN));
    index.set('/p/s.plan.yaml', ROMANIAN);
    assert.strictEqual(index.generation, generation);
    assert.strictEqual(index.textOf('/p/s.plan.yaml'), ROMANIAN);
    index.set('/p/s.plan.yaml', Buffer.from(ROMANIAN.replace('"echipă nouă.plan.yaml"', 'alt.plan.yaml')));
    assert.ok(index.generation > generation, 'a link changed');
    assert.deepStrictEqual(index.linkingTo('/p/alt.plan.yaml'), ['/p/s.plan.yaml']);
  });
});
