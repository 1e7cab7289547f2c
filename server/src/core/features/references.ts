import * as path from 'path';
import type { MessageId } from '../base/messages';
import type { IdSection } from '../model/model';
import { ID_PATTERN, kebabCase } from '../check/schema';
import type { Analysis, LinkedPlan } from '../model/links';
import { sectionKey, type IdOccurrence } from '../model/occurrences';

export type { IdOccurrence } from '../model/occurrences';
import type { TextEdit } from '../base/types';

/**
 * Ids and the references to them, for go to definition, find references, rename and
 * highlights. Everything starts from one resolver: the id occurrence at an offset, and
 * what it stands for. Ids are typed by section (a KPI `leads` and a channel `leads` are
 * different things) and may live in another plan named by `alignsWith`.
 */

/** A plan file with its parse: the open document's text, or the file's on disk. */
export type PlanFile = LinkedPlan;

/** An occurrence found in some plan. */
export interface PlanLocation extends IdOccurrence {
  plan: PlanFile;
}

/** The plans around the one being edited. */
export interface PlanWorkspace {
  /** The plans a plan names in `alignsWith` that can be read, in order. */
  linked(plan: PlanFile): PlanFile[];
  /** The plans that name this one in `alignsWith`, open or closed. */
  linkedFrom(plan: PlanFile): PlanFile[];
}

/** Why a rename cannot be done, as a message of the catalog. */
export interface Refusal {
  messageId: MessageId;
  params: Record<string, string | number>;
}

/** The edits a rename makes to one plan. */
export interface FileEdits {
  plan: PlanFile;
  edits: TextEdit[];
}

/**
 * A workspace over the plans: forward links by `alignsWith` (`linkedOf`), back links by
 * `linkingTo` (the workspace index). Links are computed once per plan for the workspace's
 * life, so create one per request.
 */
export function createPlanWorkspace(linkedOf: (plan: PlanFile) => PlanFile[], linkingTo: (plan: PlanFile) => PlanFile[]): PlanWorkspace {
  const links = new Map<string, PlanFile[]>();
  const linked = (plan: PlanFile): PlanFile[] => {
    let plans = links.get(plan.filePath);
    if (!plans) {
      plans = linkedOf(plan);
      links.set(plan.filePath, plans);
    }
    return plans;
  };
  return {
    linked,
    linkedFrom: linkingTo,
  };
}

/** Every id and reference of a plan, in source order. */
export function idOccurrences(analysis: Analysis): readonly IdOccurrence[] {
  return analysis.occurrences().all;
}

/** The id or reference under the cursor (its end counts as inside it). */
export function occurrenceAt(analysis: Analysis, offset: number): IdOccurrence | undefined {
  return analysis.occurrences().all.find((occurrence) => offset >= occurrence.start && offset <= occurrence.end);
}

/** What an occurrence stands for. */
interface Target {
  id: string;
  /** The definitions it names (two when `supports` names an objective and a strategy of the same id); none when undefined. */
  definitions: PlanLocation[];
  /** The sections it lives in: the definitions', else the reference's own. */
  sections: readonly IdSection[];
  /** Identities: one per definition, else one per section for an undefined id in this plan. */
  keys: Set<string>;
}

/**
 * A definition stands for itself; a reference for the definition its plan sees: in the plan
 * itself, else in the first plan of its `alignsWith` that defines it (as `ref/undefined` reads it).
 */
function resolve(plan: PlanFile, occurrence: IdOccurrence, workspace: PlanWorkspace): Target {
  const { id } = occurrence;
  if (occurrence.role === 'definition') {
    return { id, definitions: [{ ...occurrence, plan }], sections: occurrence.sections, keys: new Set([placeKey(plan, occurrence)]) };
  }
  for (const candidate of plansSeenFrom(plan, workspace)) {
    const { first } = candidate.analysis.occurrences();
    const found = occurrence.sections.flatMap((section) => first.get(sectionKey(section, id)) ?? []);
    if (found.length === 0) continue;
    return {
      id,
      definitions: found.map((definition) => ({ ...definition, plan: candidate })),
      sections: found.flatMap((definition) => definition.sections),
      keys: new Set(found.map((definition) => placeKey(candidate, definition))),
    };
  }
  return { id, definitions: [], sections: occurrence.sections, keys: new Set(occurrence.sections.map((section) => `?${plan.filePath}\u0000${sectionKey(section, id)}`)) };
}

/** A plan, then the plans it links to; the links are only read when the plan itself does not define the id. */
function* plansSeenFrom(plan: PlanFile, workspace: PlanWorkspace): Generator<PlanFile> {
  yield plan;
  yield* workspace.linked(plan);
}

