/**
 * The preview's compare mode: the plan rendered with the changes since an older version marked
 * in place. The changes are the semantic diff's (`features/diff`), computed by the caller and
 * passed in `RenderInput.compare`; here they are only looked up by path.
 *
 * A removed item is rendered where it was, from the older plan, under a path that starts with
 * `OLDER`: `RenderContext.at` reads such a path in the older plan, and its blocks have no source
 * line and claim no finding.
 */
import { indexDiff, pathKey, type DiffIndex } from '../features/diff/paths';
import type { FieldChange, ItemChange, PlanDiff } from '../analysis/diff/types';
import type { JsonPath } from '../base/types';

/** What the plan is compared with. */
export interface CompareInput {
  diff: PlanDiff;
  /** The older plan's data (parsed), where removed items are read from. */
  before: unknown;
  /** The older version's name as the user chose it: `HEAD`, `main`, the merge base's commit… */
  base: string;
}

/** The first segment of the path of an item read from the older plan. */
export const OLDER = '\u0000older';

export type BlockMark = 'added' | 'changed' | 'removed';

export class CompareState {
  readonly diff: PlanDiff;
  readonly before: unknown;
  readonly base: string;
  private readonly index: DiffIndex;
  /** Paths of the removed items being rendered (their roots), as keys. */
  private readonly removedRoots = new Set<string>();

  constructor(input: CompareInput) {
    this.diff = input.diff;
    this.before = input.before;
    this.base = input.base;
    this.index = indexDiff(input.diff);
  }

  /** The change of the value at a path of the newer plan. */
  fieldAt(path: JsonPath): FieldChange | undefined {
    return path[0] === OLDER ? undefined : this.index.fields.get(pathKey(path));
  }

  /** How a block at a path is marked: an item (or section) added or changed, or a removed item. */
  blockAt(path: JsonPath): BlockMark | undefined {
    if (path[0] === OLDER) return this.removedRoots.has(pathKey(path)) ? 'removed' : undefined;
    const change = this.index.items.get(pathKey(path));
    if (!change) return undefined;
    return change.kind === 'added' ? 'added' : 'changed';
  }

  /** The items removed from the list at `path`: their older index and the path to render them at. */
  removedFrom(path: JsonPath): { index: number; path: JsonPath; change: ItemChange }[] {
    if (path[0] === OLDER) return [];
    return (this.index.removed.get(pathKey(path)) ?? []).map((change) => {
      const index = Number(change.path.at(-1));
      const older: JsonPath = [OLDER, ...change.path];
      this.removedRoots.add(pathKey(older));
      return { index, path: older, change };
    });
  }
}
