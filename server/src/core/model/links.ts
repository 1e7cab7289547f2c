import type { ParsedPlan } from '../parse/parse';
import type { PlanModel } from './model';

/** A parse and its model, shared by every feature that asks about the same text. */
export interface Analysis {
  parsed: ParsedPlan;
  model: PlanModel;
}

export interface LinkedPlan {
  filePath: string;
  text: string;
  analysis: Analysis;
}

/** One entry of a plan's `alignsWith`, resolved. */
export interface PlanLink {
  /** Its position in `alignsWith`. */
  index: number;
  target: string;
  filePath: string;
  status: 'ok' | 'outside' | 'missing' | 'not-a-plan';
  plan?: LinkedPlan;
}
