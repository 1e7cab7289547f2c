/**
 * Resource bombs: plans made to exhaust a YAML tool's time or memory. Each is built in memory
 * (nothing this large is kept in the repository). `expect` says what the server should answer
 * with: the rule of the diagnostic that explains what happened, and words of its message.
 */

const HEADER = 'kind: marketing\ntitle: Bomb\nperiod: {start: 2026-01-01, end: 2026-12-31}\n';

export interface Bomb {
  name: string;
  text: string;
  /** The diagnostic that must be among those published, when the bomb has one of its own. */
  expect?: { code: string; message: RegExp };
}

/** "Billion laughs": nine levels of ten aliases each, 10⁹ values once expanded. */
function billionLaughs(): string {
  let text = `${HEADER}x-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
  for (let level = 1; level < 10; level++) text += `x-a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]\n`;
  return `${text}summary: *a9\n`;
}

/** Flow collections nested `depth` deep on one line: `[[[[…]]]]`. */
function deepFlow(depth: number): string {
  return `${HEADER}x-deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

/** Block mappings nested `depth` deep, one more space of indentation per level. */
function deepBlock(depth: number): string {
  let text = `${HEADER}x-deep:\n`;
  for (let level = 1; level <= depth; level++) text += `${' '.repeat(level)}k:\n`;
  return text;
}

/** A valid plan padded with comment lines up to `size` characters. */
function largePlan(size: number, example: string): string {
  const line = `# ${'padding '.repeat(12)}\n`;
  return example + line.repeat(Math.ceil((size - example.length) / line.length));
}

/** A section list of `count` items, each a small but complete item (`measurement.tools`: strings). */
function longList(count: number): string {
  const items: string[] = [];
  for (let index = 0; index < count; index++) items.push(`    - tool ${index}`);
  return `${HEADER}measurement:\n  tools:\n${items.join('\n')}\n`;
}

/** A list of `count` KPIs, each missing what a KPI should have: three findings apiece. */
function longKpiList(count: number): string {
  const items: string[] = [];
  for (let index = 0; index < count; index++) items.push(`  - {id: k${index}, name: K${index}}`);
  return `${HEADER}kpis:\n${items.join('\n')}\n`;
}

/** One line of `size` characters: a quoted title. */
function longLine(size: number): string {
  return `${HEADER.replace('title: Bomb\n', '')}title: "${'a'.repeat(size)}"\n`;
}

export function bombs(example: string): Bomb[] {
  return [
    { name: 'alias expansion ("billion laughs")', text: billionLaughs(), expect: { code: 'yaml/syntax', message: /alias/i } },
    { name: 'flow nesting 10,000 deep', text: deepFlow(10_000), expect: { code: 'yaml/syntax', message: /nest/i } },
    { name: 'block nesting 1,000 deep', text: deepBlock(1_000) },
    { name: 'a 10 MB plan', text: largePlan(10_000_000, example), expect: { code: 'plan/too-large', message: /maxFileSize/ } },
    { name: 'a 100,000-item list', text: longList(100_000) },
    // 3 MB: over the default size limit, so it gets the notice instead of a check that would take seconds.
    { name: 'a 100,000-KPI list', text: longKpiList(100_000), expect: { code: 'plan/too-large', message: /maxFileSize/ } },
    { name: 'a 1 MB single line', text: longLine(1_000_000) },
  ];
}
