import type { ParsedPlan } from '../parse/parse';
import type { PlanModel } from './model';
import { occurrenceIndex, type OccurrenceIndex } from './occurrences';
import type { FileProblem } from '../base/files';

/** A parse and its model, shared by every feature that asks about the same text. */
export interface Analysis {
  parsed: ParsedPlan;
  model: PlanModel;
  /** Where the plan's ids and references are written, worked out on first use (once per version). */
  occurrences(): OccurrenceIndex;
}

/** The analysis of a parse and its model. */
export function analysisOf(parsed: ParsedPlan, model: PlanModel): Analysis {
  let occurrences: OccurrenceIndex | undefined;
  return {
    parsed,
    model,
    occurrences: () => (occurrences ??= occurrenceIndex(parsed, model)),
  };
}

export interface LinkedPlan {
  filePath: string;
  text: string;
  analysis: Analysis;
}

/** A plan aligned with another, in either direction. */
export interface AlignedPlan {
  filePath: string;
  model: PlanModel;
}

/** One entry of a plan's `alignsWith`, resolved. */
export interface PlanLink {
  /** Its position in `alignsWith`. */
  index: number;
  target: string;
  filePath: string;
  /** `ok`, `not-a-plan`, or why the file was not read. */
  status: 'ok' | 'not-a-plan' | FileProblem;
  plan?: LinkedPlan;
  /** For `too-large`: the file's size (bytes) and the limit (characters). */
  size?: number;
  limit?: number;
  /** For `unreadable`: the system's error code. */
  detail?: string;
}