const placeKey = (plan: PlanFile, occurrence: IdOccurrence) => `${plan.filePath}\u0000${occurrence.start}`;

/** The plans whose references may name a target: around the plan asked about, and around each plan defining it. */
function plansAround(plan: PlanFile, target: Target, workspace: PlanWorkspace): PlanFile[] {
  const plans = new Map<string, PlanFile>();
  for (const center of [plan, ...target.definitions.map((definition) => definition.plan)]) {
    for (const candidate of [center, ...workspace.linked(center), ...workspace.linkedFrom(center)]) {
      if (!plans.has(candidate.filePath)) plans.set(candidate.filePath, candidate);
    }
  }
  return [...plans.values()];
}

/** Every occurrence in `plans` that stands for the target. */
function occurrencesOf(target: Target, plans: readonly PlanFile[], workspace: PlanWorkspace): PlanLocation[] {
  const found: PlanLocation[] = [];
  for (const plan of plans) {
    for (const occurrence of plan.analysis.occurrences().all) {
      if (occurrence.id !== target.id) continue;
      const { keys } = resolve(plan, occurrence, workspace);
      if ([...keys].some((key) => target.keys.has(key))) found.push({ ...occurrence, plan });
    }
  }
  return found;
}

/** The definitions of the id under the cursor; on a definition's own `id`, that definition. */
export function findDefinitions(plan: PlanFile, offset: number, workspace: PlanWorkspace): PlanLocation[] {
  const occurrence = occurrenceAt(plan.analysis, offset);
  return occurrence ? resolve(plan, occurrence, workspace).definitions : [];
}

/**
 * Every reference to the id under the cursor (at its definition or at a reference), in this
 * plan, the plans it links to and the plans that link to it; with the definitions when asked.
 */
export function findReferences(plan: PlanFile, offset: number, workspace: PlanWorkspace, includeDeclaration: boolean): PlanLocation[] {
  const occurrence = occurrenceAt(plan.analysis, offset);
  if (!occurrence) return [];
  const target = resolve(plan, occurrence, workspace);
  const found = occurrencesOf(target, plansAround(plan, target, workspace), workspace);
  return includeDeclaration ? found : found.filter((location) => location.role === 'reference');
}

/** The definition and references of the id under the cursor, in this plan only. */
export function documentHighlights(plan: PlanFile, offset: number, workspace: PlanWorkspace): IdOccurrence[] {
  const occurrence = occurrenceAt(plan.analysis, offset);
  if (!occurrence) return [];
  return occurrencesOf(resolve(plan, occurrence, workspace), [plan], workspace).map(({ plan: _plan, ...place }) => place);
}

/** The id under the cursor and its range, or why there is nothing to rename there. */
export function prepareRename(plan: PlanFile, offset: number): { start: number; end: number; placeholder: string } | Refusal {
  const occurrence = occurrenceAt(plan.analysis, offset);
  if (!occurrence) return { messageId: 'rename.notAnId', params: {} };
  return { start: occurrence.start, end: occurrence.end, placeholder: occurrence.id };
}

const ID = new RegExp(ID_PATTERN);

/**
 * Renames the id under the cursor: its definitions and every reference that stands for them,
 * in every plan around. Refused when the new name is not an id, or when a plan that would be
 * edited already has an item of that name in the same section.
 */
export function renameId(plan: PlanFile, offset: number, newName: string, workspace: PlanWorkspace): FileEdits[] | Refusal {
  const occurrence = occurrenceAt(plan.analysis, offset);
  if (!occurrence) return { messageId: 'rename.notAnId', params: {} };
  if (!ID.test(newName)) {
    const suggestion = kebabCase(newName);
    return suggestion ? { messageId: 'rename.invalid', params: { name: newName, suggestion } } : { messageId: 'rename.invalidNoSuggestion', params: { name: newName } };
  }
  const target = resolve(plan, occurrence, workspace);
  if (newName === target.id) return [];
  const places = occurrencesOf(target, plansAround(plan, target, workspace), workspace);
  const byFile = new Map<string, FileEdits>();
  for (const place of places) {
    let file = byFile.get(place.plan.filePath);
    if (!file) {
      file = { plan: place.plan, edits: [] };
      byFile.set(place.plan.filePath, file);
    }
    file.edits.push({ start: place.start, end: place.end, newText: newName });
  }
  for (const { plan: edited } of byFile.values()) {
    const { first } = edited.analysis.occurrences();
    const section = target.sections.find((candidate) => first.has(sectionKey(candidate, newName)));
    if (section) return { messageId: 'rename.exists', params: { name: newName, section, file: path.basename(edited.filePath) } };
  }
  return [...byFile.values()];
}

export function isRefusal(value: object): value is Refusal {
  return 'messageId' in value;
}
