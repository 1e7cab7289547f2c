import * as path from 'path';
import { parse } from 'yaml';

/**
 * Every plan of the workspace, open or closed, by absolute path: what each links to by
 * `alignsWith`, so that back-links (plans that name a plan) are found without opening them, and
 * an outline for workspace symbols. Only a plan's text is kept; both are read from it with a
 * line scan, not a parse, so that indexing a thousand plans takes a fraction of a second.
 */
export class PlanIndex {
  private readonly plans = new Map<string, IndexedPlan>();
  /** Bumped when a plan's links change (a plan added, removed, or its `alignsWith` edited). */
  generation = 0;

  /** Adds or updates a plan. */
  set(filePath: string, text: string): void {
    const previous = this.plans.get(filePath);
    if (previous?.text === text) return;
    const links = linksOf(filePath, text);
    if (!previous || !sameList(previous.links, links)) this.generation++;
    this.plans.set(filePath, { text, links });
  }

  /**
   * Adds a plan by its links alone, as another index found them (a thread of the CLI): its
   * back-links are known, its text is not (no outline).
   */
  setLinks(filePath: string, links: readonly string[]): void {
    this.plans.set(filePath, { text: '', links: [...links] });
    this.generation++;
  }

  /** Every plan's links, to give another index (`setLinks`). */
  allLinks(): [filePath: string, links: string[]][] {
    return [...this.plans].map(([filePath, plan]) => [filePath, plan.links]);
  }

  delete(filePath: string): void {
    if (this.plans.delete(filePath)) this.generation++;
  }

  /** Forgets every plan under a folder (a workspace folder closed). */
  deleteUnder(folder: string): void {
    for (const filePath of [...this.plans.keys()]) if (isInside(folder, filePath)) this.delete(filePath);
  }

  has(filePath: string): boolean {
    return this.plans.has(filePath);
  }

  textOf(filePath: string): string | undefined {
    return this.plans.get(filePath)?.text;
  }

  paths(): string[] {
    return [...this.plans.keys()].sort();
  }

  /** The plans whose `alignsWith` names this one. */
  linkingTo(filePath: string): string[] {
    const found: string[] = [];
    for (const [other, plan] of this.plans) if (other !== filePath && plan.links.includes(filePath)) found.push(other);
    return found.sort();
  }

  /** The plans this one names in `alignsWith`, resolved. */
  linksOf(filePath: string): readonly string[] {
    return this.plans.get(filePath)?.links ?? [];
  }

  /** Every plan's goals, KPIs and sections whose name contains the query (case-insensitive). */
  symbols(query: string): IndexedSymbol[] {
    const wanted = query.toLocaleLowerCase();
    const found: IndexedSymbol[] = [];
    for (const filePath of this.paths()) {
      const plan = this.plans.get(filePath)!;
      plan.outline ??= outlineOf(plan.text);
      for (const symbol of plan.outline) if (symbol.name.toLocaleLowerCase().includes(wanted)) found.push({ ...symbol, filePath });
    }
    return found;
  }
}

interface IndexedPlan {
  text: string;
  links: string[];
  outline?: Omit<IndexedSymbol, 'filePath'>[];
}

export interface IndexedSymbol {
  filePath: string;
  name: string;
  kind: 'section' | 'goal' | 'kpi';
  /** The section a goal or KPI is in. */
  container?: string;
  start: number;
  end: number;
}

/** The paths a plan's top-level `alignsWith` names, resolved against its folder. */
export function linksOf(filePath: string, text: string): string[] {
  const entry = topLevelEntry(text, 'alignsWith');
  if (entry === undefined) return [];
  let value: unknown;
  try {
    value = parse(entry, { maxAliasCount: 0 });
  } catch {
    return [];
  }
  const targets = (value as { alignsWith?: unknown } | null)?.alignsWith;
  const list = typeof targets === 'string' ? [targets] : Array.isArray(targets) ? targets : [];
  return list.filter((target): target is string => typeof target === 'string').map((target) => path.resolve(path.dirname(filePath), target)).filter((target) => target !== filePath);
}

/** The text of a top-level key's entry: its line and the indented or blank lines after it. */
function topLevelEntry(text: string, key: string): string | undefined {
  const match = new RegExp(`^${key}[ \\t]*:`, 'm').exec(text);
  if (!match) return undefined;
  const rest = text.slice(match.index);
  const next = /\n(?=[^\s#-])/.exec(rest);
  return next ? rest.slice(0, next.index) : rest;
}

const SECTION = /^([A-Za-z][\w-]*)[ \t]*:/gm;
const ITEM_ID = /^([ \t]*)(?:-[ \t]+)?id[ \t]*:[ \t]*["']?([a-z0-9][a-z0-9-]*)["']?[ \t]*(?:#.*)?$/gm;

/** Sections (top-level keys) and the ids of goals and KPIs, with their offsets. */
function outlineOf(text: string): Omit<IndexedSymbol, 'filePath'>[] {
  const sections: { name: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(SECTION)) sections.push({ name: match[1], start: match.index, end: match.index + match[1].length });
  const outline: Omit<IndexedSymbol, 'filePath'>[] = sections.map((section) => ({ ...section, kind: 'section' }));
  let sectionIndex = -1;
  for (const match of text.matchAll(ITEM_ID)) {
    while (sectionIndex + 1 < sections.length && sections[sectionIndex + 1].start <= match.index) sectionIndex++;
    const container = sections[sectionIndex]?.name;
    if (container !== 'goals' && container !== 'kpis') continue;
    const start = match.index + match[0].indexOf(match[2], match[1].length);
    outline.push({ name: match[2], kind: container === 'goals' ? 'goal' : 'kpi', container, start, end: start + match[2].length });
  }
  return outline.sort((a, b) => a.start - b.start);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function isInside(folder: string, filePath: string): boolean {
  const relative = path.relative(folder, filePath);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
