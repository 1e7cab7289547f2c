/**
 * Where ids are written in a plan's text: each item's `id` and each reference to one, with
 * their offsets (inside quotes). Navigation, highlights and rename read it, once per version.
 */
import { nodeAt, type ParsedPlan, type SourceNode } from '../parse/parse';
import type { IdSection, PlanModel } from './model';

/** One place where an id is written: an item's `id`, or a reference field's value. */
export interface IdOccurrence {
  role: 'definition' | 'reference';
  id: string;
  /** A definition's section; the sections a reference's field may name (`supports`: objectives and strategies). */
  sections: readonly IdSection[];
  /** The id's text, inside the quotes when it is quoted. */
  start: number;
  end: number;
}

export interface OccurrenceIndex {
  /** Every occurrence in source order, one per place in the text (aliases and merges share places). */
  all: IdOccurrence[];
  /** The definition each `section`/`id` resolves to: the first, as in the model's `ids`. */
  first: Map<string, IdOccurrence>;
}

export const sectionKey = (section: IdSection, id: string) => `${section}\u0000${id}`;

/** Every id and reference of a plan, with each definition that ids resolve to. */
export function occurrenceIndex(parsed: ParsedPlan, model: PlanModel): OccurrenceIndex {
  const places = new Set<number>();
  const all: IdOccurrence[] = [];
  const first = new Map<string, IdOccurrence>();
  const add = (role: IdOccurrence['role'], id: string, sections: readonly IdSection[], node: SourceNode | undefined): IdOccurrence | undefined => {
    const range = idRange(parsed.text, node);
    if (!range || places.has(range[0])) return undefined;
    places.add(range[0]);
    const occurrence: IdOccurrence = { role, id, sections, start: range[0], end: range[1] };
    all.push(occurrence);
    return occurrence;
  };
  for (const definition of model.definitions) {
    const occurrence = add('definition', definition.id, [definition.section], nodeAt(parsed.root, definition.path));
    if (occurrence && model.ids.get(definition.section)?.get(definition.id) === definition) first.set(sectionKey(definition.section, definition.id), occurrence);
  }
  for (const reference of model.references) add('reference', reference.id, reference.targets, nodeAt(parsed.root, reference.path));
  all.sort((a, b) => a.start - b.start);
  return { all, first };
}

/** Where an id's text is: a plain or quoted scalar. Aliases and block scalars are not id text to edit. */
function idRange(text: string, node: SourceNode | undefined): [number, number] | undefined {
  if (!node || node.children || node.alias || node.end <= node.start) return undefined;
  const open = text[node.start];
  if (open === '|' || open === '>') return undefined;
  if (open === '"' || open === "'") {
    const end = node.end - 1 > node.start && text[node.end - 1] === open ? node.end - 1 : node.end;
    return end > node.start + 1 ? [node.start + 1, end] : undefined;
  }
  return [node.start, node.end];
}

