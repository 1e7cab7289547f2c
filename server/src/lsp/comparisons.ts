/**
 * The compare mode's state in the language server: for each open plan in compare mode, the older
 * text it is compared with (`planAsCode/compare`), checked by a plan service of its own so that
 * the editor's snapshots stay cached; and the semantic diff of the plan's current version
 * against it, from the core (`diffVersions`), made once per version.
 */
import { diffVersions, syntaxError } from '../core/features/diff';
import { indexDiff, type DiffIndex } from '../core/features/diff/paths';
import { formatMessage } from '../core/base/messages';
import type { CompareInput } from '../core/render';
import type { CheckedPlan, CheckOptions, PlanService } from '../core/workspace/service';

interface Base {
  name: string;
  text: string;
}

export interface Comparison {
  input: CompareInput;
  index: DiffIndex;
}

export class Comparisons {
  private readonly bases = new Map<string, Base>();
  /** The last comparison of each plan, for the plan version (checked plan) it was made from. */
  private readonly made = new Map<string, { plan: CheckedPlan; comparison: Comparison }>();

  /** `versions`: the service that checks the older texts, apart from the editor's. */
  constructor(private readonly versions: PlanService) {}

  /**
   * Sets the base of a plan, or says why it cannot be compared (in the plan's language): its
   * YAML does not parse, or it is over `maxFileSize`. `name` is the plan's name for the service.
   */
  set(uri: string, base: Base, name: string, options: CheckOptions): { ok: true } | { ok: false; message: string } {
    const older = this.versions.check(base.text, name, options);
    const problem = older.tooLarge
      ? formatMessage(older.locale, 'diff.compare.tooLarge', { base: base.name })
      : (() => {
          const error = syntaxError(older.parsed, 'before');
          return error && formatMessage(older.locale, 'diff.compare.notParsed', { base: base.name, line: error.line, column: error.column, message: error.message });
        })();
    if (problem) {
      this.clear(uri);
      return { ok: false, message: problem };
    }
    this.bases.set(uri, base);
    this.made.delete(uri);
    return { ok: true };
  }

  clear(uri: string): void {
    this.bases.delete(uri);
    this.made.delete(uri);
  }

  /** The name of the base of a plan in compare mode; undefined for a plan that is not. */
  baseOf(uri: string): string | undefined {
    return this.bases.get(uri)?.name;
  }

  /** The comparison of a plan's version (its checked plan) with its base; undefined outside compare mode. */
  of(uri: string, plan: CheckedPlan, name: string, options: CheckOptions): Comparison | undefined {
    const base = this.bases.get(uri);
    if (!base) return undefined;
    const made = this.made.get(uri);
    if (made?.plan === plan) return made.comparison;
    // The base is checked with the plan's settings and today, by the service that keeps it cached.
    const older = this.versions.check(base.text, name, options);
    const diff = diffVersions(older, plan);
    diff.language = plan.locale;
    const comparison = { input: { diff, before: older.parsed.value ?? {}, base: base.name }, index: indexDiff(diff) };
    this.made.set(uri, { plan, comparison });
    return comparison;
  }
}
