import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { globSync } from 'tinyglobby';
import { parsePlan } from '../../server/src/core/parse/parse';
import { linksOf, PlanIndex } from '../../server/src/core/workspace/plan-index';
import { ROOT, yaml } from '../helpers';

describe('the plan index', () => {
  it('reads alignsWith from the line scan as a whole parse does, for every example and scenario plan', () => {
    const files = globSync(['examples/**/*.plan.{yaml,yml}', 'test/scenarios/**/*.plan.{yaml,yml}', 'test/fixtures/**/*.plan.{yaml,yml}'], { cwd: ROOT, absolute: true });
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
});
